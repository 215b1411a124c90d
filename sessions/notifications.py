"""Emails to registrants, each sent once per event: a Notification row with a unique key is
claimed and locked in the same transaction as the send, so a task that runs twice sends once; a
failed send is recorded on that row (and logged) instead of raising, so it neither blocks the
other registrants' emails nor makes the task queue retry it forever."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from literacy.links import absolute_url
from literacy.validators import one_line

from .models import Notification, Registration, RegistrationHistory
from .timeutils import in_zone

logger = logging.getLogger(__name__)
Reason = RegistrationHistory.Reason
Status = Registration.Status


def _session_for_language(session, language):
    """The session's page in the registrant's language tree, when it exists."""
    from wagtail.models import Locale

    from .models import SessionPage

    locale = Locale.objects.filter(language_code=language).first()
    translated = (
        SessionPage.objects.filter(translation_key=session.translation_key, locale=locale).first() if locale else None
    )
    return translated or session


def _deliver(*, key, kind, registration, subject, lines, ics=None, ics_method="REQUEST"):
    """Claim `key` and send. Returns True when this call sent it; False when it was sent before,
    when its attempts are used up, or when this attempt failed (recorded on the row, logged)."""
    user = registration.user
    if user is None or not user.email:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                notification, _created = Notification.objects.get_or_create(
                    key=key,
                    defaults={"kind": kind, "registration": registration},
                )
        except IntegrityError:  # another worker claimed it at the same moment and is sending it
            return False
        notification = Notification.objects.select_for_update().get(pk=notification.pk)
        if notification.status == Notification.Status.SENT:
            return False
        if notification.attempts >= Notification.MAX_ATTEMPTS:
            return False
        notification.attempts += 1
        body = render_to_string("learning_sessions/email/notification.txt", {"user": user, "lines": lines})
        try:
            message = EmailMultiAlternatives(
                subject=one_line(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"),
                body=body,
                to=[user.email],
            )
            if ics is not None:
                message.attach("session.ics", ics, f"text/calendar; charset=utf-8; method={ics_method}")
            message.send()
        except Exception as error:  # noqa: BLE001 - one registrant's bad address must not stop the rest
            notification.status = Notification.Status.FAILED
            notification.last_error = f"{type(error).__name__}: {error}"[:2000]
            notification.save(update_fields=["status", "attempts", "last_error"])
            logger.warning(
                "Email %s to registration %s failed (attempt %s): %s",
                key,
                registration.pk,
                notification.attempts,
                notification.last_error,
            )
            return False
        notification.status = Notification.Status.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    return True


def _session_lines(session, registration):
    user = registration.user
    start = in_zone(session.start, session.time_zone)
    lines = [_("Session: %(title)s") % {"title": session.title}, _("When: %(when)s") % {"when": start["text"]}]
    if user is not None and user.effective_time_zone != session.time_zone:
        lines.append(
            _("In your time zone: %(when)s") % {"when": in_zone(session.start, user.effective_time_zone)["text"]}
        )
    if session.venue:
        lines.append(_("Where: %(venue)s") % {"venue": session.venue})
    if registration.status == Status.BOOKED and session.meeting_link:
        lines.append(_("Meeting link: %(link)s") % {"link": session.meeting_link})
    if session.url:
        lines.append(_("Details: %(url)s") % {"url": absolute_url(session.url)})
    return lines


def send_history_email(*, history_id):
    from .calendar import session_ics
    from .services import calendar_sequence

    history = (
        RegistrationHistory.objects.select_related("registration__session", "registration__user")
        .filter(pk=history_id)
        .first()
    )
    if history is None or history.registration.user is None:
        return False
    registration = history.registration
    language = registration.user.preferred_language or "en"
    with translation.override(language):
        session = _session_for_language(registration.session, language)
        sequence = calendar_sequence(session)
        reason, to_status = history.reason, history.to_status
        if reason in (Reason.REGISTERED, Reason.MOVED) and to_status == Status.BOOKED:
            kind, subject, intro, method = "booked", _("Your seat is booked"), _("Your seat is booked."), "REQUEST"
        elif reason in (Reason.REGISTERED, Reason.MOVED) and to_status == Status.WAITLISTED:
            kind, subject, method = "waitlisted", _("You are on the waitlist"), "REQUEST"
            intro = _("The session is full, so you are on the waitlist. We will email you if a seat opens.")
        elif reason == Reason.PROMOTED:
            kind, subject, intro, method = (
                "promoted",
                _("A seat opened: you are booked"),
                _("A seat opened and it is yours: you are now booked."),
                "REQUEST",
            )
        elif reason == Reason.OFFER_ACCEPTED:
            kind, subject, intro, method = (
                "offer_accepted",
                _("Your seat is booked"),
                _("You accepted the seat offered to you: you are now booked."),
                "REQUEST",
            )
        elif reason == Reason.SEAT_OFFERED:
            return _send_seat_offer(history=history, session=session)
        elif reason in (Reason.OFFER_DECLINED, Reason.OFFER_EXPIRED):
            kind, subject, method = "offer_ended", _("Your registration is cancelled"), "CANCEL"
            if reason == Reason.OFFER_DECLINED:
                intro = _("You declined the seat offered to you, so your registration is cancelled.")
            else:
                intro = _(
                    "The seat offered to you was not accepted in time, so it went to the next person on the "
                    "waitlist and your registration is cancelled. You can register again to rejoin the waitlist."
                )
        elif reason == Reason.SESSION_CANCELLED:
            kind, subject, intro, method = (
                "session_cancelled",
                _("Session cancelled"),
                _("This session was cancelled."),
                "CANCEL",
            )
        elif reason in (Reason.CANCELLED_BY_USER, Reason.CANCELLED_BY_COORDINATOR):
            kind, subject, intro, method = (
                "cancelled",
                _("Your registration is cancelled"),
                _("Your registration is cancelled."),
                "CANCEL",
            )
        else:
            return False
        lines = [intro, ""] + _session_lines(session, registration)
        if history.message:
            lines += ["", _("Message from the coordinator:"), history.message]
        # A session cancelled for everyone raised its SEQUENCE when it was cancelled; one person's
        # cancellation withdraws their invitation with the next SEQUENCE.
        if method == "CANCEL" and reason != Reason.SESSION_CANCELLED:
            sequence += 1
        ics = session_ics(
            session,
            method=method,
            sequence=sequence,
            include_link=registration.status == Status.BOOKED,
            attendee=registration.user,
        )
        return _deliver(
            key=f"history-{history.pk}",
            kind=kind,
            registration=registration,
            subject=f"{subject}: {session.title}",
            lines=lines,
            ics=ics,
            ics_method=method,
        )


def _send_seat_offer(*, history, session):
    """No calendar file: the seat is not theirs until they accept it."""

    from .services import seat_offer_token

    registration = history.registration
    if registration.status != Status.OFFERED or registration.offer_expires_at is None:
        return False  # answered or ended before this email went out
    zone = registration.user.effective_time_zone or session.time_zone
    until = in_zone(registration.offer_expires_at, zone)["text"]
    link = absolute_url(f"{session.url}offer/{seat_offer_token(registration)}/")
    lines = [
        _("A seat opened in this session and it is held for you until %(until)s.") % {"until": until},
        _(
            "Accept it to book it, or decline it so the next person on the waitlist can have it. "
            "If you do neither, it goes to the next person."
        ),
        "",
        _("Accept or decline: %(link)s") % {"link": link},
        "",
    ] + _session_lines(session, registration)
    return _deliver(
        key=f"history-{history.pk}",
        kind="seat_offered",
        registration=registration,
        subject=_("A seat is held for you until %(until)s: %(title)s") % {"until": until, "title": session.title},
        lines=lines,
    )


def send_session_update_email(*, registration_id, sequence):
    from .calendar import session_ics

    registration = Registration.objects.select_related("session", "user").filter(pk=registration_id).first()
    if registration is None or registration.user is None or registration.status not in Registration.ACTIVE:
        return False
    language = registration.user.preferred_language or "en"
    with translation.override(language):
        session = _session_for_language(registration.session, language)
        lines = [_("The details of this session changed. Your calendar file below has the new details."), ""]
        lines += _session_lines(session, registration)
        ics = session_ics(
            session,
            method="REQUEST",
            sequence=sequence,
            include_link=registration.status == Status.BOOKED,
            attendee=registration.user,
        )
        return _deliver(
            key=f"update-{registration.pk}-{sequence}",
            kind="session_changed",
            registration=registration,
            subject=_("Session changed: %(title)s") % {"title": session.title},
            lines=lines,
            ics=ics,
        )


def send_reminder_email(*, registration_id, days):
    from .calendar import session_ics
    from .services import calendar_sequence

    registration = Registration.objects.select_related("session", "user").filter(pk=registration_id).first()
    if registration is None or registration.user is None or registration.status != Status.BOOKED:
        return False
    language = registration.user.preferred_language or "en"
    with translation.override(language):
        session = _session_for_language(registration.session, language)
        if days == 1:
            intro = _("Reminder: your session is tomorrow.")
        else:
            intro = _("Reminder: your session is in a week.")
        lines = [intro, ""] + _session_lines(session, registration)
        ics = session_ics(
            session,
            method="REQUEST",
            sequence=calendar_sequence(session),
            include_link=True,
            attendee=registration.user,
        )
        return _deliver(
            key=f"reminder-{days}d-{registration.pk}",
            kind=f"reminder_{days}d",
            registration=registration,
            subject=_("Reminder: %(title)s") % {"title": session.title},
            lines=lines,
            ics=ics,
        )


def send_due_reminders():
    """Send the 7-day and 1-day reminders that are due; each is sent once. Returns how many."""
    from .services import reminders_due

    return sum(
        1 for registration, days in reminders_due() if send_reminder_email(registration_id=registration.pk, days=days)
    )


def send_session_message(*, message_id, registration_id):
    """One registrant's copy of a coordinator's message, in their language around the words the
    coordinator wrote."""
    from .models import SessionMessage

    message = SessionMessage.objects.filter(pk=message_id).first()
    registration = Registration.objects.select_related("session", "user").filter(pk=registration_id).first()
    if message is None or registration is None or registration.user is None:
        return False
    language = registration.user.preferred_language or "en"
    with translation.override(language):
        session = _session_for_language(registration.session, language)
        lines = [_("A message from the coordinators of this session:"), "", message.body, ""]
        lines += _session_lines(session, registration)
        return _deliver(
            key=f"message-{message.pk}-{registration.pk}",
            kind="coordinator_message",
            registration=registration,
            subject=f"{message.subject} ({session.title})",
            lines=lines,
        )


def send_walk_in_welcome(*, registration_id):
    """A walk-in whose account was made at the door has no password: this email says they were
    recorded as attending and gives a link to choose one (allauth's password reset key, valid for
    PASSWORD_RESET_TIMEOUT), so they can sign in and download their certificate."""
    from allauth.account import app_settings as account_settings
    from allauth.account.utils import user_pk_to_url_str
    from django.urls import reverse

    registration = Registration.objects.select_related("session", "user").filter(pk=registration_id).first()
    if registration is None or registration.user is None or registration.user.has_usable_password():
        return False
    user = registration.user
    language = user.preferred_language or "en"
    with translation.override(language):
        session = _session_for_language(registration.session, language)
        token = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
        link = absolute_url(
            reverse("account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": token})
        )
        days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
        lines = [
            _("You were recorded as attending this session, and an account was made for you with this address."),
            _("Your attendance certificate is in your account. Choose a password to sign in: %(link)s")
            % {"link": link},
            _("This link works for %(days)s days; after that, use “Forgot your password?” on the sign-in page.")
            % {"days": days},
            "",
        ] + _session_lines(session, registration)
        return _deliver(
            key=f"walk-in-welcome-{registration.pk}",
            kind="walk_in_welcome",
            registration=registration,
            subject=_("Your attendance at %(title)s") % {"title": session.title},
            lines=lines,
        )
