"""Median time to issue one certificate (create + render the PDF with WeasyPrint + store it) and to
serve a stored one (the download view reading the stored file), over a throwaway SQLite database.

Run: .venv/bin/python bench/certificates.py [N]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="ogl-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ["TEST_MEDIA_ROOT"] = f"{WORKDIR}/media"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402


def main(runs):
    import logging

    logging.disable(logging.CRITICAL)
    call_command("migrate", verbosity=0)
    from home.site_tree import build_site_tree
    from literacy.models import Jurisdiction, User
    from literacy.models.certificates import Certificate
    from literacy.services import issue_certificate
    from literacy.tasks import render_certificate_pdf

    tree = build_site_tree()
    subject = tree["jurisdictions"]["ON"]["pages"]["en"]
    jurisdiction = Jurisdiction.objects.get(code="ON")
    issue_times, serve_times = [], []
    client = Client()
    for number in range(runs):
        user = User.objects.create_user(
            username=f"bench{number}",
            email=f"b{number}@example.ca",
            password="x" * 12,
            display_name=f"Bench Learner {number}",
        )
        start = time.perf_counter()
        certificate = issue_certificate(user=user, subject=subject, kind="course", jurisdiction=jurisdiction)
        # Outside a transaction the on-commit hook runs at once and the test settings' ImmediateBackend
        # renders in-process; this call is then a no-op (it would render if the worker had not yet).
        render_certificate_pdf.call(certificate.pk)
        issue_times.append(time.perf_counter() - start)

        client.force_login(user)
        url = f"/en/certificates/{certificate.code}/pdf/"
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        serve_times.append(time.perf_counter() - start)
        assert body.startswith(b"%PDF")
    # Anchor: WeasyPrint alone on the same certificate's HTML, in the same run.
    from django.conf import settings as django_settings
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from literacy.pdf import qr_data_uri, verification_url

    url = verification_url(certificate, language="en")
    html = render_to_string(
        "literacy/certificate_pdf.html",
        {
            "certificate": certificate,
            "language": "en",
            "subject_title": certificate.title_in("en"),
            "jurisdiction_name": jurisdiction.name_en,
            "verify_url": url,
            "qr": qr_data_uri(url),
        },
    )
    raw_times = []
    for _ in range(runs):
        start = time.perf_counter()
        HTML(string=html, base_url=str(django_settings.BASE_DIR)).write_pdf()
        raw_times.append(time.perf_counter() - start)
    rendered = sum(Certificate.objects.values_list("render_count", flat=True))
    print(f"certificates: {runs} issued, {rendered} WeasyPrint renders in total")
    print(f"issue one certificate (create + render + store): median {statistics.median(issue_times) * 1000:.1f} ms")
    print(f"serve a stored certificate (download view):       median {statistics.median(serve_times) * 1000:.1f} ms")
    issue, raw = statistics.median(issue_times), statistics.median(raw_times)
    print(f"anchor: WeasyPrint alone on the same HTML:         median {raw * 1000:.1f} ms")
    print(f"issue / WeasyPrint alone: {issue / raw:.2f}x (goal <= 1.1x)")


if __name__ == "__main__":
    with override_settings(ALLOWED_HOSTS=["testserver", "localhost"]):
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
