"""Learner workflows for courses. Each is a function with keyword-only arguments that runs in a
transaction; double submits and racing tabs meet a unique constraint and return the existing row
(Django's get_or_create creates inside a savepoint and, on IntegrityError, reads the winner's row).
Records point at the course's and lesson's canonical pages (`literacy.translation`), so a learner
may switch language at any point and keep their progress."""

import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from literacy import xapi
from literacy.services import issue_certificate
from literacy.translation import canonical

from .models import Enrolment, LessonCompletion, QuizAnswer, QuizAttempt, QuizDraw


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


def draw_questions(*, user, lesson):
    """The positions in the lesson's bank of the questions this learner answers in their next
    attempt. A bank asks a random subset, drawn once and kept until the learner submits, so a reload
    or the other language shows the same questions; a check that is not a bank asks them all."""
    size, asked = len(lesson.knowledge_check), lesson.questions_per_attempt
    if asked >= size:
        return list(range(size))
    page = canonical(lesson)
    draw = QuizDraw.objects.filter(user=user, lesson=page).first()
    if draw is None or not _valid_draw(draw.questions, size=size, asked=asked):
        questions = sorted(random.SystemRandom().sample(range(size), asked))
        with transaction.atomic():
            draw, created = QuizDraw.objects.get_or_create(user=user, lesson=page, defaults={"questions": questions})
            if not created and not _valid_draw(draw.questions, size=size, asked=asked):
                draw.questions = questions
                draw.save(update_fields=["questions"])
    return draw.questions


def _valid_draw(questions, *, size, asked):
    # The bank may have been edited since the draw; a draw that no longer fits it is drawn again.
    return len(questions) == asked and len(set(questions)) == asked and all(0 <= q < size for q in questions)


def grade(*, lesson, answers, positions=None):
    """Score answers ({question_id: [option index, ...]}) against the questions of the lesson's
    knowledge check at `positions` (all of them by default).
    Returns (score percent, [(question_id, selected, is_correct), ...])."""
    results = []
    questions = lesson.questions()
    if positions is not None:
        questions = [questions[position] for position in positions]
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
    failed attempts in a row. A passed check also completes the lesson. From a bank, the attempt is
    graded on the questions drawn for this learner (`draw_questions`), and the next attempt draws
    again; a second submit of the same page finds the draw used and records nothing."""
    course = lesson.course
    if not lesson.has_knowledge_check:
        raise CourseError(_("This lesson has no knowledge check."))
    size, is_bank = len(lesson.knowledge_check), lesson.questions_per_attempt < len(lesson.knowledge_check)
    with transaction.atomic():
        _require_enrolment(user=user, course=course)
        positions = list(range(size))
        if is_bank:
            draw = QuizDraw.objects.select_for_update().filter(user=user, lesson=canonical(lesson)).first()
            if draw is None or not _valid_draw(draw.questions, size=size, asked=lesson.questions_per_attempt):
                raise CourseError(
                    _("These questions were already submitted or have changed. Answer the questions shown now.")
                )
            positions = draw.questions
        questions = lesson.questions()
        if any(not answers.get(questions[position][0]) for position in positions):
            raise CourseError(_("Answer every question before you submit."))
        _require_no_pause(user=user, lesson=lesson)
        score, results = grade(lesson=lesson, answers=answers, positions=positions)
        if is_bank:
            draw.delete()
        attempt = QuizAttempt.objects.create(
            user=user,
            lesson=canonical(lesson),
            score=score,
            pass_mark=course.pass_mark,
            passed=score >= course.pass_mark,
            questions=positions if is_bank else [],
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
