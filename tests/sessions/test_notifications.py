from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from sessions import notifications, services
from sessions.models import Notification, Registration, RegistrationHistory
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db


def ics_of(message):
    ((name, content, mimetype),) = message.attachments
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_booking_email_after_commit_with_ics(django_capture_on_commit_callbacks):
    session = make_session(capacity=1, meeting_link="https://meet.example.ca/abc")
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email] and "booked" in message.subject
    assert "https://meet.example.ca/abc" in message.body
    calendar = ics_of(message)
    assert calendar["METHOD"] == "REQUEST"
    assert calendar.walk("VEVENT")[0]["UID"] == session.calendar_uid


def test_no_email_before_commit(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.register(session=session, user=UserFactory())
    assert mail.outbox == [] and len(callbacks) == 1


def test_each_email_sent_once_even_when_the_task_runs_twice(django_capture_on_commit_callbacks):
    from sessions.tasks import send_registration_email

    session = make_session(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(session=session, user=UserFactory())
    history = RegistrationHistory.objects.get(registration=registration)
    send_registration_email.enqueue(history_id=history.pk)
    send_registration_email.call(history_id=history.pk)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(key=f"history-{history.pk}").count() == 1


def test_waitlist_promotion_and_cancellation_emails_in_french(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    first = UserFactory()
    second = UserFactory(preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        booked = services.register(session=session, user=first)
        services.register(session=session, user=second)
    assert "liste d’attente" in mail.outbox[1].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration=booked, actor=first)
    subjects = {m.to[0]: m for m in mail.outbox}
    assert ics_of(subjects[first.email])["METHOD"] == "CANCEL"
    offer = subjects[second.email]
    assert "place" in offer.subject.lower() and not offer.attachments  # an offer, not yet a booking
    registration = Registration.objects.get(user=second)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_seat_offer(registration=registration)
    (booked_email,) = mail.outbox
    assert "place" in booked_email.subject.lower()
    assert ics_of(booked_email)["METHOD"] == "REQUEST"


def test_session_cancellation_tells_everyone_with_cancel_ics(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    users = UserFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        for user in users:
            services.register(session=session, user=user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session=session, actor=UserFactory(), message="The venue is closed.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    for message in mail.outbox:
        assert "The venue is closed." in message.body
        assert ics_of(message)["METHOD"] == "CANCEL"


def test_session_change_raises_sequence_and_emails_once(django_capture_on_commit_callbacks):
    session = make_session(capacity=2)
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=user)
    mail.outbox.clear()
    session.start += timedelta(hours=1)
    session.end += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()  # publishing tells registrants (page_published)
    assert services.calendar_sequence(session) == 1
    assert len(mail.outbox) == 1
    event = ics_of(mail.outbox[0]).walk("VEVENT")[0]
    assert int(event["SEQUENCE"]) == 1 and event.decoded("DTSTART") == session.start
    assert notifications.send_session_update_email(registration_id=Registration.objects.get().pk, sequence=1) is False
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_session_changed(session=session) is None  # nothing changed
    assert len(mail.outbox) == 1


def test_reminders_sent_once_each(django_capture_on_commit_callbacks):
    now = timezone.now()
    soon = make_session(capacity=3, start=now + timedelta(days=5))
    tomorrow = make_session(capacity=3, start=now + timedelta(hours=20), title="Tomorrow")
    later = make_session(capacity=3, start=now + timedelta(days=20), title="Later")
    user = UserFactory()
    for session in (soon, tomorrow, later):
        services.register(session=session, user=user)
    mail.outbox.clear()
    call_command("send_session_reminders")
    call_command("send_session_reminders")
    assert sorted(n.kind for n in Notification.objects.filter(kind__startswith="reminder")) == [
        "reminder_1d",
        "reminder_7d",
    ]
    assert len(mail.outbox) == 2
