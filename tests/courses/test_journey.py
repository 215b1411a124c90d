import subprocess

import pytest

from courses.models import Enrolment, LessonCompletion, QuizAttempt
from literacy.models.certificates import Certificate
from tests.factories import PASSWORD, UserFactory, localized_url

from .helpers import QUESTION_ID, make_course

pytestmark = pytest.mark.django_db


def pdf_text(data, tmp_path):
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("language", ["en", "fr"])
def test_learner_journey(client, site_tree, tmp_path, language, django_capture_on_commit_callbacks):
    course, (lesson1, lesson2) = make_course(site_tree, language=language, title=f"Course {language}")
    user = UserFactory(display_name="Ada Lovelace-Tremblay", preferred_language=language)
    client.login(username=user.username, password=PASSWORD)

    response = client.get(course.url)
    assert response.status_code == 200
    response = client.post(course.url + "enrol/")
    assert response.status_code == 302 and response["Location"] == lesson1.url
    client.post(course.url + "enrol/")  # twice: still one enrolment
    assert Enrolment.objects.filter(user=user, course=course).count() == 1

    page = client.get(lesson1.url)
    assert page.status_code == 200 and b"<progress" in page.content
    response = client.post(lesson1.url + "complete/")
    assert response["Location"] == lesson2.url  # resume at the first unfinished lesson
    assert client.get(course.route_url("resume"))["Location"] == lesson2.url

    # Fail the check, then retry and pass.
    response = client.post(lesson2.url + "check/", {f"q-{QUESTION_ID}": "1"})
    failed = QuizAttempt.objects.get(user=user)
    assert not failed.passed and failed.score == 0
    feedback = client.get(response["Location"])
    assert "FEEDBACK-WRONG" in feedback.content.decode()
    assert not course.is_completed_by(user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(lesson2.url + "check/", {f"q-{QUESTION_ID}": "0"})
    assert QuizAttempt.objects.filter(user=user, passed=True).count() == 1
    assert LessonCompletion.objects.filter(user=user).count() == 2
    assert course.is_completed_by(user)
    enrolment = Enrolment.objects.get(user=user, course=course)
    assert enrolment.completed_at is not None

    certificate = Certificate.objects.get(user=user)
    assert certificate.pdf_field(language) and certificate.render_count == 1  # rendered in the learner's language
    response = client.get(course.route_url("certificate"))
    assert response.status_code == 302
    download = client.get(response["Location"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    body = b"".join(download.streaming_content)
    assert body.startswith(b"%PDF")
    text = pdf_text(body, tmp_path)
    assert "Ada Lovelace-Tremblay" in text and certificate.code in text
    assert ("Certificat de réussite" if language == "fr" else "Certificate of completion") in text

    verify = client.get(localized_url("literacy:verify_certificate", language, code=certificate.code))
    assert verify.status_code == 200
    html = verify.content.decode()
    assert "Ada Lovelace-Tremblay" in html and f"Course {language}" in html

    my_learning = client.get(localized_url("home:my_learning", language))
    assert certificate.code in my_learning.content.decode()
