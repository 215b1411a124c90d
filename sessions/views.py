"""Public views, reached through SessionPage's routes (register/, cancel/, calendar.ics)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .calendar import session_ics
from .forms import RegistrationForm
from .models import Registration
from .selectors import active_registration, seat_offer_context, session_detail_context, time_labels
from .services import SessionError, calendar_sequence


def register_view(request, session):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        messages.error(request, _("Sign in to register for a session."))
        return redirect_to_login(session.url)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        context = session.get_context(request)
        context.update(session_detail_context(request=request, session=session))
        context["form"] = form
        return TemplateResponse(request, session.get_template(request), context, status=400)
    try:
        registration = services.register(
            session=session,
            user=request.user,
            accessibility_needs=form.cleaned_data["accessibility_needs"],
            language_needs=form.cleaned_data["language_needs"],
            self_identification=form.self_identification(),
        )
    except SessionError as error:
        messages.error(request, str(error))
        return redirect(session.url)
    if registration.status == Registration.Status.BOOKED:
        messages.success(request, _("Your seat is booked. A confirmation with a calendar file is on its way."))
    else:
        messages.info(request, _("The session is full: you are on the waitlist. We will email you if a seat opens."))
    return redirect(session.url)


def cancel_view(request, session):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(session.url)
    registration = active_registration(session=session, user=request.user)
    if registration is None or not registration.is_active:
        messages.error(request, _("You have no active registration for this session."))
        return redirect(session.url)
    try:
        services.cancel(registration=registration, actor=request.user)
    except SessionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(session.url)


def ics_view(request, session):
    registration = active_registration(session=session, user=request.user)
    booked = bool(registration and registration.status in Registration.SEAT_HOLDING)
    # A download is published, not an invitation: no attendee (RFC 5546); a cancelled session's
    # file carries STATUS:CANCELLED with the session's latest SEQUENCE.
    body = session_ics(session, method="PUBLISH", sequence=calendar_sequence(session), include_link=booked)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{session.slug}.ics"'
    return response


def seat_offer_view(request, session, token):
    """The accept-or-decline page a seat offer's email links to. The signed link is the key, as in
    pretix, so it works before signing in; acting takes a POST, so a mail scanner opening the link
    changes nothing."""
    registration = services.registration_for_seat_offer(token)
    if registration is None or registration.session.translation_key != session.translation_key:
        context = {"page": session, "registration": None}
        return TemplateResponse(request, "learning_sessions/seat_offer.html", context, status=404)
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                services.accept_seat_offer(registration=registration)
                messages.success(request, _("Your seat is booked. A confirmation with a calendar file is on its way."))
            elif answer == "decline":
                services.decline_seat_offer(registration=registration)
                messages.success(request, _("You declined the seat. Thank you for letting the next person have it."))
            else:
                return HttpResponseNotAllowed(["GET", "POST"])
        except SessionError as error:
            messages.error(request, str(error))
        return redirect(request.path)
    registration.refresh_from_db()
    context = {
        "page": session,
        "registration": registration,
        "token": token,
        "offer_has_ended": registration.status == Registration.Status.OFFERED
        and registration.offer_expires_at <= timezone.now(),
        "times": time_labels(session, request.user),
        **seat_offer_context(registration=registration, user=request.user),
    }
    return TemplateResponse(request, "learning_sessions/seat_offer.html", context)
