"""Learning sessions in a real browser, every page axe-checked: register, see the confirmation and
the .ics, cancel, and the waitlisted person is offered the seat, which they accept from the email's
link; a seat offer declined goes to the next person — in English and in French."""

import re

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Locale

from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.browser

TEXT = {
    "en": {
        "register": "Register for this session",
        "booked": "Your seat is booked",
        "ics": "Add to my calendar (.ics)",
        "cancel": "Cancel my registration",
        "cancelled": "Your registration is cancelled",
        "accept": "Accept the seat",
        "decline": "Decline the seat",
        "declined": "You declined the seat",
    },
    "fr": {
        "register": "M’inscrire à cette séance",
        "booked": "Votre place est réservée",
        "ics": "Ajouter à mon calendrier (.ics)",
        "cancel": "Annuler mon inscription",
        "cancelled": "Votre inscription est annulée",
        "accept": "Accepter la place",
        "decline": "Refuser la place",
        "declined": "Vous avez refusé la place",
    },
}


def _bilingual(session, language):
    if language == "en":
        return session
    fr = session.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=False)
    fr.title = "Les bases des données ouvertes"
    fr.save_revision().publish()
    return fr.specific


def _offer_path(user):
    body = next(m.body for m in mail.outbox if m.to == [user.email] and "/offer/" in m.body)
    return re.search(r"https?://[^/\s]+(/\S+/offer/\S+/)", body).group(1)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_register_download_ics_cancel_and_the_seat_offer_accepted(page, visit, sign_in, language):
    session = make_session("NL", capacity=1, time_zone="America/St_Johns", meeting_link="https://meet.example.ca/x")
    shown = _bilingual(session, language)
    text = TEXT[language]
    learner = sign_in(UserFactory(preferred_language=language))
    visit(shown.url)
    page.get_by_label(
        "Accessibility needs" if language == "en" else "Besoins en matière d’accessibilité", exact=False
    ).first.fill("Captions")
    page.get_by_role("button", name=text["register"], exact=True).click()
    assert text["booked"] in page.locator(".messages").inner_text()
    assert "UTC−0" in page.locator(".session-time").first.inner_text()
    assert page.get_by_role("link", name="https://meet.example.ca/x").is_visible()

    href = page.get_by_role("link", name=text["ics"]).get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    event = Calendar.from_ical(response.body()).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == session.start and event["DTSTART"].params["TZID"] == "America/St_Johns"

    waiting = UserFactory(preferred_language=language)
    services.register(session=session, user=waiting)
    mail.outbox.clear()
    page.get_by_role("button", name=text["cancel"]).click()
    assert text["cancelled"] in page.locator(".messages").inner_text()
    assert Registration.objects.get(user=learner).status == Registration.Status.CANCELLED
    assert Registration.objects.get(user=waiting).status == Registration.Status.OFFERED
    assert {m.to[0] for m in mail.outbox} == {learner.email, waiting.email}

    visit(_offer_path(waiting))  # the email's link works without signing in as them
    page.get_by_role("button", name=text["accept"]).click()
    assert text["booked"] in page.locator(".messages").inner_text()
    assert Registration.objects.get(user=waiting).status == Registration.Status.BOOKED


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_seat_offer_declined_goes_to_the_next_person(page, visit, sign_in, language):
    session = make_session("QC", capacity=1)
    shown = _bilingual(session, language)
    booked, ben, cleo = (UserFactory(preferred_language=language) for _ in range(3))
    first = services.register(session=session, user=booked)
    for person in (ben, cleo):
        services.register(session=session, user=person)
    mail.outbox.clear()
    services.cancel(registration=first, actor=booked)
    sign_in(ben)
    visit(shown.url)  # the session page shows Ben the offer too
    page.get_by_role("button", name=TEXT[language]["decline"]).click()
    assert TEXT[language]["declined"] in page.locator(".messages").inner_text()
    assert Registration.objects.get(user=ben).status == Registration.Status.CANCELLED
    assert Registration.objects.get(user=cleo).status == Registration.Status.OFFERED


def test_index_with_filters_is_accessible(page, visit):
    make_session("BC", title="Open dialogue", time_zone="America/Vancouver")
    visit("/en/sessions/")
    page.get_by_label("Jurisdiction").select_option("BC")
    page.get_by_role("button", name="Apply filters").click()
    assert page.get_by_role("link", name="Open dialogue").is_visible()
    visit("/fr/seances/")
