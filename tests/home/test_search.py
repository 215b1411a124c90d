import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_readers_language_only(client):
    english = client.get("/en/search/", {"q": "Ontario"})
    assert english.status_code == 200
    titles = [row["page"].title for row in english.context["results"]]
    assert "Ontario" in titles
    french = client.get("/fr/recherche/", {"q": "Colombie"})
    titles = [row["page"].title for row in french.context["results"]]
    assert titles == ["Colombie-Britannique"]
    assert all(row["page"].locale.language_code == "fr" for row in french.context["results"])


def test_search_query_is_rendered_inert(client):
    payload = '"><script>alert(1)</script>'
    html = client.get("/en/search/", {"q": payload}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_empty_search_shows_the_form_without_results(client):
    response = client.get("/fr/recherche/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'role="search"' in response.content.decode()


def test_search_matches_accented_french_words(client):
    titles = [row["page"].title for row in client.get("/fr/recherche/", {"q": "Île-du-Prince"}).context["results"]]
    assert "Île-du-Prince-Édouard" in titles


def test_search_terms_keep_words_and_drop_punctuation():
    from literacy.search import search_terms

    assert search_terms('"><script>alert(1)</script>') == "script alert 1 script"
    assert search_terms("l’information ouverte") == "l information ouverte"
    assert search_terms("") == ""


def test_search_page_speaks_french(client):
    html = client.get("/fr/recherche/", {"q": "Ontario"}).content.decode()
    assert "Rechercher dans le site" in html
    assert "résultat" in html


def test_header_search_box_keeps_the_site_query_and_nothing_else(client):
    html = client.get("/en/search/", {"q": "Ontario"}).content.decode()
    assert 'id="site-search-q" name="q" value="Ontario"' in html
    html = client.get("/en/resources/", {"q": "gouvernance"}).content.decode()
    assert 'id="site-search-q" name="q" value=""' in html


def test_site_search_crosses_languages_and_answers_in_the_readers(client):
    english = [row["page"].title for row in client.get("/en/search/", {"q": "Colombie-Britannique"}).context["results"]]
    assert english == ["British Columbia"]
    french = [
        row["page"].title for row in client.get("/fr/recherche/", {"q": "Prince Edward Island"}).context["results"]
    ]
    assert french == ["Île-du-Prince-Édouard"]


def test_each_result_says_what_it_is_whose_it_is_and_what_it_says(client, site_tree, settings):
    from datetime import date

    from literacy.models import Audience, Topic
    from resources.services import save_resource_page
    from tests.sessions.helpers import make_session

    settings.OGL_PAGE_CACHE_SECONDS = 0
    save_resource_page(
        parent=site_tree["jurisdictions"]["NS"]["pages"]["en"],
        title="Harbour data clinic notes",
        topics=[Topic.objects.get(slug="basics")],
        audiences=[Audience.objects.get(slug="managers")],
        summary="What we learned running a harbour data clinic.",
        resource_type="guide",
        languages=["en"],
        licence="ogl-canada-2.0",
        link_url="https://example.org/clinic",
        publisher="Nova Scotia",
        date_published=date(2025, 1, 1),
    )
    make_session("NS", title="Harbour data clinic")
    html = client.get("/en/search/", {"q": "harbour clinic"}).content.decode()
    assert "Resource · Nova Scotia" in html and "Learning session · Nova Scotia" in html
    assert "What we learned running a harbour data clinic." in html
