"""Two things a reader does, clicked through in English and in French (every page axe-checked by
`visit`): report a problem on a page, which is stored and emailed to the moderators of that page's
government; and follow a learning plan whose step is a resource, marked reviewed, to completion.
Labels come from the catalogues, so the French run reads the French site."""

from datetime import date

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale

from home.models import ProblemReport
from home.site_tree import build_site_tree
from literacy.models import LearningPlanIndexPage, Topic
from literacy.models.plans import LearningPlanPage, LearningPlanStep, PlanEnrolment
from resources.services import save_resource_page
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.browser
LANGUAGES = ["en", "fr"]


def _in(language, text):
    with translation.override(language):
        return gettext(text)


def _resource(tree, language, title):
    return save_resource_page(
        parent=tree["jurisdictions"]["ON"]["pages"][language],
        title=title,
        summary=f"Summary of {title}",
        resource_type="guide",
        format="html",
        languages=[language],
        licence="ogl-ontario-1.0",
        link_url="https://example.org/guide",
        publisher="Ontario",
        date_published=date(2024, 5, 1),
        topics=list(Topic.objects.filter(slug="basics")),
        audiences=[],
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_reports_a_problem_that_reaches_the_pages_moderators(page, visit, language):
    tree = build_site_tree()
    resource = _resource(tree, language, "Ontario open data guide")
    moderator = staff_user("ON", "Moderators", email="moderator.on@example.org")
    visit(resource.url)
    page.get_by_role("link", name=_in(language, "Report a problem on this page")).click()
    page.get_by_label(_in(language, "A link is broken")).check()
    page.get_by_label(_in(language, "Details (optional, up to 2,000 characters)")).fill("The guide's link answers 404.")
    mail.outbox.clear()
    page.get_by_role("button", name=_in(language, "Send the report")).click()
    page.wait_for_url(f"**{resource.url}")
    thanks = _in(language, "Thank you. The people who look after this page will read your report.")
    assert thanks in page.locator(".messages").inner_text()
    report = ProblemReport.objects.get()
    assert (report.page_path, report.kind, report.language) == (resource.url, "broken-link", language)
    assert report.jurisdiction.code == "ON"
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "The guide's link answers 404." in mail.outbox[0].body


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_learner_completes_a_plan_by_reviewing_its_resource(page, visit, sign_in, language):
    tree = build_site_tree()
    resource = _resource(tree, language, "Guide to disaggregated data")
    plan = LearningPlanPage(
        title="Read the data guide", slug="read-the-data-guide", locale=Locale.objects.get(language_code=language)
    )
    plan.steps.add(
        LearningPlanStep(sort_order=0, linked_page=resource, title="Read the guide", expected_outcome="Read it.")
    )
    tree["index_pages"][LearningPlanIndexPage][language].add_child(instance=plan)
    plan.save_revision().publish()
    learner = sign_in(UserFactory(preferred_language=language))
    visit(plan.url)
    page.get_by_role("button", name=_in(language, "Start this plan")).click()
    page.get_by_role("link", name="Read the guide").first.click()
    page.wait_for_url(f"**{resource.url}")
    page.get_by_role("button", name=_in(language, "Mark as reviewed"), exact=False).click()
    assert _in(language, "You have reviewed this resource.") in page.content()
    visit(plan.url)
    assert _in(language, "Complete") in page.locator(".step-status").first.inner_text()
    assert page.get_by_role("button", name=_in(language, "Get your certificate (PDF)")).is_visible()
    assert PlanEnrolment.objects.filter(user=learner, plan=plan).exists()
    with translation.override(language):
        done = ngettext("%(done)s of %(total)s steps complete", "%(done)s of %(total)s steps complete", 1)
    assert done % {"done": 1, "total": 1} in page.content()
