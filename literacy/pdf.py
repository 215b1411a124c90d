"""PDF rendering with WeasyPrint: certificates (rendered once, stored) and printable plans."""

import base64
import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .links import absolute_url


def verification_url(certificate, *, language="en"):
    with translation.override(language):
        path = reverse("literacy:verify_certificate", kwargs={"code": certificate.code})
    return absolute_url(path)


def qr_data_uri(url):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def blank_plan_pdf(*, plan, request):
    """The plan's PDF without anyone's progress, from storage; rendered on the first request for
    each published version of the page (a page is in one language, so that is per language)."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from .selectors import plan_progress

    name = f"plans/{plan.pk}-{plan.live_revision_id or 0}-{plan.locale.language_code}.pdf"
    if not default_storage.exists(name):
        html = render_to_string(
            "literacy/learning_plan_pdf.html",
            {"page": plan, "progress": plan_progress(plan=plan, user=AnonymousUser())},
            request=request,
        )
        saved = default_storage.save(name, ContentFile(html_to_pdf(html)))
        if saved != name:  # another request stored it first; keep one copy
            default_storage.delete(saved)
    return default_storage.open(name, "rb")


def html_to_pdf(html):
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def render_certificate_pdf_bytes(certificate, *, language="en"):
    """The certificate in one official language: learner name, subject, date, jurisdiction, code
    and a QR code to the verification page in that language."""
    url = verification_url(certificate, language=language)
    jurisdiction = certificate.jurisdiction
    with translation.override(language):
        html = render_to_string(
            "literacy/certificate_pdf.html",
            {
                "certificate": certificate,
                "language": language,
                "subject_title": certificate.title_in(language),
                "jurisdiction_name": (jurisdiction.name_fr if language == "fr" else jurisdiction.name_en)
                if jurisdiction
                else "",
                "verify_url": url,
                "qr": qr_data_uri(url),
            },
        )
    return html_to_pdf(html)
