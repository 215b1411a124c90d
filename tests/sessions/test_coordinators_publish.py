"""Coordinators schedule their own government's sessions without waiting for a moderator; the
review workflow still applies to everything else, and to other governments' sessions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from sessions.models import SessionPage
from sessions.timeutils import utc_to_local_naive
from tests.factories import staff_user

from .helpers import make_session

pytestmark = pytest.mark.django_db


def session_form(session, *, title, action):
    local = lambda value: utc_to_local_naive(value, session.time_zone).strftime("%Y-%m-%d %H:%M")  # noqa: E731
    data = nested_form_data(
        {
            "title": title,
            "slug": session.slug,
            "description": rich_text("<p>What we will do.</p>"),
            "linked_page": "",
            "start_local": local(session.start),
            "end_local": local(session.end),
            "time_zone": session.time_zone,
            "registration_opens_local": "",
            "registration_closes_local": "",
            "format": session.format,
            "venue": "",
            "address": "",
            "meeting_link": "",
            "language": session.language,
            "capacity": session.capacity,
            "facilitators": "",
            "status": session.status,
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def test_a_coordinator_publishes_a_change_to_their_governments_session_directly(client, site_tree):
    session = make_session("ON", capacity=12)
    client.force_login(staff_user("ON", "Coordinators"))
    edit = reverse("wagtailadmin_pages:edit", args=[session.pk])
    assert 'name="action-publish"' in client.get(edit).content.decode()
    response = client.post(edit, session_form(session, title="Open data clinic, new title", action="action-publish"))
    assert response.status_code == 302, response.content[:3000]
    session.refresh_from_db()
    assert session.live and session.title == "Open data clinic, new title" and not session.has_unpublished_changes
    assert session.current_workflow_state is None  # no moderator was asked


def test_a_coordinator_unpublishes_their_session_but_not_another_governments(client, site_tree):
    own, other = make_session("ON"), make_session("BC")
    client.force_login(staff_user("ON", "Coordinators"))
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[own.pk])).status_code == 302
    own.refresh_from_db()
    assert not own.live
    client.post(reverse("wagtailadmin_pages:unpublish", args=[other.pk]))
    other.refresh_from_db()
    assert other.live


def test_who_may_publish_a_session_and_who_may_not(site_tree):
    ontario = make_session("ON", start=timezone.now() + timedelta(days=3))
    draft = SessionPage.objects.get(pk=make_session("ON", publish=False, capacity=7).pk)
    government_page = site_tree["jurisdictions"]["ON"]["pages"]["en"]

    def can_publish(code, role, page):
        return page.permissions_for_user(staff_user(code, role)).can_publish()

    assert can_publish("ON", "Coordinators", ontario) and can_publish("ON", "Coordinators", draft)
    assert can_publish("ON", "Moderators", ontario)
    assert not can_publish("ON", "Editors", ontario)
    assert not can_publish("BC", "Coordinators", ontario)
    assert not can_publish("ON", "Coordinators", government_page)  # other pages keep the review workflow


def test_the_dashboard_tells_drafts_from_scheduled_cancelled_and_past_sessions(client, site_tree):
    scheduled = make_session("ON", title="Scheduled one")
    make_session("ON", title="Draft one", publish=False, live=False, capacity=3)
    make_session("ON", title="Cancelled one", status=SessionPage.Status.CANCELLED, capacity=4)
    make_session("ON", title="Past one", start=timezone.now() - timedelta(days=3), capacity=5)
    edited = SessionPage.objects.get(pk=scheduled.pk)
    edited.title = "Scheduled one"
    edited.save_revision()  # a change saved but not published
    client.force_login(staff_user("ON", "Coordinators"))
    for language, expected in (
        ("en", ["Scheduled, with changes not yet published", "Draft: not published", "Cancelled", "Past"]),
        ("fr", ["Prévue, avec des modifications non publiées", "Ébauche\xa0: non publiée", "Annulée", "Passée"]),
    ):
        html = client.get(reverse("learning_sessions_admin:dashboard"), HTTP_ACCEPT_LANGUAGE=language).content
        rows = {
            title: row
            for row in html.decode().split("<tr>")
            for title in ("Scheduled one", "Draft one", "Cancelled one", "Past one")
            if f">{title}</a>" in row
        }
        states = [rows["Scheduled one"], rows["Draft one"], rows["Cancelled one"], rows["Past one"]]
        for row, state in zip(states, expected, strict=True):
            assert state in row, (language, state)
