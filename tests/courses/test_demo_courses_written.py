"""The demo courses written for this site (FOGO, GBA Plus, and any folder with allowed_urls.txt): both languages import, pair, teach and cite checked sources."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from courses.importer import import_course
from courses.models import LessonPage
from courses.stats import course_figures, split

pytestmark = pytest.mark.django_db

CONTENT = Path(__file__).resolve().parents[2] / "courses" / "demo_content"
# Every course written for this site carries the list of real pages its lessons may cite.
FOLDERS = sorted(path.name for path in CONTENT.iterdir() if (path / "allowed_urls.txt").is_file())
# Reserved for documentation by RFC 2606: always acceptable as placeholders.
EXAMPLE_HOSTS = {"example.org", "example.com", "example.net"}
# The toolkit keeps the ten topics of Open North's original, so it is the one longer course.
TEN_TOPICS = "diy-open-data-toolkit"
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


@pytest.mark.parametrize("folder", FOLDERS)
def test_both_languages_import_and_pair(site_tree, folder):
    courses = {lang: import_course(folder=CONTENT / folder / lang, jurisdiction_code="CA") for lang in ("en", "fr")}
    assert courses["en"].translation_key == courses["fr"].translation_key
    lessons = {lang: list(LessonPage.objects.child_of(c).order_by("path")) for lang, c in courses.items()}
    assert len(lessons["en"]) == 10 if folder == TEN_TOPICS else 4 <= len(lessons["en"]) <= 6
    assert [p.translation_key for p in lessons["en"]] == [p.translation_key for p in lessons["fr"]]
    for lesson in lessons["en"] + lessons["fr"]:
        questions = lesson.questions()
        # A bank: each attempt asks 3 to 5 of more questions than that, so retries are not repeats.
        assert 3 <= lesson.questions_per_attempt < len(questions) <= 8, lesson.title
        for _, question in questions:
            assert any(option["is_correct"] for option in question["options"]), question["prompt"]
            # The page adds "(choose all that apply)" to a multiple-answer question itself.
            assert "all that apply" not in question["prompt"], question["prompt"]
            assert "toutes les réponses qui" not in question["prompt"], question["prompt"]
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
    for path in sorted((CONTENT / folder / lang).glob("[0-9]*.md")):
        _, body = split(path)
        assert heading in body, path.name
        assert LINK.search(body.split(heading, 1)[1]), f"{path.name}: no link under Sources"
        for url in LINK.findall(body):
            host = urlsplit(url).hostname
            assert url in allowed or host in EXAMPLE_HOSTS, f"{path.name}: {url} is not in allowed_urls.txt"


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_declared_duration_matches_reading_and_activities(folder, lang):
    figures = course_figures(CONTENT / folder / lang)
    assert figures["activities"] == figures["lessons"]
    print(f"{folder}/{lang}: {figures}")
    # What the course page promises is what the reading, the questions asked and the activities take.
    assert abs(figures["minutes"] - figures["declared"]) <= 5
    if folder == TEN_TOPICS:
        assert 40 <= figures["declared"] <= 90
    else:
        # The aim is 20 to 40 minutes; Open government 101 and Public engagement take 50.
        assert 20 <= figures["declared"] <= 50
