"""Registration holds the session's row lock for as few statements as it can: every other person
registering for that session waits on them (issue 11: ten statements before, and the bench's
registrations per second follow)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db


def _statements(**kwargs):
    with CaptureQueriesContext(connection) as captured:
        registration = services.register(**kwargs)
    sql = [query["sql"] for query in captured.captured_queries if "SAVEPOINT" not in query["sql"]]
    return registration, sql


def test_a_booking_is_the_lock_one_count_and_two_inserts(site_tree):
    session = make_session(capacity=2)
    registration, sql = _statements(session=session, user=UserFactory())
    assert registration.status == Registration.Status.BOOKED
    assert len(sql) == 4, "\n".join(sql)
    assert "FOR UPDATE" in sql[0] or connection.vendor == "sqlite"


def test_joining_the_waitlist_and_registering_twice_cost_no_more(site_tree):
    session = make_session(capacity=1)
    services.register(session=session, user=UserFactory())
    person = UserFactory()
    registration, sql = _statements(session=session, user=person)
    assert registration.status == Registration.Status.WAITLISTED and len(sql) == 4
    again, sql = _statements(session=session, user=person)
    assert again.pk == registration.pk and len(sql) == 3
