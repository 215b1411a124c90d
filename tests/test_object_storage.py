"""Media in S3-compatible object storage (production's django-storages backend) against a local S3
server: what the app servers store there and serve from it. `OGL_TEST_MEDIA=s3` runs the whole
suite that way; these tests run so on every run."""

import boto3
import pytest
import requests
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from literacy import services
from literacy.models import Jurisdiction
from tests.conftest import media_in_s3
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_media(settings, s3_server):
    prefix = f"storage-test-{UserFactory._meta.model.objects.count()}-{id(settings)}"
    media_in_s3(settings, s3_server, prefix=prefix)
    client = boto3.client("s3", endpoint_url=s3_server["endpoint_url"], region_name="us-east-1")

    def keys():
        listed = client.list_objects_v2(Bucket=s3_server["bucket"], Prefix=prefix + "/")
        return [item["Key"][len(prefix) + 1 :] for item in listed.get("Contents", [])]

    return keys


def test_a_certificate_is_stored_in_the_bucket_and_downloaded_from_it(
    client, site_tree, s3_media, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(
            user=user,
            subject=site_tree["homes"]["en"],
            kind="plan",
            jurisdiction=Jurisdiction.objects.get(code="ON"),
        )
    certificate.refresh_from_db()
    assert certificate.pdf.name in s3_media()
    client.login(username=user.username, password=PASSWORD)
    body = b"".join(client.get(f"/en/certificates/{certificate.code}/pdf/").streaming_content)
    assert body.startswith(b"%PDF")
    with certificate.pdf.open("rb") as stored:
        assert stored.read() == body


def test_a_document_is_served_by_a_signed_link_to_the_bucket(client, site_tree, s3_media):
    document = get_document_model().objects.create(title="Checklist")
    document.file.save("checklist.txt", ContentFile(b"open by default\n"))
    assert document.file.name in s3_media()
    response = client.get(document.url)
    assert response.status_code == 302
    location = response["Location"]
    assert "Signature=" in location or "X-Amz-Signature=" in location
    assert requests.get(location, timeout=10).content == b"open by default\n"
    unsigned = location.split("?")[0]
    assert requests.get(unsigned, timeout=10).status_code == 403


def test_readyz_checks_the_bucket(client, settings, s3_server, s3_media):
    assert client.get("/readyz").status_code == 200
    media_in_s3(settings, {**s3_server, "bucket": "no-such-bucket"}, prefix="x")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False
