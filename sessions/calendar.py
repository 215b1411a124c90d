"""iCalendar files: one session (REQUEST or CANCEL) and a jurisdiction's feed of upcoming sessions."""

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Open Government Literacy//Learning sessions//EN"


def _calendar(method=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def _event(session, *, sequence=0, cancelled=False, include_link=False):
    event = Event()
    event.add("uid", session.calendar_uid)
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.local_start)  # aware in the session's zone → TZID + VTIMEZONE
    event.add("dtend", session.local_end)
    event.add("summary", session.title)
    description = strip_tags(session.description or "").strip()
    if include_link and session.meeting_link:
        description = f"{description}\n\n{session.meeting_link}".strip()
        event.add("url", session.meeting_link)
    if description:
        event.add("description", description)
    location = ", ".join(part for part in [session.venue, session.address.replace("\n", ", ")] if part)
    if location:
        event.add("location", vText(location))
    event.add("status", "CANCELLED" if cancelled or session.is_cancelled else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].strip('> ')}")
    organizer.params["cn"] = vText(str(settings.OGL_SITE_NAME))
    event.add("organizer", organizer)
    return event


def session_ics(session, *, method="REQUEST", sequence=0, include_link=False):
    """Bytes of a one-event calendar with the VTIMEZONE of the session's zone."""
    cancelled = method == "CANCEL"
    calendar = _calendar(method)
    calendar.add_component(_event(session, sequence=sequence, cancelled=cancelled, include_link=include_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def jurisdiction_feed(*, jurisdiction, sessions):
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", f"{settings.OGL_SITE_NAME} — {jurisdiction.name}")
    from .services import calendar_sequence

    for session in sessions:
        calendar.add_component(_event(session, sequence=calendar_sequence(session)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
