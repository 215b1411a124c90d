"""Demo content for this app, loaded by `manage.py load_demo` after the site tree exists: every
course folder under `demo_content/` (each with `en/` and `fr/` subfolders of Markdown, imported
and published under Canada (federal)) and, through literacy.demo, the FOGO and GBA+ learning
plans whose steps link to the DIY Open Data Toolkit's lessons."""

from pathlib import Path

from literacy.demo import load_plan_demo
from literacy.models import JurisdictionPage, LearningPlanIndexPage

from .importer import import_course, parse_folder
from .models import CoursePage, LessonPage

DEMO_CONTENT = Path(__file__).resolve().parent / "demo_content"
TOOLKIT = "diy-open-data-toolkit"
JURISDICTION = "CA"
LANGUAGES = ("en", "fr")


def demo_course_folders():
    """Every demo course folder, the toolkit first (the plans link to it), then by name."""
    folders = sorted(p for p in DEMO_CONTENT.iterdir() if (p / "en" / "course.md").exists())
    return sorted(folders, key=lambda p: p.name != TOOLKIT)


def _ensure_course(folder, language):
    parent = JurisdictionPage.objects.get(jurisdiction__code=JURISDICTION, locale__language_code=language)
    course_doc, _lessons, _errors = parse_folder(folder / language)
    course = CoursePage.objects.child_of(parent).filter(slug=course_doc.meta["slug"]).first()
    if course is None:
        course = import_course(folder=folder / language, jurisdiction_code=JURISDICTION)
    for page in [course, *LessonPage.objects.child_of(course)]:
        if not page.live or page.has_unpublished_changes:
            (page.get_latest_revision() or page.save_revision()).publish()
    course.refresh_from_db()
    return course


def load_demo(*, tree, stdout=None):
    """Create this app's demo content, idempotently. `tree` is what `home.site_tree.build_site_tree` returns."""
    all_courses = {
        folder.name: {language: _ensure_course(folder, language) for language in LANGUAGES}
        for folder in demo_course_folders()
    }
    courses = all_courses[TOOLKIT]
    # Plans link lessons of every demo course by their (English) slug.
    lesson_pages = {}
    for pair in all_courses.values():
        french = {p.translation_key: p for p in LessonPage.objects.child_of(pair["fr"])}
        for page in LessonPage.objects.child_of(pair["en"]):
            lesson_pages[page.slug] = {"en": page, "fr": french.get(page.translation_key)}
    plans = load_plan_demo(index_pages=tree["index_pages"][LearningPlanIndexPage], lesson_pages=lesson_pages)
    if stdout is not None:
        for pair in all_courses.values():
            stdout.write(f"Course: {pair['en'].title} / {pair['fr'].title} ({pair['en'].lessons().count()} lessons).")
    return {"courses": courses, "all_courses": all_courses, "plans": plans}
