"""The only way registrations change. Each workflow opens a transaction, locks the session row it
counts, re-checks, writes, appends history and enqueues emails to run after commit."""

import hashlib
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from literacy import xapi
from literacy.models.certificates import Certificate
from literacy.services import issue_certificate, reinstate_certificate, revoke_certificate
from literacy.translation import sync_facts

from .models import CalendarState, Registration, RegistrationHistory, SelfIdentification, SessionPage

Status = Registration.Status
Reason = RegistrationHistory.Reason

# History reasons that tell the registrant by email.
EMAIL_REASONS = {
    Reason.REGISTERED,
    Reason.PROMOTED,
    Reason.CANCELLED_BY_USER,
    Reason.CANCELLED_BY_COORDINATOR,
    Reason.SESSION_CANCELLED,
    Reason.MOVED,
    Reason.SEAT_OFFERED,
    Reason.OFFER_ACCEPTED,
    Reason.OFFER_DECLINED,
    Reason.OFFER_EXPIRED,
}


WALK_IN_OPENS_BEFORE_START = timedelta(hours=1)


class SessionError(Exception):
    """A registration workflow refused; the message is safe to show to the person."""


# --- internals ----------------------------------------------------------------------------------


def _lock_session(session_id):
    """Lock the session's row for the rest of the transaction (PostgreSQL: SELECT ... FOR UPDATE;
    SQLite: the IMMEDIATE transaction already holds the database's write lock)."""
    return SessionPage.objects.select_for_update(of=("self",)).get(pk=session_id)


def _lock_canonical_session(session):
    """Lock the first page of the session's translation family (where registrations live), found
    and locked in one statement."""
    return (
        SessionPage.objects.select_for_update(of=("self",))
        .filter(translation_key=session.translation_key)
        .order_by("pk")
        .first()
    )


def _canonical_id(session):
    return (
        SessionPage.objects.filter(translation_key=session.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


def _seats_taken(session):
    return Registration.objects.filter(session=session, status__in=Registration.SEATS_TAKEN).count()


def _notify_on_commit(history):
    if history.reason not in EMAIL_REASONS:
        return
    from .tasks import send_registration_email

    history_id = history.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(history_id=history_id))


def _transition(registration, *, to_status, reason, actor=None, message="", now=None, notify=True, offer_until=None):
    now = now or timezone.now()
    from_status = registration.status
    registration.status = to_status
    registration.updated_at = now
    registration.offer_expires_at = offer_until
    registration.save(update_fields=["status", "updated_at", "offer_expires_at"])
    history = RegistrationHistory.objects.create(
        registration=registration,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        actor=actor if actor is not None and actor.is_authenticated else None,
        message=message,
        at=now,
    )
    if notify:
        _notify_on_commit(history)
    _report_learning(history)
    return history


XAPI_VERBS = {
    Status.BOOKED: "registered",
    Status.WAITLISTED: "waitlisted",
    Status.ATTENDED: "attended",
    Status.NO_SHOW: "missed",
}


def _report_learning(history):
    """An xAPI statement for a registration's learning events (literacy.xapi)."""
    verb = XAPI_VERBS.get(history.to_status)
    registration = history.registration
    if verb and registration.user_id:
        xapi.record(
            event=f"session-history-{history.pk}",
            verb=verb,
            user=registration.user,
            page=registration.session,
            kind="meeting",
        )


def seat_offer_window():
    from django.conf import settings

    return timedelta(hours=float(getattr(settings, "OGL_SEAT_OFFER_HOURS", 24)))


def _fill_from_waitlist(session, *, actor=None, now=None):
    """Offer free seats to waitlisted people, earliest first, as pretix does: each offer holds the
    seat until it is accepted, declined or runs out (`seat_offer_window`, never past the
    registration deadline), then the seat goes to the next person. Stops at the deadline."""
    now = now or timezone.now()
    if session.status != SessionPage.Status.SCHEDULED or now >= session.registration_deadline:
        return []
    free = session.capacity - _seats_taken(session)
    offered = []
    if free <= 0:
        return offered
    until = min(now + seat_offer_window(), session.registration_deadline)
    for registration in Registration.objects.filter(session=session, status=Status.WAITLISTED).order_by(
        "created_at", "pk"
    )[:free]:
        _transition(
            registration, to_status=Status.OFFERED, reason=Reason.SEAT_OFFERED, actor=actor, now=now, offer_until=until
        )
        offered.append(registration)
    return offered


def _check_open(session, now):
    if session.status == SessionPage.Status.CANCELLED:
        raise SessionError(_("This session was cancelled; registration is closed."))
    if session.registration_opens and now < session.registration_opens:
        raise SessionError(_("Registration for this session has not opened yet."))
    if now >= session.registration_deadline:
        raise SessionError(_("Registration for this session is closed."))


# --- workflows ----------------------------------------------------------------------------------


def register(*, session, user, accessibility_needs="", language_needs="", self_identification=None, now=None):
    """Book a seat, or join the waitlist when the session is full. Registering twice returns the
    existing active registration."""
    if user is None or not user.is_authenticated:
        raise SessionError(_("Sign in to register for a session."))
    try:
        with transaction.atomic():
            # Few statements while the lock is held: every other registrant waits on them.
            session = _lock_canonical_session(session)
            now = now or timezone.now()  # read after the lock, so created_at follows arrival order
            counts = Registration.objects.filter(session=session).aggregate(
                mine=Count("pk", filter=Q(user=user, status__in=Registration.ACTIVE)),
                taken=Count("pk", filter=Q(status__in=Registration.SEATS_TAKEN)),
                waiting=Count("pk", filter=Q(status=Status.WAITLISTED)),
            )
            if counts["mine"]:
                return Registration.objects.filter(session=session, user=user, status__in=Registration.ACTIVE).first()
            _check_open(session, now)
            taken = counts["taken"]
            if counts["waiting"] and taken < session.capacity:
                taken += len(_fill_from_waitlist(session, now=now))  # a raised capacity serves the queue first
            status = Status.BOOKED if taken < session.capacity else Status.WAITLISTED
            registration = Registration.objects.create(
                session=session,
                user=user,
                status=status,
                accessibility_needs=accessibility_needs or "",
                language_needs=language_needs or "",
                created_at=now,
                updated_at=now,
            )
            if self_identification:
                SelfIdentification.objects.create(registration=registration, **self_identification)
            history = RegistrationHistory.objects.create(
                registration=registration,
                from_status="",
                to_status=status,
                reason=Reason.REGISTERED,
                actor=user,
                at=now,
            )
            _notify_on_commit(history)
            _report_learning(history)
            return registration
    except IntegrityError:
        # Only the partial unique constraint can fail here: the same person raced themselves.
        existing = Registration.objects.filter(
            session_id=_canonical_id(session), user=user, status__in=Registration.ACTIVE
        ).first()
        if existing is None:
            raise
        return existing


def cancel(*, registration, actor, reason=Reason.CANCELLED_BY_USER, message="", now=None):
    """Cancel a booked or waitlisted registration; a freed seat goes to the earliest waitlisted person."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock_session(registration.session_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status not in Registration.ACTIVE:
            raise SessionError(_("This registration is not active, so it cannot be cancelled."))
        if reason == Reason.CANCELLED_BY_USER and actor is not None and actor.pk != registration.user_id:
            raise SessionError(_("You can only cancel your own registration."))
        _transition(registration, to_status=Status.CANCELLED, reason=reason, actor=actor, message=message, now=now)
        promoted = _fill_from_waitlist(session, actor=actor, now=now)
        return registration, promoted


def promote(*, registration, actor, now=None):
    """A coordinator moves a waitlisted person into a free seat, or books a seat offered to them
    without waiting for their answer. Never overbooks."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock_session(registration.session_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status not in (Status.WAITLISTED, Status.OFFERED):
            raise SessionError(_("Only waitlisted registrations can be promoted."))
        if registration.status == Status.WAITLISTED and _seats_taken(session) >= session.capacity:
            raise SessionError(_("The session is full; cancel a booking or raise the capacity first."))
        _transition(registration, to_status=Status.BOOKED, reason=Reason.PROMOTED, actor=actor, now=now)
        return registration


SEAT_OFFER_SALT = "ogl.sessions.seat-offer"


def _seat_offer_value(registration):
    return f"{registration.pk}-{round(registration.offer_expires_at.timestamp() * 1_000_000)}"


def _seat_offer_signature(value):
    from django.utils.crypto import salted_hmac

    return salted_hmac(SEAT_OFFER_SALT, value, algorithm="sha256").hexdigest()


def seat_offer_token(registration):
    """The accept-or-decline link's key: this registration's current offer, signed, so a link from
    an earlier offer does not answer a later one. Letters, digits and hyphens only, as page paths
    allow."""
    value = _seat_offer_value(registration)
    return f"{value}-{_seat_offer_signature(value)}"


def registration_for_seat_offer(token):
    from django.utils.crypto import constant_time_compare

    value, _dash, signature = token.rpartition("-")
    if not value or not constant_time_compare(signature, _seat_offer_signature(value)):
        return None
    pk, _dash, offer = value.partition("-")
    registration = Registration.objects.select_related("session", "user").filter(pk=int(pk)).first()
    if registration is None:
        return None
    if registration.status == Status.OFFERED and _seat_offer_value(registration) != value:
        return None
    return registration


def accept_seat_offer(*, registration, now=None):
    """The waitlisted person takes the seat offered to them, while the offer is open. Accepting
    twice returns the booking."""
    with transaction.atomic():
        _lock_session(registration.session_id)
        registration = Registration.objects.select_related("session").get(pk=registration.pk)
        now = now or timezone.now()
        if registration.status == Status.BOOKED:
            return registration
        if registration.status != Status.OFFERED:
            raise SessionError(_("This seat offer is no longer open."))
        if now >= registration.offer_expires_at:
            raise SessionError(_("This seat offer has ended; the seat goes to the next person on the waitlist."))
        _transition(
            registration, to_status=Status.BOOKED, reason=Reason.OFFER_ACCEPTED, actor=registration.user, now=now
        )
        return registration


def decline_seat_offer(*, registration, now=None):
    """The waitlisted person turns the seat down: their registration ends and the seat is offered
    to the next person. Declining twice changes nothing more."""
    with transaction.atomic():
        session = _lock_session(registration.session_id)
        registration = Registration.objects.select_related("session").get(pk=registration.pk)
        now = now or timezone.now()
        if registration.status == Status.CANCELLED:
            return registration
        if registration.status != Status.OFFERED:
            raise SessionError(_("This seat offer is no longer open."))
        _transition(
            registration, to_status=Status.CANCELLED, reason=Reason.OFFER_DECLINED, actor=registration.user, now=now
        )
        _fill_from_waitlist(session, now=now)
        return registration


def expire_seat_offers(*, now=None):
    """Seat offers not answered in time end, and their seats are offered to the next people on the
    waitlist (a scheduled job, literacy.schedule). Returns how many offers ended."""
    now = now or timezone.now()
    ended = 0
    session_ids = (
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .values_list("session_id", flat=True)
        .distinct()
    )
    for session_id in list(session_ids):
        with transaction.atomic():
            session = _lock_session(session_id)
            for registration in Registration.objects.filter(
                session=session, status=Status.OFFERED, offer_expires_at__lte=now
            ).order_by("pk"):
                _transition(registration, to_status=Status.CANCELLED, reason=Reason.OFFER_EXPIRED, now=now)
                ended += 1
            _fill_from_waitlist(session, now=now)
    return ended


def mark_attendance(*, registrations, status, actor, now=None):
    """Record attended or no-show on booked seats (bulk). The session must have started."""
    if status not in (Status.ATTENDED, Status.NO_SHOW):
        raise SessionError(_("Attendance is either attended or no-show."))
    now = now or timezone.now()
    changed = []
    with transaction.atomic():
        for registration in registrations:
            session = _lock_session(registration.session_id)
            registration = Registration.objects.get(pk=registration.pk)
            if now < session.start:
                raise SessionError(_("Attendance can be recorded once the session has started."))
            if registration.status not in Registration.SEAT_HOLDING:
                raise SessionError(_("Only booked registrations can be marked attended or no-show."))
            if registration.status != status:
                _transition(registration, to_status=status, reason=Reason.ATTENDANCE, actor=actor, now=now)
                _sync_attendance_certificate(registration, session=session, actor=actor)
                changed.append(registration)
    return changed


CHECK_IN_SALT = "ogl.sessions.check-in"


def check_in_token(registration):
    """What the learner's QR code carries: the registration, signed so that nobody can make one up.
    No timestamp: the code must stay the same between page loads and on a printed ticket."""
    return signing.Signer(salt=CHECK_IN_SALT).sign(str(registration.pk))


def registration_for_check_in(token):
    try:
        pk = int(signing.Signer(salt=CHECK_IN_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Registration.objects.select_related("session", "user").filter(pk=pk).first()


def _require_door_open(session, now, *, too_early):
    """The door opens an hour before the start, for QR check-in and walk-ins alike."""
    if session.status == SessionPage.Status.CANCELLED:
        raise SessionError(_("This session is cancelled."))
    if now < session.start - WALK_IN_OPENS_BEFORE_START:
        raise SessionError(too_early)


def check_in(*, registration, actor, now=None):
    """Day-of check-in from the learner's QR code: attended, with the certificate; doing it twice
    changes nothing. Open from an hour before the start, like walk-ins."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock_session(registration.session_id)
        registration = Registration.objects.get(pk=registration.pk)
        _require_door_open(session, now, too_early=_("Check-in opens an hour before the session starts."))
        if registration.status == Status.ATTENDED:
            return registration, False
        if registration.status not in (Status.BOOKED, Status.NO_SHOW):
            raise SessionError(_("This person has no seat at this session: add them as a walk-in instead."))
        _transition(registration, to_status=Status.ATTENDED, reason=Reason.ATTENDANCE, actor=actor, now=now)
        _sync_attendance_certificate(registration, session=session, actor=actor)
    return registration, True


def add_walk_in(*, session, name, email, actor, now=None):
    """Someone who came to the session without registering, or whom the roster does not show as
    present: recorded as attended even past capacity (they are in the room), and given the
    session's certificate. The person's account is found by email, or made for them without a
    password, and then they are emailed a link to choose one (`send_walk_in_welcome`)."""
    from allauth.account.models import EmailAddress
    from allauth.utils import generate_unique_username
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    email = email.strip()
    with transaction.atomic():
        session = _lock_session(session.pk)
        _require_door_open(session, now, too_early=_("Walk-ins can be added from an hour before the session starts."))
        User = get_user_model()
        created_account = False
        user = User.objects.filter(email__iexact=email).order_by("pk").first()
        if user is None:
            user = User(
                username=generate_unique_username([name, email, "walk-in"]),
                email=email,
                display_name=name.strip(),
                jurisdiction=session.jurisdiction,
                preferred_language=session.language if session.language in ("en", "fr") else "en",
            )
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
            created_account = True
        registration = (
            Registration.objects.filter(session=session, user=user)
            .exclude(status=Status.CANCELLED)
            .order_by("pk")
            .first()
        )
        if registration is None:
            registration = Registration.objects.create(session=session, user=user, status="", created_at=now)
        if registration.status != Status.ATTENDED:
            _transition(registration, to_status=Status.ATTENDED, reason=Reason.WALK_IN, actor=actor, now=now)
            _sync_attendance_certificate(registration, session=session, actor=actor)
        if created_account:
            from .tasks import send_walk_in_welcome

            registration_id = registration.pk
            transaction.on_commit(lambda: send_walk_in_welcome.enqueue(registration_id=registration_id))
    return registration


def message_registrants(*, session, token, subject, body, include_waitlisted, actor):
    """Email everyone booked (or attended) for the session, and the waitlist if asked; each copy
    is sent once by a background task. The form's `token` makes a double submit send nothing more."""
    from .models import SessionMessage

    statuses = list(Registration.SEAT_HOLDING) + ([Status.WAITLISTED] if include_waitlisted else [])
    with transaction.atomic():
        message, created = SessionMessage.objects.get_or_create(
            token=token,
            defaults={
                "session": session,
                "subject": subject,
                "body": body,
                "include_waitlisted": include_waitlisted,
                "sent_by": actor if actor is not None and actor.is_authenticated else None,
            },
        )
        if not created:
            return message
        recipients = list(
            Registration.objects.filter(session=session, status__in=statuses, user__isnull=False).values_list(
                "pk", flat=True
            )
        )
        message.recipients = len(recipients)
        message.save(update_fields=["recipients"])
        from .tasks import send_session_message

        message_id = message.pk
        for registration_id in recipients:
            transaction.on_commit(
                lambda rid=registration_id: send_session_message.enqueue(message_id=message_id, registration_id=rid)
            )
    return message


def _sync_attendance_certificate(registration, *, session, actor):
    """Attending earns the session's certificate; a correction to no-show revokes it."""
    if registration.status == Status.ATTENDED:
        certificate = issue_certificate(
            user=registration.user, subject=session, kind=Certificate.Kind.SESSION, jurisdiction=session.jurisdiction
        )
        if certificate.revoked_at is not None:
            reinstate_certificate(certificate=certificate)
        return
    issued = Certificate.objects.filter(
        user=registration.user,
        content_type=ContentType.objects.get_for_model(session),
        object_id=session.pk,
        revoked_at__isnull=True,
    ).first()
    if issued is not None:
        revoke_certificate(certificate=issued, moderator=actor, reason=_("Attendance corrected to no-show."))


def move(*, registration, target_session, actor, now=None):
    """Move a registration to another session: cancelled here (the seat goes to the waitlist),
    booked or waitlisted there."""
    now = now or timezone.now()
    with transaction.atomic():
        target_id = _canonical_id(target_session)
        first, second = sorted([registration.session_id, target_id])  # lock in a fixed order: no deadlocks
        locked = {first: _lock_session(first), second: _lock_session(second)}
        source, target = locked[registration.session_id], locked[target_id]
        registration = Registration.objects.get(pk=registration.pk)
        if source.pk == target.pk:
            raise SessionError(_("Choose a different session."))
        if registration.status not in Registration.ACTIVE:
            raise SessionError(_("Only booked or waitlisted registrations can be moved."))
        if target.status == SessionPage.Status.CANCELLED:
            raise SessionError(_("The other session was cancelled."))
        if Registration.objects.filter(
            session=target, user_id=registration.user_id, status__in=Registration.ACTIVE
        ).exists():
            raise SessionError(_("This person is already registered for the other session."))
        _transition(
            registration,
            to_status=Status.CANCELLED,
            reason=Reason.MOVED,
            actor=actor,
            now=now,
            message=target.title,
            notify=False,
        )
        _fill_from_waitlist(source, actor=actor, now=now)
        status = Status.BOOKED if _seats_taken(target) < target.capacity else Status.WAITLISTED
        moved = Registration.objects.create(
            session=target,
            user_id=registration.user_id,
            status=status,
            created_at=now,
            updated_at=now,
            accessibility_needs=registration.accessibility_needs,
            language_needs=registration.language_needs,
        )
        history = RegistrationHistory.objects.create(
            registration=moved,
            from_status="",
            to_status=status,
            reason=Reason.MOVED,
            actor=actor,
            at=now,
            message=source.title,
        )
        _notify_on_commit(history)
        return moved


def duplicate_session(*, session, start, actor):
    """A draft copy of the session (every language's page, still one thing) that starts at
    `start`, with the same length and registration window, and no registrations. Asking twice
    for the same start gives the same copy."""
    shift = start - session.start
    slug_suffix = start.strftime("%Y%m%d-%H%M")
    source_pages = list(SessionPage.objects.filter(translation_key=session.translation_key).order_by("pk"))
    with transaction.atomic():
        _lock_session(session.pk)
        existing = SessionPage.objects.filter(
            slug=f"{session.slug}-{slug_suffix}"[:255], path__startswith=session.get_parent().path
        ).first()
        if existing is not None:
            return existing
        translation_key = uuid.uuid4()
        copies = []
        for page in source_pages:
            facts = {
                "start": page.start + shift,
                "end": page.end + shift,
                "registration_opens": page.registration_opens + shift if page.registration_opens else None,
                "registration_closes": page.registration_closes + shift if page.registration_closes else None,
            }
            copy = page.copy(
                to=page.get_parent(),
                update_attrs={
                    "slug": f"{page.slug}-{slug_suffix}"[:255],
                    "translation_key": translation_key,
                    "status": SessionPage.Status.SCHEDULED,
                    **facts,
                },
                copy_revisions=False,
                keep_live=False,
                user=actor,
                reset_translation_key=False,
                log_action="wagtail.copy",
            )
            copies.append(copy)
    return SessionPage.objects.get(pk=copies[0].pk)


def cancel_session(*, session, actor, message, now=None):
    """Cancel the session (in every language tree) and every active registration; everyone is told."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock_session(_canonical_id(session))
        if session.status == SessionPage.Status.CANCELLED:
            raise SessionError(_("This session is already cancelled."))
        user = actor if actor is not None and actor.is_authenticated else None
        # Calendars replace the event when its SEQUENCE grows: the cancellation goes out one higher.
        state, _created = CalendarState.objects.select_for_update().get_or_create(
            session=session, defaults={"fingerprint": session_fingerprint(session)}
        )
        state.sequence += 1
        state.save(update_fields=["sequence"])
        for page in SessionPage.objects.filter(translation_key=session.translation_key):
            page.status = SessionPage.Status.CANCELLED
            if page.live:
                # Coordinators may cancel without holding publish rights: this is the cancel workflow.
                page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
            else:
                page.save()
        cancelled = []
        for registration in Registration.objects.filter(session=session, status__in=Registration.ACTIVE).order_by("pk"):
            _transition(
                registration,
                to_status=Status.CANCELLED,
                reason=Reason.SESSION_CANCELLED,
                actor=actor,
                message=message,
                now=now,
            )
            cancelled.append(registration)
        return cancelled


def session_fingerprint(session):
    """What registrants were told: the session's shared facts (the same on both language pages;
    a venue name is translated, so it is left out and its address stands for it)."""
    parts = [
        session.start.isoformat(),
        session.end.isoformat(),
        session.time_zone,
        session.address,
        session.meeting_link,
        session.format,
        session.status,
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def session_published(*, session):
    """A session page was published by any path: make its translations' facts the same, then tell
    registrants if its time or place changed."""
    sync_facts(page=session)
    return notify_session_changed(session=session)


def notify_session_changed(*, session):
    """When a session's time or place changed since registrants were last told, raise the
    calendar SEQUENCE and email every active registrant once, in their language."""
    from .tasks import send_session_update_email

    with transaction.atomic():
        canonical = _lock_session(_canonical_id(session))
        live = SessionPage.objects.get(pk=session.pk)
        if live.status == SessionPage.Status.CANCELLED:
            return None
        state, _created = CalendarState.objects.select_for_update().get_or_create(session=canonical)
        fingerprint = session_fingerprint(live)
        if state.fingerprint == fingerprint:
            return None
        active = Registration.objects.filter(session=canonical, status__in=Registration.ACTIVE)
        # A session registered for before any baseline was kept: its registrants hold an unknown
        # version, so the change is announced rather than swallowed.
        announce = bool(state.fingerprint) or active.exists()
        state.fingerprint = fingerprint
        if announce:
            state.sequence += 1
        state.save()
        if not announce:
            return None
        sequence = state.sequence
        for registration_id in active.values_list("pk", flat=True):
            transaction.on_commit(
                lambda rid=registration_id: send_session_update_email.enqueue(registration_id=rid, sequence=sequence)
            )
        return sequence


def calendar_sequence(session):
    state = CalendarState.objects.filter(session_id=_canonical_id(session)).first()
    return state.sequence if state else 0


def calendar_sequences(sessions):
    """{translation key: SEQUENCE} for many sessions in one query (the state sits on the thing's
    first page, the one with the lowest primary key)."""
    found = {}
    states = (
        CalendarState.objects.filter(session__translation_key__in={session.translation_key for session in sessions})
        .order_by("-session_id")
        .values_list("session__translation_key", "sequence")
    )
    for key, sequence in states:
        found[key] = sequence  # the lowest session id comes last and wins
    return found


def reminders_due(*, now=None):
    """(registration, days) pairs whose reminder window is open now: the 7-day reminder between 7
    and 1 days before the start, the 1-day reminder in the last day."""
    now = now or timezone.now()
    due = []
    registrations = Registration.objects.filter(
        status=Status.BOOKED,
        session__status=SessionPage.Status.SCHEDULED,
        session__start__gt=now,
        session__start__lte=now + timedelta(days=7),
    ).select_related("session", "user")
    for registration in registrations:
        days = 1 if registration.session.start - now <= timedelta(days=1) else 7
        due.append((registration, days))
    return due


def purge_registrations(*, older_than, now=None, dry_run=False):
    """Anonymise registrations of sessions that ended more than `older_than` ago: drop the person
    and free-text needs (counts and statuses stay) and delete their self-identification. With
    `dry_run`, count what would change and change nothing. Attendance certificates are kept: they
    are the learner's own record, in their account, and go when the account goes (README)."""
    now = now or timezone.now()
    cutoff = now - older_than
    if dry_run:
        old = Registration.objects.filter(session__end__lt=cutoff)
        return {
            "anonymised": old.filter(anonymised_at__isnull=True).count(),
            "self_identifications_deleted": SelfIdentification.objects.filter(registration__in=old).count(),
        }
    with transaction.atomic():
        old = Registration.objects.filter(session__end__lt=cutoff)
        deleted_self_id, _details = SelfIdentification.objects.filter(registration__in=old).delete()
        anonymised = old.filter(anonymised_at__isnull=True).update(
            user=None, accessibility_needs="", language_needs="", anonymised_at=now
        )
        RegistrationHistory.objects.filter(registration__in=old).update(actor=None, message="")
    return {"anonymised": anonymised, "self_identifications_deleted": deleted_self_id}


def purge_expired_registrations():
    """The scheduled purge: registrations of sessions that ended OGL_REGISTRATION_RETENTION_DAYS ago."""
    from datetime import timedelta

    from django.conf import settings

    days = int(getattr(settings, "OGL_REGISTRATION_RETENTION_DAYS", 730))
    return purge_registrations(older_than=timedelta(days=days))
