"""Builders for course pages in tests."""

from wagtail.models import Locale

from courses.models import CoursePage, LessonPage

QUESTION_ID = "q-open-licence"


def question(*, qid=QUESTION_ID, prompt="Which licence do federal datasets use?", kind="single", options=None):
    options = options or [
        {
            "text": "Open Government Licence – Canada",
            "is_correct": True,
            "feedback": "FEEDBACK-RIGHT: that is the licence.",
        },
        {
            "text": "All rights reserved",
            "is_correct": False,
            "feedback": "FEEDBACK-WRONG: open data needs an open licence.",
        },
    ]
    return {"type": "question", "id": qid, "value": {"prompt": prompt, "kind": kind, "options": options}}


def make_course(
    site_tree,
    *,
    code="ON",
    language="en",
    title="Open data basics",
    pass_mark=100,
    with_check=True,
    lessons=2,
    translation_of=None,
):
    parent = site_tree["jurisdictions"][code]["pages"][language]
    course = CoursePage(
        title=title,
        summary=f"Summary of {title}.",
        estimated_duration=45,
        pass_mark=pass_mark,
        language=language,
        locale=Locale.objects.get(language_code=language),
    )
    if translation_of is not None:
        course.translation_key = translation_of.translation_key
    parent.add_child(instance=course)
    course.save_revision().publish()
    created = []
    for number in range(1, lessons + 1):
        is_last = number == lessons
        lesson = LessonPage(
            title=f"Lesson {number}",
            body=[{"type": "markdown", "value": f"## Part {number}\n\nSome **text** for lesson {number}."}],
            knowledge_check=[question()] if (with_check and is_last) else [],
            locale=course.locale,
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        created.append(lesson)
    course.refresh_from_db()
    return course, created


# The lesson slugs the demo learning plans link (literacy.demo), in this order.
PLAN_LESSON_SLUGS = [
    "what-gba-plus-is",
    "open-data-and-information",
    "ocap",
    "engagement",
    "what-it-is",
    "what-changes-in-a-commitment",
    "community-engagement",
]


def plan_lesson_pages(site_tree):
    """A bilingual course whose lessons stand in for the ones the demo plans link, as
    {slug: {"en": lesson, "fr": lesson}}, with the English course and lessons."""
    count = len(PLAN_LESSON_SLUGS)
    en_course, en_lessons = make_course(site_tree, with_check=False, lessons=count, title="Plan lessons")
    _fr_course, fr_lessons = make_course(
        site_tree, language="fr", with_check=False, lessons=count, title="Leçons du plan", translation_of=en_course
    )
    pages = {slug: {"en": en_lessons[i], "fr": fr_lessons[i]} for i, slug in enumerate(PLAN_LESSON_SLUGS)}
    return pages, en_course, en_lessons
