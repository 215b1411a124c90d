import csv
import io
from datetime import date

import pytest
from bs4 import BeautifulSoup

from literacy.models import Jurisdiction, Topic
from resources.models import PlannedResource
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def covered(make_resource, site_tree):
    make_resource(code="ON", title="ON basics", topics=("basics", "governance"))
    make_resource(code="ON", title="ON basics 2", topics=("basics",))
    make_resource(code="BC", title="BC standards", topics=("standards",))
    draft = make_resource(code="AB", title="AB draft", topics=("basics",))
    draft.unpublish()
    return {("ON", "basics"): 2, ("ON", "governance"): 1, ("BC", "standards"): 1}


def test_matrix_marks_gaps_exactly_where_the_fixture_has_none(client, covered):
    response = client.get("/en/resources/coverage/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", class_="coverage")
    assert table.caption and table.caption.get_text(strip=True)
    assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
    topics = list(Topic.objects.values_list("slug", flat=True))
    for row, jurisdiction in zip(table.tbody.find_all("tr"), Jurisdiction.objects.all(), strict=True):
        cells = row.find_all("td")[: len(topics)]
        for cell, slug in zip(cells, topics, strict=True):
            expected = covered.get((jurisdiction.code, slug), 0)
            if expected:
                assert "gap" not in cell["class"] and cell.get_text(strip=True).startswith(str(expected))
            else:
                assert "gap" in cell["class"] and cell.get_text(strip=True) == "Gap", (jurisdiction.code, slug)


def test_matrix_counts_a_bilingual_resource_once_and_shows_planned(client, covered, site_tree):
    PlannedResource.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="NU"),
        topic=Topic.objects.get(slug="fogo"),
        title="FOGO primer",
        target_date=date(2027, 3, 1),
    )
    soup = BeautifulSoup(client.get("/fr/ressources/couverture/").content, "html.parser")
    planned = soup.select("td.planned")
    assert len(planned) == 1 and planned[0].get_text().startswith("Prévue")
    assert soup.select("td.gap")[0].get_text(strip=True) == "Lacune"
    assert planned[0]["data-topic"] == "fogo"


def test_coordinators_download_their_gaps(client, covered):
    coordinator = staff_user("ON", "Coordinators")
    PlannedResource.objects.create(
        jurisdiction=coordinator.jurisdiction,
        topic=Topic.objects.get(slug="standards"),
        title="Standards, explained",
        target_date=date(2027, 1, 15),
    )
    client.force_login(coordinator)
    response = client.get("/admin/resources/gaps.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["jurisdiction"] for row in rows} == {"ON"}
    slugs = {row["topic"] for row in rows}
    assert "basics" not in slugs and "governance" not in slugs
    assert len(rows) == Topic.objects.count() - 2
    standards = next(row for row in rows if row["topic"] == "standards")
    assert standards["planned_titles"] == "Standards, explained"
    assert client.get("/admin/resources/gaps/").status_code == 200


def test_gap_list_is_refused_to_non_coordinators(client, covered):
    client.force_login(staff_user("ON", "Editors"))
    response = client.get("/admin/resources/gaps.csv")
    assert response.status_code == 403  # the admin's one refusal (literacy.roles.forbidden)


def test_planned_resource_admin_is_scoped_to_the_users_jurisdictions(client, site_tree):
    PlannedResource.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="ON"), topic=Topic.objects.get(slug="basics"), title="Ontario plan"
    )
    PlannedResource.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="BC"), topic=Topic.objects.get(slug="basics"), title="BC plan"
    )
    client.force_login(staff_user("ON", "Coordinators"))
    response = client.get("/admin/snippets/resources/plannedresource/")
    assert response.status_code == 200
    assert b"Ontario plan" in response.content and b"BC plan" not in response.content
    response = client.get("/admin/snippets/resources/plannedresource/add/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    options = [o["value"] for o in soup.select("select[name=jurisdiction] option") if o["value"]]
    assert options == [str(Jurisdiction.objects.get(code="ON").pk)]


def test_planned_resource_for_another_jurisdiction_is_refused(client, site_tree):
    client.force_login(staff_user("ON", "Coordinators"))
    response = client.post(
        "/admin/snippets/resources/plannedresource/add/",
        {
            "jurisdiction": Jurisdiction.objects.get(code="BC").pk,
            "topic": Topic.objects.get(slug="basics").pk,
            "title": "Sneaky",
            "target_date": "",
            "contact": "",
        },
    )
    assert response.status_code == 200  # form redisplayed with an error
    assert not PlannedResource.objects.filter(title="Sneaky").exists()
    response = client.post(
        "/admin/snippets/resources/plannedresource/add/",
        {
            "jurisdiction": Jurisdiction.objects.get(code="ON").pk,
            "topic": Topic.objects.get(slug="basics").pk,
            "title": "Fine",
            "target_date": "2027-01-01",
            "contact": "a@example.ca",
        },
    )
    assert response.status_code == 302
    assert PlannedResource.objects.filter(title="Fine", jurisdiction__code="ON").exists()
