import subprocess

import pytest

from courses import services as course_services
from literacy import services
from literacy.completion import is_completed
from literacy.demo import load_plan_demo
from literacy.models import LearningPlanIndexPage
from literacy.models.certificates import Certificate
from literacy.models.plans import LearningPlanPage, PlanEnrolment, PlanStepCompletion
from tests.courses.helpers import plan_lesson_pages
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(site_tree):
    lesson_pages, course, lessons = plan_lesson_pages(site_tree)
    index_pages = site_tree["index_pages"][LearningPlanIndexPage]
    result = load_plan_demo(index_pages=index_pages, lesson_pages=lesson_pages)
    result["lessons"] = lessons
    result["course"] = course
    return result


REFLECTION = (
    "I applied the questions to our permit-data release: it counted applicants but not by region, "
    "language or disability, so I drafted a plan to add those fields and to round small counts."
)


def test_demo_plans_exist_in_both_languages_and_are_idempotent(plans, site_tree):
    for key in ("fogo", "gba"):
        assert plans[key]["en"].translation_key == plans[key]["fr"].translation_key
        assert plans[key]["fr"].locale.language_code == "fr"
    assert [s.title for s in plans["gba"]["en"].steps.order_by("sort_order")][0] == "What GBA Plus is"
    assert plans["fogo"]["fr"].steps.count() == 5
    # Every step teaches through a page or asks for a reflection; most link a page.
    for key in ("fogo", "gba"):
        steps = list(plans[key]["en"].steps.all())
        assert sum(1 for step in steps if step.linked_page_id) >= 4
    load_plan_demo(index_pages=site_tree["index_pages"][LearningPlanIndexPage], lesson_pages={})
    assert LearningPlanPage.objects.count() == 4


def test_plan_journey_progress_checklist_and_certificate(client, plans, django_capture_on_commit_callbacks):
    gba = plans["gba"]["en"]
    user = UserFactory()
    client.login(username=user.username, password=PASSWORD)
    html = client.get(gba.url).content.decode()
    assert "Start this plan" in html
    client.post(gba.url + "start/")
    client.post(gba.url + "start/")
    assert PlanEnrolment.objects.filter(user=user).count() == 1
    html = client.get(gba.url).content.decode()
    assert "0 of 5 steps complete" in html and "<progress" in html

    # Lesson steps are done by their lessons; the practice step by a written reflection.
    steps = list(gba.steps.order_by("sort_order"))
    with pytest.raises(services.LiteracyError):
        services.complete_plan_step(user=user, plan=gba, step_id=steps[0].pk, reflection=REFLECTION)  # linked
    with pytest.raises(services.LiteracyError, match="150"):
        services.complete_plan_step(user=user, plan=gba, step_id=steps[4].pk, reflection="Done.")
    client.post(f"{gba.url}steps/{steps[4].pk}/done/", {"reflection": REFLECTION})
    client.post(f"{gba.url}steps/{steps[4].pk}/done/", {"reflection": REFLECTION})
    assert PlanStepCompletion.objects.filter(user=user).count() == 1
    course_services.enrol(user=user, course=plans["course"])
    course_services.complete_lesson(user=user, lesson=plans["lessons"][0])
    assert is_completed(steps[0].linked_page, user)
    assert "2 of 5 steps complete" in client.get(gba.url).content.decode()

    with pytest.raises(services.LiteracyError):
        services.complete_plan(user=user, plan=gba)
    for lesson in plans["lessons"][1:4]:
        course_services.complete_lesson(user=user, lesson=lesson)
    assert gba.is_completed_by(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(gba.url + "certificate/")
    certificate = Certificate.objects.get(user=user, kind="plan")
    assert response["Location"] == f"/en/certificates/{certificate.code}/pdf/"

    # The FOGO plan's third step is the GBA Plus plan itself.
    fogo = plans["fogo"]["en"]
    services.start_plan(user=user, plan=fogo)
    from literacy.selectors import plan_progress

    progress = plan_progress(plan=fogo, user=user)
    assert [row["done"] for row in progress["steps"]] == [False, False, True, False, False]

    html = client.get("/en/my-learning/").content.decode()
    assert gba.title in html and fogo.title in html


def test_step_requires_started_plan(plans):
    gba = plans["gba"]["en"]
    with pytest.raises(services.LiteracyError):
        services.complete_plan_step(
            user=UserFactory(), plan=gba, step_id=gba.steps.order_by("sort_order").last().pk, reflection=REFLECTION
        )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_plan_pdf_is_a_printable_pdf(client, plans, tmp_path, language):
    plan = plans["fogo"][language]
    response = client.get(plan.route_url("pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"".join(response.streaming_content))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert plan.steps.first().title in text
    assert ("Expected outcome" if language == "en" else "Résultat attendu") in text


def test_the_blank_plan_pdf_is_rendered_once_per_published_version(client, plans):
    from django.core.files.storage import default_storage

    plan = plans["gba"]["en"]
    first = b"".join(client.get(plan.route_url("pdf")).streaming_content)
    (stored,) = default_storage.listdir("plans")[1]
    assert first.startswith(b"%PDF")
    with default_storage.open(f"plans/{stored}", "wb") as handle:  # prove the next answer is the stored file
        handle.write(b"%PDF-stored")
    assert b"".join(client.get(plan.route_url("pdf")).streaming_content) == b"%PDF-stored"

    plan.title = "GBA Plus, revised"
    plan.save_revision().publish()
    plan.refresh_from_db()
    fresh = b"".join(client.get(plan.route_url("pdf")).streaming_content)
    assert fresh.startswith(b"%PDF") and fresh != b"%PDF-stored"
    assert len(default_storage.listdir("plans")[1]) == 2


def test_a_plan_is_one_plan_in_two_languages(client, plans, django_capture_on_commit_callbacks):
    gba_en, gba_fr = plans["gba"]["en"], plans["gba"]["fr"]
    user = UserFactory(preferred_language="fr")
    client.login(username=user.username, password=PASSWORD)
    client.post(gba_en.url + "start/")
    client.post(gba_fr.url + "start/")
    assert PlanEnrolment.objects.filter(user=user).count() == 1
    last_en = gba_en.steps.order_by("sort_order").last()
    client.post(f"{gba_en.url}steps/{last_en.pk}/done/", {"reflection": REFLECTION})
    last_fr = gba_fr.steps.order_by("sort_order").last()
    client.post(f"{gba_fr.url}steps/{last_fr.pk}/done/", {"reflection": REFLECTION})  # the same step: one record
    assert PlanStepCompletion.objects.filter(user=user).count() == 1
    assert "1 étape terminée sur 5" in client.get(gba_fr.url).content.decode()
    my_learning = client.get("/fr/mon-apprentissage/").content.decode()
    assert my_learning.count(f">{gba_fr.title}</a>") == 1 and f">{gba_en.title}</a>" not in my_learning
