import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from courses import services
from courses.models import Enrolment, LessonCompletion
from literacy.models.certificates import Certificate
from tests.factories import PASSWORD, UserFactory

from .helpers import make_course


@pytest.mark.django_db
def test_enrol_twice_and_complete_twice_create_one_row_each(client, site_tree):
    course, (lesson, _second) = make_course(site_tree, with_check=False)
    user = UserFactory()
    client.login(username=user.username, password=PASSWORD)
    for _ in range(3):
        client.post(course.url + "enrol/")
        client.post(lesson.url + "complete/")
    assert Enrolment.objects.filter(user=user).count() == 1
    assert LessonCompletion.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_get_is_refused_and_anonymous_is_sent_to_login(client, site_tree):
    course, _lessons = make_course(site_tree)
    assert client.get(course.url + "enrol/").status_code == 405
    response = client.post(course.url + "enrol/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_a_lesson_offers_the_next_step_to_each_kind_of_reader(client, site_tree):
    course, lessons = make_course(site_tree)
    html = client.get(lessons[0].url).content.decode()
    assert f'href="/en/accounts/login/?next={lessons[0].url}"' in html and "Sign in to enrol in this course." in html
    client.force_login(UserFactory())
    html = client.get(lessons[0].url).content.decode()
    assert f'action="{course.url}enrol/"' in html and "Enrol in this course" in html


@pytest.mark.django_db
def test_completing_without_enrolment_is_refused(site_tree):
    _course, (lesson, _second) = make_course(site_tree)
    with pytest.raises(services.CourseError):
        services.complete_lesson(user=UserFactory(), lesson=lesson)


@pytest.mark.django_db
def test_course_without_check_completes_when_every_lesson_is_done(site_tree, django_capture_on_commit_callbacks):
    course, lessons = make_course(site_tree, with_check=False)
    user = UserFactory()
    services.enrol(user=user, course=course)
    services.complete_lesson(user=user, lesson=lessons[0])
    assert not course.is_completed_by(user)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(user=user, lesson=lessons[1])
    assert course.is_completed_by(user)
    assert Certificate.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_marking_a_checked_lesson_read_does_not_complete_it(site_tree):
    course, lessons = make_course(site_tree)
    user = UserFactory()
    services.enrol(user=user, course=course)
    for lesson in lessons:
        services.complete_lesson(user=user, lesson=lesson)
    assert not course.is_completed_by(user)  # the knowledge check is not passed yet


def _race(worker, count=8):
    barrier = threading.Barrier(count)
    errors = []

    def run():
        try:
            barrier.wait()
            worker()
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


# Real concurrency needs a server database: SQLite's shared in-memory test database locks whole
# tables, so these tests are collected only when the suite runs on PostgreSQL.
if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):

    @pytest.mark.django_db(transaction=True)
    def test_racing_tabs_create_one_enrolment_completion_and_certificate(site_tree):
        assert connection.vendor == "postgresql"
        course, lessons = make_course(site_tree, with_check=False, lessons=1)
        user = UserFactory()

        assert _race(lambda: services.enrol(user=user, course=course)) == []
        assert Enrolment.objects.filter(user=user, course=course).count() == 1

        assert _race(lambda: services.complete_lesson(user=user, lesson=lessons[0])) == []
        assert LessonCompletion.objects.filter(user=user).count() == 1
        assert Certificate.objects.filter(user=user).count() == 1
        certificate = Certificate.objects.get(user=user)
        assert certificate.render_count == 1 and certificate.pdf


@pytest.mark.django_db
def test_a_course_with_prerequisites_waits_until_they_are_completed_in_either_language(site_tree):
    basics_en, basics_lessons = make_course(site_tree, title="Open data basics", with_check=False, lessons=1)
    basics_fr, basics_fr_lessons = make_course(
        site_tree, title="Notions de base", language="fr", with_check=False, lessons=1, translation_of=basics_en
    )
    advanced, _lessons = make_course(site_tree, title="Publishing with a purpose", with_check=False, lessons=1)
    advanced.prerequisites.set([basics_en])
    advanced.save_revision().publish()
    user = UserFactory()

    with pytest.raises(services.CourseError, match="Complete these courses first: Open data basics"):
        services.enrol(user=user, course=advanced)
    assert not Enrolment.objects.filter(course=advanced).exists()

    services.enrol(user=user, course=basics_fr)
    services.complete_lesson(user=user, lesson=basics_fr_lessons[0])
    enrolment = services.enrol(user=user, course=advanced)
    assert services.enrol(user=user, course=advanced) == enrolment


@pytest.mark.django_db
def test_the_course_page_explains_an_unmet_prerequisite(client, site_tree):
    basics, _ = make_course(site_tree, title="Open data basics", with_check=False, lessons=1)
    advanced, _ = make_course(site_tree, title="Publishing with a purpose", with_check=False, lessons=1)
    advanced.prerequisites.set([basics])
    advanced.save_revision().publish()
    user = UserFactory()
    client.login(username=user.username, password=PASSWORD)
    response = client.post(advanced.url + "enrol/", follow=True)
    assert "Complete these courses first: Open data basics" in response.content.decode()
    assert not Enrolment.objects.filter(course=advanced).exists()


@pytest.mark.django_db
def test_the_prerequisite_message_is_translated(site_tree):
    from django.utils import translation

    basics, _ = make_course(site_tree, title="Notions de base", language="fr", with_check=False, lessons=1)
    advanced, _ = make_course(site_tree, title="Publier avec un objectif", language="fr", with_check=False, lessons=1)
    advanced.prerequisites.set([basics])
    advanced.save_revision().publish()
    with (
        translation.override("fr"),
        pytest.raises(services.CourseError, match="Terminez d’abord ces cours\u00a0: Notions de base"),
    ):
        services.enrol(user=UserFactory(), course=advanced)
