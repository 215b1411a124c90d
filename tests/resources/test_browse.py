import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.seeding import bulk_seed

pytestmark = pytest.mark.django_db

XSS = '"><script>alert(1)</script>'


@pytest.fixture
def fixture_resources(make_resource):
    make_resource(code="ON", title="Ontario basics guide", topics=("basics",), resource_type="guide", languages=["en"])
    make_resource(
        code="ON",
        title="Ontario governance video",
        topics=("governance",),
        resource_type="video",
        languages=["en", "fr"],
    )
    make_resource(
        code="ON",
        title="Ontario standards guide",
        topics=("standards", "basics"),
        resource_type="guide",
        languages=["en", "fr"],
        licence="ogl-ontario-1.0",
    )
    make_resource(
        code="BC",
        title="BC basics video",
        topics=("basics",),
        resource_type="video",
        languages=["en"],
        licence="ogl-bc-2.0",
    )
    make_resource(
        code="QC",
        title="Québec gouvernance",
        topics=("governance",),
        resource_type="guide",
        languages=["fr"],
        licence="cc-by-4.0-quebec",
        audiences=("data-practitioners",),
    )


def _facet(response, name):
    for group in response.context["facet_groups"]:
        if group["name"] == name:
            return {option["value"]: option["count"] for option in group["options"]}
    raise KeyError(name)


def test_browse_lists_live_resources_of_the_current_language(client, fixture_resources):
    response = client.get("/en/resources/")
    assert response.status_code == 200
    assert response.context["total"] == 5
    assert b"Ontario basics guide" in response.content
    assert client.get("/fr/ressources/").context["total"] == 0


def test_facet_counts_for_combined_filters(client, fixture_resources):
    response = client.get("/en/resources/?jurisdiction=ON&topic=basics")
    titles = {page.title for page in response.context["page_obj"].object_list}
    assert titles == {"Ontario basics guide", "Ontario standards guide"}
    # Each facet counts with every other active facet applied.
    assert _facet(response, "jurisdiction")["ON"] == 2
    assert _facet(response, "jurisdiction")["BC"] == 1  # BC basics video (topic=basics applies)
    assert _facet(response, "jurisdiction")["QC"] == 0
    assert _facet(response, "topic")["basics"] == 2
    assert _facet(response, "topic")["governance"] == 1  # within ON
    assert _facet(response, "topic")["standards"] == 1
    assert _facet(response, "type") == {**_facet(response, "type"), "guide": 2, "video": 0}
    assert _facet(response, "language")["en"] == 2
    assert _facet(response, "language")["fr"] == 1
    assert _facet(response, "licence")["ogl-ontario-1.0"] == 1


def test_values_within_a_facet_combine_with_or(client, fixture_resources):
    response = client.get("/en/resources/?jurisdiction=ON&jurisdiction=BC&type=video")
    titles = {page.title for page in response.context["page_obj"].object_list}
    assert titles == {"Ontario governance video", "BC basics video"}
    assert _facet(response, "type")["guide"] == 2


def test_language_and_audience_filters(client, fixture_resources):
    response = client.get("/en/resources/?language=fr")
    assert {p.title for p in response.context["page_obj"].object_list} == {
        "Ontario governance video",
        "Ontario standards guide",
        "Québec gouvernance",
    }
    response = client.get("/en/resources/?audience=data-practitioners")
    assert [p.title for p in response.context["page_obj"].object_list] == ["Québec gouvernance"]


def test_full_text_search_with_facets(client, fixture_resources, make_resource):
    response = client.get("/en/resources/?q=video")
    assert {p.title for p in response.context["page_obj"].object_list} == {
        "Ontario governance video",
        "BC basics video",
    }
    assert _facet(response, "jurisdiction")["ON"] == 1
    response = client.get("/en/resources/?q=video&jurisdiction=BC")
    assert [p.title for p in response.context["page_obj"].object_list] == ["BC basics video"]


def test_sorting(client, fixture_resources, make_resource):
    from datetime import date

    make_resource(code="NS", title="Aaa newest", date_published=date(2026, 1, 1), date_modified=date(2023, 1, 1))
    titles = [p.title for p in client.get("/en/resources/?sort=newest").context["page_obj"].object_list]
    assert titles[0] == "Aaa newest"
    titles = [p.title for p in client.get("/en/resources/?sort=title").context["page_obj"].object_list]
    assert titles == sorted(titles)


def test_xss_in_query_and_facet_values_is_inert(client, fixture_resources):
    response = client.get("/en/resources/", {"q": XSS, "jurisdiction": XSS, "topic": ["basics", XSS], "sort": XSS})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # the query is echoed escaped


def test_pagination_keeps_filters(client, site_tree):
    bulk_seed(parent=site_tree["jurisdictions"]["ON"]["pages"]["en"], count=45)
    response = client.get("/en/resources/?jurisdiction=ON&sort=title")
    assert response.context["paginator"].num_pages == 3
    assert "jurisdiction=ON" in response.context["next_qs"]
    assert "page=2" in response.context["next_qs"]
    response = client.get("/en/resources/?jurisdiction=ON&sort=title&page=3")
    assert len(response.context["page_obj"].object_list) == 5


def _browse_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/en/resources/?sort=newest&topic=basics&topic=governance&language=en")
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_browse_query_count_is_constant(client, site_tree, settings):
    settings.RESOURCES_FACET_CACHE_SECONDS = 0
    parent = site_tree["jurisdictions"]["ON"]["pages"]["en"]
    bulk_seed(parent=parent, count=50)
    client.get("/en/resources/")  # warm per-process caches (site root paths, vocabulary)
    small, response = _browse_queries(client)
    assert response.context["total"] > 0
    bulk_seed(parent=site_tree["jurisdictions"]["BC"]["pages"]["en"], count=1950, start=50)
    large, response = _browse_queries(client)
    assert response.context["paginator"].count > 100
    assert large == small, (small, large)


def test_browse_query_budget(client, site_tree, django_assert_max_num_queries, settings):
    settings.RESOURCES_FACET_CACHE_SECONDS = 0
    bulk_seed(parent=site_tree["jurisdictions"]["ON"]["pages"]["en"], count=60)
    client.get("/en/resources/")
    with django_assert_max_num_queries(25):
        client.get("/en/resources/?jurisdiction=ON&topic=basics&sort=title")


def test_french_browse_page_is_translated(client, make_resource, site_tree):
    response = client.get("/fr/ressources/?sort=title")
    body = response.content.decode()
    assert "Appliquer les filtres" in body and "Licence du gouvernement ouvert – Ontario" in body
    assert "Terre-Neuve-et-Labrador" in body  # facet labels follow the language


def test_search_crosses_languages_and_answers_in_the_readers(client, make_resource, settings):
    settings.OGL_PAGE_CACHE_SECONDS = 0  # asks the same page twice and reads its context
    english = make_resource(code="ON", title="Publishing open data well", summary="A practical guide.")
    make_resource(
        code="ON",
        language="fr",
        title="Bien publier des données ouvertes",
        summary="Un guide pratique.",
        translation_of=english,
    )
    make_resource(code="ON", title="Unrelated records guide", summary="Nothing about it.")

    english_hits = client.get("/en/resources/", {"q": "données ouvertes"}).context["page_obj"].object_list
    assert [page.title for page in english_hits] == ["Publishing open data well"]
    french_hits = client.get("/fr/ressources/", {"q": "open data"}).context["page_obj"].object_list
    assert [page.title for page in french_hits] == ["Bien publier des données ouvertes"]
    assert client.get("/fr/ressources/", {"q": "open data"}).context["total"] == 1


def test_typing_a_query_into_the_untouched_form_sorts_by_best_match(client, site_tree, settings):
    """The sort menu's default choice is sent empty, so a query typed into the form as it first
    shows is ranked by relevance rather than by date; a sort chosen on purpose is kept."""
    from django.http import QueryDict

    from resources.selectors import facet_vocabulary, parse_browse_query

    def parse(query):
        return parse_browse_query(QueryDict(query), known_codes=facet_vocabulary()["codes"])

    settings.OGL_PAGE_CACHE_SECONDS = 0
    html = client.get("/en/resources/").content.decode()
    assert '<option value="">Newest</option>' in html
    assert parse("q=open+data&sort=").sort == "relevance"
    assert parse("q=open+data&sort=title").sort == "title"
    assert parse("sort=").sort == "newest"
    searched = client.get("/en/resources/", {"q": "open data", "sort": ""}).content.decode()
    assert '<option value="relevance" selected>Best match</option>' in searched
