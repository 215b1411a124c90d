"""Reads shared by the course views, "My learning" and the coordinator report."""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from literacy.models import Jurisdiction, JurisdictionPage, Topic
from literacy.roles import Role
from literacy.translation import in_reader_language, with_locales

from .models import CoursePage, Enrolment, LessonCompletion, LessonPage, QuizAttempt

DURATION_BUCKETS = {
    "short": (0, 30),
    "medium": (31, 90),
    "long": (91, None),
}


class CatalogueFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    jurisdiction = forms.ModelChoiceField(
        label=_("Jurisdiction"),
        queryset=Jurisdiction.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All jurisdictions"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages"))] + list(CoursePage.Language.choices),
    )
    duration = forms.ChoiceField(
        label=_("Duration"),
        required=False,
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
    return Enrolment.objects.filter(course__translation_key=course.translation_key, user=user).first()


def course_progress(*, course, user):
    """Per-lesson state for `user` and the course's completion (the completion protocol)."""
    return courses_progress(courses=[course], user=user)[course.pk]


def courses_progress(*, courses, user):
    """{course pk: course_progress} for many courses in three queries, whatever their number."""
    courses = list(courses)
    lessons_by_course = {course.pk: [] for course in courses}
    if courses:
        by_path = {course.path: course.pk for course in courses}
        within = Q()
        for course in courses:
            within |= Q(path__startswith=course.path, depth=course.depth + 1)
        for lesson in LessonPage.objects.live().filter(within).order_by("path"):
            lessons_by_course[by_path[lesson.path[: -LessonPage.steplen]]].append(lesson)
    authenticated = user is not None and user.is_authenticated
    completed_keys, passed_keys = set(), set()
    keys = [lesson.translation_key for lessons in lessons_by_course.values() for lesson in lessons]
    if authenticated and keys:
        # Records sit on the canonical lesson; the translation key finds them from either language.
        completed_keys = set(
            LessonCompletion.objects.filter(user=user, lesson__translation_key__in=keys).values_list(
                "lesson__translation_key", flat=True
            )
        )
        passed_keys = set(
            QuizAttempt.objects.filter(user=user, lesson__translation_key__in=keys, passed=True).values_list(
                "lesson__translation_key", flat=True
            )
        )
    return {
        pk: _progress(lessons, completed_keys=completed_keys, passed_keys=passed_keys, authenticated=authenticated)
        for pk, lessons in lessons_by_course.items()
    }


def _progress(lessons, *, completed_keys, passed_keys, authenticated):
    rows = []
    for lesson in lessons:
        needs_check = lesson.has_knowledge_check
        passed = lesson.translation_key in passed_keys
        done = lesson.translation_key in completed_keys and (not needs_check or passed)
        rows.append({"lesson": lesson, "done": done, "needs_check": needs_check, "passed": passed})
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
    enrolment = enrolment_for(course=course, user=user)
    questions = lesson_questions(
        lesson=lesson, positions=positions_shown(lesson=lesson, user=user, enrolment=enrolment)
    )
    attempt = None
    attempt_id = request.GET.get("attempt", "")
    if user.is_authenticated and attempt_id.isdigit():
        attempt = QuizAttempt.objects.filter(
            pk=int(attempt_id), user=user, lesson__translation_key=lesson.translation_key
        ).first()
    return {
        "course": course,
        "enrolment": enrolment,
        "progress": progress,
        "position": (index or 0) + 1,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "is_done": any(row["done"] for row in progress["lessons"] if row["lesson"].pk == lesson.pk),
        "is_marked_complete": user.is_authenticated
        and LessonCompletion.objects.filter(user=user, lesson__translation_key=lesson.translation_key).exists(),
        "questions": questions,
        "attempt": attempt,
        "attempt_feedback": attempt_feedback(lesson=lesson, attempt=attempt) if attempt else None,
    }


def positions_shown(*, lesson, user, enrolment):
    """Which questions of the lesson's bank the page asks: the enrolled learner's own draw, or, for
    a reader who cannot submit, the first ones as a preview."""
    from .services import draw_questions

    if enrolment is not None:
        return draw_questions(user=user, lesson=lesson)
    return list(range(lesson.questions_per_attempt))


def lesson_questions(*, lesson, selected=None, positions=None):
    """The knowledge check for the form: prompts and option texts only, never correctness or
    feedback. `selected` ({question_id: ["0", ...]}) re-checks what a learner chose; `positions`
    limits it to those questions of a bank."""
    selected = selected or {}
    questions = lesson.questions()
    if positions is not None:
        questions = [questions[position] for position in positions if position < len(questions)]
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
        for question_id, value in questions
    ]


def attempt_feedback(*, lesson, attempt):
    """After submission only: each question with the learner's choices and their feedback, in the
    language of `lesson` whichever language the attempt was made in (a translation keeps its
    questions' ids; a question whose id differs is matched by its position)."""
    stored = list(attempt.answers.order_by("pk"))
    answers = {answer.question_id: answer for answer in stored}
    result = []
    questions = lesson.questions()
    if attempt.questions:  # drawn from a bank: the questions asked, in the order asked
        questions = [questions[position] for position in attempt.questions if position < len(questions)]
    for position, (question_id, value) in enumerate(questions):
        answer = answers.get(question_id) or (stored[position] if position < len(stored) else None)
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
    from literacy.models.certificates import Certificate

    user = request.user
    enrolments = list(Enrolment.objects.filter(user=user).select_related("course").order_by("-enrolled_at"))
    if not enrolments:
        return None
    certificates = {
        certificate.object_id: certificate
        for certificate in Certificate.objects.filter(
            user=user, kind="course", object_id__in=[e.course_id for e in enrolments]
        )
    }
    shown = in_reader_language([enrolment.course for enrolment in enrolments])
    with_locales(shown.values())
    progress_by_course = courses_progress(
        courses=list({course.pk: course for course in shown.values()}.values()), user=user
    )
    in_progress, completed = [], []
    for enrolment in enrolments:
        course = shown[enrolment.course_id]
        progress = progress_by_course[course.pk]
        row = {
            "course": course,
            "progress": progress,
            "enrolment": enrolment,
            "certificate": certificates.get(enrolment.course_id),
        }
        (completed if progress["is_complete"] else in_progress).append(row)
    return {
        "template": "courses/my_learning_section.html",
        "context": {"in_progress": in_progress, "completed": completed},
    }


def coordinator_report(*, user):
    """Enrolments and completions by the LEARNERS' government: for each government where `user`
    coordinates, every course its public servants took (whoever published it: the national
    toolkit counts for Ontario when Ontario's people take it), then the same by organisation."""
    from literacy.selectors import jurisdictions_for_role

    jurisdictions = list(jurisdictions_for_role(user=user, role=Role.COORDINATORS).order_by("sort_order"))
    enrolments = Enrolment.objects.filter(user__jurisdiction__in=jurisdictions)
    by_course = list(
        enrolments.values("user__jurisdiction", "course")
        .annotate(enrolments=Count("pk"), completions=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    )
    courses = in_reader_language(CoursePage.objects.filter(pk__in={row["course"] for row in by_course}))
    with_locales(courses.values())
    by_pk = {jurisdiction.pk: jurisdiction for jurisdiction in jurisdictions}
    government_pages = list(JurisdictionPage.objects.values_list("path", "jurisdiction__code"))

    def publisher(course):
        return next((code for path, code in government_pages if course.path.startswith(path)), "")

    rows = [
        {
            "jurisdiction": by_pk[row["user__jurisdiction"]],
            "course": courses[row["course"]],
            "publisher": publisher(courses[row["course"]]),
            "enrolments": row["enrolments"],
            "completions": row["completions"],
        }
        for row in by_course
    ]
    rows.sort(key=lambda row: (row["jurisdiction"].sort_order, row["course"].title))
    organizations = [
        {
            "jurisdiction": by_pk[row["user__jurisdiction"]],
            "organization": row["user__organization"],
            "learners": row["learners"],
            "enrolments": row["enrolments"],
            "completions": row["completions"],
        }
        for row in enrolments.values("user__jurisdiction", "user__organization")
        .annotate(
            learners=Count("user", distinct=True),
            enrolments=Count("pk"),
            completions=Count("pk", filter=Q(completed_at__isnull=False)),
        )
        .order_by("user__organization")
    ]
    organizations.sort(key=lambda row: (row["jurisdiction"].sort_order, row["organization"].lower()))
    return {"jurisdictions": jurisdictions, "rows": rows, "organizations": organizations}


def learner_transcripts(*, user, organization=""):
    """One row per course a learner of the coordinator's governments enrolled in: who, where they
    work, the course, when they started and finished, and the certificate's verification code."""
    from literacy.models import Certificate
    from literacy.selectors import jurisdictions_for_role

    jurisdictions = jurisdictions_for_role(user=user, role=Role.COORDINATORS)
    enrolments = Enrolment.objects.filter(user__jurisdiction__in=jurisdictions).select_related(
        "user", "user__jurisdiction", "course"
    )
    if organization:
        enrolments = enrolments.filter(user__organization__iexact=organization)
    enrolments = list(enrolments.order_by("user__jurisdiction__sort_order", "user__display_name", "user__email", "pk"))
    courses = in_reader_language([enrolment.course for enrolment in enrolments])
    certificates = {
        (certificate.user_id, certificate.object_id): certificate
        for certificate in Certificate.objects.filter(
            kind="course",
            user_id__in={enrolment.user_id for enrolment in enrolments},
            object_id__in={enrolment.course_id for enrolment in enrolments},
            revoked_at__isnull=True,
        )
    }
    return [
        {
            "learner": enrolment.user,
            "jurisdiction": enrolment.user.jurisdiction,
            "course": courses[enrolment.course_id],
            "enrolled_at": enrolment.enrolled_at,
            "completed_at": enrolment.completed_at,
            "certificate": certificates.get((enrolment.user_id, enrolment.course_id)),
        }
        for enrolment in enrolments
    ]
