"""A coordinator emails everyone registered for a session: one copy each, in their language around
the coordinator's words, the waitlist only when asked, and a double submit sends nothing more."""

import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from sessions.models import Registration, SessionMessage
from tests.factories import UserFactory, staff_user

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def session_with_people(site_tree):
    session = make_session("ON", capacity=3)
    people = {
        "booked_en": UserFactory(preferred_language="en"),
        "booked_fr": UserFactory(preferred_language="fr"),
        "waiting": UserFactory(),
        "cancelled": UserFactory(),
    }
    for name, status in (
        ("booked_en", Status.BOOKED),
        ("booked_fr", Status.BOOKED),
        ("waiting", Status.WAITLISTED),
        ("cancelled", Status.CANCELLED),
    ):
        Registration.objects.create(session=session, user=people[name], status=status)
    return session, people


def post(client, session, capture, **data):
    url = reverse("learning_sessions_admin:message_registrants", args=[session.pk])
    form = client.get(url).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    fields = {"token": token, "subject": "Room change", "body": "We meet in room 204 instead.", **data}
    with capture(execute=True):
        response = client.post(url, fields)
    return response, fields


def test_booked_people_get_one_copy_each_in_their_language(
    client, session_with_people, django_capture_on_commit_callbacks
):
    session, people = session_with_people
    client.force_login(staff_user("ON", "Coordinators"))
    response, fields = post(client, session, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people["booked_en"].email, people["booked_fr"].email])
    (french,) = [m for m in mail.outbox if m.to == [people["booked_fr"].email]]
    assert "A message from the coordinators" not in french.body and "room 204" in french.body
    assert "Room change" in french.subject
    message = SessionMessage.objects.get()
    assert message.recipients == 2 and message.sent_by.username.startswith("user")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("learning_sessions_admin:message_registrants", args=[session.pk]), fields)
    assert len(mail.outbox) == 2 and SessionMessage.objects.count() == 1  # the double submit sent nothing

    listing = client.get(reverse("learning_sessions_admin:message_registrants", args=[session.pk])).content.decode()
    assert "Room change" in listing


def test_the_waitlist_only_when_asked(client, session_with_people, django_capture_on_commit_callbacks):
    session, people = session_with_people
    client.force_login(staff_user("ON", "Coordinators"))
    post(client, session, django_capture_on_commit_callbacks, include_waitlisted="on")
    assert people["waiting"].email in {m.to[0] for m in mail.outbox}
    assert people["cancelled"].email not in {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == 3


def test_an_empty_subject_is_refused_and_nothing_is_sent(
    client, session_with_people, django_capture_on_commit_callbacks
):
    session, _people = session_with_people
    client.force_login(staff_user("ON", "Coordinators"))
    response, _fields = post(client, session, django_capture_on_commit_callbacks, subject="")
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert mail.outbox == [] and not SessionMessage.objects.exists()


def test_another_governments_coordinator_cannot_send(client, session_with_people):
    session, _people = session_with_people
    client.force_login(staff_user("BC", "Coordinators"))
    url = reverse("learning_sessions_admin:message_registrants", args=[session.pk])
    assert client.post(url, {"token": str(uuid.uuid4()), "subject": "x", "body": "y"}).status_code == 403
    assert mail.outbox == []
