"""A content page's jurisdiction is the jurisdiction page above it: on a draft's save and after a move."""

import pytest
from wagtail.actions.move_page import MovePageAction

from resources.models import ResourcePage
from resources.services import import_resources

pytestmark = pytest.mark.django_db

CSV = (
    "external_id,title_en,title_fr,summary_en,summary_fr,topics,resource_type,languages,licence,url,publisher,date_published\n"
    "d-1,Draft,Brouillon,S,R,basics,guide,en;fr,ogl-ontario-1.0,https://example.org/d,Ontario,2024-01-01\n"
)


def test_a_draft_import_knows_its_jurisdiction_and_a_second_import_updates_it(site_tree):
    import_resources(data=CSV, jurisdiction_code="ON", publish=False)
    pages = ResourcePage.objects.filter(external_id="d-1")
    assert pages.count() == 2 and not pages.filter(live=True).exists()
    assert set(pages.values_list("jurisdiction__code", flat=True)) == {"ON"}
    report = import_resources(data=CSV, jurisdiction_code="ON", publish=False)
    assert (report.created, report.updated) == (0, 2)
    assert ResourcePage.objects.filter(external_id="d-1").count() == 2


def test_moving_a_page_to_another_jurisdiction_moves_its_jurisdiction(site_tree, make_resource):
    page = make_resource(code="ON", title="Moving")
    assert page.jurisdiction.code == "ON"
    target = site_tree["jurisdictions"]["BC"]["pages"]["en"]
    MovePageAction(page, target, pos="last-child").execute()
    page.refresh_from_db()
    assert page.jurisdiction.code == "BC"
