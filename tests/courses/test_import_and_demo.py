import textwrap

import pytest
from django.core.management import CommandError, call_command

from courses.demo import load_demo
from courses.importer import CourseImportError, import_course
from courses.models import CoursePage, LessonPage
from literacy.models.plans import LearningPlanPage

pytestmark = pytest.mark.django_db


def write(folder, name, text):
    (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.fixture
def course_folder(tmp_path):
    write(
        tmp_path,
        "course.md",
        """
        ---
        title: Imported course
        summary: A summary.
        topics: [basics]
        duration: 20
        ---
    """,
    )
    write(
        tmp_path,
        "01-first.md",
        """
        ---
        title: First
        quiz:
          - question: Open?
            kind: true_false
            options:
              - {text: "Yes", correct: true, feedback: Good}
              - {text: "No"}
        ---
        # Hello

        <script>alert(1)</script>
    """,
    )
    write(tmp_path, "02-second.md", "---\ntitle: Second\n---\nBody two.\n")
    return tmp_path


def test_import_creates_a_draft_course_with_ordered_lessons(site_tree, course_folder):
    call_command("import_course", str(course_folder), "--jurisdiction", "ON")
    course = CoursePage.objects.get(title="Imported course")
    assert not course.live and course.jurisdiction.code == "ON"
    assert course.estimated_duration == 20 and [t.slug for t in course.topics.all()] == ["basics"]
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    assert [lesson.title for lesson in lessons] == ["First", "Second"]
    assert lessons[0].questions()[0][1]["kind"] == "true_false"
    assert "<script" not in str(lessons[0].body[0].render())


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("01-first.md", "---\ntitle: First\nquiz: [\n---\n", "01-first.md:"),
        ("01-first.md", "no front matter\n", "01-first.md:1:"),
        ("01-first.md", "---\nslug: x\n---\n", "01-first.md:2: 'title' is required"),
        (
            "01-first.md",
            "---\ntitle: T\nquiz:\n  - question: Q\n    options:\n      - {text: a}\n      - {text: b}\n---\n",
            "01-first.md:4: question 1: Mark exactly one option as correct.",
        ),
        ("course.md", "---\ntitle: C\nsummary: S\ntopics: [nope]\n---\n", "course.md:4: unknown topic 'nope'"),
        ("course.md", "---\ntitle: C\nsummary: S\npass_mark: 200\n---\n", "course.md:4: 'pass_mark' must be"),
        ("course.md", "---\ntitle: " + "C" * 256 + "\nsummary: S\n---\n", "course.md:2: 'title' is longer than 255"),
        ("01-first.md", "---\ntitle: T\nslug: " + "s" * 300 + "\n---\n", "01-first.md:3: 'slug' is longer than 255"),
        ("01-first.md", '---\ntitle: "Two\\nlines"\n---\n', "01-first.md:2: 'title': Use one line"),
    ],
)
def test_errors_name_the_file_and_line_and_nothing_is_created(site_tree, course_folder, name, text, expected):
    (course_folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(CourseImportError) as error:
        import_course(folder=course_folder, jurisdiction_code="ON")
    assert any(expected in line for line in error.value.errors), error.value.errors
    assert not CoursePage.objects.exists()


def test_reimporting_a_folder_updates_the_course_and_keeps_learners_progress(site_tree, course_folder):
    from courses import services
    from courses.models import LessonCompletion
    from tests.factories import UserFactory

    course = import_course(folder=course_folder, jurisdiction_code="ON")
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    first, second = LessonPage.objects.child_of(course).order_by("path")
    for lesson in (first, second):
        lesson.save_revision().publish()
    question_id = first.questions()[0][0]
    learner = UserFactory()
    services.enrol(user=learner, course=course)
    services.complete_lesson(user=learner, lesson=second)

    write(
        course_folder, "course.md", "---\ntitle: Imported course, revised\nslug: imported-course\nsummary: New.\n---\n"
    )
    (course_folder / "01-first.md").write_text(
        (course_folder / "01-first.md").read_text().replace("title: First", "title: First, revised\nslug: first")
    )
    (course_folder / "02-second.md").unlink()
    write(course_folder, "03-third.md", "---\ntitle: Third\n---\nBody three.\n")
    again = import_course(folder=course_folder, jurisdiction_code="ON")

    assert again.pk == course.pk and CoursePage.objects.count() == 1
    assert again.import_report[0].startswith("course “Imported course, revised”")
    course.refresh_from_db()
    assert course.live and course.title == "Imported course"  # the live course changes when published
    assert course.get_latest_revision_as_object().title == "Imported course, revised"
    first.refresh_from_db()
    revised = first.get_latest_revision_as_object()
    assert revised.title == "First, revised" and revised.questions()[0][0] == question_id
    second.refresh_from_db()
    assert not second.live  # no longer in the folder: unpublished, kept for the learner's record
    assert LessonCompletion.objects.filter(user=learner, lesson=second).exists()
    third = LessonPage.objects.child_of(course).get(slug="third")
    assert not third.live
    assert any("unpublished" in line for line in again.import_report)


def test_command_reports_every_error(site_tree, course_folder):
    write(course_folder, "02-second.md", "---\nquiz: 3\n---\n")
    write(course_folder, "course.md", "---\nsummary: S\n---\n")
    with pytest.raises(CommandError) as error:
        call_command("import_course", str(course_folder), "--jurisdiction", "ON")
    message = str(error.value)
    assert "course.md:2: 'title' is required" in message and "02-second.md:2: 'title' is required" in message
    assert "02-second.md:2: 'quiz' must be a list" in message


def test_demo_ships_the_toolkit_in_both_languages_idempotently(site_tree):
    load_demo(tree=site_tree)
    load_demo(tree=site_tree)
    en = CoursePage.objects.get(slug="diy-open-data-toolkit")
    fr = CoursePage.objects.get(slug="trousse-donnees-ouvertes")
    assert en.live and fr.live and en.translation_key == fr.translation_key
    en_lessons = list(LessonPage.objects.child_of(en).live().order_by("path"))
    fr_lessons = list(LessonPage.objects.child_of(fr).live().order_by("path"))
    assert len(en_lessons) == len(fr_lessons) == 10
    assert [p.translation_key for p in en_lessons] == [p.translation_key for p in fr_lessons]
    assert all(lesson.has_knowledge_check for lesson in en_lessons + fr_lessons)
    assert LearningPlanPage.objects.count() == 4
    fogo = LearningPlanPage.objects.get(slug="feminist-open-government")
    assert [step.linked_page_id is not None for step in fogo.steps.order_by("sort_order")] == [True] * 4 + [False]
