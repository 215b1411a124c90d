"""« Report a problem » on every page: stored for the moderators of the page's government, emailed
to them (each on their own), refused with a clear message when incomplete, in both languages."""

import pytest
from django.core import mail

from home.models import ProblemReport
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def test_every_public_page_links_to_the_form_for_itself(client, make_resource):
    resource = make_resource(title="A guide with a broken link")
    html = client.get(resource.url).content.decode()
    assert f"/en/report-a-problem/?page={resource.url.replace('/', '%2F')}" in html
    french = client.get("/fr/ressources/").content.decode()
    assert "/fr/signaler-un-probleme/?page=%2Ffr%2Fressources%2F" in french
    assert "Signaler un problème sur cette page" in french


def test_a_report_reaches_the_moderators_of_the_pages_government_only(
    client, make_resource, django_capture_on_commit_callbacks
):
    resource = make_resource(code="ON", title="Ontario guide")
    ontario = [staff_user("ON", "Moderators", email=f"on-mod-{n}@example.org") for n in range(2)]
    staff_user("BC", "Moderators", email="bc-mod@example.org")
    page = client.get("/en/report-a-problem/", {"page": resource.url})
    assert page.status_code == 200 and "What is wrong?" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/report-a-problem/",
            {"page": resource.url, "kind": "broken-link", "details": "The PDF link gives a 404."},
        )
    assert response.status_code == 302 and response["Location"] == resource.url
    report = ProblemReport.objects.get()
    assert (report.jurisdiction.code, report.kind, report.language) == ("ON", "broken-link", "en")
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in ontario)
    assert all(len(message.to) == 1 and resource.url in message.body for message in mail.outbox)

    # A route of a page (its export) belongs to that page's government too; national pages to Canada's.
    client.post("/en/report-a-problem/", {"page": "/en/resources/export/csv/?topic=basics", "kind": "other"})
    assert ProblemReport.objects.latest("created_at").jurisdiction.code == "CA"


def test_an_incomplete_or_foreign_report_is_refused_and_keeps_what_was_typed(client, site_tree):
    response = client.post("/fr/signaler-un-probleme/", {"page": "/fr/ressources/", "details": "Texte gardé"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Indiquez quel est le problème." in html and "Texte gardé" in html
    response = client.post("/en/report-a-problem/", {"page": "https://evil.example/phish", "kind": "other"})
    assert response.status_code == 400 and "from the page it is on" in response.content.decode()
    assert not ProblemReport.objects.exists() and not mail.outbox


def test_moderators_see_their_governments_reports_in_the_admin(client, make_resource):
    on_resource = make_resource(code="ON", title="Ontario guide")
    bc_resource = make_resource(code="BC", title="BC guide")
    client.post("/en/report-a-problem/", {"page": on_resource.url, "kind": "wrong"})
    client.post("/en/report-a-problem/", {"page": bc_resource.url, "kind": "language"})
    client.force_login(staff_user("ON", "Moderators"))
    listing = client.get("/admin/snippets/home/problemreport/").content.decode()
    assert on_resource.url in listing and bc_resource.url not in listing
    bc_report = ProblemReport.objects.get(jurisdiction__code="BC")
    assert client.get(f"/admin/snippets/home/problemreport/edit/{bc_report.pk}/").status_code in (302, 403, 404)
