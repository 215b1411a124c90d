import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_readers_language_only(client):
    english = client.get("/en/search/", {"q": "Ontario"})
    assert english.status_code == 200
    titles = [page.title for page in english.context["results"]]
    assert "Ontario" in titles
    french = client.get("/fr/recherche/", {"q": "Colombie"})
    titles = [page.title for page in french.context["results"]]
    assert titles == ["Colombie-Britannique"]
    assert all(page.locale.language_code == "fr" for page in french.context["results"])


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
    titles = [page.title for page in client.get("/fr/recherche/", {"q": "Île-du-Prince"}).context["results"]]
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
    english = [page.title for page in client.get("/en/search/", {"q": "Colombie-Britannique"}).context["results"]]
    assert english == ["British Columbia"]
    french = [page.title for page in client.get("/fr/recherche/", {"q": "Prince Edward Island"}).context["results"]]
    assert french == ["Île-du-Prince-Édouard"]
