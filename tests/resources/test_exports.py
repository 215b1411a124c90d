import csv
import io
import json

import pytest

from resources.services import save_resource_page

pytestmark = pytest.mark.django_db

TRICKY_TITLE = 'Données ouvertes, «accents» et virgules: l’été, "guillemets"'
TRICKY_SUMMARY = "Résumé avec une virgule, un point-virgule; et\nun saut de ligne."


@pytest.fixture
def pair(make_resource, site_tree):
    en = make_resource(
        code="QC",
        title="Open data, commas and quotes",
        topics=("basics", "governance"),
        audiences=("managers", "data-practitioners"),
        languages=["en", "fr"],
        licence="cc-by-4.0-quebec",
        contact_email="contact@example.ca",
        external_id="qc-1",
    )
    fr = save_resource_page(
        parent=site_tree["jurisdictions"]["QC"]["pages"]["fr"],
        title=TRICKY_TITLE,
        translation_of=en,
        topics=list(en.topics.all()),
        audiences=list(en.audiences.all()),
        summary=TRICKY_SUMMARY,
        resource_type="guide",
        languages=["en", "fr"],
        licence="cc-by-4.0-quebec",
        link_url="https://example.ca/fr?a=1&b=2",
        publisher="Ministère de la Cybersécurité et du Numérique",
        date_published=en.date_published,
        external_id="qc-1",
        contact_email="contact@example.ca",
    )
    make_resource(code="ON", title="Ontario only", topics=("standards",))
    return en, fr


def _body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_round_trips_values_one_row_per_resource_with_both_languages(client, pair):
    en, fr = pair
    response = client.get("/en/resources/export/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(response), newline="")))
    assert len(rows) == 2  # one per resource, not one per page
    row = next(row for row in rows if row["jurisdiction"] == "QC")
    assert row["resource_id"] == str(en.translation_key)
    assert row["title_en"] == "Open data, commas and quotes" and row["title_fr"] == TRICKY_TITLE
    assert row["summary_fr"] == TRICKY_SUMMARY
    assert row["publisher_fr"] == "Ministère de la Cybersécurité et du Numérique"
    assert row["url_fr"] == "https://example.ca/fr?a=1&b=2" and row["url_en"] == "https://example.ca/resource"
    assert row["page_url_en"].endswith(en.url) and row["page_url_fr"].endswith(fr.url)
    assert row["topics"] == "basics;governance"
    assert row["languages"] == "en;fr"
    assert row["contact_email"] == "contact@example.ca"
    assert row["external_id"] == "qc-1"
    only = next(row for row in rows if row["jurisdiction"] == "ON")
    assert only["title_en"] == "Ontario only" and only["title_fr"] == ""


def test_exports_are_the_same_from_either_language(client, pair):
    english = _body(client.get("/en/resources/export/csv/"))
    french = _body(client.get("/fr/ressources/exporter/csv/"))
    assert english == french


def test_exports_honour_facet_filters(client, pair):
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/en/resources/export/csv/?jurisdiction=ON")))))
    assert [row["title_en"] for row in rows] == ["Ontario only"]
    data = json.loads(_body(client.get("/en/resources/export/json/?topic=governance")))
    assert len(data["resources"]) == 1
    assert data["resources"][0]["jurisdiction"] == "QC"
    assert set(data["resources"][0]["title"]) == {"en", "fr"}


def test_a_search_in_one_language_exports_the_resource_with_both(client, pair):
    en, _fr = pair
    data = json.loads(_body(client.get("/en/resources/export/json/", {"q": "guillemets"})))
    assert [record["resource_id"] for record in data["resources"]] == [str(en.translation_key)]
    assert data["resources"][0]["title"]["en"] == "Open data, commas and quotes"


def test_json_round_trips(client, pair):
    data = json.loads(_body(client.get("/fr/ressources/exporter/json/")))
    assert data["licence"]["url"] == "https://open.canada.ca/en/open-government-licence-canada"
    record = next(r for r in data["resources"] if r["jurisdiction"] == "QC")
    assert record["title"] == {"en": "Open data, commas and quotes", "fr": TRICKY_TITLE}
    assert record["summary"]["fr"] == TRICKY_SUMMARY
    assert set(record["audiences"]) == {"data-practitioners", "managers"}
    assert len({r["resource_id"] for r in data["resources"]}) == len(data["resources"]) == 2


def test_dcat_catalogue_has_one_dataset_per_resource_with_language_tagged_literals(client, pair):
    en, _fr = pair
    response = client.get("/en/resources/export/dcat/?jurisdiction=QC")
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(_body(response))
    assert data["@type"] == "dcat:Catalog"
    assert data["dct:license"]["@id"] == "https://open.canada.ca/en/open-government-licence-canada"
    (dataset,) = data["dcat:dataset"]
    assert dataset["dct:identifier"] == str(en.translation_key)
    titles = {literal["@language"]: literal["@value"] for literal in dataset["dct:title"]}
    assert titles == {"en": "Open data, commas and quotes", "fr": TRICKY_TITLE}
    access = {d["dct:language"]["@id"][-3:]: d["dcat:accessURL"]["@id"] for d in dataset["dcat:distribution"]}
    assert access == {"ENG": "https://example.ca/resource", "FRA": "https://example.ca/fr?a=1&b=2"}
    # DCAT-AP puts the licence on each distribution.
    assert {d["dct:license"]["@id"] for d in dataset["dcat:distribution"]} == {
        "https://creativecommons.org/licenses/by/4.0/deed.fr"
    }
    assert len(dataset["dcat:landingPage"]) == 2


def test_empty_export_is_valid(client, site_tree):
    assert json.loads(_body(client.get("/en/resources/export/json/")))["resources"] == []
    assert json.loads(_body(client.get("/en/resources/export/dcat/")))["dcat:dataset"] == []


def test_wagtail_api_exposes_resource_fields(client, pair):
    en, _fr = pair
    response = client.get("/api/v2/pages/", {"type": "resources.ResourcePage", "fields": "*", "locale": "fr"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 1
    item = items[0]
    assert item["title"] == TRICKY_TITLE
    assert item["jurisdiction_code"] == "QC"
    assert item["topic_slugs"] == ["basics", "governance"]
    assert item["licence"] == "cc-by-4.0-quebec"
    assert item["languages"] == ["en", "fr"]
    assert item["date_published"] == en.date_published.isoformat()
