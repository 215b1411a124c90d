"""A line break in a session's title or venue, or one registrant's refused address, never stops
the other registrants' emails; a failing email is recorded and tried a bounded number of times."""

from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.utils import translation

from sessions import notifications, services
from sessions.models import Notification, Registration, SessionPage
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    """The local mailbox, except that it refuses addresses at bounce.example (as an SMTP server would)."""

    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.to if address.endswith("@bounce.example")]
            if refused:
                raise SMTPRecipientsRefused({address: (550, b"No such user") for address in refused})
        return super().send_messages(messages)


@pytest.fixture
def refusing_mail(settings):
    settings.EMAIL_BACKEND = "tests.sessions.test_email_robustness.RefusingBackend"


def test_line_breaks_saved_by_code_do_not_stop_any_email(site_tree, django_capture_on_commit_callbacks):
    session = make_session("ON", capacity=5)
    SessionPage.objects.filter(pk=session.pk).update(title="Open data\r\nBcc: victim@example.org", venue="Room\n1")
    session = SessionPage.objects.get(pk=session.pk)
    people = [UserFactory() for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for person in people:
            services.register(session=session, user=person)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.extra_headers.get("Bcc") is None and message.bcc == []


def test_single_line_fields_refuse_control_characters(site_tree):
    session = make_session("ON", capacity=5)
    for field, value in (("title", "Two\nlines"), ("venue", "Room\t1"), ("facilitators", "A\x00B")):
        page = SessionPage.objects.get(pk=session.pk)
        setattr(page, field, value)
        with pytest.raises(ValidationError) as raised:
            page.full_clean()
        assert field in raised.value.message_dict
    person = UserFactory()
    person.display_name = "Ada\nLovelace"
    with pytest.raises(ValidationError):
        person.full_clean()


def test_the_refusal_is_explained_in_french(site_tree):
    person = UserFactory()
    person.display_name = "Ada\nLovelace"
    with pytest.raises(ValidationError) as raised:
        person.full_clean()
    with translation.override("fr"):
        shown = raised.value.message_dict["display_name"]
    assert shown == ["Saisissez une seule ligne de texte, sans saut de ligne, tabulation ni caractère de contrôle."]


def test_one_refused_address_is_recorded_and_the_others_are_sent(
    site_tree, refusing_mail, django_capture_on_commit_callbacks
):
    session = make_session("ON", capacity=5)
    good = [UserFactory(), UserFactory()]
    bad = UserFactory(email="nobody@bounce.example")
    with django_capture_on_commit_callbacks(execute=True):
        for person in (good[0], bad, good[1]):
            services.register(session=session, user=person)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in good)
    failed = Notification.objects.get(registration__user=bad)
    assert failed.status == Notification.Status.FAILED and failed.attempts == 1
    assert "SMTPRecipientsRefused" in failed.last_error
    assert Notification.objects.filter(status=Notification.Status.SENT).count() == 2

    history = Registration.objects.get(user=bad).history.first()
    for _attempt in range(5):  # a later run tries again, but not forever
        assert notifications.send_history_email(history_id=history.pk) is False
    failed.refresh_from_db()
    assert failed.attempts == Notification.MAX_ATTEMPTS


def test_a_failed_email_is_sent_by_a_later_run_once_the_address_works(
    site_tree, refusing_mail, django_capture_on_commit_callbacks
):
    session = make_session("ON", capacity=5)
    person = UserFactory(email="later@bounce.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=person)
    assert mail.outbox == []
    person.email = "later@example.org"
    person.save()
    history = Registration.objects.get(user=person).history.first()
    assert notifications.send_history_email(history_id=history.pk) is True
    assert notifications.send_history_email(history_id=history.pk) is False  # once
    assert [m.to for m in mail.outbox] == [["later@example.org"]]
    assert Notification.objects.get(registration__user=person).status == Notification.Status.SENT
