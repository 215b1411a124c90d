from datetime import timedelta

import pytest
from django.core import mail

from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db


def test_publishing_a_changed_session_tells_registrants(django_capture_on_commit_callbacks):
    session = make_session(capacity=2)  # first publish: nothing to tell
    user = UserFactory()
    services.register(session=session, user=user)
    mail.outbox.clear()
    session.address = "200 Main St, Room 204"
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "Room 204" in mail.outbox[0].attachments[0][1]
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()  # nothing changed: nobody is told again
    assert len(mail.outbox) == 1


def test_invalid_registration_form_keeps_input_and_explains(client):
    session = make_session(capacity=2)
    client.force_login(UserFactory())
    response = client.post(session.url + "register/", {"accessibility_needs": "x" * 2001, "language_needs": "French"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html and "French" in html
    assert not Registration.objects.exists()


def test_registration_window_closed_message(client):
    from django.utils import timezone

    session = make_session(capacity=2, registration_opens=timezone.now() + timedelta(days=1))
    client.force_login(UserFactory())
    html = client.post(session.url + "register/", {}, follow=True).content.decode()
    assert "not opened yet" in html


@pytest.mark.parametrize("code,zone", [("BC", "America/Vancouver"), ("NL", "America/St_Johns")])
def test_the_time_zone_is_a_list_of_canadian_zones_defaulting_to_the_jurisdictions(client, site_tree, code, zone):
    from tests.factories import staff_user

    client.force_login(staff_user(code, "Editors"))
    parent = site_tree["jurisdictions"][code]["pages"]["en"]
    response = client.get(f"/admin/pages/add/learning_sessions/sessionpage/{parent.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    select = html[html.index('name="time_zone"') - 200 : html.index("</select>", html.index('name="time_zone"'))]
    assert "<select" in select
    assert f'<option value="{zone}" selected>' in select
    for other in ("America/Halifax", "America/Regina", "America/Whitehorse", "America/Iqaluit"):
        assert f'<option value="{other}"' in select
