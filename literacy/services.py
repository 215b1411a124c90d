"""Shared workflows: certificates (issued by courses, plans and sessions) and learning plans."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models.certificates import Certificate
from .models.plans import LearningPlanStep, PlanEnrolment, PlanStepCompletion
from .translation import canonical


class LiteracyError(Exception):
    """A shared workflow that cannot be done; the message is shown to the person."""


def issue_certificate(*, user, subject, kind, jurisdiction=None, title=None):
    """Issue the certificate for `user` and the completed `subject` (a page or any model), once.

    A page subject is its canonical page, so completing the thing in either language issues the
    same certificate; it carries the title in both languages. Calling it again returns the
    existing certificate. The PDF in the learner's language is rendered by a background task
    enqueued when the transaction commits."""
    titles = {}
    if hasattr(subject, "translation_key"):
        subject = canonical(subject)
        titles = {
            page.locale.language_code: page.title
            for page in subject.get_translations(inclusive=True).select_related("locale")
        }
    content_type = ContentType.objects.get_for_model(subject)
    locale = getattr(subject, "locale", None)
    certificate, created = Certificate.objects.get_or_create(
        user=user,
        content_type=content_type,
        object_id=subject.pk,
        defaults={
            "kind": kind,
            "learner_name": user.public_name,
            "subject_title": title or titles.get("en") or getattr(subject, "title", str(subject)),
            "subject_title_fr": titles.get("fr", ""),
            "subject_language": locale.language_code if locale else "en",
            "jurisdiction": jurisdiction,
        },
    )
    if not created:
        return certificate
    if hasattr(subject, "translation_key"):
        from . import xapi

        kind = {"course": "course", "plan": "plan", "session": "meeting"}.get(kind, "course")
        xapi.record(event=f"certificate-{certificate.pk}", verb="earned", user=user, page=subject, kind=kind)
    language = user.preferred_language or "en"
    transaction.on_commit(lambda: enqueue_certificate_render(certificate_id=certificate.pk, language=language))
    return certificate


def enqueue_certificate_render(*, certificate_id, language="en"):
    from .tasks import render_certificate_pdf

    render_certificate_pdf.enqueue(certificate_id, language)


def revoke_certificate(*, certificate, moderator, reason=""):
    """Revoke a certificate: it then verifies as revoked. Revoking twice keeps the first record."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
            certificate.revoked_by = moderator
            certificate.revocation_reason = reason
            certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return certificate


def reinstate_certificate(*, certificate):
    """Undo a revocation (for instance, attendance recorded by mistake and then put right)."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is not None:
            certificate.revoked_at = None
            certificate.revoked_by = None
            certificate.revocation_reason = ""
            certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return certificate


def start_plan(*, user, plan):
    """Start a learning plan; starting it again returns the same enrolment."""
    if not plan.live:
        raise LiteracyError(_("This learning plan is not available."))
    enrolment, created = PlanEnrolment.objects.get_or_create(user=user, plan=canonical(plan))
    if created:
        from . import xapi

        xapi.record(event=f"plan-started-{enrolment.pk}", verb="initialized", user=user, page=plan, kind="plan")
    return enrolment


# A practice step is done when the learner has written what they did: a few sentences, not a tick.
MIN_REFLECTION_CHARACTERS = 150
MAX_REFLECTION_CHARACTERS = 5000


def complete_plan_step(*, user, plan, step_id, reflection=""):
    """Complete a practice step (one without a linked page) with the learner's reflection on it;
    submitting again replaces the reflection."""
    step = plan.steps.filter(pk=step_id).first()
    if step is None:
        raise LiteracyError(_("This step is not part of the plan."))
    if step.linked_page_id:
        raise LiteracyError(_("This step is complete when you complete the linked page."))
    reflection = (reflection or "").strip()
    if len(reflection) < MIN_REFLECTION_CHARACTERS:
        raise LiteracyError(
            _("Describe what you did in this step in at least %(count)s characters (you wrote %(length)s).")
            % {"count": MIN_REFLECTION_CHARACTERS, "length": len(reflection)}
        )
    if len(reflection) > MAX_REFLECTION_CHARACTERS:
        raise LiteracyError(
            _("Keep your reflection under %(count)s characters.") % {"count": MAX_REFLECTION_CHARACTERS}
        )
    with transaction.atomic():
        if not PlanEnrolment.objects.filter(user=user, plan__translation_key=plan.translation_key).exists():
            raise LiteracyError(_("Start the plan first."))
        canonical_step = LearningPlanStep.objects.filter(translation_key=step.translation_key).order_by("pk").first()
        completion, _created = PlanStepCompletion.objects.update_or_create(
            user=user, step=canonical_step, defaults={"reflection": reflection}
        )
        return completion


def complete_plan(*, user, plan):
    """Issue the plan's certificate once every step is complete."""
    from .selectors import plan_progress

    progress = plan_progress(plan=plan, user=user)
    if progress["enrolment"] is None:
        raise LiteracyError(_("Start the plan first."))
    if not progress["is_complete"]:
        raise LiteracyError(_("Complete every step of the plan first."))
    from . import xapi

    xapi.record(
        event=f"plan-completed-{progress['enrolment'].pk}",
        verb="completed",
        user=user,
        page=plan,
        kind="plan",
        result={"completion": True},
    )
    return issue_certificate(user=user, subject=canonical(plan), kind=Certificate.Kind.PLAN)
