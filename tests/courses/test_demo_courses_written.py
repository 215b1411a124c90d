"""The demo courses written for this site (FOGO, GBA Plus, and any folder with allowed_urls.txt): both languages import, pair, teach and cite checked sources."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from courses.importer import import_course
from courses.models import LessonPage

pytestmark = pytest.mark.django_db

CONTENT = Path(__file__).resolve().parents[2] / "courses" / "demo_content"
# Every course written for this site carries the list of real pages its lessons may cite.
FOLDERS = sorted(path.name for path in CONTENT.iterdir() if (path / "allowed_urls.txt").is_file())
# Reserved for documentation by RFC 2606: always acceptable as placeholders.
EXAMPLE_HOSTS = {"example.org", "example.com", "example.net"}
ACTIVITY_MINUTES = 5
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def split(path):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def learner_words(meta, body):
    quiz = " ".join(
        q["question"] + " " + " ".join(o["text"] + " " + o.get("feedback", "") for o in q["options"])
        for q in meta.get("quiz", [])
    )
    return len(LINK.sub("]", body).split()) + len(quiz.split())


@pytest.mark.parametrize("folder", FOLDERS)
def test_both_languages_import_and_pair(site_tree, folder):
    courses = {lang: import_course(folder=CONTENT / folder / lang, jurisdiction_code="CA") for lang in ("en", "fr")}
    assert courses["en"].translation_key == courses["fr"].translation_key
    lessons = {lang: list(LessonPage.objects.child_of(c).order_by("path")) for lang, c in courses.items()}
    assert 4 <= len(lessons["en"]) <= 6
    assert [p.translation_key for p in lessons["en"]] == [p.translation_key for p in lessons["fr"]]
    for lesson in lessons["en"] + lessons["fr"]:
        questions = lesson.questions()
        assert 3 <= len(questions) <= 5, lesson.title
        for _, question in questions:
            assert any(option["is_correct"] for option in question["options"]), question["prompt"]
            assert all(option["feedback"].strip() for option in question["options"]), question["prompt"]


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_lessons_cite_only_verified_sources(folder, lang):
    allowed = {
        line.strip()
        for line in (CONTENT / folder / "allowed_urls.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    heading = "## Sources"
    for path in sorted((CONTENT / folder / lang).glob("0*.md")):
        _, body = split(path)
        assert heading in body, path.name
        assert LINK.search(body.split(heading, 1)[1]), f"{path.name}: no link under Sources"
        for url in LINK.findall(body):
            host = urlsplit(url).hostname
            assert url in allowed or host in EXAMPLE_HOSTS, f"{path.name}: {url} is not in allowed_urls.txt"


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_declared_duration_matches_reading_and_activities(folder, lang):
    course, _ = split(CONTENT / folder / lang / "course.md")
    lessons = [split(p) for p in sorted((CONTENT / folder / lang).glob("0*.md"))]
    words = sum(learner_words(meta, body) for meta, body in lessons)
    activities = sum(("## Try it" in body) or ("## À vous de jouer" in body) for _, body in lessons)
    assert activities == len(lessons)
    questions = sum(len(meta["quiz"]) for meta, _ in lessons)
    minutes = words / 200 + activities * ACTIVITY_MINUTES
    print(f"{folder}/{lang}: {words} words, {questions} questions, {minutes:.0f} min (declared {course['duration']})")
    assert abs(minutes - course["duration"]) <= 0.35 * course["duration"]
    assert 20 <= course["duration"] <= 40
