"""Walk-ins at the door: recorded as attended even when the session is full, with the session's
certificate, on the person's account (found by email, or made for them), once."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from literacy.models import Certificate
from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory, staff_user

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def full_session_under_way(site_tree):
    session = make_session("ON", capacity=1, start=timezone.now() - timedelta(minutes=10))
    Registration.objects.create(session=session, user=UserFactory(), status=Status.BOOKED)
    return session


def test_a_walk_in_is_attended_past_capacity_on_a_new_account_with_a_certificate(client, full_session_under_way):
    session = full_session_under_way
    client.force_login(staff_user("ON", "Coordinators"))
    url = reverse("learning_sessions_admin:walk_in", args=[session.pk])
    response = client.post(url, {"name": "Aki Tremblay", "email": "Aki.Tremblay@example.org"})
    assert response.status_code == 302
    person = get_user_model().objects.get(email="Aki.Tremblay@example.org")
    assert person.display_name == "Aki Tremblay" and not person.has_usable_password()
    assert EmailAddress.objects.filter(user=person, primary=True, verified=False).exists()
    registration = Registration.objects.get(session=session, user=person)
    assert registration.status == Status.ATTENDED
    assert registration.history.get().reason == "walk_in"
    assert session.registrations.filter(status__in=Registration.SEAT_HOLDING).count() == 2  # past capacity of 1
    assert Certificate.objects.filter(user=person, object_id=session.pk, kind="session").count() == 1

    client.post(url, {"name": "Aki Tremblay", "email": "aki.tremblay@EXAMPLE.org"})  # again, another case
    assert Registration.objects.filter(session=session, user=person).count() == 1
    assert get_user_model().objects.filter(email__iexact="aki.tremblay@example.org").count() == 1


def test_a_registered_person_at_the_door_is_checked_in_not_registered_twice(full_session_under_way):
    session = full_session_under_way
    booked = session.registrations.get()
    services.add_walk_in(session=session, name="x", email=booked.user.email.upper(), actor=None)
    assert session.registrations.count() == 1
    booked.refresh_from_db()
    assert booked.status == Status.ATTENDED


def test_too_early_is_refused_on_the_form_and_nothing_is_recorded(client, site_tree):
    session = make_session("ON", start=timezone.now() + timedelta(hours=5))
    client.force_login(staff_user("ON", "Coordinators"))
    url = reverse("learning_sessions_admin:walk_in", args=[session.pk])
    response = client.post(url, {"name": "Early Bird", "email": "early@example.org"})
    assert response.status_code == 200
    assert "from an hour before the session starts" in response.content.decode()
    assert not get_user_model().objects.filter(email="early@example.org").exists()
    bad = client.post(url, {"name": "", "email": "not-an-address"})
    assert bad.status_code == 200 and 'aria-invalid="true"' in bad.content.decode()


def test_another_governments_coordinator_cannot_add_walk_ins(client, full_session_under_way):
    client.force_login(staff_user("BC", "Coordinators"))
    url = reverse("learning_sessions_admin:walk_in", args=[full_session_under_way.pk])
    assert client.post(url, {"name": "X", "email": "x@example.org"}).status_code == 403
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_a_walk_in_on_a_new_account_is_emailed_a_link_to_choose_a_password(
    client, full_session_under_way, django_capture_on_commit_callbacks
):
    session = full_session_under_way
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_walk_in(session=session, name="Aki Tremblay", email="aki@example.org", actor=None)
    (welcome,) = mail.outbox
    assert welcome.to == ["aki@example.org"] and "certificate" in welcome.body
    path = re.search(r"https?://[^/\s]+(/\S+/password/reset/key/\S+/)", welcome.body).group(1)
    form = client.get(path, follow=True)  # allauth moves the key into the session, then shows the form
    assert form.status_code == 200 and 'name="password1"' in form.content.decode()
    client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"password1": "A-long-pass-2026!", "password2": "A-long-pass-2026!"},
    )
    person = get_user_model().objects.get(email="aki@example.org")
    assert person.has_usable_password()
    # Someone who already had an account gets no such email; doing it again sends nothing more.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_walk_in(session=session, name="Aki Tremblay", email="aki@example.org", actor=None)
        booked = session.registrations.get(status=Status.BOOKED)
        services.add_walk_in(session=session, name="x", email=booked.user.email, actor=None)
    assert mail.outbox == []
