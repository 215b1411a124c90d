"""Pages whose work grows with a person's records, or with a government's sessions, make a bounded
number of queries: the same with six records as with two."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import services as course_services
from sessions import services as session_services
from sessions.models import SessionIndexPage
from tests.courses.helpers import make_course
from tests.factories import PASSWORD, UserFactory
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.OGL_PAGE_CACHE_SECONDS = 0


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _add_learning(site_tree, user, number, offset):
    for n in range(offset, offset + number):
        course, lessons = make_course(site_tree, title=f"Course {n}", lessons=3)
        course_services.enrol(user=user, course=course)
        course_services.complete_lesson(user=user, lesson=lessons[0])
        full = make_session("ON", capacity=1, start=timezone.now() + timedelta(days=10 + n), title=f"Full {n}")
        session_services.register(session=full, user=UserFactory())
        session_services.register(session=full, user=user)  # waitlisted
        open_seats = make_session("ON", capacity=5, start=timezone.now() + timedelta(days=30 + n), title=f"Open {n}")
        session_services.register(session=open_seats, user=user)


def test_my_learning_makes_the_same_queries_for_six_courses_and_sessions_as_for_two(client, site_tree):
    user = UserFactory()
    client.login(username=user.username, password=PASSWORD)
    _add_learning(site_tree, user, 2, 0)
    few = _queries(client, "/en/my-learning/")
    _add_learning(site_tree, user, 4, 2)
    many = _queries(client, "/en/my-learning/")
    assert many == few, (few, many)


def test_a_governments_calendar_feed_makes_the_same_queries_for_six_sessions_as_for_two(client, site_tree):
    def add(number, offset):
        for n in range(offset, offset + number):
            make_session("ON", start=timezone.now() + timedelta(days=5 + n), title=f"Feed {n}")

    url = site_tree["index_pages"][SessionIndexPage]["en"].url + "feed/ON/"
    add(2, 0)
    few = _queries(client, url)
    add(4, 2)
    many = _queries(client, url)
    assert many == few, (few, many)


def test_the_course_report_makes_the_same_queries_for_six_courses_and_learners_as_for_two(client, site_tree):
    from literacy.models import Jurisdiction
    from tests.factories import staff_user

    ontario = Jurisdiction.objects.get(code="ON")

    def add(number, offset):
        for n in range(offset, offset + number):
            course, _lessons = make_course(site_tree, code="CA", title=f"Report course {n}", lessons=1)
            course_services.enrol(user=UserFactory(jurisdiction=ontario, organization=f"Org {n}"), course=course)

    client.force_login(staff_user("ON", "Coordinators"))
    add(2, 0)
    few = _queries(client, "/admin/course-report/"), _queries(client, "/admin/course-report/transcripts.csv")
    add(4, 2)
    many = _queries(client, "/admin/course-report/"), _queries(client, "/admin/course-report/transcripts.csv")
    assert many == few, (few, many)
