"""Many people at once: no overbooking, a fair waitlist, one registration per person. Runs on
PostgreSQL (row locks) and SQLite (IMMEDIATE transactions serialise writers)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory

from .helpers import make_session

Status = Registration.Status


def run_threads(target, args_list):
    errors = []
    barrier = threading.Barrier(len(args_list))

    def worker(*args):
        try:
            barrier.wait()
            target(*args)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_sixty_concurrent_registrations_twenty_cancellations_and_a_double_submit(fresh_tree):
    session = make_session(capacity=10)
    users = UserFactory.create_batch(60)

    errors = run_threads(lambda user: services.register(session=session, user=user), [(u,) for u in users])
    assert errors == []
    registrations = list(Registration.objects.filter(session=session).order_by("pk"))
    assert len(registrations) == 60
    booked = [r for r in registrations if r.status == Status.BOOKED]
    waitlisted = [r for r in registrations if r.status == Status.WAITLISTED]
    assert (len(booked), len(waitlisted)) == (10, 50)
    # arrival order: the first ten to get the lock are booked; everyone after waits, in order
    assert all(r.status == Status.BOOKED for r in registrations[:10])
    assert all(r.status == Status.WAITLISTED for r in registrations[10:])
    waitlist_order = [r.pk for r in waitlisted]

    # 20 cancellations at once: 10 booked + 10 from the waitlist's tail
    to_cancel = booked + waitlisted[-10:]
    errors = run_threads(
        lambda registration: services.cancel(registration=registration, actor=registration.user),
        [(r,) for r in to_cancel],
    )
    assert errors == []
    now_offered = list(Registration.objects.filter(session=session, status=Status.OFFERED).values_list("pk", flat=True))
    assert not Registration.objects.filter(session=session, status=Status.BOOKED).exists()
    # the ten earliest waitlisted were offered the ten freed seats, nobody else
    assert sorted(now_offered) == sorted(waitlist_order[:10])
    still_waiting = list(
        Registration.objects.filter(session=session, status=Status.WAITLISTED)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    assert still_waiting == waitlist_order[10:40]

    # (one transactional test: the same user double-submitting at once gets one registration)
    session = make_session(capacity=10, title="Double submit", start=session.start + timedelta(days=1))
    user = UserFactory()
    results = []
    errors = run_threads(
        lambda: results.append(services.register(session=session, user=user).pk), [() for _ in range(8)]
    )
    assert errors == []
    assert Registration.objects.filter(session=session, user=user).count() == 1
    assert len(set(results)) == 1
