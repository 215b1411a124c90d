"""PDF rendering with WeasyPrint: certificates (rendered once, stored) and printable plans."""

import base64
import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def verification_url(certificate, *, language="en"):
    with translation.override(language):
        path = reverse("literacy:verify_certificate", kwargs={"code": certificate.code})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def qr_data_uri(url):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def html_to_pdf(html):
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def render_certificate_pdf_bytes(certificate):
    """Bilingual certificate: learner name, subject, date, jurisdiction, code and a QR code."""
    url_en = verification_url(certificate, language="en")
    url_fr = verification_url(certificate, language="fr")
    jurisdiction = certificate.jurisdiction
    html = render_to_string(
        "literacy/certificate_pdf.html",
        {
            "certificate": certificate,
            "jurisdiction_en": jurisdiction.name_en if jurisdiction else "",
            "jurisdiction_fr": jurisdiction.name_fr if jurisdiction else "",
            "verify_url_en": url_en,
            "verify_url_fr": url_fr,
            "qr": qr_data_uri(url_en),
        },
    )
    return html_to_pdf(html)
