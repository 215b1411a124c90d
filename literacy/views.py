from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import services
from .models import current_language_is_french
from .models.certificates import Certificate
from .selectors import can_manage_certificate, plan_progress
from .tasks import render_certificate_pdf


@never_cache
@require_GET
def verify_certificate(request, code):
    """Public verification. An unknown code gets the same page shape with a 404 status. Never
    cached, here or by a CDN: a revocation shows on the next request."""
    certificate = Certificate.by_code(code)
    status = 200 if certificate else 404
    return render(
        request, "literacy/verify_certificate.html", {"certificate": certificate, "code": code}, status=status
    )


@login_required
@require_GET
def certificate_pdf(request, code):
    """The stored PDF, rendered once (by the background task, or here if it has not run yet)."""
    certificate = Certificate.objects.select_related("jurisdiction", "user__jurisdiction").filter(code=code).first()
    if certificate is None or not can_manage_certificate(user=request.user, certificate=certificate):
        raise Http404
    language = "fr" if current_language_is_french() else "en"
    if not certificate.pdf_field(language):
        # The learner is waiting for it: render now rather than send them to "reload this page".
        # The task's own row lock still keeps a single stored copy if a worker runs it too.
        render_certificate_pdf.call(certificate.pk, language)
        certificate.refresh_from_db()
    return FileResponse(
        certificate.pdf_field(language).open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"certificate-{certificate.code}.pdf",
    )


@require_POST
def start_plan(request, *, plan):
    if not request.user.is_authenticated:
        return redirect_to_login(plan.url)
    try:
        services.start_plan(user=request.user, plan=plan)
    except services.LiteracyError as error:
        messages.error(request, str(error))
    return redirect(plan.url)


@require_POST
def complete_plan_step(request, *, plan, step_id):
    if not request.user.is_authenticated:
        return redirect_to_login(plan.url)
    try:
        services.complete_plan_step(
            user=request.user, plan=plan, step_id=step_id, reflection=request.POST.get("reflection", "")
        )
    except services.LiteracyError as error:
        # The reflection comes back in the form, so nothing typed is lost.
        request.session[f"plan-reflection-{step_id}"] = request.POST.get("reflection", "")[:5000]
        messages.error(request, str(error))
    else:
        request.session.pop(f"plan-reflection-{step_id}", None)
    return redirect(f"{plan.url}#step-{step_id}")


@require_POST
def plan_certificate(request, *, plan):
    if not request.user.is_authenticated:
        return redirect_to_login(plan.url)
    try:
        certificate = services.complete_plan(user=request.user, plan=plan)
    except services.LiteracyError as error:
        messages.error(request, str(error))
        return redirect(plan.url)
    return redirect(reverse("literacy:certificate_pdf", kwargs={"code": certificate.code}))


@require_GET
def plan_pdf(request, *, plan):
    """A printable PDF of the plan, with the learner's checklist when signed in. The blank plan
    (anyone not signed in) is rendered once per published version and stored."""
    from .pdf import blank_plan_pdf, html_to_pdf

    filename = f"{slugify(plan.title) or 'plan'}.pdf"
    if not request.user.is_authenticated:
        return FileResponse(
            blank_plan_pdf(plan=plan, request=request),
            content_type="application/pdf",
            as_attachment=True,
            filename=filename,
        )
    html = render_to_string(
        "literacy/learning_plan_pdf.html",
        {"page": plan, "progress": plan_progress(plan=plan, user=request.user)},
        request=request,
    )
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
