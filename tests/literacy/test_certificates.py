import base64

import pytest
from django.contrib.contenttypes.models import ContentType

from literacy import services
from literacy.models import Jurisdiction
from literacy.models.certificates import Certificate
from tests.factories import PASSWORD, UserFactory, localized_url, staff_user

pytestmark = pytest.mark.django_db


def issue(site_tree, user, django_capture_on_commit_callbacks, code="ON"):
    subject = site_tree["jurisdictions"][code]["pages"]["en"]  # any page can be a subject
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(
            user=user, subject=subject, kind="course", jurisdiction=Jurisdiction.objects.get(code=code)
        )
    certificate.refresh_from_db()
    return certificate


def test_issue_is_once_per_user_and_subject(site_tree, django_capture_on_commit_callbacks):
    user = UserFactory()
    first = issue(site_tree, user, django_capture_on_commit_callbacks)
    again = issue(site_tree, user, django_capture_on_commit_callbacks)
    assert first.pk == again.pk and Certificate.objects.count() == 1
    assert first.content_type == ContentType.objects.get_for_model(site_tree["jurisdictions"]["ON"]["pages"]["en"])
    other = issue(site_tree, UserFactory(), django_capture_on_commit_callbacks)
    assert other.code != first.code


def test_verification_code_has_at_least_64_random_bits(site_tree, django_capture_on_commit_callbacks):
    certificate = issue(site_tree, UserFactory(), django_capture_on_commit_callbacks)
    assert len(base64.b32decode(certificate.code)) * 8 >= 64


def test_second_download_serves_the_stored_file_without_rendering_again(
    client, site_tree, django_capture_on_commit_callbacks
):
    user = UserFactory()
    certificate = issue(site_tree, user, django_capture_on_commit_callbacks)
    assert certificate.render_count == 1
    name = certificate.pdf.name
    stored_at = certificate.pdf.storage.get_modified_time(name)
    client.login(username=user.username, password=PASSWORD)
    url = f"/en/certificates/{certificate.code}/pdf/"
    first = b"".join(client.get(url).streaming_content)
    second = b"".join(client.get(url).streaming_content)
    certificate.refresh_from_db()
    assert first == second and first.startswith(b"%PDF")
    assert certificate.render_count == 1
    assert certificate.pdf.name == name and certificate.pdf.storage.get_modified_time(name) == stored_at


def test_missing_pdf_is_rendered_on_first_download(client, site_tree):
    user = UserFactory()
    # Issued outside on_commit (the callback never runs in this test transaction): no PDF yet.
    certificate = services.issue_certificate(user=user, subject=site_tree["homes"]["en"], kind="plan")
    assert not certificate.pdf
    client.login(username=user.username, password=PASSWORD)
    response = client.get(f"/en/certificates/{certificate.code}/pdf/")
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.render_count == 1


def test_the_certificate_is_ready_when_asked_for_even_before_a_worker_ran(client, site_tree, settings):
    """No "reload this page": with the task queued in the database and no worker, the download
    renders the PDF there and then, in the learner's language, and stores it once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user = UserFactory()
    certificate = services.issue_certificate(user=user, subject=site_tree["homes"]["en"], kind="plan")
    client.login(username=user.username, password=PASSWORD)
    response = client.get(f"/fr/certificats/{certificate.code}/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf_fr and not certificate.pdf and certificate.render_count == 1
    again = client.get(f"/fr/certificats/{certificate.code}/pdf/")
    assert again.status_code == 200
    certificate.refresh_from_db()
    assert certificate.render_count == 1


def test_only_the_learner_or_a_moderator_of_the_jurisdiction_can_download(
    client, site_tree, django_capture_on_commit_callbacks
):
    certificate = issue(site_tree, UserFactory(), django_capture_on_commit_callbacks)
    url = f"/en/certificates/{certificate.code}/pdf/"
    client.login(username=UserFactory().username, password=PASSWORD)
    assert client.get(url).status_code == 404
    client.login(username=staff_user("BC", "Moderators").username, password=PASSWORD)
    assert client.get(url).status_code == 404
    client.login(username=staff_user("ON", "Moderators").username, password=PASSWORD)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("language", ["en", "fr"])
def test_verify_page_valid_unknown_and_revoked(client, site_tree, language, django_capture_on_commit_callbacks):
    learner = UserFactory(display_name="Grace Hopper")
    certificate = issue(site_tree, learner, django_capture_on_commit_callbacks)
    valid = client.get(localized_url("literacy:verify_certificate", language, code=certificate.code))
    assert valid.status_code == 200
    assert "Grace Hopper" in valid.content.decode()

    unknown = client.get(localized_url("literacy:verify_certificate", language, code="AAAAAAAAAAAAAAAA"))
    assert unknown.status_code == 404
    html = unknown.content.decode()
    assert "Grace Hopper" not in html and certificate.code not in html
    assert 'class="certificate-verification"' in html  # same response shape

    services.revoke_certificate(certificate=certificate, moderator=staff_user("ON", "Moderators"), reason="Fraud")
    revoked = client.get(localized_url("literacy:verify_certificate", language, code=certificate.code))
    assert revoked.status_code == 200
    assert ("Revoked" if language == "en" else "Révoqué") in revoked.content.decode()


def test_revoking_twice_keeps_the_first_record(site_tree, django_capture_on_commit_callbacks):
    certificate = issue(site_tree, UserFactory(), django_capture_on_commit_callbacks)
    first = staff_user("ON", "Moderators")
    services.revoke_certificate(certificate=certificate, moderator=first, reason="one")
    services.revoke_certificate(certificate=certificate, moderator=staff_user("ON", "Moderators"), reason="two")
    certificate.refresh_from_db()
    assert certificate.revoked_by == first and certificate.revocation_reason == "one"


def test_a_certificate_is_dated_on_the_learners_own_calendar(client, site_tree, tmp_path):
    import subprocess
    from datetime import UTC, datetime

    from literacy.pdf import render_certificate_pdf_bytes

    # 22:00 on 28 February in Vancouver is already 1 March in UTC and in Toronto.
    learner = UserFactory(time_zone="America/Vancouver")
    certificate = services.issue_certificate(user=learner, subject=site_tree["homes"]["en"], kind="plan")
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=datetime(2026, 3, 1, 6, 0, tzinfo=UTC))
    certificate = Certificate.objects.select_related("user").get(pk=certificate.pk)
    assert str(certificate.issued_on) == "2026-02-28"

    html = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()
    assert '<time datetime="2026-02-28">' in html and "2026-03-01" not in html
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(render_certificate_pdf_bytes(certificate))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "2026-02-28" in text and "2026-03-01" not in text
