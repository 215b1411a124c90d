"""Background tasks. They take primary keys and re-read the rows they work on."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models.certificates import Certificate
from .pdf import render_certificate_pdf_bytes


@task()
def render_certificate_pdf(certificate_id, language="en"):
    """Render a certificate's PDF in `language` with WeasyPrint and store it; a stored PDF is left alone."""
    language = "fr" if language == "fr" else "en"
    field = "pdf_fr" if language == "fr" else "pdf"
    certificate = (
        Certificate.objects.select_related("jurisdiction", "user__jurisdiction").filter(pk=certificate_id).first()
    )
    if certificate is None or getattr(certificate, field):
        return False
    content = render_certificate_pdf_bytes(certificate, language=language)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate_id)
        if getattr(locked, field):  # another worker got there first
            return False
        getattr(locked, field).save(f"{locked.code}-{language}.pdf", ContentFile(content), save=False)
        locked.rendered_at = timezone.now()
        locked.render_count = F("render_count") + 1
        locked.save(update_fields=[field, "rendered_at", "render_count"])
    return True


@task()
def deliver_learning_statement(statement_pk):
    """Send one xAPI statement to its Learning Record Store (literacy.xapi)."""
    from .xapi import deliver

    return deliver(statement_pk=statement_pk)


@task()
def run_scheduled_job(name):
    """One run of a job of OGL_SCHEDULE (literacy.schedule), queued by a worker's scheduler."""
    from .schedule import run_job

    result = run_job(name)
    return result if isinstance(result, (int, str, type(None))) else str(result)
