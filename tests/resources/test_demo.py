import pytest

from literacy.models import Jurisdiction
from resources.demo import load_demo
from resources.models import PlannedResource, ResourcePage
from resources.selectors import coverage_matrix

pytestmark = pytest.mark.django_db


def test_demo_is_bilingual_covers_every_jurisdiction_with_gaps_and_is_idempotent(site_tree, client):
    load_demo(tree=site_tree)
    en = ResourcePage.objects.filter(locale__language_code="en")
    fr = ResourcePage.objects.filter(locale__language_code="fr")
    assert en.count() >= 80 and fr.count() >= 80
    assert set(en.values_list("jurisdiction__code", flat=True)) == set(
        Jurisdiction.objects.values_list("code", flat=True)
    )
    assert set(fr.values_list("translation_key", flat=True)) == set(en.values_list("translation_key", flat=True))
    assert all(page.live for page in fr)
    matrix = coverage_matrix()
    assert all(0 < row["gaps"] < len(matrix["topics"]) for row in matrix["rows"] if row["jurisdiction"].code != "CA")
    assert any(row["gaps"] > 0 for row in matrix["rows"])
    assert ResourcePage.objects.filter(
        external_id__startswith="demo-open-north-", topics__slug="forward-planning"
    ).exists()
    page = fr.first()
    assert page.live_revision_id and page.live_revision_id == page.latest_revision_id
    assert not page.has_unpublished_changes
    assert page.live_revision.as_object().title == page.title
    planned = [cell for row in coverage_matrix()["rows"] for cell in row["cells"] if cell["gap"] and cell["planned"]]
    assert len(planned) >= 10
    assert {item.jurisdiction.code for cell in planned for item in cell["planned"]} >= {"NT", "NU", "YT"}
    assert "Planned" in client.get("/en/resources/coverage/").content.decode()
    total = ResourcePage.objects.count()
    plans = PlannedResource.objects.count()
    load_demo(tree=site_tree)
    assert ResourcePage.objects.count() == total and PlannedResource.objects.count() == plans
    response = client.get(page.url)
    assert response.status_code == 200 and page.title.encode() in response.content
