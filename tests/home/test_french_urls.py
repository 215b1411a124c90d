"""French URLs read French for the views that are not pages, the language toggle lands on the
same view in the other language, and the English paths once used under /fr/ redirect."""

import html
import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def toggle_href(response):
    return html.unescape(re.search(r'<a class="lang-toggle" href="([^"]+)"', response.content.decode()).group(1))


PAIRS = [
    ("/en/search/?q=Ontario", "/fr/recherche/?q=Ontario"),
    ("/en/my-learning/", "/fr/mon-apprentissage/"),
    ("/en/profile/", "/fr/profil/"),
    ("/en/resources/coverage/", "/fr/ressources/couverture/"),
    ("/en/resources/?jurisdiction=ON&topic=basics", "/fr/ressources/?jurisdiction=ON&topic=basics"),
]


@pytest.mark.parametrize("english, french", PAIRS)
def test_each_view_reads_in_its_language_and_the_toggle_pairs_them(client, english, french):
    client.force_login(UserFactory())
    en = client.get(english)
    fr = client.get(french)
    assert en.status_code == fr.status_code == 200
    assert '<html lang="fr"' in fr.content.decode() and '<html lang="en"' in en.content.decode()
    assert toggle_href(en) == french
    assert toggle_href(fr) == english


@pytest.mark.parametrize(
    "old, new",
    [
        ("/fr/search/?q=Ontario", "/fr/recherche/?q=Ontario"),
        ("/fr/my-learning/", "/fr/mon-apprentissage/"),
        ("/fr/ressources/coverage/", "/fr/ressources/couverture/"),
        ("/fr/ressources/export/csv/?jurisdiction=ON", "/fr/ressources/exporter/csv/?jurisdiction=ON"),
        ("/fr/certificates/verify/ABC/", "/fr/certificats/verifier/ABC/"),
    ],
)
def test_english_paths_under_fr_redirect_to_the_french_ones(client, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new


def test_exports_and_certificate_verification_have_french_paths(client):
    assert client.get("/fr/ressources/exporter/csv/").status_code == 200
    assert client.get("/fr/ressources/exporter/dcat/").status_code == 200
    verify = client.get("/fr/certificats/verifier/AAAAAAAAAAAAAAAA/")
    assert verify.status_code == 404 and '<html lang="fr"' in verify.content.decode()
    assert client.get("/en/resources/couverture/").status_code == 404  # English pages keep English paths


def test_browse_page_links_read_in_its_language(client):
    page = client.get("/fr/ressources/").content.decode()
    assert "/fr/ressources/exporter/csv/" in page and "/fr/ressources/couverture/" in page
    assert "/fr/ressources/export/" not in page


def test_session_calendar_and_feed_read_french_on_french_pages(client, site_tree):
    from tests.sessions.helpers import make_session

    session = make_session("ON", language="fr", title="Séance")
    assert session.route_url("ics").endswith("/calendrier/")
    assert client.get(session.route_url("ics")).status_code == 200
    assert client.get(session.url + "calendar/")["Location"].endswith("/calendrier/")
    feed = client.get("/fr/seances/fil/ON/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
