import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from sessions.models import Registration, SelfIdentification
from sessions.selectors import my_learning_section
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_anonymous_sees_sign_in_and_cannot_register(client):
    session = make_session(capacity=2, meeting_link="https://meet.example.ca/secret")
    html = client.get(session.url).content.decode()
    assert "Sign in to register" in html and "meet.example.ca/secret" not in html
    response = client.post(session.url + "register/", {})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_register_then_cancel_offers_the_seat_to_the_waitlisted(client, django_capture_on_commit_callbacks):
    session = make_session(capacity=1, meeting_link="https://meet.example.ca/secret")
    waiting = UserFactory()
    user = UserFactory()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            session.url + "register/",
            {
                "accessibility_needs": "Captions",
                "gender": "woman",
                "indigenous": "prefer_not_to_say",
            },
            follow=True,
        )
    html = response.content.decode()
    assert "Your seat is booked" in html and "meet.example.ca/secret" in html and "calendar/" in html
    registration = Registration.objects.get(user=user)
    assert registration.accessibility_needs == "Captions"
    assert SelfIdentification.objects.get(registration=registration).gender == "woman"
    # double submit: still one registration
    client.post(session.url + "register/", {})
    assert Registration.objects.filter(user=user).count() == 1

    client.force_login(waiting)
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(session.url + "register/", {}, follow=True).content.decode()
    assert "waitlist" in html and "position 1" in html and "meet.example.ca/secret" not in html
    assert not SelfIdentification.objects.filter(registration__user=waiting).exists()  # all "prefer not"

    client.force_login(user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(session.url + "cancel/", follow=True).content.decode()
    assert "Your registration is cancelled" in html
    assert Registration.objects.get(user=waiting, status__in=Registration.ACTIVE).status == Status.OFFERED
    assert {m.to[0] for m in mail.outbox} == {user.email, waiting.email}
    client.force_login(waiting)
    with django_capture_on_commit_callbacks(execute=True):
        html = client.get(session.url).content.decode()
        assert "held for you until" in html and "meet.example.ca/secret" not in html
        action = re.search(r'action="([^"]+/offer/[^"]+/)"', html).group(1)
        html = client.post(action, {"answer": "accept"}, follow=True).content.decode()
    assert "Your seat is booked" in html
    html = client.get(session.url).content.decode()
    assert "You are booked for this session" in html and "meet.example.ca/secret" in html


def test_register_needs_post(client):
    session = make_session(capacity=1)
    client.force_login(UserFactory())
    assert client.get(session.url + "register/").status_code == 405


def test_french_page_registers_on_the_shared_session(client):
    session = make_session(capacity=3)
    fr = session.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=False)
    fr.title = "Les données ouvertes"
    fr.save_revision().publish()
    user = UserFactory(preferred_language="fr")
    client.force_login(user)
    response = client.post(fr.url + "register/", {}, follow=True)
    html = response.content.decode()
    assert fr.url.startswith("/fr/")
    assert "Vous êtes inscrit" in html or "place est réservée" in html
    assert Registration.objects.get(user=user).session_id == session.pk


def test_index_lists_and_filters(client, site_tree):
    make_session("NL", title="Newfoundland open data", time_zone="America/St_Johns", format="in_person")
    make_session("BC", title="BC dialogue", time_zone="America/Vancouver", format="virtual")
    html = client.get("/en/sessions/").content.decode()
    assert "Newfoundland open data" in html and "BC dialogue" in html
    html = client.get("/en/sessions/?jurisdiction=BC").content.decode()
    assert "Newfoundland open data" not in html and "BC dialogue" in html
    html = client.get("/en/sessions/?format=in_person").content.decode()
    assert "Newfoundland open data" in html and "BC dialogue" not in html
    html = client.get("/en/sessions/?month=1999-01").content.decode()
    assert "BC dialogue" not in html
    assert client.get("/en/sessions/?month=garbage").status_code == 200


def test_my_learning_section(rf):
    from sessions import services

    session = make_session(capacity=1, title="Full one")
    services.register(session=session, user=UserFactory())
    user = UserFactory()
    services.register(session=session, user=user)
    request = rf.get("/")
    request.user = user
    section = my_learning_section(request)
    assert section["template"] == "learning_sessions/my_learning.html"
    assert section["context"]["upcoming"][0]["position"] == 1


def test_my_learning_page_includes_sessions(client):
    from sessions import services

    session = make_session(capacity=1, title="Privacy basics")
    user = UserFactory()
    services.register(session=session, user=user)
    client.force_login(user)
    response = client.get(reverse("home:my_learning"))
    assert response.status_code == 200
    assert "Privacy basics" in response.content.decode()


def test_month_filter_offers_the_months_with_sessions_and_uses_each_sessions_own_clock(client, site_tree):
    from tests.sessions.helpers import utc

    next_year = timezone.now().year + 1
    # 20:00 on 30 November in Vancouver is already 1 December in UTC and in Toronto.
    make_session(
        "BC", title="Late November in Vancouver", time_zone="America/Vancouver", start=utc(next_year, 12, 1, 3, 0)
    )
    make_session("ON", title="Mid December in Toronto", start=utc(next_year, 12, 15, 15, 0))
    html = client.get("/en/sessions/").content.decode()
    months = re.findall(r'<option value="(\d{4}-\d{2})"[^>]*>([^<]+)</option>', html)
    assert months == [(f"{next_year}-11", f"November {next_year}"), (f"{next_year}-12", f"December {next_year}")]
    make_session("ON", language="fr", title="Décembre à Toronto", start=utc(next_year, 12, 15, 15, 0))
    french = client.get("/fr/seances/").content.decode()
    assert f">décembre {next_year}</option>" in french

    november = client.get(f"/en/sessions/?month={next_year}-11").content.decode()
    assert "Late November in Vancouver" in november and "Mid December in Toronto" not in november
    december = client.get(f"/en/sessions/?month={next_year}-12").content.decode()
    assert "Late November in Vancouver" not in december and "Mid December in Toronto" in december
    assert f'<option value="{next_year}-12" selected>' in december


def test_listing_shows_each_sessions_availability_in_constant_queries(
    client, site_tree, django_assert_max_num_queries, settings
):
    settings.OGL_PAGE_CACHE_SECONDS = 0  # counts the queries of rendering the same page twice
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sessions import services

    full = make_session("ON", capacity=1, title="Full session")
    services.register(session=full, user=UserFactory())
    services.register(session=full, user=UserFactory())
    services.register(session=full, user=UserFactory())
    roomy = make_session("BC", capacity=5, title="Roomy session")
    services.register(session=roomy, user=UserFactory())
    make_session("NL", capacity=5, title="Later session", registration_opens=timezone.now() + timedelta(days=3))
    html = client.get("/en/sessions/").content.decode()
    cards = {
        title: card
        for card in re.findall(r'<li class="card">(.*?)</li>', html, re.S)
        for title in ("Full session", "Roomy session", "Later session")
        if title in card
    }
    assert "Full" in cards["Full session"] and "2 people on the waitlist" in cards["Full session"]
    assert "4 of 5 seats left" in cards["Roomy session"]
    assert "Registration opens" in cards["Later session"]

    with CaptureQueriesContext(connection) as three:
        client.get("/en/sessions/")
    for n in range(6):
        services.register(
            session=make_session("QC", capacity=2, title=f"More {n}", start=timezone.now() + timedelta(days=20 + n)),
            user=UserFactory(),
        )
    with django_assert_max_num_queries(len(three)):
        html = client.get("/en/sessions/").content.decode()
    assert html.count("1 of 2 seats left") == 6, re.findall(r"session-availability\">(.*?)</p>", html, re.S)


def test_a_cancelled_session_says_so_instead_of_counting_seats(client, site_tree, django_capture_on_commit_callbacks):
    from sessions import services

    session = make_session("ON", capacity=15)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session=session, actor=None, message="")
    session.refresh_from_db()
    html = client.get(session.url).content.decode()
    assert "this session will not take place" in html and "15 of 15 seats left" not in html
    french = make_session("ON", capacity=15, language="fr", title="Séance annulée")
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session=french, actor=None, message="")
    assert "cette séance n’aura pas lieu" in client.get(french.url).content.decode()
