"""iCalendar files: one session (PUBLISH to download; REQUEST or CANCEL by email, RFC 5546) and a
jurisdiction's feed of upcoming sessions (PUBLISH)."""

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress, vText

from literacy.links import absolute_url

PRODID = "-//Open Government Literacy//Learning sessions//EN"


def _calendar(method=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def _address(email):
    return f"mailto:{email}"


def _event(session, *, sequence=0, cancelled=False, include_link=False, attendee=None):
    event = Event()
    event.add("uid", session.calendar_uid)
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.local_start)  # aware in the session's zone → TZID + VTIMEZONE
    event.add("dtend", session.local_end)
    event.add("summary", session.title)
    page_url = absolute_url(session.url)
    if page_url:
        event.add("url", page_url)
    description = strip_tags(session.description or "").strip()
    if page_url:
        description = f"{description}\n\n{page_url}".strip()
    if include_link and session.meeting_link:
        description = f"{description}\n\n{session.meeting_link}".strip()
    if description:
        event.add("description", description)
    location = ", ".join(part for part in [session.venue, session.address.replace("\n", ", ")] if part)
    if location:
        event.add("location", vText(location))
    event.add("status", "CANCELLED" if cancelled or session.is_cancelled else "CONFIRMED")
    organizer = vCalAddress(_address(settings.DEFAULT_FROM_EMAIL.split("<")[-1].strip("> ")))
    organizer.params["cn"] = vText(str(settings.OGL_SITE_NAME))
    event.add("organizer", organizer)
    if attendee is not None:
        # RFC 5546: an invitation (REQUEST) or its withdrawal (CANCEL) names its attendee.
        address = vCalAddress(_address(attendee.email))
        address.params["cn"] = vText(attendee.public_name)
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("ACCEPTED")
        address.params["rsvp"] = vText("FALSE")
        event.add("attendee", address)
    return event


def session_ics(session, *, method="PUBLISH", sequence=0, include_link=False, attendee=None):
    """Bytes of a one-event calendar with the VTIMEZONE of the session's zone. PUBLISH for a
    download; REQUEST (an invitation) or CANCEL for an email to `attendee` (RFC 5546)."""
    if method in ("REQUEST", "CANCEL") and attendee is None:
        raise ValueError("An invitation names its attendee (RFC 5546).")
    cancelled = method == "CANCEL"
    calendar = _calendar(method)
    calendar.add_component(
        _event(
            session,
            sequence=sequence,
            cancelled=cancelled,
            include_link=include_link,
            attendee=attendee if method != "PUBLISH" else None,
        )
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def jurisdiction_feed(*, jurisdiction, sessions):
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", f"{settings.OGL_SITE_NAME} — {jurisdiction.name}")
    from .services import calendar_sequences

    sessions = list(sessions)
    sequences = calendar_sequences(sessions)
    for session in sessions:
        calendar.add_component(_event(session, sequence=sequences.get(session.translation_key, 0)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
