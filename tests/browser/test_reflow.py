"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide (400 % zoom of 1280) no public page scrolls
sideways, in either language; wide tables scroll inside their own region."""

from datetime import date

import pytest

from courses.models import CoursePage
from home.site_tree import build_site_tree
from literacy.models import Audience, LearningPlanPage, Topic
from resources.services import save_resource_page
from sessions.models import SessionPage
from tests.courses.helpers import make_course
from tests.factories import UserFactory
from tests.sessions.helpers import make_session

WIDTH = 320
# Names the elements that stick out, so that a failure says where to look.
WIDE_ELEMENTS = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > limit + 1 && el.getBoundingClientRect().width > 0)
    .slice(0, 6)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}#${el.id}`);
}"""


@pytest.fixture
def content(live_site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    tree = build_site_tree()
    resource = save_resource_page(
        parent=tree["jurisdictions"]["ON"]["pages"]["en"],
        title="Writing an open data policy for a small municipality: a practical guide",
        topics=[Topic.objects.get(slug="basics")],
        audiences=[Audience.objects.get(slug="managers")],
        summary="A guide with a long title, long words such as interoperability and https://example.org/a/long/path",
        resource_type="guide",
        languages=["en", "fr"],
        licence="ogl-ontario-1.0",
        link_url="https://example.org/a/very/long/address/that/could/push/the/page/sideways/when/shown/whole",
        publisher="Ministry of Public and Business Service Delivery and Procurement",
        date_published=date(2025, 2, 1),
    )
    course, lessons = make_course(tree, code="ON", title="Open data fundamentals for program managers")
    session = make_session("ON", title="Open data clinic: publishing your first dataset", capacity=20)
    return {"resource": resource, "course": course, "lesson": lessons[-1], "session": session}


def public_paths(content):
    paths = ["/en/", "/fr/"]
    for language in ("en", "fr"):
        prefix = f"/{language}/"
        paths += [
            prefix + ("resources/" if language == "en" else "ressources/"),
            prefix + ("resources/coverage/" if language == "en" else "ressources/couverture/"),
            prefix + ("courses/" if language == "en" else "cours/"),
            prefix + ("sessions/" if language == "en" else "seances/"),
            prefix + ("search/?q=open+data" if language == "en" else "recherche/?q=donnees"),
            prefix + ("privacy/" if language == "en" else "confidentialite/"),
            prefix + ("terms-and-conditions/" if language == "en" else "avis/"),
            prefix + ("accessibility/" if language == "en" else "accessibilite/"),
            prefix + ("contact/" if language == "en" else "contactez-nous/"),
            prefix + ("report-a-problem/" if language == "en" else "signaler-un-probleme/"),
            prefix + "accounts/login/",
            prefix + "accounts/signup/",
        ]
    paths += [content["resource"].url, content["course"].url, content["lesson"].url, content["session"].url]
    for model in (LearningPlanPage, SessionPage, CoursePage):
        page = model.objects.live().filter(locale__language_code="fr").first()
        if page is not None:
            paths.append(page.url)
    return paths


@pytest.mark.browser
def test_no_public_page_scrolls_sideways_at_320_pixels(page, visit, sign_in, content):
    page.set_viewport_size({"width": WIDTH, "height": 720})
    too_wide = {}
    for path in public_paths(content):
        visit(path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[path] = (width, page.evaluate(WIDE_ELEMENTS))
    sign_in(UserFactory())
    page.set_viewport_size({"width": WIDTH, "height": 720})
    for path in ("/en/my-learning/", "/fr/profil/", content["session"].url, content["lesson"].url):
        visit(path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[path] = width
    assert too_wide == {}, too_wide


@pytest.mark.browser
def test_the_inventory_shows_results_first_on_a_phone_with_the_filters_folded(page, visit, content):
    page.set_viewport_size({"width": WIDTH, "height": 720})
    visit("/en/resources/")
    results = page.locator("#results-heading").bounding_box()
    filters = page.locator("details.filters-panel summary")
    assert filters.is_visible() and filters.evaluate("(el) => !el.parentElement.open")
    assert results["y"] < filters.bounding_box()["y"] + 400  # the results are within the first screen
    filters.click()
    assert page.get_by_role("checkbox").first.is_visible()
