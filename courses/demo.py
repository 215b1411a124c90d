"""Demo content for this app, loaded by `manage.py load_demo` after the site tree exists:
the DIY Open Data Toolkit course (10 modules, English and French, imported from Markdown) and,
through literacy.demo, the FOGO and GBA+ learning plans whose steps link to its lessons."""

from pathlib import Path

from literacy.demo import load_plan_demo
from literacy.models import JurisdictionPage, LearningPlanIndexPage

from .importer import import_course
from .models import CoursePage, LessonPage

DEMO_ROOT = Path(__file__).resolve().parent / "demo_content" / "diy-open-data-toolkit"
SLUGS = {"en": "diy-open-data-toolkit", "fr": "trousse-donnees-ouvertes"}
JURISDICTION = "CA"


def _ensure_course(language):
    parent = JurisdictionPage.objects.get(jurisdiction__code=JURISDICTION, locale__language_code=language)
    course = CoursePage.objects.child_of(parent).filter(slug=SLUGS[language]).first()
    if course is None:
        course = import_course(folder=DEMO_ROOT / language, jurisdiction_code=JURISDICTION)
    for page in [course, *LessonPage.objects.child_of(course)]:
        if not page.live or page.has_unpublished_changes:
            (page.get_latest_revision() or page.save_revision()).publish()
    course.refresh_from_db()
    return course


def load_demo(*, tree, stdout=None):
    """Create this app's demo content, idempotently. `tree` is what `home.site_tree.build_site_tree` returns."""
    courses = {language: _ensure_course(language) for language in ("en", "fr")}
    lessons = {language: {p.translation_key: p for p in LessonPage.objects.child_of(courses[language])} for language in courses}
    lesson_pages = {
        page.slug: {"en": page, "fr": lessons["fr"].get(page.translation_key)} for page in lessons["en"].values()
    }
    plans = load_plan_demo(index_pages=tree["index_pages"][LearningPlanIndexPage], lesson_pages=lesson_pages)
    if stdout is not None:
        stdout.write("Courses: DIY Open Data Toolkit (10 modules) in English and French.")
    return {"courses": courses, "plans": plans}
