"""Open data that harvesters accept: DCAT-AP 3.0 (validated with SHACL), the SKOS schemes its IRIs
point into, and the Open Government Portal's dataset schema, over the demo inventory."""

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Namespace

from literacy.models import Topic
from resources import portal, vocabulary
from resources.demo import load_demo
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db

HERE = Path(__file__).resolve().parent
SHAPES = Graph().parse(HERE / "shapes" / "dcat-ap-3.ttl", format="turtle")
PORTAL = json.loads((HERE / "portal_vocabulary.json").read_text(encoding="utf-8"))
SH = Namespace("http://www.w3.org/ns/shacl#")
# Plain Namespace objects: pytest probes module attributes, and rdflib's closed ones warn on that.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


@pytest.fixture
def demo(site_tree):
    load_demo(tree=site_tree)
    return ResourcePage.objects.live().values("translation_key").distinct().count()


def _body(response):
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content).decode("utf-8")


def _violations(data_graph):
    conforms, results, text = validate(data_graph, shacl_graph=SHAPES, inference="none", advanced=True)
    severities = list(results.objects(None, SH.resultSeverity))
    return conforms, severities, text


def test_dcat_ap_jsonld_of_the_demo_has_no_violations_and_one_bilingual_dataset_per_resource(client, demo):
    graph = Graph().parse(data=_body(client.get("/en/resources/export/dcat/")), format="json-ld")
    conforms, severities, text = _violations(graph)
    assert conforms and not severities, text
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == demo
    for dataset in datasets:
        languages = {title.language for title in graph.objects(dataset, DCTERMS.title)}
        assert languages == {"en", "fr"}, dataset
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert {d.language for d in graph.objects(catalogue, DCTERMS.description)} == {"en", "fr"}


def test_dcat_ap_turtle_is_the_same_catalogue(client, demo):
    turtle = _body(client.get("/fr/ressources/exporter/dcat-turtle/"))
    graph = Graph().parse(data=turtle, format="turtle")
    conforms, severities, text = _violations(graph)
    assert conforms and not severities, text
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == demo
    jsonld = Graph().parse(data=_body(client.get("/en/resources/export/dcat/")), format="json-ld")
    assert len(graph) == len(jsonld)


def test_shapes_refuse_the_old_catalogue_shape():
    """The shapes catch what harvesters refused: a theme given as a string, a dataset in one language only."""
    bad = {
        "@context": {"dcat": str(DCAT), "dct": str(DCTERMS)},
        "@id": "urn:uuid:1",
        "@type": "dcat:Dataset",
        "dct:title": {"@value": "Open data", "@language": "en"},
        "dct:description": "plain string",
        "dcat:theme": "basics",
    }
    conforms, severities, text = _violations(Graph().parse(data=json.dumps(bad), format="json-ld"))
    assert not conforms
    assert "theme" in text and "description" in text


def test_filters_apply_to_the_catalogue(client, demo):
    graph = Graph().parse(data=_body(client.get("/en/resources/export/dcat/?jurisdiction=NT")), format="json-ld")
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert 0 < len(datasets) < demo
    for dataset in datasets:
        (spatial,) = graph.objects(dataset, DCTERMS.spatial)
        assert str(spatial).endswith("/vocabularies/jurisdictions/NT")
        (licence,) = {o for d in graph.objects(dataset, DCAT.distribution) for o in graph.objects(d, DCTERMS.license)}
        assert str(licence) == vocabulary.LICENCE_URLS["ogl-nwt"]


def test_every_theme_iri_dereferences_to_a_concept_with_both_labels(client, demo):
    graph = Graph().parse(data=_body(client.get("/en/resources/export/dcat/")), format="json-ld")
    themes = set(graph.objects(None, DCAT.theme))
    assert len(themes) == Topic.objects.filter(resource_pages__live=True).distinct().count()
    for theme in themes:
        path = str(theme).removeprefix("http://testserver")
        response = client.get(path, HTTP_ACCEPT="text/turtle")
        assert response["Content-Type"].startswith("text/turtle")
        concept = Graph().parse(data=response.content.decode(), format="turtle")
        labels = {label.language: str(label) for label in concept.objects(theme, SKOS.prefLabel)}
        assert set(labels) == {"en", "fr"} and all(labels.values())
        html = client.get(path)
        assert html["Content-Type"].startswith("text/html")
        assert labels["fr"] in html.content.decode()


def test_concept_schemes_list_every_concept(client, site_tree):
    data = json.loads(client.get("/vocabularies/topics/", HTTP_ACCEPT="application/ld+json").content)
    scheme, *concepts = data["@graph"]
    assert scheme["@type"] == "skos:ConceptScheme"
    assert {c["skos:notation"] for c in concepts} == set(Topic.objects.values_list("slug", flat=True))
    types = json.loads(client.get("/vocabularies/resource-types/?format=jsonld").content)
    labels = {c["skos:notation"]: c["skos:prefLabel"] for c in types["@graph"][1:]}
    assert {item["@language"]: item["@value"] for item in labels["course"]} == {"en": "Course", "fr": "Cours"}
    assert client.get("/vocabularies/topics/no-such-topic").status_code == 404
    assert client.get("/vocabularies/nothing/").status_code == 404


def test_every_code_of_ours_maps_to_a_value_of_the_portal():
    assert set(portal.RESOURCE_TYPES) == {code for code, _ in vocabulary.RESOURCE_TYPES}
    assert set(portal.FORMATS) == {code for code, _ in vocabulary.FORMATS}
    assert set(portal.LICENCES) == {code for code, _ in vocabulary.LICENCE_CHOICES}
    assert set(portal.RESOURCE_TYPES.values()) <= set(PORTAL["resource_type"])
    assert set(portal.HARVESTED_RESOURCE_TYPES) <= set(PORTAL["resource_type"])
    assert set(portal.FORMATS.values()) <= set(PORTAL["format"])
    # CC BY 4.0 is not on the federal portal's list; "cc-by" is CKAN's own default licence id.
    assert set(portal.LICENCES.values()) - {"cc-by"} <= set(PORTAL["license_id"])
    assert set(portal.SUBJECTS + sum(portal.SUBJECTS_BY_TYPE.values(), [])) <= set(PORTAL["subject"])
    assert set(portal.AUDIENCE) <= set(PORTAL["audience"])
    assert portal.FREQUENCY in PORTAL["frequency"]
    assert set(portal.JURISDICTION_KINDS.values()) <= set(PORTAL["jurisdiction"])
    assert portal.COLLECTION in PORTAL["collection"]
    # Harvesting reads back what exporting writes.
    for ours, theirs in portal.RESOURCE_TYPES.items():
        assert portal.HARVESTED_RESOURCE_TYPES[theirs] in {
            code for code, mapped in portal.RESOURCE_TYPES.items() if mapped == theirs
        }, ours
    for ours, theirs in portal.LICENCES.items():
        assert portal.HARVESTED_LICENCES[theirs] == ours


def test_portal_jsonl_has_every_required_field_with_controlled_values(client, demo):
    lines = _body(client.get("/en/resources/export/portal/")).splitlines()
    assert len(lines) == demo
    records = [json.loads(line) for line in lines]
    assert len({r["id"] for r in records}) == demo
    for record in records:
        for name in PORTAL["required_dataset_fields"]:
            assert record[name] not in ("", None, [], {}), (record["id"], name)
        assert set(record["title_translated"]) == {"en", "fr"} and all(record["title_translated"].values())
        assert record["keywords"]["en"] and record["keywords"]["fr"]
        assert record["license_id"] in PORTAL["license_id"] + ["cc-by"]
        assert set(record["subject"]) <= set(PORTAL["subject"])
        assert record["frequency"] in PORTAL["frequency"]
        assert record["jurisdiction"] in PORTAL["jurisdiction"]
        for resource in record["resources"]:
            assert resource["resource_type"] in PORTAL["resource_type"]
            assert resource["format"] in PORTAL["format"]
            assert set(resource["language"]) <= set(PORTAL["language"])
            assert resource["url"].startswith("https://")
    territorial = [r for r in records if r["owner_org"] == "ogl-nt"]
    assert territorial and {r["license_id"] for r in territorial} == {"nwt-tno"}


def test_exports_build_absolute_addresses_from_the_configured_site_address(client, demo, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://learn.example.ca"
    record = json.loads(_body(client.get("/en/resources/export/portal/")).splitlines()[0])
    assert record["program_page_url_translated"]["en"].startswith("https://learn.example.ca/en/")
    assert record["program_page_url_translated"]["fr"].startswith("https://learn.example.ca/fr/")
    data = json.loads(_body(client.get("/en/resources/export/json/")))
    assert all(r["page_url"]["en"].startswith("https://learn.example.ca/") for r in data["resources"])


def test_demo_resources_use_reserved_example_addresses():
    from resources.demo import demo_records

    for code, external_id, record in demo_records():
        if external_id.startswith("demo-open-north-"):
            assert record["link_url"] == "https://open.canada.ca/en/toolkit/diy"  # a real, checked page
            continue
        assert record["link_url"].startswith("https://example.org/"), (code, record["link_url"])
        assert record["contact_email"].endswith("@example.org"), (code, record["contact_email"])
        assert record["summaries"]["en"].startswith("Example record"), code
        assert record["summaries"]["fr"].startswith("Fiche d’exemple"), code


def test_addresses_from_stored_paths_match_wagtails_routing_for_every_page(demo):
    from literacy.links import absolute_url
    from resources import exports

    pages = {page.pk: page for page in ResourcePage.objects.live()}
    seen = 0
    for rows in exports.resources(ResourcePage.objects.live()):
        for row in rows:
            page = pages[row["pk"]]
            assert row["page_url"] == absolute_url(page.get_url()), row["pk"]
            assert row["access_url"] == absolute_url(page.access_url)
            assert row["topics"] == [t.slug for t in page.topics.order_by("sort_order", "slug")]
            seen += 1
    assert seen == len(pages)


def test_an_export_makes_the_same_number_of_queries_for_any_number_of_resources(
    client, site_tree, django_assert_max_num_queries
):
    from tests.support.seeding import bulk_seed

    parent = site_tree["jurisdictions"]["ON"]["pages"]["en"]
    bulk_seed(parent=parent, count=50)
    with django_assert_max_num_queries(20) as small:
        _body(client.get("/en/resources/export/csv/"))
    bulk_seed(parent=parent, count=400, start=50)
    with django_assert_max_num_queries(len(small.captured_queries)):
        body = _body(client.get("/en/resources/export/csv/"))
    assert body.count("\n") == 451
