import pytest
from django.core.exceptions import ValidationError

from courses import services
from courses.blocks import QuestionBlock
from courses.models import QuizAnswer, QuizAttempt
from tests.factories import PASSWORD, UserFactory

from .helpers import QUESTION_ID, make_course, question

pytestmark = pytest.mark.django_db


def test_lesson_html_has_no_answers_or_feedback_before_submission(client, site_tree):
    course, (_first, lesson) = make_course(site_tree)
    user = UserFactory()
    services.enrol(user=user, course=course)
    client.login(username=user.username, password=PASSWORD)
    html = client.get(lesson.url).content.decode()
    assert "Which licence do federal datasets use?" in html  # the question is there...
    assert 'name="q-q-open-licence"' in html
    for secret in ("FEEDBACK-RIGHT", "FEEDBACK-WRONG", "is_correct", "correct"):
        assert secret not in html  # ...its answer key and feedback are not


def test_feedback_is_shown_only_for_the_learners_own_attempt(client, site_tree):
    course, (_first, lesson) = make_course(site_tree)
    owner, other = UserFactory(), UserFactory()
    for user in (owner, other):
        services.enrol(user=user, course=course)
    attempt = services.submit_knowledge_check(user=owner, lesson=lesson, answers={QUESTION_ID: ["1"]})
    client.login(username=other.username, password=PASSWORD)
    html = client.get(f"{lesson.url}?attempt={attempt.pk}").content.decode()
    assert "FEEDBACK-WRONG" not in html


def test_attempts_store_answers_and_score_and_allow_retries(site_tree):
    options = [
        {"text": "A", "is_correct": True, "feedback": ""},
        {"text": "B", "is_correct": True, "feedback": ""},
        {"text": "C", "is_correct": False, "feedback": ""},
    ]
    course, (_first, lesson) = make_course(site_tree, pass_mark=50)
    lesson.knowledge_check = [question(), question(qid="q-multi", kind="multiple", options=options)]
    lesson.save_revision().publish()
    user = UserFactory()
    services.enrol(user=user, course=course)

    first = services.submit_knowledge_check(user=user, lesson=lesson, answers={QUESTION_ID: ["1"], "q-multi": ["0"]})
    assert (first.score, first.passed) == (0, False)
    second = services.submit_knowledge_check(user=user, lesson=lesson, answers={QUESTION_ID: ["0"], "q-multi": ["0"]})
    assert (second.score, second.passed) == (50, True)  # pass mark comes from the course
    third = services.submit_knowledge_check(
        user=user, lesson=lesson, answers={QUESTION_ID: ["0"], "q-multi": ["0", "1"]}
    )
    assert third.score == 100
    assert QuizAttempt.objects.filter(user=user).count() == 3
    answer = QuizAnswer.objects.get(attempt=third, question_id="q-multi")
    assert answer.selected == [0, 1] and answer.is_correct


def test_unanswered_questions_are_refused(site_tree):
    course, (_first, lesson) = make_course(site_tree)
    user = UserFactory()
    services.enrol(user=user, course=course)
    with pytest.raises(services.CourseError):
        services.submit_knowledge_check(user=user, lesson=lesson, answers={})
    assert not QuizAttempt.objects.exists()


def test_check_requires_enrolment(site_tree):
    _course, (_first, lesson) = make_course(site_tree)
    with pytest.raises(services.CourseError):
        services.submit_knowledge_check(user=UserFactory(), lesson=lesson, answers={QUESTION_ID: ["0"]})


@pytest.mark.parametrize(
    "kind, flags, valid",
    [
        ("single", [True, False], True),
        ("single", [True, True], False),
        ("single", [False, False], False),
        ("multiple", [True, True], True),
        ("multiple", [False, False], False),
        ("true_false", [True, False], True),
        ("true_false", [True, False, False], False),
    ],
)
def test_question_block_validation(kind, flags, valid):
    block = QuestionBlock()
    value = block.to_python(
        {
            "prompt": "Q?",
            "kind": kind,
            "options": [{"text": f"o{i}", "is_correct": f, "feedback": ""} for i, f in enumerate(flags)],
        }
    )
    if valid:
        block.clean(value)
    else:
        with pytest.raises(ValidationError):
            block.clean(value)


def test_unanswered_submission_keeps_the_learners_choices(client, site_tree):
    options = [
        {"text": "A", "is_correct": True, "feedback": ""},
        {"text": "B", "is_correct": False, "feedback": ""},
    ]
    course, (_first, lesson) = make_course(site_tree)
    lesson.knowledge_check = [question(), question(qid="q-two", prompt="Second question?", options=options)]
    lesson.save_revision().publish()
    user = UserFactory()
    services.enrol(user=user, course=course)
    client.login(username=user.username, password=PASSWORD)
    response = client.post(lesson.url + "check/", {f"q-{QUESTION_ID}": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="q-q-open-licence-1" checked' in html  # the choice made is still there
    assert "Answer every question before you submit." in html
    assert '<a href="#q-q-two-0">Second question?</a>' in html
    assert not QuizAttempt.objects.exists()


def test_after_three_failed_attempts_in_a_row_the_learner_pauses_before_trying_again(site_tree, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.COURSES_RETRIES_BEFORE_PAUSE, settings.COURSES_RETRY_PAUSE_MINUTES = 3, 10
    course, (_first, lesson) = make_course(site_tree)
    user = UserFactory()
    services.enrol(user=user, course=course)
    for _ in range(3):
        assert not services.submit_knowledge_check(user=user, lesson=lesson, answers={QUESTION_ID: ["1"]}).passed
    with pytest.raises(services.CourseError, match="3 times in a row"):
        services.submit_knowledge_check(user=user, lesson=lesson, answers={QUESTION_ID: ["0"]})
    assert QuizAttempt.objects.filter(user=user).count() == 3
    QuizAttempt.objects.filter(user=user).update(submitted_at=timezone.now() - timedelta(minutes=11))
    assert services.submit_knowledge_check(user=user, lesson=lesson, answers={QUESTION_ID: ["0"]}).passed
    # A pass resets the count: later retries (to improve a score) are not paused by old failures.
    assert services.submit_knowledge_check(user=user, lesson=lesson, answers={QUESTION_ID: ["1"]}) is not None
