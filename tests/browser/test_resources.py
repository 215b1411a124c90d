"""The resource inventory in a real browser, every page axe-checked: filter by jurisdiction and
topic, open a resource, switch language, download the CSV; and the coverage heat map."""

import csv
import re
from datetime import date

import pytest

from home.site_tree import build_site_tree
from literacy.models import Audience, Topic
from resources.services import save_resource_page

pytestmark = pytest.mark.browser


def path_of(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


@pytest.fixture
def inventory(live_site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    tree = build_site_tree()
    basics, governance = Topic.objects.get(slug="basics"), Topic.objects.get(slug="governance")
    managers = Audience.objects.get(slug="managers")

    def make(code, language, title, topics, translation_of=None):
        return save_resource_page(
            parent=tree["jurisdictions"][code]["pages"][language],
            title=title,
            topics=topics,
            audiences=[managers],
            translation_of=translation_of,
            summary=f"{title}: résumé, with commas",
            resource_type="guide",
            languages=["en", "fr"],
            licence="ogl-ontario-1.0" if code == "ON" else "ogl-bc-2.0",
            link_url="https://example.ca/r",
            publisher="Publisher",
            date_published=date(2025, 2, 1),
        )

    en = make("ON", "en", "Ontario open data basics", [basics])
    make("ON", "fr", "Notions de base des données ouvertes en Ontario", [basics], translation_of=en)
    make("ON", "en", "Ontario governance guide", [governance])
    make("BC", "en", "BC open data basics", [basics])
    return tree


def test_filter_open_switch_language_and_download(page, visit, inventory):
    visit("/en/resources/")
    assert "3 resources" in page.locator("#results-heading").inner_text()
    page.get_by_label("Ontario (2)", exact=True).check()
    page.get_by_label("Open data basics (2)", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    assert "jurisdiction=ON" in page.url and "topic=basics" in page.url
    assert "1 resource" in page.locator("#results-heading").inner_text()

    page.get_by_role("link", name="Ontario open data basics").click()
    assert page.locator("h1").inner_text() == "Ontario open data basics"
    assert page.locator('script[type="application/ld+json"]').count() == 1

    page.get_by_role("link", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Notions de base des données ouvertes en Ontario"

    page.go_back()
    page.go_back()
    assert "jurisdiction=ON" in page.url  # the filters live in the URL, so back restores them
    assert page.locator("#facet-jurisdiction-ON").is_checked() and page.locator("#facet-topic-basics").is_checked()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    with open(download_info.value.path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["title_en"], row["title_fr"]) for row in rows] == [
        ("Ontario open data basics", "Notions de base des données ouvertes en Ontario"),
    ]  # one record per resource, with both languages
    assert rows[0]["summary_en"].endswith("résumé, with commas")


def test_coverage_heat_map(page, visit, inventory):
    visit("/fr/ressources/couverture/")
    table = page.get_by_role("table")
    assert "Ressources publiées" in table.locator("caption").inner_text()
    assert table.locator("td.gap").first.inner_text() == "Lacune"
    visit("/en/resources/coverage/")
    # The wide table scrolls inside its own region; the page itself never scrolls sideways.
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        region = page.get_by_role("region", name="Live resources by jurisdiction (rows) and topic (columns)")
        assert region.evaluate("(el) => el.scrollWidth > el.clientWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    assert breadcrumb.get_by_role("link").all_inner_texts() == ["Open Government Literacy", "Resources"]
    page.get_by_role("link", name="1 resource on this topic").first.click()
    assert "jurisdiction=" in page.url and "topic=" in page.url
    assert "1 resource" in page.locator("#results-heading").inner_text()
