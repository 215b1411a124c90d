from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from sessions import services
from sessions.models import Registration, RegistrationHistory, SelfIdentification
from sessions.services import SessionError
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status


def statuses(session):
    return list(Registration.objects.filter(session=session).order_by("pk").values_list("status", flat=True))


def test_register_books_until_full_then_waitlists():
    session = make_session(capacity=2)
    users = UserFactory.create_batch(3)
    regs = [services.register(session=session, user=u) for u in users]
    assert [r.status for r in regs] == [Status.BOOKED, Status.BOOKED, Status.WAITLISTED]
    history = RegistrationHistory.objects.filter(registration=regs[2]).get()
    assert (history.from_status, history.to_status, history.actor) == ("", Status.WAITLISTED, users[2])


def test_double_submit_returns_the_same_registration():
    session = make_session(capacity=2)
    user = UserFactory()
    first = services.register(session=session, user=user)
    second = services.register(session=session, user=user)
    assert first.pk == second.pk
    assert Registration.objects.filter(session=session, user=user).count() == 1


def test_database_refuses_two_active_registrations():
    session = make_session(capacity=2)
    user = UserFactory()
    Registration.objects.create(session=session, user=user, status=Status.BOOKED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(session=session, user=user, status=Status.WAITLISTED)
    # a cancelled one does not count
    Registration.objects.create(session=session, user=user, status=Status.CANCELLED)


def test_cancel_offers_the_seat_to_the_earliest_waitlisted_and_logs_history():
    session = make_session(capacity=1)
    a, b, c = UserFactory.create_batch(3)
    ra = services.register(session=session, user=a)
    rb = services.register(session=session, user=b)
    rc = services.register(session=session, user=c)
    _reg, promoted = services.cancel(registration=ra, actor=a)
    assert [p.pk for p in promoted] == [rb.pk]
    rb.refresh_from_db()
    rc.refresh_from_db()
    assert (rb.status, rc.status) == (Status.OFFERED, Status.WAITLISTED)
    reasons = list(
        RegistrationHistory.objects.filter(registration=rb).values_list("reason", "from_status", "to_status")
    )
    assert reasons[-1] == (RegistrationHistory.Reason.SEAT_OFFERED, Status.WAITLISTED, Status.OFFERED)


def test_promotion_stops_at_registration_deadline():
    now = timezone.now()
    session = make_session(capacity=1, start=now + timedelta(days=3), registration_closes=now + timedelta(days=1))
    a, b = UserFactory.create_batch(2)
    ra = services.register(session=session, user=a, now=now)
    rb = services.register(session=session, user=b, now=now)
    services.cancel(registration=ra, actor=a, now=now + timedelta(days=2))
    rb.refresh_from_db()
    assert rb.status == Status.WAITLISTED


@pytest.mark.parametrize("case", ["cancelled", "not_open", "closed", "anonymous"])
def test_register_refuses_with_a_clear_message(case):
    from django.contrib.auth.models import AnonymousUser

    now = timezone.now()
    fields = {}
    if case == "not_open":
        fields["registration_opens"] = now + timedelta(days=1)
    if case == "closed":
        fields["registration_closes"] = now - timedelta(hours=1)
    if case == "cancelled":
        fields["status"] = "cancelled"
    session = make_session(capacity=5, **fields)
    user = AnonymousUser() if case == "anonymous" else UserFactory()
    with pytest.raises(SessionError) as error:
        services.register(session=session, user=user, now=now)
    expected = {"cancelled": "cancelled", "not_open": "not opened", "closed": "closed", "anonymous": "Sign in"}[case]
    assert expected in str(error.value)
    assert not Registration.objects.filter(session=session).exists()


def test_promote_never_overbooks():
    session = make_session(capacity=1)
    a, b = UserFactory.create_batch(2)
    services.register(session=session, user=a)
    rb = services.register(session=session, user=b)
    coordinator = UserFactory()
    with pytest.raises(SessionError):
        services.promote(registration=rb, actor=coordinator)
    session.capacity = 2
    session.save_revision().publish()
    assert services.promote(registration=rb, actor=coordinator).status == Status.BOOKED


def test_attendance_needs_a_started_session_and_completes_the_step():
    now = timezone.now()
    session = make_session(capacity=3, start=now + timedelta(days=1))
    user = UserFactory()
    reg = services.register(session=session, user=user, now=now)
    with pytest.raises(SessionError):
        services.mark_attendance(registrations=[reg], status=Status.ATTENDED, actor=user, now=now)
    assert not session.is_completed_by(user)
    services.mark_attendance(
        registrations=[reg], status=Status.ATTENDED, actor=user, now=now + timedelta(days=1, hours=1)
    )
    assert session.is_completed_by(user)
    from literacy.completion import is_completed

    assert is_completed(session, user)


def test_move_books_in_target_and_offers_the_seat_in_source():
    source = make_session(capacity=1, title="Source")
    target = make_session(capacity=1, title="Target", start=source.start + timedelta(days=1))
    a, b = UserFactory.create_batch(2)
    ra = services.register(session=source, user=a)
    rb = services.register(session=source, user=b)
    moved = services.move(registration=ra, target_session=target, actor=UserFactory())
    assert (moved.session_id, moved.status) == (target.pk, Status.BOOKED)
    rb.refresh_from_db()
    assert rb.status == Status.OFFERED


def test_cancel_session_cancels_everyone():
    session = make_session(capacity=1)
    a, b = UserFactory.create_batch(2)
    services.register(session=session, user=a)
    services.register(session=session, user=b)
    cancelled = services.cancel_session(session=session, actor=UserFactory(), message="Venue flooded")
    assert len(cancelled) == 2
    session.refresh_from_db()
    assert session.status == "cancelled"
    assert set(statuses(session)) == {Status.CANCELLED}
    with pytest.raises(SessionError):
        services.register(session=session, user=UserFactory())


def test_french_page_shares_the_seats_of_the_english_one(site_tree):
    from wagtail.models import Locale

    session = make_session(capacity=1)
    fr_parent = site_tree["jurisdictions"]["ON"]["pages"]["fr"]
    fr = session.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=False)
    fr = fr.specific
    assert fr.get_parent().pk == fr_parent.pk
    services.register(session=session, user=UserFactory())
    reg = services.register(session=fr, user=UserFactory())
    assert reg.session_id == session.pk and reg.status == Status.WAITLISTED


def test_purge_anonymises_and_deletes_self_identification():
    now = timezone.now()
    session = make_session(capacity=2, start=now + timedelta(days=2))
    reg = services.register(
        session=session,
        user=UserFactory(),
        accessibility_needs="captions",
        self_identification={"gender": "woman"},
        now=now,
    )
    assert SelfIdentification.objects.filter(registration=reg).exists()
    result = services.purge_registrations(older_than=timedelta(days=365 * 2), now=now + timedelta(days=800))
    assert result["anonymised"] == 1
    reg.refresh_from_db()
    assert reg.user is None and reg.accessibility_needs == "" and reg.status == Status.BOOKED
    assert not SelfIdentification.objects.filter(registration=reg).exists()


def test_attendance_issues_one_certificate_and_a_correction_revokes_then_reinstates_it(
    django_capture_on_commit_callbacks,
):
    from literacy.models.certificates import Certificate

    now = timezone.now()
    session = make_session(capacity=3, start=now + timedelta(days=1))
    learner, coordinator = UserFactory(), UserFactory()
    reg = services.register(session=session, user=learner, now=now)
    after = now + timedelta(days=1, hours=1)

    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attendance(registrations=[reg], status=Status.ATTENDED, actor=coordinator, now=after)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.kind == Certificate.Kind.SESSION
    assert certificate.jurisdiction == session.jurisdiction
    assert certificate.subject_title == session.title
    assert certificate.pdf and certificate.pdf.read().startswith(b"%PDF")

    services.mark_attendance(registrations=[reg], status=Status.NO_SHOW, actor=coordinator, now=after)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.revoked_by == coordinator

    services.mark_attendance(registrations=[reg], status=Status.ATTENDED, actor=coordinator, now=after)
    assert Certificate.objects.filter(user=learner).count() == 1
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
