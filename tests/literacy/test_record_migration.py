"""The data migrations that move learning records to each thing's canonical page keep every
enrolment, completion, attempt, plan start, step check and certificate (duplicates merged:
earliest enrolment, latest completion; a merged certificate's code still verifies)."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from courses.models import Enrolment, LessonCompletion, QuizAttempt
from literacy.models import LearningPlanIndexPage
from literacy.models.certificates import Certificate
from literacy.models.plans import LearningPlanPage, LearningPlanStep, PlanEnrolment, PlanStepCompletion
from tests.courses.helpers import make_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

courses_migration = importlib.import_module("courses.migrations.0003_records_on_canonical_pages")
literacy_migration = importlib.import_module("literacy.migrations.0004_one_thing_two_languages")


def _plan(site_tree, language, translation_of=None):
    index = site_tree["index_pages"][LearningPlanIndexPage][language]
    plan = LearningPlanPage(title=f"Plan {language}", slug=f"plan-{language}")
    if translation_of is not None:
        plan.translation_key = translation_of.translation_key
    # A plan needs one step that links a page (here the home page) besides its reflections.
    plan.steps = [
        LearningPlanStep(title=f"Step 1 {language}", expected_outcome="x", linked_page=site_tree["homes"][language]),
        LearningPlanStep(title=f"Step 2 {language}", expected_outcome="x"),
    ]
    index.add_child(instance=plan)
    plan.save_revision().publish()
    return plan


def test_records_on_both_language_pages_merge_onto_the_canonical_page(site_tree):
    course_en, lessons_en = make_course(site_tree, language="en", title="Course", with_check=True)
    course_fr, lessons_fr = make_course(site_tree, language="fr", title="Cours", translation_of=course_en)
    for english, french in zip(lessons_en, lessons_fr, strict=True):
        french.translation_key = english.translation_key
        french.save()
    learner, other = UserFactory(), UserFactory()
    now = timezone.now()
    early = Enrolment.objects.create(user=learner, course=course_en)
    late = Enrolment.objects.create(user=learner, course=course_fr, completed_at=now)
    Enrolment.objects.filter(pk=early.pk).update(enrolled_at=now - timedelta(days=9))
    Enrolment.objects.create(user=other, course=course_fr)
    LessonCompletion.objects.create(user=learner, lesson=lessons_en[0])
    LessonCompletion.objects.create(user=learner, lesson=lessons_fr[0])
    LessonCompletion.objects.create(user=learner, lesson=lessons_fr[1])
    for passed in (False, True):
        QuizAttempt.objects.create(user=learner, lesson=lessons_fr[1], score=100 * passed, pass_mark=80, passed=passed)

    plan_en = _plan(site_tree, "en")
    plan_fr = _plan(site_tree, "fr", translation_of=plan_en)
    PlanEnrolment.objects.create(user=learner, plan=plan_en)
    PlanEnrolment.objects.create(user=learner, plan=plan_fr)
    step_fr = plan_fr.steps.order_by("sort_order").last()
    PlanStepCompletion.objects.create(user=learner, step=step_fr)
    course_type = ContentType.objects.get_for_model(course_en)
    kept = Certificate.objects.create(
        user=learner,
        content_type=course_type,
        object_id=course_en.pk,
        kind="course",
        learner_name="A",
        subject_title="Course",
    )
    merged = Certificate.objects.create(
        user=learner,
        content_type=course_type,
        object_id=course_fr.pk,
        kind="course",
        learner_name="A",
        subject_title="Cours",
        subject_language="fr",
    )

    literacy_migration.pair_plan_steps(apps, None)
    literacy_migration.merge_records(apps, None)
    courses_migration.merge_records(apps, None)

    (enrolment,) = Enrolment.objects.filter(user=learner)
    assert enrolment.course_id == course_en.pk
    assert enrolment.pk == early.pk and enrolment.completed_at == late.completed_at  # earliest start, the completion
    assert Enrolment.objects.get(user=other).course_id == course_en.pk
    assert sorted(LessonCompletion.objects.filter(user=learner).values_list("lesson_id", flat=True)) == sorted(
        lesson.pk for lesson in lessons_en
    )
    assert QuizAttempt.objects.filter(user=learner, lesson=lessons_en[1]).count() == 2
    assert list(PlanEnrolment.objects.filter(user=learner).values_list("plan_id", flat=True)) == [plan_en.pk]
    step_en = plan_en.steps.order_by("sort_order").last()
    step_en.refresh_from_db()
    step_fr.refresh_from_db()
    assert step_en.translation_key == step_fr.translation_key and step_fr.locale.language_code == "fr"
    assert list(PlanStepCompletion.objects.filter(user=learner).values_list("step_id", flat=True)) == [step_en.pk]
    assert list(Certificate.objects.filter(user=learner).values_list("pk", flat=True)) == [kept.pk]
    assert Certificate.by_code(merged.code) == Certificate.by_code(kept.code)
    assert Certificate.objects.get(pk=kept.pk).subject_title_fr == "Cours"
    assert course_fr.specific.is_completed_by(learner) is course_en.specific.is_completed_by(learner)
