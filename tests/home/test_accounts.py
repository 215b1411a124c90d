import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from literacy.models import Jurisdiction
from tests.factories import PASSWORD, UserFactory, staff_user

pytestmark = pytest.mark.django_db


def signup(client, email="newcomer@example.ca", language="en", **extra):
    data = {
        "email": email,
        "password1": "open-by-default-2026",
        "password2": "open-by-default-2026",
        "display_name": "Nadia Newcomer",
        "jurisdiction": Jurisdiction.objects.get(code="NL").pk,
        "organization": "Office of the Chief Information Officer",
        "preferred_language": language,
        "time_zone": "",
    }
    data.update(extra)
    return client.post(f"/{language}/accounts/signup/", data)


def verification_link(message):
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_sign_up_saves_the_profile_and_sends_a_verification_email(client):
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = get_user_model().objects.get(email="newcomer@example.ca")
    assert (user.display_name, user.jurisdiction.code, user.organization) == (
        "Nadia Newcomer",
        "NL",
        "Office of the Chief Information Officer",
    )
    assert user.effective_time_zone == "America/St_Johns"
    assert len(mail.outbox) == 1
    assert "/en/accounts/confirm-email/" in verification_link(mail.outbox[0])
    assert "_auth_user_id" not in client.session


def test_french_sign_up_gets_a_french_email_and_french_profile(client):
    signup(client, email="nouvelle@example.ca", language="fr")
    user = get_user_model().objects.get(email="nouvelle@example.ca")
    assert user.preferred_language == "fr"
    assert "/fr/accounts/confirm-email/" in verification_link(mail.outbox[0])
    assert "Confirmez votre adresse" in mail.outbox[0].subject


def test_sign_up_errors_are_shown_on_the_fields_and_nothing_is_created(client):
    response = signup(client, email="not-an-email", password2="something-else-entirely", time_zone="Mars/Olympus")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="form-errors"' in html
    assert get_user_model().objects.filter(display_name="Nadia Newcomer").count() == 0
    for field in ("email", "time_zone"):
        assert field in response.context["form"].errors


def test_an_unverified_account_cannot_sign_in_until_the_link_is_followed(client):
    signup(client)
    link = verification_link(mail.outbox[0])
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "newcomer@example.ca", "password": "open-by-default-2026"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    path = link.split("testserver", 1)[-1]
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email="newcomer@example.ca").pk)


def test_five_bad_passwords_in_a_row_lock_the_account_out_of_sign_in(client):
    user = UserFactory(email="target@example.ca")
    for _ in range(5):
        response = client.post("/en/accounts/login/", {"login": user.email, "password": "wrong-password"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_a_verified_user_signs_in_and_lands_on_my_learning(client):
    user = UserFactory()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home:my_learning")
    assert client.get(response["Location"]).status_code == 200


def test_admin_requires_totp_when_the_setting_is_on(client, settings):
    settings.OGL_REQUIRE_ADMIN_MFA = True
    editor = staff_user("ON", "Editors")
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")

    TOTP.activate(editor, generate_totp_secret())
    assert client.get("/admin/").status_code == 200


def test_admin_does_not_require_totp_when_the_setting_is_off(client, settings):
    settings.OGL_REQUIRE_ADMIN_MFA = False
    client.force_login(staff_user("ON", "Editors"))
    assert client.get("/admin/").status_code == 200


def test_learners_are_not_sent_to_set_up_totp(client, settings):
    settings.OGL_REQUIRE_ADMIN_MFA = True
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert "/2fa/" not in response.get("Location", "")


def test_totp_setup_page_is_available_to_everyone(client):
    user = UserFactory()
    client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.get("/en/accounts/2fa/").status_code == 200
    response = client.get("/fr/accounts/2fa/totp/activate/")
    assert response.status_code == 302 and "/fr/accounts/reauthenticate/" in response["Location"]
    client.post("/fr/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/fr/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


def test_profile_edit_saves_and_rejects_an_unknown_time_zone(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/profile/",
        {
            "display_name": "Renée Roy",
            "jurisdiction": Jurisdiction.objects.get(code="QC").pk,
            "organization": "Ministère de la Cybersécurité et du Numérique",
            "preferred_language": "fr",
            "time_zone": "Mars/Olympus",
        },
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    user.refresh_from_db()
    assert user.display_name != "Renée Roy"

    response = client.post(
        "/en/profile/",
        {
            "display_name": "Renée Roy",
            "jurisdiction": Jurisdiction.objects.get(code="QC").pk,
            "organization": "Ministère de la Cybersécurité et du Numérique",
            "preferred_language": "fr",
            "time_zone": "America/Toronto",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.jurisdiction.code, user.preferred_language, user.time_zone) == (
        "Renée Roy",
        "QC",
        "fr",
        "America/Toronto",
    )


def test_my_learning_and_profile_require_sign_in(client):
    for url in ("/en/my-learning/", "/fr/profil/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="forgetful@example.ca")
    response = client.post("/fr/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/password/reset/key/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1]
    response = client.get(path)
    assert response.status_code == 302
    response = client.post(
        response["Location"], {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def test_account_pages_use_the_site_layout_in_both_languages(client):
    for path, words in (
        ("/en/accounts/login/", "Skip to main content"),
        ("/fr/accounts/login/", "Passer au contenu principal"),
        ("/fr/accounts/password/reset/", "Passer au contenu principal"),
    ):
        html = client.get(path).content.decode()
        assert words in html
        assert 'class="lang-toggle"' in html


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/accounts/login/", "Sign in"),
        ("/en/accounts/signup/", "Register"),
        ("/en/accounts/password/reset/", "Password reset"),
        ("/en/accounts/password/change/", "Change password"),
        ("/en/accounts/2fa/", "Two-factor authentication"),
        ("/fr/accounts/login/", "Connexion"),
        ("/fr/accounts/signup/", "S’inscrire"),
    ],
)
def test_account_pages_write_headings_in_sentence_case_as_canada_ca_does(client, path, heading):
    client.force_login(UserFactory()) if "change" in path or "2fa" in path else None
    html = client.get(path).content.decode()
    assert re.search(r"<h1[^>]*>\s*" + re.escape(heading) + r"\s*</h1>", html), re.findall(
        r"<h1[^>]*>.*?</h1>", html, re.S
    )
    assert re.search(r"<title>\s*" + re.escape(heading) + r"\s+- ", html)


def test_server_error_page_is_bilingual(rf):
    from home.views import server_error

    response = server_error(rf.get("/en/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert 'lang="en"' in html and 'lang="fr"' in html


def test_an_office_behind_one_address_can_sign_in_while_one_accounts_guesses_are_stopped(client):
    from django.test import Client

    people = [UserFactory() for _ in range(40)]
    for person in people:  # forty colleagues, one NAT address, each with a typo first
        office = Client(REMOTE_ADDR="203.0.113.7")
        office.post("/en/accounts/login/", {"login": person.email, "password": "typo"})
        office.post("/en/accounts/login/", {"login": person.email, "password": PASSWORD})
        assert office.session.get("_auth_user_id") == str(person.pk)
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    target = people[0]
    for _ in range(6):
        attacker.post("/en/accounts/login/", {"login": target.email, "password": "guess"})
    attacker.post("/en/accounts/login/", {"login": target.email, "password": PASSWORD})
    assert "_auth_user_id" not in attacker.session
