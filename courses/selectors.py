"""Reads shared by the course views, "My learning" and the coordinator report."""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from literacy.models import Jurisdiction, JurisdictionPage, Topic

from .models import CoursePage, Enrolment, LessonCompletion, LessonPage, QuizAttempt

DURATION_BUCKETS = {
    "short": (0, 30),
    "medium": (31, 90),
    "long": (91, None),
}


class CatalogueFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", required=False, empty_label=_("All topics")
    )
    jurisdiction = forms.ModelChoiceField(
        label=_("Jurisdiction"), queryset=Jurisdiction.objects.all(), to_field_name="code", required=False,
        empty_label=_("All jurisdictions"),
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False,
        choices=[("", _("All languages"))] + list(CoursePage.Language.choices),
    )
    duration = forms.ChoiceField(
        label=_("Duration"), required=False,
        choices=[
            ("", _("Any duration")),
            ("short", _("30 minutes or less")),
            ("medium", _("31 to 90 minutes")),
            ("long", _("More than 90 minutes")),
        ],
    )


def course_catalogue(*, request, locale):
    form = CatalogueFilterForm(request.GET or None)
    courses = CoursePage.objects.live().public().filter(locale=locale).order_by("title")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["topic"]:
            courses = courses.filter(topics=data["topic"])
        if data["jurisdiction"]:
            roots = JurisdictionPage.objects.filter(jurisdiction=data["jurisdiction"], locale=locale)
            query = Q(pk__in=[])
            for root in roots:
                query |= Q(path__startswith=root.path, depth__gt=root.depth)
            courses = courses.filter(query)
        if data["language"]:
            courses = courses.filter(language=data["language"])
        if data["duration"]:
            low, high = DURATION_BUCKETS[data["duration"]]
            courses = courses.filter(estimated_duration__gte=low)
            if high is not None:
                courses = courses.filter(estimated_duration__lte=high)
    return {"filter_form": form, "courses": courses.distinct().prefetch_related("topics")}


def enrolment_for(*, course, user):
    if user is None or not user.is_authenticated:
        return None
    return Enrolment.objects.filter(course=course, user=user).first()


def course_progress(*, course, user):
    """Per-lesson state for `user` and the course's completion (the completion protocol)."""
    lessons = list(course.lessons())
    authenticated = user is not None and user.is_authenticated
    completed_ids = set()
    passed_ids = set()
    if authenticated and lessons:
        lesson_ids = [lesson.pk for lesson in lessons]
        completed_ids = set(
            LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).values_list("lesson_id", flat=True)
        )
        passed_ids = set(
            QuizAttempt.objects.filter(user=user, lesson_id__in=lesson_ids, passed=True).values_list("lesson_id", flat=True)
        )
    rows = []
    for lesson in lessons:
        needs_check = lesson.has_knowledge_check
        done = lesson.pk in completed_ids and (not needs_check or lesson.pk in passed_ids)
        rows.append({"lesson": lesson, "done": done, "needs_check": needs_check, "passed": lesson.pk in passed_ids})
    done_count = sum(1 for row in rows if row["done"])
    total = len(rows)
    first_unfinished = next((row["lesson"] for row in rows if not row["done"]), None)
    return {
        "lessons": rows,
        "done": done_count,
        "total": total,
        "percent": round(100 * done_count / total) if total else 0,
        "is_complete": authenticated and total > 0 and done_count == total,
        "resume_lesson": first_unfinished or (lessons[0] if lessons else None),
    }


def lesson_context(*, lesson, request):
    """Navigation, progress and this learner's latest attempt for a lesson page. The questions
    are given to the template without correctness or feedback; feedback comes only with a
    submitted attempt."""
    course = lesson.course
    user = request.user
    progress = course_progress(course=course, user=user)
    lessons = [row["lesson"] for row in progress["lessons"]]
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    previous_lesson = lessons[index - 1] if index else None
    next_lesson = lessons[index + 1] if index is not None and index + 1 < len(lessons) else None
    questions = lesson_questions(lesson=lesson)
    attempt = None
    attempt_id = request.GET.get("attempt", "")
    if user.is_authenticated and attempt_id.isdigit():
        attempt = QuizAttempt.objects.filter(pk=int(attempt_id), user=user, lesson=lesson).first()
    return {
        "course": course,
        "enrolment": enrolment_for(course=course, user=user),
        "progress": progress,
        "position": (index or 0) + 1,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "is_done": any(row["done"] for row in progress["lessons"] if row["lesson"].pk == lesson.pk),
        "is_marked_complete": user.is_authenticated and LessonCompletion.objects.filter(user=user, lesson=lesson).exists(),
        "questions": questions,
        "attempt": attempt,
        "attempt_feedback": attempt_feedback(lesson=lesson, attempt=attempt) if attempt else None,
    }


def lesson_questions(*, lesson, selected=None):
    """The knowledge check for the form: prompts and option texts only, never correctness or
    feedback. `selected` ({question_id: ["0", ...]}) re-checks what a learner chose."""
    selected = selected or {}
    return [
        {
            "id": question_id,
            "prompt": value["prompt"],
            "multiple": value["kind"] == "multiple",
            "answered": bool(selected.get(question_id)),
            "options": [
                {"index": i, "text": option["text"], "checked": str(i) in selected.get(question_id, [])}
                for i, option in enumerate(value["options"])
            ],
        }
        for question_id, value in lesson.questions()
    ]


def attempt_feedback(*, lesson, attempt):
    """After submission only: each question with the learner's choices and their feedback."""
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    result = []
    for question_id, value in lesson.questions():
        answer = answers.get(question_id)
        selected = answer.selected if answer else []
        result.append(
            {
                "prompt": value["prompt"],
                "is_correct": bool(answer and answer.is_correct),
                "chosen": [
                    {"text": value["options"][i]["text"], "feedback": value["options"][i]["feedback"]}
                    for i in selected
                    if i < len(value["options"])
                ],
            }
        )
    return result


def my_learning_section(request):
    """Courses in progress with progress bars, completed ones with certificate links."""
    from literacy.certificates import Certificate

    user = request.user
    enrolments = list(Enrolment.objects.filter(user=user).select_related("course").order_by("-enrolled_at"))
    if not enrolments:
        return None
    certificates = {
        certificate.object_id: certificate
        for certificate in Certificate.objects.filter(user=user, kind="course", object_id__in=[e.course_id for e in enrolments])
    }
    in_progress, completed = [], []
    for enrolment in enrolments:
        course = enrolment.course
        progress = course_progress(course=course, user=user)
        row = {"course": course, "progress": progress, "enrolment": enrolment, "certificate": certificates.get(course.pk)}
        (completed if progress["is_complete"] else in_progress).append(row)
    return {"template": "courses/my_learning_section.html", "context": {"in_progress": in_progress, "completed": completed}}


def coordinator_report(*, user):
    """Enrolments and completions per course, grouped by jurisdiction, limited to the
    jurisdictions where `user` is a coordinator."""
    from literacy.selectors import jurisdictions_for_role

    jurisdictions = list(jurisdictions_for_role(user=user, role="Coordinators"))
    rows = []
    for jurisdiction in jurisdictions:
        for root in JurisdictionPage.objects.filter(jurisdiction=jurisdiction).select_related("locale"):
            courses = (
                CoursePage.objects.descendant_of(root)
                .annotate(
                    enrolment_count=Count("enrolments", distinct=True),
                    completion_count=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True),
                )
                .order_by("title")
            )
            for course in courses:
                rows.append(
                    {
                        "jurisdiction": jurisdiction,
                        "course": course,
                        "language": root.locale.language_code,
                        "enrolments": course.enrolment_count,
                        "completions": course.completion_count,
                    }
                )
    return {"jurisdictions": jurisdictions, "rows": rows}
