"""Day-of check-in: the booked learner's session page shows a QR code of a signed check-in link;
a coordinator of that government who opens it records attendance, once."""

import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from literacy.links import absolute_url
from literacy.models import Certificate
from literacy.pdf import qr_data_uri
from sessions import services
from sessions.models import Registration
from tests.factories import PASSWORD, UserFactory, staff_user

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def booked(site_tree, settings):
    settings.OGL_PAGE_CACHE_SECONDS = 0
    session = make_session("ON", start=timezone.now() + timedelta(minutes=20))
    learner = UserFactory(display_name="Maya Okafor")
    registration = services.register(session=session, user=learner)
    return session, learner, registration


def test_the_booked_learner_sees_a_qr_code_of_their_signed_check_in_link(client, booked):
    session, learner, registration = booked
    client.login(username=learner.username, password=PASSWORD)
    html = client.get(session.url).content.decode()
    link = absolute_url(reverse("learning_sessions_admin:check_in", args=[services.check_in_token(registration)]))
    assert qr_data_uri(link) in html
    other = UserFactory()
    client.login(username=other.username, password=PASSWORD)
    assert "check-in-code" not in client.get(session.url).content.decode()


def test_the_check_in_code_stays_the_same_between_page_loads(client, booked):
    # A code that changed every second would not match a printed ticket or a cached page.
    session, learner, registration = booked
    client.login(username=learner.username, password=PASSWORD)
    code = re.compile(r'class="check-in-code">\s*<img src="([^"]+)"')
    first = code.search(client.get(session.url).content.decode()).group(1)
    time.sleep(1.1)
    assert code.search(client.get(session.url).content.decode()).group(1) == first
    assert services.registration_for_check_in(services.check_in_token(registration)) == registration
    assert services.registration_for_check_in(services.check_in_token(registration) + "x") is None


def test_a_coordinator_checks_the_learner_in_once(client, booked):
    session, learner, registration = booked
    url = reverse("learning_sessions_admin:check_in", args=[services.check_in_token(registration)])
    client.force_login(staff_user("ON", "Coordinators"))
    assert "Check in Maya Okafor?" in client.get(url).content.decode()
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    client.post(url)
    assert "Maya Okafor is checked in." in client.get(url).content.decode()
    assert Certificate.objects.filter(user=learner, object_id=session.pk).count() == 1
    assert registration.history.filter(to_status=Status.ATTENDED).count() == 1


def test_check_in_is_refused_with_a_made_up_code_or_to_another_government(client, booked):
    _session, _learner, registration = booked
    client.force_login(staff_user("ON", "Coordinators"))
    forged = reverse("learning_sessions_admin:check_in", args=[f"{registration.pk}:forged"])
    assert client.post(forged).status_code == 403
    client.force_login(staff_user("BC", "Coordinators"))
    url = reverse("learning_sessions_admin:check_in", args=[services.check_in_token(registration)])
    assert client.post(url).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.BOOKED


def test_check_in_opens_an_hour_before_the_start(client, site_tree):
    session = make_session("ON", start=timezone.now() + timedelta(hours=3))
    registration = services.register(session=session, user=UserFactory())
    client.force_login(staff_user("ON", "Coordinators"))
    url = reverse("learning_sessions_admin:check_in", args=[services.check_in_token(registration)])
    response = client.post(url, follow=True)
    assert "Check-in opens an hour before the session starts." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.BOOKED
