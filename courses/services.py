"""Learner workflows for courses. Each is a function with keyword-only arguments that runs in a
transaction; double submits and racing tabs meet a unique constraint and return the existing row
(Django's get_or_create creates inside a savepoint and, on IntegrityError, reads the winner's row).
Records point at the course's and lesson's canonical pages (`literacy.translation`), so a learner
may switch language at any point and keep their progress."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from literacy import xapi
from literacy.services import issue_certificate
from literacy.translation import canonical

from .models import Enrolment, LessonCompletion, QuizAnswer, QuizAttempt


class CourseError(Exception):
    """A learner action on a course that cannot be done; the message is shown to the learner."""


def _unmet_prerequisites(*, user, course):
    """Prerequisite courses the user has not completed in either language."""
    unmet = []
    # ParentalManyToMany values may still be in memory (a fake queryset) on a page being edited.
    ids = [prerequisite.pk for prerequisite in course.prerequisites.all()]
    for prerequisite in type(course).objects.filter(pk__in=ids).live():
        versions = prerequisite.get_translations(inclusive=True).live().specific()
        if not any(version.is_completed_by(user) for version in versions):
            unmet.append(prerequisite)
    return unmet


def enrol(*, user, course):
    """Enrol `user` in `course`; enrolling again returns the same enrolment. A first enrolment
    needs every prerequisite course completed."""
    if not course.live:
        raise CourseError(_("This course is not available."))
    existing = Enrolment.objects.filter(user=user, course=canonical(course)).first()
    if existing is not None:
        return existing
    unmet = _unmet_prerequisites(user=user, course=course)
    if unmet:
        raise CourseError(
            _("Complete these courses first: %(titles)s.") % {"titles": ", ".join(p.title for p in unmet)}
        )
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(user=user, course=canonical(course))
        if created:
            xapi.record(
                event=f"course-enrolled-{enrolment.pk}", verb="registered", user=user, page=course, kind="course"
            )
    return enrolment


def _require_enrolment(*, user, course):
    enrolment = Enrolment.objects.filter(user=user, course=canonical(course)).first()
    if enrolment is None:
        raise CourseError(_("Enrol in the course first."))
    return enrolment


def complete_lesson(*, user, lesson):
    """Mark a lesson complete (idempotent), then complete the course if that was the last step."""
    course = lesson.course
    with transaction.atomic():
        _require_enrolment(user=user, course=course)
        completion, created = LessonCompletion.objects.get_or_create(user=user, lesson=canonical(lesson))
        if created:
            _lesson_completed(completion=completion, lesson=lesson, course=course)
        complete_course_if_done(user=user, course=course)
    return completion


def _lesson_completed(*, completion, lesson, course):
    xapi.record(
        event=f"lesson-completed-{completion.pk}",
        verb="completed",
        user=completion.user,
        page=lesson,
        kind="lesson",
        parent=course,
        result={"completion": True},
    )


def grade(*, lesson, answers):
    """Score answers ({question_id: [option index, ...]}) against the lesson's knowledge check.
    Returns (score percent, [(question_id, selected, is_correct), ...])."""
    results = []
    questions = lesson.questions()
    for question_id, question in questions:
        correct = {index for index, option in enumerate(question["options"]) if option["is_correct"]}
        selected = sorted({int(i) for i in answers.get(question_id, []) if 0 <= int(i) < len(question["options"])})
        results.append((question_id, selected, set(selected) == correct))
    if not questions:
        return 100, results
    score = round(100 * sum(1 for *_rest, ok in results if ok) / len(questions))
    return score, results


def retry_pause():
    """(failed attempts in a row before a pause, the pause) from settings."""
    from datetime import timedelta

    from django.conf import settings

    return (
        int(getattr(settings, "COURSES_RETRIES_BEFORE_PAUSE", 3)),
        timedelta(minutes=int(getattr(settings, "COURSES_RETRY_PAUSE_MINUTES", 10))),
    )


def _require_no_pause(*, user, lesson, now=None):
    """After a few failed attempts in a row, the learner goes back to the lesson for a while before
    trying again: guessing through the options is not passing."""
    from django.utils import timezone
    from django.utils.formats import time_format

    retries, pause = retry_pause()
    recent = list(
        QuizAttempt.objects.filter(user=user, lesson__translation_key=lesson.translation_key)
        .order_by("-submitted_at", "-pk")
        .values_list("passed", "submitted_at")[:retries]
    )
    if len(recent) < retries or any(passed for passed, _at in recent):
        return
    resume = recent[0][1] + pause
    if (now or timezone.now()) < resume:
        raise CourseError(
            _(
                "You have tried this check %(count)s times in a row. Take the time to read the lesson "
                "again; you can try again at %(time)s."
            )
            % {"count": retries, "time": time_format(timezone.localtime(resume), "H:i")}
        )


def submit_knowledge_check(*, user, lesson, answers):
    """Record one attempt with its answers and score. Retries are allowed, with a pause after a few
    failed attempts in a row. A passed check also completes the lesson."""
    course = lesson.course
    if not lesson.has_knowledge_check:
        raise CourseError(_("This lesson has no knowledge check."))
    unanswered = [qid for qid, _question in lesson.questions() if not answers.get(qid)]
    if unanswered:
        raise CourseError(_("Answer every question before you submit."))
    score, results = grade(lesson=lesson, answers=answers)
    with transaction.atomic():
        _require_enrolment(user=user, course=course)
        _require_no_pause(user=user, lesson=lesson)
        attempt = QuizAttempt.objects.create(
            user=user,
            lesson=canonical(lesson),
            score=score,
            pass_mark=course.pass_mark,
            passed=score >= course.pass_mark,
        )
        QuizAnswer.objects.bulk_create(
            QuizAnswer(attempt=attempt, question_id=qid, selected=selected, is_correct=ok)
            for qid, selected, ok in results
        )
        xapi.record(
            event=f"check-attempt-{attempt.pk}",
            verb="passed" if attempt.passed else "failed",
            user=user,
            page=lesson,
            kind="assessment",
            parent=course,
            result={"score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100}, "success": attempt.passed},
        )
        if attempt.passed:
            completion, created = LessonCompletion.objects.get_or_create(user=user, lesson=canonical(lesson))
            if created:
                _lesson_completed(completion=completion, lesson=lesson, course=course)
            complete_course_if_done(user=user, course=course)
    return attempt


def complete_course_if_done(*, user, course):
    """Stamp the enrolment complete and issue the certificate once every lesson is done."""
    from .selectors import course_progress

    if not course_progress(course=course, user=user)["is_complete"]:
        return None
    subject = canonical(course)
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(user=user, course=subject)
        if enrolment.completed_at is None:
            enrolment.completed_at = timezone.now()
            enrolment.save(update_fields=["completed_at"])
            xapi.record(
                event=f"course-completed-{enrolment.pk}",
                verb="completed",
                user=user,
                page=course,
                kind="course",
                result={"completion": True},
            )
        return issue_certificate(user=user, subject=subject, kind="course", jurisdiction=course.jurisdiction)
