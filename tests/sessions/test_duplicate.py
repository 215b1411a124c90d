"""A coordinator duplicates a session for another date: one draft copy per language, still one
thing, with the same length and registration window and none of the registrations."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions.models import Registration, SessionPage
from sessions.timeutils import utc_to_local_naive
from tests.factories import staff_user

from .test_one_session_two_languages import bilingual_session  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def local(value, zone):
    return utc_to_local_naive(value, zone).strftime("%Y-%m-%d %H:%M")


def test_the_copy_is_a_draft_in_both_languages_at_the_new_date_with_no_registrations(client, bilingual_session):  # noqa: F811
    english, french, _people = bilingual_session
    english.registration_closes = english.start - timedelta(hours=6)
    english.save_revision().publish()
    english.refresh_from_db()
    new_start = (english.start + timedelta(days=21)).replace(second=0)
    client.force_login(staff_user("ON", "Coordinators"))
    url = reverse("learning_sessions_admin:duplicate_session", args=[english.pk])
    assert "Duplicate a session" in client.get(url).content.decode()
    response = client.post(url, {"start_local": local(new_start, english.time_zone)})
    copies = SessionPage.objects.exclude(translation_key=english.translation_key).filter(
        title__in=[english.title, french.title]
    )
    assert copies.count() == 2
    assert len({copy.translation_key for copy in copies}) == 1
    copy_en = copies.get(locale__language_code="en")
    copy_fr = copies.get(locale__language_code="fr")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy_en.pk])
    for copy, source in ((copy_en, english), (copy_fr, french)):
        assert not copy.live
        assert copy.start == new_start and copy.end - copy.start == source.end - source.start
        assert copy.capacity == source.capacity and copy.venue == source.venue
        assert copy.jurisdiction_id == source.jurisdiction_id
    assert copy_en.registration_closes == new_start - timedelta(hours=6)
    assert not Registration.objects.filter(session__in=copies).exists()

    again = client.post(url, {"start_local": local(new_start, english.time_zone)})
    assert again["Location"] == response["Location"]  # a double submit makes no second copy
    assert SessionPage.objects.filter(title__in=[english.title, french.title]).count() == 4


def test_a_start_in_the_past_is_refused_and_nothing_is_copied(client, bilingual_session):  # noqa: F811
    english, *_rest = bilingual_session
    client.force_login(staff_user("ON", "Coordinators"))
    before = SessionPage.objects.count()
    url = reverse("learning_sessions_admin:duplicate_session", args=[english.pk])
    response = client.post(url, {"start_local": local(timezone.now() - timedelta(days=1), english.time_zone)})
    assert response.status_code == 200
    assert "Choose a start in the future." in response.content.decode()
    assert SessionPage.objects.count() == before
    french_page = client.post(url, {"start_local": "not a date"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert french_page.status_code == 200 and SessionPage.objects.count() == before


def test_another_governments_coordinator_cannot_duplicate(client, bilingual_session):  # noqa: F811
    english, *_rest = bilingual_session
    client.force_login(staff_user("BC", "Coordinators"))
    url = reverse("learning_sessions_admin:duplicate_session", args=[english.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"start_local": "2030-01-01 10:00"}).status_code == 403
