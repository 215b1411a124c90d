"""Import a course from a folder of Markdown files with YAML front matter.

    course.md          front matter: title, slug, summary, objectives (list), topics (slugs),
                       audiences (slugs), duration (minutes), language, pass_mark,
                       translation_of (optional: slug of the course this one translates)
    01-<slug>.md ...   one lesson per numbered file, in order; front matter: title, slug,
                       translation_of (optional), quiz (optional list of questions:
                       question, kind single|multiple|true_false, options: [text, correct, feedback]),
                       quiz_draw (optional: ask this many of the quiz's questions per attempt,
                       drawn at random; a translated lesson has as many questions and the same
                       quiz_draw as its source, in the same order);
                       the body is the lesson's Markdown.

Everything is checked before anything is written; every problem is reported as
"<file>:<line>: <message>" and nothing is created when there is one. The course is saved as a
draft (its lessons too) under the jurisdiction's page in the course's language tree.

Importing a folder again (same course slug under the same page) updates that course instead:
new draft revisions of the course and of each lesson matched by slug (give lessons a `slug` so a
new title does not make a new lesson), new lessons added as drafts, lessons gone from the folder
unpublished but kept, since learners' progress points at them. Nothing is published.
"""

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale

from literacy.models import Audience, Jurisdiction, JurisdictionPage, Topic
from literacy.validators import validate_single_line

from .blocks import QuestionBlock
from .models import CoursePage, LessonPage

ONE_LINE_LIMITS = {"title": 255, "slug": 255}
LESSON_FILE = re.compile(r"^(\d+)[-_].+\.md$")
LANGUAGES = {"en", "fr"}


class CourseImportError(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Document:
    path: Path
    meta: dict
    lines: dict  # top-level key -> line number (1-based, in the file)
    body: str
    quiz_lines: list = field(default_factory=list)


def _read(path, errors):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        errors.append(f"{path.name}:1: the file must start with a '---' line opening the YAML front matter")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        errors.append(f"{path.name}:1: the front matter is not closed by a '---' line")
        return None
    source = "\n".join(lines[1:end])
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        meta = yaml.safe_load(source) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        errors.append(f"{path.name}:{line}: invalid YAML: {problem}")
        return None
    if not isinstance(meta, dict):
        errors.append(f"{path.name}:2: the front matter must be a mapping of keys to values")
        return None
    key_lines, quiz_lines = {}, []
    for key_node, value_node in getattr(node, "value", []):
        key_lines[key_node.value] = key_node.start_mark.line + 2
        if key_node.value == "quiz" and isinstance(value_node, yaml.SequenceNode):
            quiz_lines = [item.start_mark.line + 2 for item in value_node.value]
    return Document(
        path=path, meta=meta, lines=key_lines, body="\n".join(lines[end + 1 :]).strip() + "\n", quiz_lines=quiz_lines
    )


def _require(doc, key, errors, kind=str):
    value = doc.meta.get(key)
    if value in (None, ""):
        errors.append(f"{doc.path.name}:{doc.lines.get(key, 2)}: '{key}' is required")
        return None
    if not isinstance(value, kind):
        errors.append(f"{doc.path.name}:{doc.lines.get(key, 2)}: '{key}' must be a {kind.__name__}")
        return None
    if key in ONE_LINE_LIMITS and isinstance(value, str):
        # The model's own limits, checked here so that nothing fails half-way through the import.
        if len(value) > ONE_LINE_LIMITS[key]:
            errors.append(
                f"{doc.path.name}:{doc.lines.get(key, 2)}: '{key}' is longer than {ONE_LINE_LIMITS[key]} characters"
            )
            return None
        try:
            validate_single_line(value)
        except ValidationError as error:
            errors.append(f"{doc.path.name}:{doc.lines.get(key, 2)}: '{key}': {' '.join(error.messages)}")
            return None
    return value


def _vocabulary(doc, key, model, errors):
    slugs = doc.meta.get(key) or []
    if not isinstance(slugs, list):
        errors.append(f"{doc.path.name}:{doc.lines.get(key, 2)}: '{key}' must be a list of slugs")
        return []
    found = {row.slug: row for row in model.objects.filter(slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            errors.append(f"{doc.path.name}:{doc.lines.get(key, 2)}: unknown {key[:-1]} '{slug}'")
    return [found[slug] for slug in slugs if slug in found]


def _quiz(doc, errors):
    quiz = doc.meta.get("quiz") or []
    if not isinstance(quiz, list):
        errors.append(f"{doc.path.name}:{doc.lines.get('quiz', 2)}: 'quiz' must be a list of questions")
        return []
    block = QuestionBlock()
    questions = []
    for number, item in enumerate(quiz):
        line = doc.quiz_lines[number] if number < len(doc.quiz_lines) else doc.lines.get("quiz", 2)
        where = f"{doc.path.name}:{line}: question {number + 1}"
        if not isinstance(item, dict) or not item.get("question") or not isinstance(item.get("options"), list):
            errors.append(f"{where}: needs 'question' and a list of 'options'")
            continue
        kind = item.get("kind", "single")
        if kind not in (QuestionBlock.SINGLE, QuestionBlock.MULTIPLE, QuestionBlock.TRUE_FALSE):
            errors.append(f"{where}: kind must be single, multiple or true_false, not '{kind}'")
            continue
        options = []
        for option in item["options"]:
            if not isinstance(option, dict) or not option.get("text"):
                errors.append(f"{where}: every option needs a 'text'")
                break
            options.append(
                {
                    "text": str(option["text"]),
                    "is_correct": bool(option.get("correct")),
                    "feedback": str(option.get("feedback") or ""),
                }
            )
        else:
            value = block.to_python({"prompt": str(item["question"]), "kind": kind, "options": options})
            try:
                block.clean(value)
            except ValidationError as error:
                messages = getattr(error, "block_errors", None) or {}
                text = "; ".join(
                    "; ".join(e.messages) if hasattr(e, "messages") else str(e) for e in messages.values()
                ) or "; ".join(error.messages)
                errors.append(f"{where}: {text}")
                continue
            questions.append({"type": "question", "id": str(uuid.uuid4()), "value": block.get_prep_value(value)})
    return questions


def _quiz_draw(doc, quiz, errors):
    value = doc.meta.get("quiz_draw")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= len(quiz):
        errors.append(
            f"{doc.path.name}:{doc.lines.get('quiz_draw', 2)}: 'quiz_draw' must be a whole number from 1 to "
            f"the number of questions in the quiz ({len(quiz)})"
        )
        return None
    return value


def _bank_mismatches(lesson, source_lesson):
    """A translation asks the same questions by position as its source, so the banks must match."""
    doc, problems = lesson["doc"], []
    if len(lesson["quiz"]) != len(source_lesson.knowledge_check):
        problems.append(
            f"{doc.path.name}:{doc.lines.get('quiz', 2)}: the quiz has {len(lesson['quiz'])} questions but the "
            f"lesson it translates has {len(source_lesson.knowledge_check)}; both languages need the same bank"
        )
    if (lesson["quiz_draw"] or None) != (source_lesson.quiz_draw or None):
        problems.append(
            f"{doc.path.name}:{doc.lines.get('quiz_draw', 2)}: 'quiz_draw' is {lesson['quiz_draw']} but the "
            f"lesson it translates asks {source_lesson.quiz_draw}"
        )
    return problems


def parse_folder(folder):
    """Read and check every file; returns (course document, lesson documents, errors)."""
    folder = Path(folder)
    errors = []
    if not folder.is_dir():
        raise CourseImportError([f"{folder}: not a folder"])
    course_path = folder / "course.md"
    if not course_path.exists():
        raise CourseImportError([f"{folder}: course.md is missing"])
    course = _read(course_path, errors)
    lesson_paths = sorted(
        (p for p in folder.iterdir() if LESSON_FILE.match(p.name)), key=lambda p: int(LESSON_FILE.match(p.name)[1])
    )
    if not lesson_paths:
        errors.append(f"{folder}: no lesson files (01-name.md, 02-name.md, ...)")
    lessons = [doc for doc in (_read(path, errors) for path in lesson_paths) if doc]
    return course, lessons, errors


def _objectives_html(objectives):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in objectives) + "</ul>" if objectives else ""


@transaction.atomic
def _update_course(course, plan, lessons):
    """Re-importing a course's folder updates it in place: new draft revisions of the course and
    of each lesson matched by slug (question ids kept by position, so earlier answers still count),
    new lessons added as drafts, and lessons no longer in the folder unpublished, never deleted,
    since learners' progress points at them. Nothing is published: an editor reviews and publishes.
    `course.import_report` lists what changed."""
    report = []
    existing = {lesson.slug: lesson for lesson in LessonPage.objects.child_of(course)}
    # Growing a bank means importing one language after the other, so a mismatch here is a
    # warning to finish the other language before publishing, not a refusal.
    problems = []
    for lesson in lessons:
        page = existing.get(lesson["slug"])
        other = (
            LessonPage.objects.filter(translation_key=page.translation_key).exclude(locale=page.locale).first()
            if page is not None
            else None
        )
        if other is not None:
            problems += _bank_mismatches(lesson, other)
    course.title = plan["title"]
    course.summary = plan["summary"]
    course.estimated_duration = plan["duration"]
    course.pass_mark = plan["pass_mark"]
    course.learning_objectives = _objectives_html(plan["objectives"])
    course.topics = plan["topics"]
    course.audiences = plan["audiences"]
    course.save_revision()
    report.append(f"course “{course.title}”: new draft revision")
    for lesson in lessons:
        page = existing.pop(lesson["slug"], None)
        if page is None:
            page = LessonPage(
                title=lesson["title"],
                slug=lesson["slug"],
                locale=course.locale,
                live=False,
                body=[{"type": "markdown", "value": lesson["body"]}],
                knowledge_check=lesson["quiz"],
                quiz_draw=lesson["quiz_draw"],
            )
            course.add_child(instance=page)
            page.save_revision()
            report.append(f"lesson “{page.title}”: added as a draft")
            continue
        previous = page.knowledge_check.raw_data
        for question, old in zip(lesson["quiz"], previous, strict=False):
            question["id"] = old["id"]
        draft = page.get_latest_revision_as_object()
        draft.title = lesson["title"]
        draft.body = [{"type": "markdown", "value": lesson["body"]}]
        draft.knowledge_check = lesson["quiz"]
        draft.quiz_draw = lesson["quiz_draw"]
        draft.save_revision()
        report.append(f"lesson “{draft.title}”: new draft revision")
    report += [f"warning: {problem}; import the other language's folder too before publishing" for problem in problems]
    for page in existing.values():
        if page.live:
            page.unpublish()
        report.append(f"lesson “{page.title}”: no longer in the folder, unpublished (kept for learners' records)")
    course.import_report = report
    return course


def import_course(*, folder, jurisdiction_code):
    """Create a draft course with its lessons, or update the course of the same slug (see
    `_update_course`). Raises CourseImportError listing every problem."""
    course_doc, lesson_docs, errors = parse_folder(folder)
    jurisdiction = Jurisdiction.objects.filter(code=jurisdiction_code.upper()).first()
    if jurisdiction is None:
        errors.append(f"--jurisdiction: unknown jurisdiction '{jurisdiction_code}'")
    plan = {}
    if course_doc:
        meta = course_doc.meta
        name = course_doc.path.name
        plan["title"] = _require(course_doc, "title", errors)
        plan["summary"] = _require(course_doc, "summary", errors)
        language = meta.get("language", "en")
        if language not in LANGUAGES:
            errors.append(f"{name}:{course_doc.lines.get('language', 2)}: language must be 'en' or 'fr'")
            language = "en"
        plan["language"] = language
        plan["slug"] = slugify(meta.get("slug") or plan["title"] or "")
        if len(plan["slug"]) > ONE_LINE_LIMITS["slug"]:
            errors.append(f"{name}:{course_doc.lines.get('slug', 2)}: 'slug' is longer than 255 characters")
        for key, default, low, high in (("duration", 30, 1, 10000), ("pass_mark", 80, 0, 100)):
            value = meta.get(key, default)
            if not isinstance(value, int) or not low <= value <= high:
                errors.append(
                    f"{name}:{course_doc.lines.get(key, 2)}: '{key}' must be a whole number from {low} to {high}"
                )
            plan[key] = value
        objectives = meta.get("objectives") or []
        if not isinstance(objectives, list):
            errors.append(f"{name}:{course_doc.lines.get('objectives', 2)}: 'objectives' must be a list")
            objectives = []
        plan["objectives"] = objectives
        plan["topics"] = _vocabulary(course_doc, "topics", Topic, errors)
        plan["audiences"] = _vocabulary(course_doc, "audiences", Audience, errors)
        plan["translation_of"] = meta.get("translation_of")
    lessons = []
    seen_slugs = {}
    for doc in lesson_docs:
        title = _require(doc, "title", errors)
        slug = slugify(doc.meta.get("slug") or title or "")
        if len(slug) > ONE_LINE_LIMITS["slug"]:
            errors.append(f"{doc.path.name}:{doc.lines.get('slug', 2)}: 'slug' is longer than 255 characters")
        if slug in seen_slugs:
            errors.append(
                f"{doc.path.name}:{doc.lines.get('slug', 2)}: slug '{slug}' is also used by {seen_slugs[slug]}"
            )
        seen_slugs[slug] = doc.path.name
        quiz = _quiz(doc, errors)
        lessons.append(
            {
                "title": title,
                "slug": slug,
                "body": doc.body,
                "quiz": quiz,
                "quiz_draw": _quiz_draw(doc, quiz, errors),
                "translation_of": doc.meta.get("translation_of"),
                "doc": doc,
            }
        )
    if errors:
        raise CourseImportError(errors)

    locale = Locale.objects.get(language_code=plan["language"])
    parent = JurisdictionPage.objects.filter(jurisdiction=jurisdiction, locale=locale).first()
    if parent is None:
        raise CourseImportError(
            [f"--jurisdiction: {jurisdiction.code} has no page in the '{locale.language_code}' tree"]
        )
    same_slug = parent.get_children().filter(slug=plan["slug"]).specific().first()
    if same_slug is not None:
        if not isinstance(same_slug, CoursePage):
            raise CourseImportError(
                [
                    f"{course_doc.path.name}:{course_doc.lines.get('slug', 2)}: a page with slug "
                    f"'{plan['slug']}' already exists under {parent.title} and is not a course"
                ]
            )
        return _update_course(same_slug, plan, lessons)
    source = None
    if plan["translation_of"]:
        other_parent = JurisdictionPage.objects.filter(jurisdiction=jurisdiction).exclude(locale=locale).first()
        if other_parent is not None:
            source = CoursePage.objects.child_of(other_parent).filter(slug=plan["translation_of"]).first()
        if source is None:
            raise CourseImportError(
                [
                    f"{course_doc.path.name}:{course_doc.lines.get('translation_of', 2)}: no course "
                    f"'{plan['translation_of']}' to translate in {jurisdiction.code}'s other language tree"
                ]
            )

    source_lessons = {}
    if source is not None:
        problems = []
        for lesson in lessons:
            if not lesson["translation_of"]:
                continue
            source_lesson = LessonPage.objects.child_of(source).filter(slug=lesson["translation_of"]).first()
            if source_lesson is None:
                problems.append(
                    f"{lesson['doc'].path.name}:{lesson['doc'].lines.get('translation_of', 2)}: "
                    f"no lesson '{lesson['translation_of']}' in the course it translates"
                )
                continue
            problems += _bank_mismatches(lesson, source_lesson)
            source_lessons[lesson["slug"]] = source_lesson
        if problems:
            raise CourseImportError(problems)

    with transaction.atomic():
        course = CoursePage(
            title=plan["title"],
            slug=plan["slug"],
            summary=plan["summary"],
            estimated_duration=plan["duration"],
            pass_mark=plan["pass_mark"],
            language=plan["language"],
            locale=locale,
            live=False,
            learning_objectives=_objectives_html(plan["objectives"]),
        )
        if source is not None:
            course.translation_key = source.translation_key
        course.topics = plan["topics"]
        course.audiences = plan["audiences"]
        parent.add_child(instance=course)
        course.save_revision()
        for lesson in lessons:
            source_lesson = source_lessons.get(lesson["slug"])
            if source_lesson is not None:
                # A translated question keeps its source's id, so an answer is one answer in both languages.
                for question, source_question in zip(
                    lesson["quiz"], source_lesson.knowledge_check.raw_data, strict=False
                ):
                    question["id"] = source_question["id"]
            page = LessonPage(
                title=lesson["title"],
                slug=lesson["slug"],
                locale=locale,
                live=False,
                body=[{"type": "markdown", "value": lesson["body"]}],
                knowledge_check=lesson["quiz"],
                quiz_draw=lesson["quiz_draw"],
            )
            if source_lesson is not None:
                page.translation_key = source_lesson.translation_key
            course.add_child(instance=page)
            page.save_revision()
    course.import_report = [f"course “{course.title}”: created as a draft with {len(lessons)} lessons"]
    return course
