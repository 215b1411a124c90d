"""Reads shared by views, admin views and "My learning"."""

from collections import Counter, OrderedDict
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from literacy.models import Jurisdiction
from literacy.roles import Role
from literacy.selectors import jurisdictions_for_role
from literacy.translation import in_reader_language

from .aggregates import suppress_table
from .forms import RegistrationForm
from .models import Registration, SelfIdentification, SessionPage
from .timeutils import in_zone

Status = Registration.Status


def upcoming_sessions(*, locale=None, now=None):
    now = now or timezone.now()
    sessions = SessionPage.objects.live().filter(end__gte=now).select_related("jurisdiction").order_by("start")
    if locale is not None:
        sessions = sessions.filter(locale=locale)
    return sessions


def time_labels(session, user=None):
    """The session's start in its own zone and, for a signed-in reader, in theirs."""
    labels = {"session": in_zone(session.start, session.time_zone), "end": in_zone(session.end, session.time_zone)}
    if user is not None and user.is_authenticated:
        labels["reader"] = in_zone(session.start, user.effective_time_zone)
    return labels


def session_listing(*, request, index_page):
    """Upcoming sessions in the page's language tree, filtered by jurisdiction, format, language, month."""
    sessions = upcoming_sessions(locale=index_page.locale)
    params = request.GET
    selected = {key: params.get(key, "") for key in ("jurisdiction", "format", "language", "month")}
    if selected["jurisdiction"]:
        sessions = sessions.filter(jurisdiction__code=selected["jurisdiction"])
    if selected["format"] in SessionPage.Format.values:
        sessions = sessions.filter(format=selected["format"])
    if selected["language"] in SessionPage.Language.values:
        sessions = sessions.filter(language=selected["language"])
    # Months are read on each session's own clock: 20:00 on 30 November in Vancouver is a
    # November session even though it is already December in UTC.
    sessions = list(sessions)
    months = sorted({session.local_start.strftime("%Y-%m") for session in sessions})
    if not _is_month(selected["month"]):
        selected["month"] = ""
    if selected["month"]:
        sessions = [session for session in sessions if session.local_start.strftime("%Y-%m") == selected["month"]]
    user = request.user
    sessions = sessions[:200]
    prime_seat_counts(sessions)
    items = [{"session": s, "times": time_labels(s, user)} for s in sessions]
    return {
        "items": items,
        "selected": selected,
        "jurisdictions": Jurisdiction.objects.all(),
        "months": [(key, _month_label(key)) for key in months],
        "formats": SessionPage.Format.choices,
        "languages": SessionPage.Language.choices,
        "feed_jurisdictions": Jurisdiction.objects.filter(sessions__isnull=False).distinct(),
    }


def prime_seat_counts(sessions):
    """Fill the model's cached `canonical`, `booked_count` and `waitlist_count` for many sessions
    in two queries, so a listing reads `session.canonical.seats_left` without a query per card."""
    keys = {session.translation_key for session in sessions}
    canonical = {}
    for page in SessionPage.objects.filter(translation_key__in=keys).order_by("pk"):
        canonical.setdefault(page.translation_key, page)
    counts = Counter()
    rows = (
        Registration.objects.filter(session__in=list(canonical.values()))
        .values_list("session_id", "status")
        .annotate(n=Count("pk"))
    )
    for session_id, status, n in rows:
        if status in Registration.SEATS_TAKEN:
            counts[session_id, "booked"] += n
        elif status == Status.WAITLISTED:
            counts[session_id, "waitlisted"] += n
    for page in canonical.values():
        page.__dict__["booked_count"] = counts[page.pk, "booked"]
        page.__dict__["waitlist_count"] = counts[page.pk, "waitlisted"]
    for session in sessions:
        session.__dict__["canonical"] = canonical.get(session.translation_key, session)


def _is_month(value):
    if not value:
        return False
    try:
        datetime.strptime(value, "%Y-%m")
    except ValueError:
        return False
    return True


def _month_label(key):
    return formats.date_format(datetime.strptime(key, "%Y-%m").date(), "YEAR_MONTH_FORMAT")


def waitlist_position(registration):
    if registration.status != Status.WAITLISTED:
        return None
    return (
        Registration.objects.filter(session_id=registration.session_id, status=Status.WAITLISTED)
        .filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def waitlist_positions(registrations):
    """{registration pk: place on its session's waitlist} for many registrations in one query."""
    waiting = [registration for registration in registrations if registration.status == Status.WAITLISTED]
    if not waiting:
        return {}
    queue = Registration.objects.filter(
        session_id__in={registration.session_id for registration in waiting}, status=Status.WAITLISTED
    ).order_by("session_id", "created_at", "pk")
    places, counted = {}, {}
    for session_id, pk in queue.values_list("session_id", "pk"):
        counted[session_id] = counted.get(session_id, 0) + 1
        places[pk] = counted[session_id]
    return {registration.pk: places.get(registration.pk) for registration in waiting}


def active_registration(*, session, user):
    if user is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(session=session.canonical, user=user).order_by("-pk").first()


def session_detail_context(*, request, session):
    registration = active_registration(session=session, user=request.user)
    check_in_qr = None
    if registration is not None and registration.status == Status.BOOKED:
        from django.urls import reverse

        from literacy.links import absolute_url
        from literacy.pdf import qr_data_uri

        from .services import check_in_token

        check_in_qr = qr_data_uri(
            absolute_url(reverse("learning_sessions_admin:check_in", args=[check_in_token(registration)]))
        )
    return {
        "check_in_qr": check_in_qr,
        **seat_offer_context(registration=registration, user=request.user),
        "times": time_labels(session, request.user),
        "registration": registration,
        "waitlist_position": waitlist_position(registration) if registration else None,
        "show_meeting_link": bool(registration and registration.status in Registration.SEAT_HOLDING),
        "registration_open": session.canonical.registration_is_open(),
        "form": RegistrationForm(),
    }


def my_learning_section(request):
    """This app's part of "My learning": upcoming sessions, waitlist positions and past attendance."""
    user = request.user
    if not user.is_authenticated:
        return None
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(user=user)
        .exclude(status=Status.CANCELLED)
        .select_related("session")
        .order_by("session__start")
    )
    if not registrations:
        return None
    shown = in_reader_language([registration.session for registration in registrations])
    positions = waitlist_positions(registrations)
    upcoming, past = [], []
    for registration in registrations:
        session = shown[registration.session_id]
        row = {
            "registration": registration,
            "session": session,
            "times": time_labels(session, user),
            "position": positions.get(registration.pk),
            "offer": seat_offer_context(registration=registration, user=user),
        }
        (upcoming if session.end >= now and registration.is_active else past).append(row)
    return {"template": "learning_sessions/my_learning.html", "context": {"upcoming": upcoming, "past": past}}


# --- coordinators -------------------------------------------------------------------------------


def coordinator_jurisdictions(user):
    return jurisdictions_for_role(user=user, role=Role.COORDINATORS)


def sessions_for_coordinator(user):
    """Canonical sessions (the ones holding registrations) of the coordinator's jurisdictions."""
    pages = SessionPage.objects.filter(jurisdiction__in=coordinator_jurisdictions(user)).order_by(
        "translation_key", "pk"
    )
    seen, keep = set(), []
    for page in pages.only("pk", "translation_key"):
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            keep.append(page.pk)
    return (
        SessionPage.objects.filter(pk__in=keep)
        .select_related("jurisdiction")
        .annotate(
            booked=Count("registrations", filter=Q(registrations__status__in=Registration.SEATS_TAKEN)),
            waitlisted=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
            attended=Count("registrations", filter=Q(registrations__status=Status.ATTENDED)),
            no_show=Count("registrations", filter=Q(registrations__status=Status.NO_SHOW)),
        )
        .order_by("start")
    )


def can_coordinate(user, session):
    return coordinator_jurisdictions(user).filter(pk=session.jurisdiction_id).exists()


def roster(session):
    """Registrations of a session for coordinators: no self-identification, ever."""
    rows = []
    waitlist_rank = 0
    for registration in session.registrations.select_related("user").order_by("created_at", "pk"):
        if registration.status == Status.WAITLISTED:
            waitlist_rank += 1
        rows.append(
            {
                "registration": registration,
                "name": registration.user.public_name if registration.user else _("(anonymised)"),
                "email": registration.user.email if registration.user else "",
                "organization": registration.user.organization if registration.user else "",
                "position": waitlist_rank if registration.status == Status.WAITLISTED else None,
            }
        )
    return rows


def dashboard(user):
    """Fill rates, waitlists and monthly attendance for the coordinator's jurisdictions."""
    sessions = list(sessions_for_coordinator(user))
    fill = [
        {
            "label": s.title,
            "session": s,
            "value": s.booked,
            "max": s.capacity,
            "percent": round(100 * s.booked / s.capacity) if s.capacity else 0,
            "waitlisted": s.waitlisted,
        }
        for s in sessions
    ]
    by_month = OrderedDict()
    for s in sessions:
        key = s.start.astimezone(s.zone).strftime("%Y-%m")
        month = by_month.setdefault(key, {"label": key, "attended": 0, "no_show": 0})
        month["attended"] += s.attended
        month["no_show"] += s.no_show
    return {"sessions": sessions, "fill": fill, "attendance": list(by_month.values())}


# --- aggregate self-identification --------------------------------------------------------------


def report_period(now=None):
    """The start of the current reporting period (Monday 00:00 UTC): tables show the registrations
    made before it, so a registration made since changes nothing until the next period."""
    now = now or timezone.now()
    start = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return start - timedelta(days=start.weekday())


def people_answers(*, registrations, period_start):
    """One self-identification per person in scope (their latest), from registrations that were
    not cancelled and were made before `period_start`."""
    latest = {}
    answers = (
        SelfIdentification.objects.filter(
            registration__in=registrations.exclude(status=Status.CANCELLED),
            registration__created_at__lt=period_start,
        )
        .order_by("registration__created_at", "pk")
        .values("registration__user_id", "registration_id", *SelfIdentification.FACTORS)
    )
    for row in answers:
        person = row["registration__user_id"] or f"anonymised-{row['registration_id']}"
        latest[person] = row
    return list(latest.values())


def self_identification_table(*, answers, factor, key):
    """One factor's answers as a one-column table under disclosure control (sessions.aggregates)."""
    field = SelfIdentification._meta.get_field(factor)
    counts = Counter(row[factor] for row in answers)
    rows = [(str(label), {"count": counts.get(value, 0)}) for value, label in field.choices]
    return {
        "factor": factor,
        "label": field.verbose_name,
        **suppress_table(rows=rows, columns=["count"], key=f"{key}|{factor}", total_key=key),
    }


def self_identification_report(*, registrations, scope, now=None):
    """Every factor's table for one jurisdiction (`scope`), as of the current period's start."""
    period_start = report_period(now)
    answers = people_answers(registrations=registrations, period_start=period_start)
    key = f"{scope}|{period_start.date().isoformat()}"
    return {
        "period_start": period_start,
        "tables": [self_identification_table(answers=answers, factor=f, key=key) for f in SelfIdentification.FACTORS],
    }


def seat_offer_context(*, registration, user):
    """An open seat offer's answer link and end, in the reader's time zone."""
    if registration is None or registration.status != Status.OFFERED or registration.offer_expires_at is None:
        return {"seat_offer_token": None, "seat_offer_until": None}
    from .services import seat_offer_token

    zone = user.effective_time_zone if user.is_authenticated else registration.session.time_zone
    return {
        "seat_offer_token": seat_offer_token(registration),
        "seat_offer_until": in_zone(registration.offer_expires_at, zone)["text"],
    }
