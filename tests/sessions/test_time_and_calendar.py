"""Honest time: offsets come from zoneinfo with the pinned tzdata package, and .ics files carry
the session's zone (TZID + VTIMEZONE) and round-trip the instant."""

import importlib.resources
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from sessions.calendar import session_ics
from sessions.forms import SessionPageForm
from sessions.timeutils import NonexistentLocalTime, format_offset, in_zone, local_to_utc
from tests.factories import UserFactory

from .helpers import make_session, utc

pytestmark = pytest.mark.django_db


def tzdata_package_zone(name):
    """The zone read straight from the pinned tzdata package, bypassing any host zoneinfo."""
    area, city = name.split("/")
    with importlib.resources.files(f"tzdata.zoneinfo.{area}").joinpath(city).open("rb") as handle:
        return ZoneInfo.from_file(handle, key=name)


@pytest.mark.parametrize("name", ["America/Vancouver", "America/Edmonton", "America/St_Johns", "America/Toronto"])
@pytest.mark.parametrize(
    "when",
    [datetime(2026, 10, 15, 12), datetime(2026, 11, 15, 12), datetime(2027, 1, 15, 12), datetime(2027, 7, 15, 12)],
)
def test_offsets_follow_the_pinned_tzdata_package(name, when):
    expected = when.replace(tzinfo=tzdata_package_zone(name)).utcoffset()
    instant = when.replace(tzinfo=tzdata_package_zone(name))
    assert in_zone(instant, name)["offset"] == format_offset(expected)


def test_what_tzdata_says_about_bc_and_alberta_after_november_2026():
    # Recorded from tzdata so a change in the package shows up here, not silently on the site.
    summer = datetime(2027, 7, 15, 12)
    winter = datetime(2027, 1, 15, 12)
    for name in ("America/Vancouver", "America/Edmonton"):
        zone = tzdata_package_zone(name)
        assert summer.replace(tzinfo=ZoneInfo(name)).utcoffset() == summer.replace(tzinfo=zone).utcoffset()
        assert winter.replace(tzinfo=ZoneInfo(name)).utcoffset() == winter.replace(tzinfo=zone).utcoffset()
        # no clock change in 2027 according to the pinned tzdata (2026f): one offset all year
        assert summer.replace(tzinfo=zone).utcoffset() == winter.replace(tzinfo=zone).utcoffset()


def test_newfoundland_half_hour_on_both_sides_of_the_dst_boundary():
    # 2026-11-01: Newfoundland falls back from NDT (−2:30) to NST (−3:30)
    before = local_to_utc(datetime(2026, 10, 31, 9, 0), "America/St_Johns")
    after = local_to_utc(datetime(2026, 11, 1, 9, 0), "America/St_Johns")
    zone = tzdata_package_zone("America/St_Johns")
    assert before == datetime(2026, 10, 31, 9, 0, tzinfo=zone)
    assert after == datetime(2026, 11, 1, 9, 0, tzinfo=zone)
    assert in_zone(before, "America/St_Johns")["offset"] == "UTC−02:30"
    assert in_zone(after, "America/St_Johns")["offset"] == "UTC−03:30"
    assert after - before == timedelta(hours=25)


def test_spring_forward_gap_is_refused():
    with pytest.raises(NonexistentLocalTime):
        local_to_utc(datetime(2026, 3, 8, 2, 30), "America/Toronto")


def test_session_page_shows_the_offset_and_the_readers_zone(client):
    start = local_to_utc(datetime(2026, 11, 1, 9, 0), "America/St_Johns")
    session = make_session("NL", start=start, registration_closes=start - timedelta(hours=1))
    user = UserFactory(time_zone="America/Vancouver")
    client.force_login(user)
    html = client.get(session.url).content.decode()
    assert "09:00" in html and "UTC−03:30" in html and "America/St_Johns" in html
    reader = in_zone(start, "America/Vancouver")
    assert reader["offset"] in html and reader["local"].strftime("%H:%M") in html


def test_ics_parses_and_round_trips_the_instant():
    start = local_to_utc(datetime(2026, 11, 1, 9, 0), "America/St_Johns")
    session = make_session(
        "NL", start=start, registration_closes=start - timedelta(hours=1), time_zone="America/St_Johns"
    )
    attendee = UserFactory()
    calendar = Calendar.from_ical(session_ics(session, method="REQUEST", sequence=2, attendee=attendee))
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert event["UID"] == session.calendar_uid
    assert int(event["SEQUENCE"]) == 2
    assert event["DTSTART"].params["TZID"] == "America/St_Johns"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == session.end
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/St_Johns"]
    cancel = Calendar.from_ical(session_ics(session, method="CANCEL", sequence=3, attendee=attendee))
    assert cancel["METHOD"] == "CANCEL" and cancel.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert cancel.walk("VEVENT")[0]["UID"] == session.calendar_uid


def test_ics_download_and_jurisdiction_feed(client, site_tree):
    session = make_session("BC", time_zone="America/Vancouver")
    response = client.get(session.route_url("ics"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert Calendar.from_ical(response.content).walk("VEVENT")[0].decoded("DTSTART") == session.start
    feed = client.get("/en/sessions/feed/BC/")
    assert feed.status_code == 200
    uids = [e["UID"] for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert session.calendar_uid in uids
    assert client.get("/en/sessions/feed/ZZ/").status_code == 404


EMPTY_RICH_TEXT = (
    '{"blocks":[{"key":"a","type":"unstyled","text":"","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],'
    '"entityMap":{}}'
)


def admin_form_data(**changes):
    """What the session editor posts for a virtual session in St. John's (Newfoundland time)."""
    data = {
        "title": "Budget data",
        "slug": "budget-data",
        "format": "virtual",
        "language": "en",
        "capacity": "12",
        "status": "scheduled",
        "time_zone": "America/St_Johns",
        "start_local": "2026-11-01 09:00",
        "end_local": "2026-11-01 11:00",
        "registration_opens_local": "",
        "registration_closes_local": "2026-10-31 17:00",
        "description": EMPTY_RICH_TEXT,
        "venue": "",
        "address": "",
        "meeting_link": "",
        "facilitators": "",
    }
    return {**data, **changes}


def test_admin_form_converts_local_wall_clock_to_utc(site_tree):
    from sessions.models import SessionPage

    parent = site_tree["jurisdictions"]["NL"]["pages"]["en"]
    form_class = SessionPage.get_edit_handler().get_form_class()
    data = admin_form_data()
    form = form_class(data, instance=SessionPage(), parent_page=parent, for_user=None)
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    assert page.start == utc(2026, 11, 1, 12, 30)
    assert page.registration_closes == utc(2026, 10, 31, 19, 30)
    assert page.jurisdiction.code == "NL"
    assert isinstance(form, SessionPageForm)

    bad = dict(
        data,
        end_local="2026-11-01 08:00",
        capacity="0",
        time_zone="Mars/Olympus",
        registration_closes_local="2026-11-02 08:00",
    )
    form = form_class(bad, instance=SessionPage(), parent_page=parent, for_user=None)
    assert not form.is_valid()
    assert "time_zone" in form.errors

    bad = dict(data, end_local="2026-11-01 08:00", capacity="0", registration_closes_local="2026-11-02 08:00")
    form = form_class(bad, instance=SessionPage(), parent_page=parent, for_user=None)
    assert not form.is_valid()
    assert {"end_local", "capacity", "registration_closes_local"} <= set(form.errors)


def test_model_clean_validates_too():
    from django.core.exceptions import ValidationError

    session = make_session(capacity=5)
    session.end = session.start - timedelta(hours=1)
    session.capacity = 0
    session.time_zone = "Nowhere/Town"
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert {"end", "capacity", "time_zone"} <= set(error.value.message_dict)


def test_the_admin_form_and_the_model_refuse_a_schedule_with_the_same_words(site_tree):
    """One rule set (sessions.rules.schedule_errors): the form, which works on local times, shows
    on its own fields exactly what the model says of the same schedule."""
    from django.core.exceptions import ValidationError

    from sessions.models import SessionPage

    session = make_session("NL", capacity=5)
    parent = site_tree["jurisdictions"]["NL"]["pages"]["en"]
    form_class = SessionPage.get_edit_handler().get_form_class()
    data = admin_form_data(
        slug="budget-data-2",
        capacity="0",
        end_local="2026-11-01 08:00",
        registration_opens_local="2026-11-01 10:00",
        registration_closes_local="2026-11-02 08:00",
    )
    form = form_class(data, instance=SessionPage(), parent_page=parent, for_user=None)
    assert not form.is_valid()
    session.start = utc(2026, 11, 1, 12, 30)
    session.end = utc(2026, 11, 1, 11, 30)
    session.registration_opens = utc(2026, 11, 1, 13, 30)
    session.registration_closes = utc(2026, 11, 2, 11, 30)
    session.capacity = 0
    with pytest.raises(ValidationError) as error:
        session.clean()
    from_model = error.value.message_dict
    assert from_model.keys() == {"end", "capacity", "registration_opens", "registration_closes"}
    for field, messages in from_model.items():
        assert form.errors[field if field == "capacity" else f"{field}_local"] == messages
