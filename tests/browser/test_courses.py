"""Course journey in a real browser, every page axe-checked: catalogue, enrol, read, fail a
knowledge check, retry, pass, complete, verify the certificate; and a learning plan."""

import re

import pytest

from courses.models import Enrolment
from literacy.demo import load_plan_demo
from literacy.models import LearningPlanIndexPage
from literacy.models.certificates import Certificate
from tests.courses.helpers import make_course
from tests.factories import UserFactory, localized_url

pytestmark = pytest.mark.browser


def path_of(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_course_journey_in_the_browser(page, visit, sign_in, site_tree, language):
    course, (lesson1, lesson2) = make_course(site_tree, language=language, title=f"Browser course {language}")
    user = sign_in(UserFactory(display_name="Mary Ann Shadd", preferred_language=language))
    words = {
        "en": {
            "enrol": "Enrol in this course",
            "complete": "Mark this lesson complete",
            "submit": "Submit answers",
            "retry": "Try again",
            "done": "You completed this course.",
            "valid": "Valid",
        },
        "fr": {
            "enrol": "S’inscrire à ce cours",
            "complete": "Marquer cette leçon comme terminée",
            "submit": "Soumettre les réponses",
            "retry": "Réessayer",
            "done": "Vous avez terminé ce cours.",
            "valid": "Valide",
        },
    }[language]
    catalogue = "/en/courses/" if language == "en" else "/fr/cours/"
    visit(catalogue)
    page.get_by_role("link", name=course.title).click()
    assert path_of(page) == course.url

    page.get_by_role("button", name=words["enrol"]).click()
    assert path_of(page) == lesson1.url
    assert Enrolment.objects.filter(user=user).count() == 1
    assert page.locator("progress").count() == 1

    page.get_by_role("button", name=words["complete"]).click()
    assert path_of(page) == lesson2.url
    assert "FEEDBACK" not in page.content()  # no answer key before submission

    page.get_by_label("All rights reserved").check()
    page.get_by_role("button", name=words["submit"]).click()
    assert "FEEDBACK-WRONG" in page.locator("#knowledge-check").inner_text()

    page.get_by_label("Open Government Licence – Canada").check()
    page.get_by_role("button", name=words["retry"]).click()
    visit(course.url)
    assert words["done"] in page.locator("main").inner_text()

    certificate = Certificate.objects.get(user=user)
    visit(localized_url("literacy:verify_certificate", language, code=certificate.code))
    text = page.locator("main").inner_text()
    assert words["valid"] in text and "Mary Ann Shadd" in text and course.title in text
    visit(localized_url("literacy:verify_certificate", language, code="NOPE"), status=404)


def test_learning_plan_checklist_in_the_browser(page, visit, sign_in, site_tree):
    from tests.courses.helpers import plan_lesson_pages

    lesson_pages, _course, _lessons = plan_lesson_pages(site_tree)
    plans = load_plan_demo(index_pages=site_tree["index_pages"][LearningPlanIndexPage], lesson_pages=lesson_pages)
    gba = plans["gba"]["en"]
    sign_in(UserFactory())
    visit("/en/learning-plans/")
    page.get_by_role("link", name=gba.title).click()
    page.get_by_role("button", name="Start this plan").click()
    assert "0 of 5 steps complete" in page.locator("main").inner_text()
    page.get_by_label("Your reflection: what you did in this step and what you learned").fill(
        "I took our service standards dataset, asked who it leaves out, found no breakdown by region or "
        "language, and wrote the change request to add both before the next release."
    )
    page.get_by_role("button", name="Submit my reflection Apply GBA Plus to an initiative of your own").click()
    assert "1 of 5 steps complete" in page.locator("main").inner_text()
    visit("/en/my-learning/")
    assert gba.title in page.locator("main").inner_text()
