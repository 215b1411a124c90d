"""A session is one thing in two languages: its facts are the same on both pages whichever page is
published and by whatever path, and every change reaches each registrant once, in their language,
with a calendar file whose SEQUENCE grows and whose start is the new one."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from literacy.models import JurisdictionPage
from sessions import services
from sessions.models import SessionPage
from tests.factories import UserFactory, staff_user

from .helpers import make_session

pytestmark = pytest.mark.django_db


def _event(message):
    ((_name, content, _mimetype),) = message.attachments
    return Calendar.from_ical(content).walk("VEVENT")[0]


@pytest.fixture
def bilingual_session(site_tree, django_capture_on_commit_callbacks):
    english = make_session("ON", capacity=5, title="Open data clinic", venue="Room 1", address="1 Main St")
    parent = JurisdictionPage.objects.get(jurisdiction__code="ON", locale__language_code="fr")
    french = SessionPage(
        title="Clinique de données ouvertes",
        slug="clinique-donnees",
        jurisdiction=parent.jurisdiction,
        start=english.start,
        end=english.end,
        time_zone=english.time_zone,
        capacity=5,
        venue="Salle 1",
        address="1 Main St",
        locale=Locale.objects.get(language_code="fr"),
        translation_key=english.translation_key,
    )
    parent.add_child(instance=french)
    french.save_revision().publish()
    people = {"en": UserFactory(preferred_language="en"), "fr": UserFactory(preferred_language="fr")}
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=english, user=people["en"])
        services.register(session=french, user=people["fr"])
    confirmation_sequences = {int(_event(message)["SEQUENCE"]) for message in mail.outbox}
    assert confirmation_sequences == {0}
    mail.outbox.clear()
    return english, french, people


def _registrant_mail(people):
    """Mail to registrants (Wagtail also tells moderators and the editor about the workflow)."""
    emails = {person.email for person in people.values()}
    return [message for message in mail.outbox if set(message.to) & emails]


def _assert_told_once_each(people, new_start, sequence):
    told = _registrant_mail(people)
    assert sorted(message.to[0] for message in told) == sorted(person.email for person in people.values())
    for language, person in people.items():
        (message,) = [m for m in told if m.to == [person.email]]
        event = _event(message)
        assert event.decoded("DTSTART") == new_start
        assert int(event["SEQUENCE"]) == sequence
        title = "Clinique de données ouvertes" if language == "fr" else "Open data clinic"
        assert title in message.subject
        assert ("Séance modifiée" if language == "fr" else "Session changed") in message.subject


def test_start_changed_in_english_and_approved_by_workflow_reaches_both_languages(
    client, bilingual_session, django_capture_on_commit_callbacks
):
    english, french, people = bilingual_session
    editor, moderator = staff_user("ON", "Editors"), staff_user("ON", "Moderators")
    page = SessionPage.objects.get(pk=english.pk)
    new_start = page.start + timedelta(days=1, hours=2)
    page.start, page.end = new_start, new_start + timedelta(hours=2)
    page.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_state = page.get_workflow().start(page, editor)
    assert _registrant_mail(people) == []  # submitted, not yet published
    task_state = workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, moderator, "approve")

    french.refresh_from_db()
    assert (french.start, french.end) == (new_start, new_start + timedelta(hours=2))
    assert french.get_latest_revision_as_object().start == new_start  # a later French draft keeps it
    _assert_told_once_each(people, new_start, sequence=1)
    local = timezone.localtime(new_start, french.zone)
    html = client.get(french.url).content.decode()
    assert f"{local:%H:%M}" in html or f"{local.hour} h {local:%M}" in html


def test_facts_changed_on_the_french_page_reach_the_english_page_and_everyone(
    bilingual_session, django_capture_on_commit_callbacks
):
    english, french, people = bilingual_session
    page = SessionPage.objects.get(pk=french.pk)
    new_start = page.start - timedelta(hours=3)
    page.start, page.end, page.capacity, page.venue = new_start, new_start + timedelta(hours=1), 9, "Salle 2"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    english.refresh_from_db()
    assert (english.start, english.capacity) == (new_start, 9)
    assert english.venue == "Room 1"  # the venue's name is translated, not shared
    _assert_told_once_each(people, new_start, sequence=1)

    mail.outbox.clear()
    draft = english.get_latest_revision_as_object()
    draft.title = "Open data clinic (edited)"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()  # publishing the other page's draft brings no old value back
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.start == french.start == new_start and mail.outbox == []


def test_scheduled_publishing_tells_registrants(bilingual_session, django_capture_on_commit_callbacks):
    english, french, people = bilingual_session
    page = SessionPage.objects.get(pk=english.pk)
    new_start = page.start + timedelta(hours=1)
    page.start, page.end = new_start, new_start + timedelta(hours=2)
    revision = page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert revision.approved_go_live_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    french.refresh_from_db()
    assert french.start == new_start
    _assert_told_once_each(people, new_start, sequence=1)


def test_first_change_after_registration_is_announced(site_tree, django_capture_on_commit_callbacks):
    session = make_session("ON", capacity=3)
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=user)
    mail.outbox.clear()
    session.start += timedelta(hours=1)
    session.end += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert int(_event(mail.outbox[0])["SEQUENCE"]) == 1


def test_my_learning_shows_the_session_in_the_readers_language(client, bilingual_session):
    english, french, people = bilingual_session
    client.force_login(people["fr"])
    html = client.get("/fr/mon-apprentissage/").content.decode()
    assert "Clinique de données ouvertes" in html and "Open data clinic" not in html
    client.force_login(people["en"])
    html = client.get("/en/my-learning/").content.decode()
    assert "Open data clinic" in html and "Clinique de données ouvertes" not in html


def test_translation_sync_after_a_publish_tells_nobody_twice(bilingual_session, django_capture_on_commit_callbacks):
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    english, french, people = bilingual_session
    page = SessionPage.objects.get(pk=english.pk)
    new_start = page.start + timedelta(hours=4)
    page.start, page.end = new_start, new_start + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    _assert_told_once_each(people, new_start, sequence=1)

    fr = Locale.objects.get(language_code="fr")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=fr)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=fr, context=segment.context, data=f"[fr] {segment.string.data}"
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french.refresh_from_db()
    assert french.start == new_start and french.title.startswith("[fr]")
    assert len(_registrant_mail(people)) == 2  # still one each
