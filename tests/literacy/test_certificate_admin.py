import pytest

from literacy import services
from literacy.models import Jurisdiction
from tests.factories import PASSWORD, UserFactory, staff_user

pytestmark = pytest.mark.django_db


def make_certificate(site_tree, code="ON"):
    return services.issue_certificate(
        user=UserFactory(),
        subject=site_tree["jurisdictions"][code]["pages"]["en"],
        kind="course",
        jurisdiction=Jurisdiction.objects.get(code=code),
    )


def test_moderator_revokes_a_certificate_of_their_jurisdiction(client, site_tree):
    certificate = make_certificate(site_tree)
    client.login(username=staff_user("ON", "Moderators").username, password=PASSWORD)
    listing = client.get("/admin/certificates/")
    assert listing.status_code == 200 and certificate.code in listing.content.decode()
    url = f"/admin/certificates/{certificate.pk}/revoke/"
    assert client.post(url, {"reason": ""}).status_code == 200  # reason required
    response = client.post(url, {"reason": "Issued in error"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revocation_reason == "Issued in error"


def test_moderator_of_another_jurisdiction_cannot_see_or_revoke(client, site_tree):
    certificate = make_certificate(site_tree)
    client.login(username=staff_user("BC", "Moderators").username, password=PASSWORD)
    assert certificate.code not in client.get("/admin/certificates/").content.decode()
    response = client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "x"})
    assert response.status_code == 403  # the admin's one refusal (literacy.roles.forbidden)
    certificate.refresh_from_db()
    assert not certificate.is_revoked
