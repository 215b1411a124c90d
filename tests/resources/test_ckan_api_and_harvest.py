"""The CKAN-compatible Action API, read by CKAN's own client (ckanapi) over HTTP from a live server,
and the harvester pulling from it and from recorded portal answers in the Open Government
Portal's schema."""

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ckanapi import NotFound, RemoteCKAN
from ckanapi.errors import SearchQueryError
from django.core.management import call_command
from django.core.management.base import CommandError

from resources import exports
from resources.demo import load_demo
from resources.harvest import harvest_ckan
from resources.models import ResourcePage

HERE = Path(__file__).resolve().parent


@pytest.fixture
def inventory(live_site, transactional_db):
    from home.site_tree import build_site_tree

    load_demo(tree=build_site_tree())
    return ResourcePage.objects.live().values("translation_key").distinct().count()


@pytest.fixture
def ckan(live_site):
    return RemoteCKAN(live_site.url)


def _all_packages(ckan, rows, **params):
    seen, start = [], 0
    while True:
        page = ckan.action.package_search(rows=rows, start=start, **params)
        seen += page["results"]
        start += rows
        if start >= page["count"]:
            return page["count"], seen


def test_ckanapi_pages_through_every_live_resource_once(ckan, inventory):
    assert ckan.action.status_show()["site_url"]
    count, packages = _all_packages(ckan, rows=7)
    assert count == inventory
    names = [p["name"] for p in packages]
    assert len(names) == len(set(names)) == inventory
    assert set(names) == set(ckan.action.package_list())
    # By English title, both directions (titles repeat across governments: ties go by name).
    _, ascending = _all_packages(ckan, rows=50, sort="title asc")
    _, descending = _all_packages(ckan, rows=50, sort="title desc")
    titles = [p["title"] for p in ascending]
    assert titles == sorted(titles) and titles == [p["title"] for p in reversed(descending)]
    assert len({p["name"] for p in ascending}) == inventory


def test_package_show_round_trips_every_field_of_the_search_result(ckan, inventory):
    _, packages = _all_packages(ckan, rows=100)
    for package in packages[:25]:
        shown = ckan.action.package_show(id=package["name"])
        assert shown == package
        assert set(shown["title_translated"]) == {"en", "fr"}
        assert shown["organization"]["name"] == shown["owner_org"]
    with pytest.raises(NotFound):
        ckan.action.package_show(id="00000000-0000-0000-0000-000000000000")


def test_fq_q_and_organisations(ckan, inventory):
    orgs = ckan.action.organization_list(all_fields=True)
    ontario = next(org for org in orgs if org["name"] == "ogl-on")
    assert ontario["title_translated"]["fr"] == "Ontario"
    count, packages = _all_packages(ckan, rows=20, fq="organization:ogl-on")
    assert count == ontario["package_count"] > 0
    assert {p["owner_org"] for p in packages} == {"ogl-on"}
    count, packages = _all_packages(ckan, rows=20, fq="organization:ogl-on res_format:HTML")
    assert all(r["format"] == "HTML" for p in packages for r in p["resources"])
    hits = ckan.action.package_search(q="toolkit", rows=5)
    assert hits["count"] > 0 and len(hits["results"]) <= 5
    french = ckan.action.package_search(q="trousse", rows=100)
    assert french["count"] > 0
    with pytest.raises(SearchQueryError):
        ckan.action.package_search(fq="nonsense:field")
    licences = {lic["id"] for lic in ckan.action.license_list()}
    assert {"ca-ogl-lgo", "on-oglo", "nwt-tno"} <= licences
    # GET works too, as CKAN's own API does.
    assert RemoteCKAN(ckan.address, get_only=True).action.package_search(rows=1)["count"] == inventory


def _records(queryset):
    """Export records without what names the copy (its id, pages and jurisdiction)."""
    records = []
    for pages in exports.resources(queryset):
        record = exports.record(pages)
        for name in ("resource_id", "page_url", "jurisdiction"):
            record.pop(name)
        records.append(record)
    return sorted(records, key=lambda r: r["external_id"] or r["title"]["en"])


def test_harvesting_the_sites_own_api_reproduces_the_records_and_twice_changes_nothing(live_site, inventory):
    url = live_site.url
    report = harvest_ckan(url=url, jurisdiction_code="NU", fq="organization:ogl-on")
    source = ResourcePage.objects.live().filter(jurisdiction__code="ON")
    expected = source.values("translation_key").distinct().count()
    assert (report.created, report.updated, report.unchanged, report.rejected) == (expected, 0, 0, [])
    harvested = ResourcePage.objects.filter(jurisdiction__code="NU", external_id__startswith="demo-on-")
    assert harvested.exists() and not harvested.filter(live=True).exists()  # drafts for moderators
    for page in harvested:
        page.save_revision().publish()
    assert _records(source) == _records(ResourcePage.objects.live().filter(pk__in=harvested.values("pk")))

    again = harvest_ckan(url=url, jurisdiction_code="NU", fq="organization:ogl-on")
    assert (again.created, again.updated, again.unchanged) == (0, 0, expected)
    assert ResourcePage.objects.filter(jurisdiction__code="NU", external_id__startswith="demo-on-").count() == (
        harvested.count()
    )


class RecordedPortal(BaseHTTPRequestHandler):
    """A CKAN portal that answers package_search from a recorded answer in the portal's schema."""

    answer = json.loads((HERE / "portal_package_search.json").read_text(encoding="utf-8"))

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
        start, rows = int(body.get("start", 0)), int(body.get("rows", 10))
        results = self.answer["result"]["results"][start : start + rows]
        payload = json.dumps({**self.answer, "result": {**self.answer["result"], "results": results}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def recorded_portal():
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordedPortal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.django_db
def test_harvest_maps_the_portals_schema_and_reports_every_refusal(site_tree, recorded_portal, capsys):
    with pytest.raises(CommandError):
        call_command("harvest_ckan", recorded_portal, "--jurisdiction", "XX")
    call_command("harvest_ckan", recorded_portal, "--jurisdiction", "ON", "--dry-run")
    assert not ResourcePage.objects.filter(jurisdiction__code="ON").exists()

    report = harvest_ckan(url=recorded_portal, jurisdiction_code="ON", default_topic="basics")
    assert report.created == 2
    refused = dict(report.rejected)
    assert set(refused) == {"7c3a0bd4-0000-4000-8000-000000000003", "7c3a0bd4-0000-4000-8000-000000000004"}
    assert "licence" in refused["7c3a0bd4-0000-4000-8000-000000000003"]
    assert "resource type" in refused["7c3a0bd4-0000-4000-8000-000000000004"]

    guide = ResourcePage.objects.get(external_id="7c3a0bd4-0000-4000-8000-000000000001", locale__language_code="fr")
    assert guide.title == "Guide sur les données ouvertes"
    assert guide.link_url == "https://example.org/fr/guide-donnees-ouvertes.pdf"
    assert (guide.licence, guide.format, guide.resource_type) == ("ogl-ontario-1.0", "pdf", "guide")
    assert guide.date_published == date(2024, 3, 5) and not guide.live
    # "open data" among its keywords names a topic; --topic is only for records whose keywords name none.
    assert sorted(guide.topics.values_list("slug", flat=True)) == ["open-data"]
    course = ResourcePage.objects.get(external_id="7c3a0bd4-0000-4000-8000-000000000002", locale__language_code="en")
    assert course.resource_type == "course" and course.publisher == "Ontario Public Service"

    capsys.readouterr()
    call_command("harvest_ckan", recorded_portal, "--jurisdiction", "ON", "--topic", "basics")
    out = capsys.readouterr()
    assert "0 were created, 0 were updated" in out.out and "2 unchanged, 2 refused" in out.out
    assert "refused 7c3a0bd4-0000-4000-8000-000000000003" in out.err
