import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def toggle_href(response):
    match = re.search(r'<a class="lang-toggle" href="([^"]+)" lang="(\w+)"', response.content.decode())
    assert match, "no language toggle on the page"
    return match.group(1), match.group(2)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/", ("/fr/", "fr")),
        ("/fr/", ("/en/", "en")),
        ("/en/resources/", ("/fr/ressources/", "fr")),
        ("/fr/seances/", ("/en/sessions/", "en")),
        ("/en/jurisdictions/ontario/", ("/fr/gouvernements/ontario/", "fr")),
        ("/fr/gouvernements/colombie-britannique/", ("/en/jurisdictions/british-columbia/", "en")),
        ("/en/accounts/login/", ("/fr/accounts/login/", "fr")),
        ("/fr/accounts/signup/", ("/en/accounts/signup/", "en")),
    ],
)
def test_language_toggle_goes_to_the_paired_page(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert toggle_href(response) == expected
    assert client.get(expected[0]).status_code == 200


def test_toggle_falls_back_to_the_other_home_when_a_page_has_no_translation(client, site_tree):
    from literacy.models import JurisdictionPage

    ontario_en = site_tree["jurisdictions"]["ON"]["pages"]["en"]
    child = JurisdictionPage(
        title="English only", slug="english-only", jurisdiction=ontario_en.jurisdiction, locale=ontario_en.locale
    )
    site_tree["jurisdictions"]["ON"]["pages"]["en"].get_parent().add_child(instance=child)
    child.save_revision().publish()
    assert toggle_href(client.get(child.url))[0] == "/fr/"


def test_pages_declare_their_language(client):
    assert '<html lang="en">' in client.get("/en/").content.decode()
    assert '<html lang="fr">' in client.get("/fr/").content.decode()


def test_french_pages_show_french_interface_text(client):
    html = client.get("/fr/").content.decode()
    assert "Passer au contenu principal" in html
    assert "Date de modification" in html
    assert "Se connecter" in html


@override_settings(LANGUAGE_CODE="en")
def test_root_redirects_by_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9").headers["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-CA").headers["Location"] == "/en/"


def test_not_found_page_is_in_the_visitors_language(client):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert "Nous ne pouvons trouver cette page Web" in response.content.decode()
    response = client.get("/en/nowhere/")
    assert response.status_code == 404
    assert "We couldn't find that web page" in response.content.decode()


def test_pages_show_the_date_modified(client, site_tree):
    home = site_tree["homes"]["en"]
    html = client.get("/en/").content.decode()
    assert f'<time datetime="{home.last_published_at:%Y-%m-%d}">' in html


def test_french_account_pages_say_courriel_as_the_government_of_canada_does(client):
    html = client.get("/fr/accounts/login/").content.decode()
    assert "Courriel" in html
    assert "E-mail" not in html and "e-mail" not in html
    html = client.get("/fr/accounts/password/reset/").content.decode()
    assert "adresse courriel" in html.lower()


def test_main_menu_lists_the_sections_in_the_readers_language(client):
    html = client.get("/fr/").content.decode()
    for title in ("Ressources", "Cours", "Plans d’apprentissage", "Séances d’apprentissage", "Gouvernements"):
        assert f">{title}</a>" in html


def page_title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_titles_name_the_page_then_the_site_and_the_home_page_once(client):
    assert page_title(client.get("/en/")) == "Open Government Literacy"
    assert page_title(client.get("/fr/")) == "Littératie en gouvernement ouvert"
    assert page_title(client.get("/en/resources/")) == "Resources - Open Government Literacy"
    assert page_title(client.get("/fr/ressources/")) == "Ressources - Littératie en gouvernement ouvert"


def test_pages_name_an_icon_the_site_serves(client):
    html = client.get("/en/").content.decode()
    href = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    response = client.get(href)
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content if response.streaming else [response.content])


def test_toggle_keeps_the_reader_on_the_same_view_and_filters(client):
    import html

    assert toggle_href(client.get("/en/resources/coverage/"))[0] == "/fr/ressources/couverture/"
    assert toggle_href(client.get("/fr/ressources/couverture/"))[0] == "/en/resources/coverage/"
    href = html.unescape(toggle_href(client.get("/en/resources/?jurisdiction=ON&topic=basics"))[0])
    assert href == "/fr/ressources/?jurisdiction=ON&topic=basics"
    assert client.get(href).status_code == 200


@pytest.mark.parametrize(
    "language, title", [("en", "You cannot see this page"), ("fr", "Vous ne pouvez pas consulter cette page")]
)
def test_refused_pages_answer_in_the_readers_language(language, title, site_tree):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory
    from django.utils import translation

    from home.views import bad_request, permission_denied
    from tests.factories import UserFactory

    with translation.override(language):
        request = RequestFactory().get(f"/{language}/")
        request.user = UserFactory()
        refused = permission_denied(request, PermissionDenied())
        assert refused.status_code == 403 and title in refused.content.decode()
        assert bad_request(request).status_code == 400


def test_the_release_date_comes_from_the_deployment(client, settings):
    settings.OGL_RELEASE_DATE = "2026-11-20"
    assert "2026-11-20" in client.get("/en/search/").content.decode()
