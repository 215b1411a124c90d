"""Question banks: a lesson asks `quiz_draw` of its questions, drawn at random per attempt, the same
ones in both languages; the attempt is graded on exactly those and stores which they were."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from courses import services
from courses.importer import CourseImportError, import_course
from courses.models import LessonPage, QuizAttempt, QuizDraw
from tests.factories import PASSWORD, UserFactory

from .helpers import make_course, question

pytestmark = pytest.mark.django_db
BANK = 5


def _bank(lang):
    word = {"en": "Question", "fr": "Question fr"}[lang]
    return [
        question(
            qid=f"bank-{n}",
            prompt=f"{word} number {n}?",
            options=[
                {"text": f"Right {n}", "is_correct": True, "feedback": f"RIGHT-{n}-{lang}"},
                {"text": f"Wrong {n}", "is_correct": False, "feedback": f"WRONG-{n}-{lang}"},
            ],
        )
        for n in range(BANK)
    ]


@pytest.fixture
def banked(site_tree, settings):
    """A bilingual course whose last lesson holds a bank of five questions and asks two."""
    settings.OGL_PAGE_CACHE_SECONDS = 0
    course_en, lessons_en = make_course(site_tree, language="en", pass_mark=100)
    course_fr, lessons_fr = make_course(site_tree, language="fr", title="Notions", translation_of=course_en)
    for english, french in zip(lessons_en, lessons_fr, strict=True):
        french.translation_key = english.translation_key
        french.save()
    pages = {}
    for lang, lesson in (("en", lessons_en[-1]), ("fr", lessons_fr[-1])):
        lesson.knowledge_check = _bank(lang)
        lesson.quiz_draw = 2
        lesson.save_revision().publish()
        pages[lang] = LessonPage.objects.get(pk=lesson.pk)
    learner = UserFactory()
    services.enrol(user=learner, course=course_en)
    return pages, learner


def _asked(html):
    return sorted(int(n) for n in re.findall(r"Question(?: fr)? number (\d)\?", html))


def _answers(positions, *, right):
    return {f"bank-{p}": ["0" if right else "1"] for p in positions}


def test_the_page_asks_the_drawn_questions_and_keeps_them_across_reloads_and_languages(client, banked):
    pages, learner = banked
    client.login(username=learner.username, password=PASSWORD)
    asked = _asked(client.get(pages["en"].url).content.decode())
    assert len(asked) == 2
    assert _asked(client.get(pages["en"].url).content.decode()) == asked
    assert _asked(client.get(pages["fr"].url).content.decode()) == asked
    assert QuizDraw.objects.get(user=learner).questions == asked


def test_draws_differ_between_learners_and_attempts(banked):
    pages, _learner = banked
    draws = set()
    for _ in range(30):
        learner = UserFactory()
        services.enrol(user=learner, course=pages["en"].course)
        draws.add(tuple(services.draw_questions(user=learner, lesson=pages["en"])))
    # 10 possible pairs; thirty draws that always gave the same pair would not be random.
    assert len(draws) > 3
    assert all(len(set(draw)) == 2 and all(0 <= p < BANK for p in draw) for draw in draws)


def test_the_attempt_is_graded_on_the_drawn_questions_and_the_next_attempt_draws_again(banked):
    pages, learner = banked
    drawn = services.draw_questions(user=learner, lesson=pages["en"])
    others = [p for p in range(BANK) if p not in drawn]
    # Right answers to questions that were not asked count for nothing.
    answers = {**_answers(drawn, right=False), **_answers(others, right=True)}
    attempt = services.submit_knowledge_check(user=learner, lesson=pages["en"], answers=answers)
    assert (attempt.score, attempt.passed, attempt.questions) == (0, False, drawn)
    assert sorted(a.question_id for a in attempt.answers.all()) == sorted(f"bank-{p}" for p in drawn)
    assert not QuizDraw.objects.filter(user=learner).exists()
    again = services.draw_questions(user=learner, lesson=pages["fr"])
    passed = services.submit_knowledge_check(user=learner, lesson=pages["fr"], answers=_answers(again, right=True))
    assert (passed.score, passed.passed, passed.questions) == (100, True, again)


def test_only_the_drawn_questions_must_be_answered(banked):
    pages, learner = banked
    drawn = services.draw_questions(user=learner, lesson=pages["en"])
    with pytest.raises(services.CourseError, match="Answer every question"):
        services.submit_knowledge_check(user=learner, lesson=pages["en"], answers=_answers(drawn[:1], right=True))
    attempt = services.submit_knowledge_check(user=learner, lesson=pages["en"], answers=_answers(drawn, right=True))
    assert attempt.passed


def test_a_second_submit_of_the_same_page_records_nothing(client, banked):
    pages, learner = banked
    client.login(username=learner.username, password=PASSWORD)
    asked = _asked(client.get(pages["en"].url).content.decode())
    form = {f"q-bank-{p}": "1" for p in asked}
    first = client.post(pages["en"].url + "check/", form)
    second = client.post(pages["en"].url + "check/", form)
    assert first.status_code == 302
    assert second.status_code == 400
    assert "already submitted" in second.content.decode()
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_feedback_after_the_attempt_covers_the_questions_asked_in_the_other_language_too(client, banked):
    pages, learner = banked
    client.login(username=learner.username, password=PASSWORD)
    asked = _asked(client.get(pages["en"].url).content.decode())
    client.post(pages["en"].url + "check/", {f"q-bank-{p}": "1" for p in asked})
    attempt = QuizAttempt.objects.get(user=learner)
    french = client.get(f"{pages['fr'].url}?attempt={attempt.pk}").content.decode()
    for position in range(BANK):
        assert (f"WRONG-{position}-fr" in french) == (position in asked)
        assert f"RIGHT-{position}-fr" not in french  # the right answer is not given away


def test_a_reader_who_is_not_enrolled_gets_no_draw(client, banked):
    pages, _learner = banked
    visitor = UserFactory()
    client.login(username=visitor.username, password=PASSWORD)
    assert client.get(pages["en"].url).status_code == 200
    assert not QuizDraw.objects.filter(user=visitor).exists()


def test_an_editor_cannot_ask_more_questions_than_the_bank_holds(banked):
    pages, _learner = banked
    lesson = pages["en"]
    lesson.quiz_draw = BANK + 1
    with pytest.raises(ValidationError) as error:
        lesson.full_clean()
    assert "quiz_draw" in error.value.message_dict


def test_publishing_one_language_sets_the_number_asked_in_both(banked):
    pages, _learner = banked
    english = pages["en"]
    english.quiz_draw = 3
    english.save_revision().publish()
    assert LessonPage.objects.get(pk=pages["fr"].pk).quiz_draw == 3


def test_a_bank_edited_smaller_after_a_draw_is_drawn_again(banked):
    pages, learner = banked
    services.draw_questions(user=learner, lesson=pages["en"])
    QuizDraw.objects.filter(user=learner).update(questions=[3, 4])
    for lang in ("en", "fr"):
        lesson = pages[lang]
        lesson.knowledge_check = _bank(lang)[:3]
        lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=pages["en"].pk)
    drawn = services.draw_questions(user=learner, lesson=lesson)
    assert len(drawn) == 2 and all(p < 3 for p in drawn)


# The importer: quiz_draw is read, checked and carried; a translation must match its source's bank.


def _write_course(folder, *, lang, quiz_size, draw, translation_of=None):
    folder.mkdir(parents=True)
    extra = f"translation_of: {translation_of}\n" if translation_of else ""
    (folder / "course.md").write_text(
        f"---\ntitle: Banked {lang}\nslug: banked-{lang}\nsummary: A course.\nlanguage: {lang}\n{extra}---\n",
        encoding="utf-8",
    )
    quiz = "".join(
        f"  - question: Question {n}?\n    options:\n      - text: Agree\n        correct: true\n"
        f"        feedback: Right.\n      - text: Disagree\n        feedback: Wrong.\n"
        for n in range(quiz_size)
    )
    draw_line = f"quiz_draw: {draw}\n" if draw is not None else ""
    lesson_extra = "translation_of: only\n" if translation_of else ""
    (folder / "01-only.md").write_text(
        f"---\ntitle: Only {lang}\nslug: only{'' if lang == 'en' else '-fr'}\n{lesson_extra}{draw_line}quiz:\n{quiz}---\nBody.\n",
        encoding="utf-8",
    )
    return folder


def test_import_reads_quiz_draw_and_refuses_one_larger_than_the_bank(site_tree, tmp_path):
    course = import_course(
        folder=_write_course(tmp_path / "en", lang="en", quiz_size=5, draw=3), jurisdiction_code="CA"
    )
    assert LessonPage.objects.child_of(course).get().quiz_draw == 3
    with pytest.raises(CourseImportError) as error:
        import_course(folder=_write_course(tmp_path / "bad", lang="en", quiz_size=2, draw=3), jurisdiction_code="ON")
    assert error.value.errors == [
        "01-only.md:4: 'quiz_draw' must be a whole number from 1 to the number of questions in the quiz (2)"
    ]


@pytest.mark.parametrize(
    "quiz_size, draw, message",
    [
        (4, 3, "the quiz has 4 questions but the lesson it translates has 5"),
        (5, 2, "'quiz_draw' is 2 but the lesson it translates asks 3"),
    ],
)
def test_import_refuses_a_translation_whose_bank_differs_from_its_source(site_tree, tmp_path, quiz_size, draw, message):
    import_course(folder=_write_course(tmp_path / "en", lang="en", quiz_size=5, draw=3), jurisdiction_code="CA")
    folder = _write_course(tmp_path / "fr", lang="fr", quiz_size=quiz_size, draw=draw, translation_of="banked-en")
    with pytest.raises(CourseImportError) as error:
        import_course(folder=folder, jurisdiction_code="CA")
    assert any(message in line for line in error.value.errors), error.value.errors
    assert not LessonPage.objects.filter(locale__language_code="fr", slug="only-fr").exists()


def test_demo_content_banks_match_between_languages():
    import yaml

    content = Path(__file__).resolve().parents[2] / "courses" / "demo_content"
    for english in sorted(content.glob("*/en/[0-9]*.md")):
        meta_en = yaml.safe_load(english.read_text(encoding="utf-8").split("---\n", 2)[1])
        french_files = [
            path
            for path in (english.parent.parent / "fr").glob("[0-9]*.md")
            if yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1]).get("translation_of")
            == meta_en.get("slug")
        ]
        assert len(french_files) == 1, english
        meta_fr = yaml.safe_load(french_files[0].read_text(encoding="utf-8").split("---\n", 2)[1])
        assert len(meta_fr.get("quiz", [])) == len(meta_en.get("quiz", [])), english
        assert meta_fr.get("quiz_draw") == meta_en.get("quiz_draw"), english
        for q_en, q_fr in zip(meta_en.get("quiz", []), meta_fr["quiz"], strict=True):
            assert [bool(o.get("correct")) for o in q_en["options"]] == [
                bool(o.get("correct")) for o in q_fr["options"]
            ], (english, q_en["question"])
