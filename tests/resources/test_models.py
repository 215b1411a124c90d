import pytest
from django.core.exceptions import ValidationError

from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_jurisdiction_is_derived_from_the_parent_jurisdiction_page(make_resource):
    page = make_resource(code="BC", title="Open data 101")
    page.refresh_from_db()
    assert page.jurisdiction.code == "BC"
    assert page.live


def test_languages_round_trip_and_filter(make_resource):
    make_resource(title="Bilingual", languages=["en", "fr"])
    make_resource(title="English only", languages=["en"])
    page = ResourcePage.objects.get(title="Bilingual")
    assert page.languages == ["en", "fr"]
    assert list(ResourcePage.objects.filter(languages__contains=",fr,").values_list("title", flat=True)) == [
        "Bilingual"
    ]


def test_a_link_or_a_document_is_required(make_resource):
    with pytest.raises(ValidationError):
        make_resource(title="Nowhere", link_url="")


def test_unknown_language_code_is_refused(make_resource):
    with pytest.raises(ValidationError):
        make_resource(title="Klingon", languages=["tlh"])


def test_french_page_shares_translation_key(make_resource, site_tree):
    from resources.services import save_resource_page

    en = make_resource(title="Guide")
    fr = save_resource_page(
        parent=site_tree["jurisdictions"]["ON"]["pages"]["fr"],
        title="Guide (FR)",
        topics=list(en.topics.all()),
        translation_of=en,
        summary="Résumé",
        resource_type="guide",
        languages=["fr"],
        licence="ogl-canada-2.0",
        link_url="https://example.ca/fr",
        publisher="Éditeur",
        date_published=en.date_published,
    )
    assert fr.translation_key == en.translation_key
    assert fr.jurisdiction_id == en.jurisdiction_id
    assert en.get_translation(fr.locale).pk == fr.pk
