"""Every calendar file the site serves or sends parses with two independent parsers (icalendar
and ical) and follows RFC 5546: downloads and feeds PUBLISH with no attendee; emailed invitations
REQUEST with the organizer and the registrant as attendee; a withdrawal or a cancelled session
CANCELs with the same UID and a higher SEQUENCE; every event carries the session's URL."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db

REQUIRED = {
    "PUBLISH": {"DTSTAMP", "DTSTART", "SUMMARY", "UID", "ORGANIZER"},
    "REQUEST": {"ATTENDEE", "DTSTAMP", "DTSTART", "ORGANIZER", "SEQUENCE", "SUMMARY", "UID"},
    "CANCEL": {"ATTENDEE", "DTSTAMP", "ORGANIZER", "SEQUENCE", "UID"},
}


def check(ics, *, method, session):
    """Parse with both libraries and check the RFC 5546 rules for `method`; returns the events."""
    text = ics.decode() if isinstance(ics, bytes) else ics
    strict = IcsCalendarStream.calendar_from_ics(text)  # raises on anything malformed
    assert strict.events, "the second parser found no event"
    calendar = Calendar.from_ical(text)
    assert str(calendar["METHOD"]) == method
    events = calendar.walk("VEVENT")
    assert len(events) == len(strict.events)
    for event in events:
        missing = REQUIRED[method] - set(event.keys())
        assert not missing, f"{method} lacks {missing}"
        if method == "PUBLISH":
            assert "ATTENDEE" not in event
        if method == "CANCEL":
            assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["UID"]) == session.calendar_uid
        assert str(event["URL"]).startswith("http") and str(event["URL"]).endswith(session.url)
    assert {str(e.uid) for e in strict.events} == {session.calendar_uid}
    return events


def attachment(message):
    ((_name, content, mimetype),) = message.attachments
    return content, mimetype


def test_downloads_and_feeds_publish(client, site_tree):
    session = make_session("ON", capacity=5)
    check(client.get(session.route_url("ics")).content, method="PUBLISH", session=session)
    person = UserFactory()
    services.register(session=session, user=person)
    client.force_login(person)
    check(client.get(session.route_url("ics")).content, method="PUBLISH", session=session)
    from sessions.models import SessionIndexPage

    index = SessionIndexPage.objects.get(locale__language_code="en")
    feed = client.get(index.route_url("feed", "ON"))
    assert feed.status_code == 200
    check(feed.content, method="PUBLISH", session=session)


def test_emails_invite_the_registrant_and_cancelling_sends_cancel_with_a_higher_sequence(
    site_tree, django_capture_on_commit_callbacks
):
    session = make_session("ON", capacity=1)
    booked, waiting = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=booked)
        services.register(session=session, user=waiting)
    for message, person in zip(mail.outbox, (booked, waiting), strict=True):
        content, mimetype = attachment(message)
        assert "method=REQUEST" in mimetype
        (event,) = check(content, method="REQUEST", session=session)
        assert str(event["ATTENDEE"]) == f"mailto:{person.email}"
        assert event["ATTENDEE"].params["CN"] == person.public_name
    first_sequence = int(Calendar.from_ical(attachment(mail.outbox[0])[0]).walk("VEVENT")[0]["SEQUENCE"])

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration=Registration.objects.get(user=waiting), actor=waiting)
    content, mimetype = attachment(mail.outbox[0])
    assert "method=CANCEL" in mimetype
    (event,) = check(content, method="CANCEL", session=session)
    assert int(event["SEQUENCE"]) > first_sequence

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session=session, actor=None, message="Room unavailable")
    content, _mimetype = attachment(mail.outbox[0])
    (event,) = check(content, method="CANCEL", session=session)
    assert str(event["ATTENDEE"]) == f"mailto:{booked.email}"
    assert int(event["SEQUENCE"]) > first_sequence
    session.refresh_from_db()
    from sessions.calendar import session_ics

    (published,) = check(
        session_ics(session, method="PUBLISH", sequence=services.calendar_sequence(session)),
        method="PUBLISH",
        session=session,
    )
    assert str(published["STATUS"]) == "CANCELLED" and int(published["SEQUENCE"]) == int(event["SEQUENCE"])


def test_update_and_reminder_emails_are_invitations(site_tree, django_capture_on_commit_callbacks):
    session = make_session("ON", capacity=3, start=timezone.now() + timedelta(days=5))
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=person)
    mail.outbox.clear()
    session.start += timedelta(hours=1)
    session.end += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders")
    assert len(mail.outbox) == 2  # the change and the 7-day reminder
    for message in mail.outbox:
        (event,) = check(attachment(message)[0], method="REQUEST", session=session)
        assert int(event["SEQUENCE"]) == 1
