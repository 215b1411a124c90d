"""A course is one thing in two languages: progress made on the English pages is progress on the
French pages, "My learning" lists the course once in the reader's language, and one certificate
is issued, its PDF in the learner's language."""

import subprocess

import pytest

from courses.models import Enrolment, LessonCompletion, QuizAttempt
from literacy.models.certificates import Certificate
from tests.factories import PASSWORD, UserFactory

from .helpers import QUESTION_ID, make_course

pytestmark = pytest.mark.django_db


def _bilingual_course(site_tree):
    course_en, lessons_en = make_course(site_tree, language="en", title="Open data basics")
    course_fr, lessons_fr = make_course(site_tree, language="fr", title="Notions de base", translation_of=course_en)
    for english, french in zip(lessons_en, lessons_fr, strict=True):
        french.translation_key = english.translation_key
        french.save()
    return course_en, lessons_en, course_fr, lessons_fr


def test_progress_in_english_shows_in_french_and_one_certificate_in_the_learners_language(
    client, site_tree, tmp_path, django_capture_on_commit_callbacks
):
    course_en, (lesson1_en, _lesson2_en), course_fr, (lesson1_fr, lesson2_fr) = _bilingual_course(site_tree)
    learner = UserFactory(display_name="Ada Tremblay", preferred_language="fr")
    client.login(username=learner.username, password=PASSWORD)

    client.post(course_en.url + "enrol/")
    client.post(lesson1_en.url + "complete/")

    # The French course knows the learner: enrolled, lesson 1 done, resume at lesson 2.
    page = client.get(course_fr.url).content.decode()
    assert "Enrol in this course" not in page and "S’inscrire à ce cours" not in page
    assert client.get(course_fr.route_url("resume"))["Location"] == lesson2_fr.url
    assert client.post(course_fr.url + "enrol/")["Location"] == lesson2_fr.url
    assert Enrolment.objects.filter(user=learner).count() == 1
    lesson_page = client.get(lesson1_fr.url).content.decode()
    assert "<progress" in lesson_page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(lesson2_fr.url + "check/", {f"q-{QUESTION_ID}": "0"})
    assert QuizAttempt.objects.filter(user=learner, passed=True).count() == 1
    assert LessonCompletion.objects.filter(user=learner).count() == 2
    assert course_en.is_completed_by(learner) and course_fr.is_completed_by(learner)

    certificate = Certificate.objects.get(user=learner)
    assert certificate.subject_title == "Open data basics" and certificate.subject_title_fr == "Notions de base"
    assert certificate.pdf_fr and not certificate.pdf  # rendered once, in the learner's language
    for course in (course_en, course_fr):  # the same certificate from either page
        assert certificate.code in client.get(course.route_url("certificate"))["Location"]

    download = client.get(client.get(course_fr.route_url("certificate"))["Location"])
    body = b"".join(download.streaming_content)
    path = tmp_path / "c.pdf"
    path.write_bytes(body)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Certificat de réussite" in text and "Notions de base" in text and "Ada Tremblay" in text

    my_learning_fr = client.get("/fr/mon-apprentissage/").content.decode()
    assert my_learning_fr.count(">Notions de base</a>") == 1 and "Open data basics" not in my_learning_fr
    my_learning_en = client.get("/en/my-learning/").content.decode()
    assert my_learning_en.count(">Open data basics</a>") == 1 and "Notions de base" not in my_learning_en


def test_an_answer_given_in_english_gives_feedback_on_the_french_page(client, site_tree):
    course_en, (_lesson1_en, lesson2_en), course_fr, (_lesson1_fr, lesson2_fr) = _bilingual_course(site_tree)
    learner = UserFactory()
    client.login(username=learner.username, password=PASSWORD)
    client.post(course_en.url + "enrol/")
    response = client.post(lesson2_en.url + "check/", {f"q-{QUESTION_ID}": "1"})
    attempt = QuizAttempt.objects.get(user=learner)
    french = client.get(f"{lesson2_fr.url}?attempt={attempt.pk}").content.decode()
    assert "FEEDBACK-WRONG" in french
    assert response.status_code == 302
