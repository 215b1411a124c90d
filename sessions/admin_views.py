"""Coordinators' tools in the Wagtail admin, scoped to their jurisdictions (403 elsewhere)."""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from literacy.csv_safety import csv_writer
from literacy.models import Jurisdiction
from literacy.roles import forbidden

from . import services
from .charts import bar_chart
from .forms import (
    CancelSessionForm,
    DuplicateSessionForm,
    MessageRegistrantsForm,
    RegistrationActionForm,
    WalkInForm,
)
from .models import Registration, SessionPage
from .selectors import (
    can_coordinate,
    coordinator_jurisdictions,
    dashboard,
    roster,
    self_identification_report,
    sessions_for_coordinator,
)
from .services import SessionError

Status = Registration.Status


def _forbidden(request):
    return forbidden(request, _("You can only manage registrations of the jurisdictions you coordinate."))


def coordinator_only(view):
    """Resolve `pk` to the canonical session and answer 403 unless the user coordinates its jurisdiction."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        session = get_object_or_404(SessionPage, pk=pk).canonical
        if not can_coordinate(request.user, session):
            return _forbidden(request)
        return view(request, session, *args, **kwargs)

    return wrapper


def dashboard_view(request):
    if not coordinator_jurisdictions(request.user).exists():
        return _forbidden(request)
    data = dashboard(request.user)
    fill_chart = bar_chart(
        title=_("Seats filled per session"),
        description=_("Booked seats as a share of capacity for each session."),
        bars=[{"label": row["label"], "value": row["percent"], "text": f"{row['percent']} %"} for row in data["fill"]],
        maximum=100,
    )
    waitlist_chart = bar_chart(
        title=_("Waitlist per session"),
        description=_("Number of people waiting for a seat in each session."),
        bars=[
            {"label": row["label"], "value": row["waitlisted"], "text": str(row["waitlisted"])} for row in data["fill"]
        ],
    )
    attendance_chart = bar_chart(
        title=_("Attendance by month"),
        description=_("People marked attended in sessions of each month."),
        bars=[
            {"label": row["label"], "value": row["attended"], "text": str(row["attended"])}
            for row in data["attendance"]
        ],
    )
    return TemplateResponse(
        request,
        "learning_sessions/admin/dashboard.html",
        {
            **data,
            "charts": [fill_chart, waitlist_chart, attendance_chart],
            "jurisdictions": coordinator_jurisdictions(request.user),
        },
    )


@coordinator_only
def registrations_view(request, session):
    targets = sessions_for_coordinator(request.user).exclude(pk=session.pk).filter(status=SessionPage.Status.SCHEDULED)
    form = RegistrationActionForm(request.POST or None, session=session, target_sessions=targets)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        chosen = list(form.cleaned_data["registrations"].order_by("created_at", "pk"))
        try:
            if action in ("attended", "no_show"):
                services.mark_attendance(registrations=chosen, status=action, actor=request.user)
            else:
                for registration in chosen:
                    if action == "promote":
                        services.promote(registration=registration, actor=request.user)
                    elif action == "cancel":
                        services.cancel(
                            registration=registration,
                            actor=request.user,
                            reason=services.Reason.CANCELLED_BY_COORDINATOR,
                        )
                    elif action == "move":
                        services.move(
                            registration=registration,
                            target_session=form.cleaned_data["target_session"],
                            actor=request.user,
                        )
        except SessionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Updated %(count)d registration(s).") % {"count": len(chosen)})
        return redirect("learning_sessions_admin:registrations", pk=session.pk)
    return TemplateResponse(
        request,
        "learning_sessions/admin/registrations.html",
        {
            "session": session,
            "rows": roster(session),
            "form": form,
        },
    )


ROSTER_COLUMNS = [
    "name",
    "email",
    "organization",
    "status",
    "waitlist_position",
    "accessibility_needs",
    "language_needs",
]


@coordinator_only
def roster_csv_view(request, session):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-{session.slug}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 accents
    writer = csv_writer(response)
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Organization"),
            _("Status"),
            _("Waitlist position"),
            _("Accessibility needs"),
            _("Language needs"),
        ]
    )
    for row in roster(session):
        registration = row["registration"]
        writer.writerow(
            [
                row["name"],
                row["email"],
                row["organization"],
                registration.get_status_display(),
                row["position"] or "",
                registration.accessibility_needs,
                registration.language_needs,
            ]
        )
    return response


@coordinator_only
def roster_pdf_view(request, session):
    from weasyprint import HTML

    rows = [row for row in roster(session) if row["registration"].status in Registration.SEAT_HOLDING]
    # Blank lines for people who come without registering: the free seats, at least five.
    walk_ins = max(5, session.capacity - len(rows))
    html = render_to_string(
        "learning_sessions/admin/sign_in_sheet.html",
        {"session": session, "rows": rows, "walk_in_rows": range(walk_ins)},
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sign-in-{session.slug}.pdf"'
    return response


@coordinator_only
def cancel_session_view(request, session):
    form = CancelSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = services.cancel_session(
                session=session, actor=request.user, message=form.cleaned_data["message"]
            )
        except SessionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Session cancelled; %(count)d registrant(s) will be told.") % {"count": len(cancelled)}
            )
        return redirect("learning_sessions_admin:registrations", pk=session.pk)
    return TemplateResponse(request, "learning_sessions/admin/cancel_session.html", {"session": session, "form": form})


@coordinator_only
def duplicate_session_view(request, session):
    form = DuplicateSessionForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        copy = services.duplicate_session(session=session, start=form.cleaned_data["start_local"], actor=request.user)
        messages.success(
            request,
            _("A draft copy of “%(title)s” was made for the new date. Check it, then publish it.")
            % {"title": session.title},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request, "learning_sessions/admin/duplicate_session.html", {"session": session, "form": form}
    )


@coordinator_only
def walk_in_view(request, session):
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_walk_in(
                session=session, name=form.cleaned_data["name"], email=form.cleaned_data["email"], actor=request.user
            )
        except SessionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s is recorded as attended.") % {"name": form.cleaned_data["name"]})
            return redirect("learning_sessions_admin:registrations", pk=session.pk)
    return TemplateResponse(request, "learning_sessions/admin/walk_in.html", {"session": session, "form": form})


@coordinator_only
def message_registrants_view(request, session):
    import uuid

    form = MessageRegistrantsForm(request.POST or None, initial={"token": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        message = services.message_registrants(
            session=session,
            token=form.cleaned_data["token"],
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            include_waitlisted=form.cleaned_data["include_waitlisted"],
            actor=request.user,
        )
        messages.success(
            request,
            ngettext(
                "Your message is on its way to %(count)d person.",
                "Your message is on its way to %(count)d people.",
                message.recipients,
            )
            % {"count": message.recipients},
        )
        return redirect("learning_sessions_admin:registrations", pk=session.pk)
    return TemplateResponse(
        request,
        "learning_sessions/admin/message_registrants.html",
        {"session": session, "form": form, "sent": session.messages.select_related("sent_by")[:20]},
    )


def check_in_view(request, token):
    """Opened from the learner's QR code on a coordinator's phone: confirm, then record attendance."""
    registration = services.registration_for_check_in(token)
    if registration is None:
        return _forbidden(request)
    session = registration.session
    if not can_coordinate(request.user, session):
        return _forbidden(request)
    person = registration.user
    name = (person.display_name or person.email) if person else _("(anonymised)")
    if request.method == "POST":
        try:
            _registration, changed = services.check_in(registration=registration, actor=request.user)
        except SessionError as error:
            messages.error(request, str(error))
        else:
            if changed:
                messages.success(request, _("%(name)s is checked in.") % {"name": name})
            else:
                messages.info(request, _("%(name)s was already checked in.") % {"name": name})
        return redirect("learning_sessions_admin:check_in", token=token)
    return TemplateResponse(
        request,
        "learning_sessions/admin/check_in.html",
        {"session": session, "registration": registration, "name": name},
    )


@coordinator_only
def session_report_view(request, session):
    # Self-identification is published per jurisdiction only: a session's table beside its
    # jurisdiction's would give the rest of the jurisdiction by difference.
    return TemplateResponse(
        request,
        "learning_sessions/admin/report.html",
        {
            "scope": session.title,
            "tables": [],
            "jurisdiction": session.jurisdiction,
        },
    )


def jurisdiction_report_view(request, code):
    jurisdiction = get_object_or_404(Jurisdiction, code=code)
    if not coordinator_jurisdictions(request.user).filter(pk=jurisdiction.pk).exists():
        return _forbidden(request)
    registrations = Registration.objects.filter(session__jurisdiction=jurisdiction)
    report = self_identification_report(registrations=registrations, scope=jurisdiction.code)
    return TemplateResponse(
        request,
        "learning_sessions/admin/report.html",
        {
            "scope": jurisdiction.name,
            "tables": report["tables"],
            "period_start": report["period_start"],
        },
    )
