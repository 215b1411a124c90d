"""Waitlist seat offers, as pretix does them: a freed seat is held for the earliest waitlisted person
for a set time, with accept and decline links; an unanswered offer ends and the seat goes on."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from sessions import services
from sessions.models import Registration, RegistrationHistory
from sessions.services import SessionError
from tests.factories import PASSWORD, UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status
Reason = RegistrationHistory.Reason


@pytest.fixture
def full(site_tree, settings):
    """A one-seat session in both languages: Ada booked, Ben and Cleo waitlisted in that order."""
    settings.OGL_PAGE_CACHE_SECONDS = 0
    settings.OGL_SEAT_OFFER_HOURS = 24
    session = make_session(capacity=1)
    french = session.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=False)
    french.save_revision().publish()
    ada, ben, cleo = (UserFactory(display_name=name) for name in ("Ada", "Ben", "Cleo"))
    booked = services.register(session=session, user=ada)
    waiting = [services.register(session=session, user=user) for user in (ben, cleo)]
    return session, booked, waiting


def _refresh(*registrations):
    return [Registration.objects.get(pk=r.pk) for r in registrations]


def _offer_link(message):
    return re.search(r"https?://\S+/offer/\S+/", message.body).group(0)


def test_a_freed_seat_is_offered_to_the_earliest_waitlisted_and_held_for_them(full):
    session, booked, (ben, cleo) = full
    now = timezone.now()
    services.cancel(registration=booked, actor=booked.user, now=now)
    ben, cleo = _refresh(ben, cleo)
    assert (ben.status, cleo.status) == (Status.OFFERED, Status.WAITLISTED)
    assert ben.offer_expires_at == now + timedelta(hours=24)
    # The held seat counts against capacity: a newcomer joins the waitlist behind Cleo.
    late = services.register(session=session, user=UserFactory())
    assert late.status == Status.WAITLISTED
    session.refresh_from_db()
    assert session.canonical.seats_left == 0


def test_the_offer_never_outlasts_the_registration_deadline(site_tree):
    start = timezone.now() + timedelta(hours=30)
    session = make_session(capacity=1, start=start, registration_closes=start - timedelta(hours=10))
    booked = services.register(session=session, user=UserFactory())
    waiting = services.register(session=session, user=UserFactory())
    services.cancel(registration=booked, actor=booked.user)
    (waiting,) = _refresh(waiting)
    assert waiting.offer_expires_at == session.registration_deadline


def test_accepting_books_the_seat_once(full):
    _session, booked, (ben, _cleo) = full
    services.cancel(registration=booked, actor=booked.user)
    assert services.accept_seat_offer(registration=ben).status == Status.BOOKED
    assert services.accept_seat_offer(registration=ben).status == Status.BOOKED  # a double click
    (ben,) = _refresh(ben)
    assert ben.offer_expires_at is None
    reasons = list(ben.history.values_list("reason", flat=True))
    assert reasons == [Reason.REGISTERED, Reason.SEAT_OFFERED, Reason.OFFER_ACCEPTED]


def test_declining_offers_the_seat_to_the_next_person(full):
    _session, booked, (ben, cleo) = full
    services.cancel(registration=booked, actor=booked.user)
    services.decline_seat_offer(registration=ben)
    ben, cleo = _refresh(ben, cleo)
    assert (ben.status, cleo.status) == (Status.CANCELLED, Status.OFFERED)
    with pytest.raises(SessionError):
        services.accept_seat_offer(registration=ben)


def test_an_unanswered_offer_ends_and_the_seat_goes_on(full):
    _session, booked, (ben, cleo) = full
    now = timezone.now()
    services.cancel(registration=booked, actor=booked.user, now=now)
    assert services.expire_seat_offers(now=now + timedelta(hours=23)) == 0
    with pytest.raises(SessionError, match="ended"):
        services.accept_seat_offer(registration=ben, now=now + timedelta(hours=24, seconds=1))
    assert services.expire_seat_offers(now=now + timedelta(hours=24, seconds=1)) == 1
    ben, cleo = _refresh(ben, cleo)
    assert (ben.status, cleo.status) == (Status.CANCELLED, Status.OFFERED)
    assert ben.history.last().reason == Reason.OFFER_EXPIRED
    assert services.expire_seat_offers(now=now + timedelta(hours=24, seconds=2)) == 0  # safe to run twice


def test_the_offer_job_is_scheduled():
    from literacy.schedule import DEFAULT_SCHEDULE

    assert ("seat-offers", "sessions.services.expire_seat_offers", 5 * 60) in DEFAULT_SCHEDULE


def test_the_offer_email_links_to_a_page_that_accepts_in_the_learners_language(
    client, full, django_capture_on_commit_callbacks
):
    _session, booked, (ben, _cleo) = full
    ben.user.preferred_language = "fr"
    ben.user.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration=booked, actor=booked.user)
    offer = next(m for m in mail.outbox if m.to == [ben.user.email])
    assert offer.subject.startswith("[OGL] Une place est retenue pour vous jusqu’au ")
    assert "elle est retenue pour vous jusqu’au" in offer.body
    assert not offer.attachments  # no calendar invitation before the seat is theirs
    link = _offer_link(offer)
    assert "/fr/" in link
    page = client.get(link)  # no sign-in needed: the signed link is the key
    assert page.status_code == 200
    assert "Accepter la place" in page.content.decode()
    (ben,) = _refresh(ben)
    assert ben.status == Status.OFFERED  # opening the link (or a mail scanner doing so) changes nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"answer": "accept"}, follow=True)
    assert "Votre place est réservée" in response.content.decode()
    (ben,) = _refresh(ben)
    assert ben.status == Status.BOOKED
    confirmation = next(m for m in mail.outbox if m.to == [ben.user.email])
    assert confirmation.attachments  # now the calendar file


def test_a_declined_offer_by_link_goes_to_the_next_person(client, full, django_capture_on_commit_callbacks):
    _session, booked, (ben, cleo) = full
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration=booked, actor=booked.user)
    link = _offer_link(next(m for m in mail.outbox if m.to == [ben.user.email]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"answer": "decline"})
    ben, cleo = _refresh(ben, cleo)
    assert (ben.status, cleo.status) == (Status.CANCELLED, Status.OFFERED)
    assert {m.to[0] for m in mail.outbox} == {ben.user.email, cleo.user.email}
    assert "no longer open" in client.get(link).content.decode()


def test_a_forged_or_outdated_link_is_refused(client, full):
    session, booked, (ben, _cleo) = full
    services.cancel(registration=booked, actor=booked.user)
    (ben,) = _refresh(ben)
    token = services.seat_offer_token(ben)
    assert client.get(f"{session.url}offer/{token}x/").status_code == 404
    assert client.post(f"{session.url}offer/{token}x/", {"answer": "accept"}).status_code == 404
    # The same registration offered again later: the first link no longer answers it.
    Registration.objects.filter(pk=ben.pk).update(offer_expires_at=ben.offer_expires_at + timedelta(hours=1))
    assert client.get(f"{session.url}offer/{token}/").status_code == 404
    (ben,) = _refresh(ben)
    assert ben.status == Status.OFFERED


def test_the_session_page_shows_the_offer_to_the_person_it_is_for(client, full):
    session, booked, (ben, cleo) = full
    services.cancel(registration=booked, actor=booked.user)
    client.login(username=ben.user.username, password=PASSWORD)
    html = client.get(session.url).content.decode()
    assert "held for you until" in html and "Accept the seat" in html
    client.login(username=cleo.user.username, password=PASSWORD)
    html = client.get(session.url).content.decode()
    assert "Accept the seat" not in html and "waitlist, in position 1" in html


def test_a_coordinator_can_still_book_an_offered_person_directly(full):
    _session, booked, (ben, _cleo) = full
    services.cancel(registration=booked, actor=booked.user)
    coordinator = UserFactory()
    assert services.promote(registration=ben, actor=coordinator).status == Status.BOOKED


def test_my_learning_shows_the_offer_with_its_answer_link(client, full):
    _session, booked, (ben, _cleo) = full
    services.cancel(registration=booked, actor=booked.user)
    (ben,) = _refresh(ben)
    client.login(username=ben.user.username, password=PASSWORD)
    html = client.get("/en/my-learning/").content.decode()
    assert "A seat is held for you until" in html
    assert f"offer/{services.seat_offer_token(ben)}/" in html
    assert "Waitlist position" not in html
