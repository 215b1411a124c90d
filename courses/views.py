"""Learner actions on courses, reached through the course and lesson pages' routes."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from literacy.models.certificates import Certificate

from . import services
from .selectors import course_progress, enrolment_for, lesson_questions, positions_shown


def _login_first(request, url):
    return redirect_to_login(url)


@require_POST
def enrol(request, *, course):
    if not request.user.is_authenticated:
        return _login_first(request, course.url)
    try:
        services.enrol(user=request.user, course=course)
    except services.CourseError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    progress = course_progress(course=course, user=request.user)
    target = progress["resume_lesson"]
    messages.success(request, _("You are enrolled."))
    return redirect(target.url if target else course.url)


@require_GET
def resume(request, *, course):
    if not request.user.is_authenticated:
        return _login_first(request, course.url)
    target = course_progress(course=course, user=request.user)["resume_lesson"]
    return redirect(target.url if target else course.url)


@require_GET
def course_certificate(request, *, course):
    if not request.user.is_authenticated:
        return _login_first(request, course.url)
    certificate = Certificate.for_subject(user=request.user, subject=course)
    if certificate is None:
        raise Http404
    return redirect(reverse("literacy:certificate_pdf", kwargs={"code": certificate.code}))


@require_POST
def complete_lesson(request, *, lesson):
    if not request.user.is_authenticated:
        return _login_first(request, lesson.url)
    course = lesson.course
    try:
        services.complete_lesson(user=request.user, lesson=lesson)
    except services.CourseError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    progress = course_progress(course=course, user=request.user)
    if progress["is_complete"]:
        messages.success(request, _("You completed the course. Your certificate is ready."))
        return redirect(course.url)
    if lesson.has_knowledge_check and not any(r["passed"] for r in progress["lessons"] if r["lesson"].pk == lesson.pk):
        messages.info(request, _("Lesson marked as read. Pass the knowledge check to complete it."))
        return redirect(lesson.url + "#knowledge-check")
    messages.success(request, _("Lesson marked complete."))
    target = progress["resume_lesson"]
    return redirect(target.url if target else course.url)


@require_POST
def submit_check(request, *, lesson):
    if not request.user.is_authenticated:
        return _login_first(request, lesson.url)
    answers = {question_id: request.POST.getlist(f"q-{question_id}") for question_id, _value in lesson.questions()}
    answers = {key: [v for v in values if v.isdigit()] for key, values in answers.items()}
    try:
        attempt = services.submit_knowledge_check(user=request.user, lesson=lesson, answers=answers)
    except services.CourseError as error:
        # Show the form again with the learner's choices kept and the problem named.
        response = lesson.render(
            request,
            context_overrides={
                "questions": lesson_questions(
                    lesson=lesson,
                    selected=answers,
                    positions=positions_shown(
                        lesson=lesson,
                        user=request.user,
                        enrolment=enrolment_for(course=lesson.course, user=request.user),
                    ),
                ),
                "check_error": str(error),
                "attempt": None,
            },
        )
        response.status_code = 400
        return response
    if attempt.passed:
        messages.success(request, _("You passed with %(score)s%%.") % {"score": attempt.score})
    else:
        messages.error(
            request,
            _("You scored %(score)s%%; the pass mark is %(pass_mark)s%%. Review the feedback and try again.")
            % {"score": attempt.score, "pass_mark": attempt.pass_mark},
        )
    return redirect(f"{lesson.url}?attempt={attempt.pk}#knowledge-check")
