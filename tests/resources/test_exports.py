import csv
import io
import json

import pytest

from resources.services import save_resource_page

pytestmark = pytest.mark.django_db

TRICKY_TITLE = "Données ouvertes, «accents» et virgules: l’été, \"guillemets\""
TRICKY_SUMMARY = "Résumé avec une virgule, un point-virgule; et\nun saut de ligne."


@pytest.fixture
def pair(make_resource, site_tree):
    en = make_resource(code="QC", title="Open data, commas and quotes", topics=("basics", "governance"),
                       audiences=("managers", "data-practitioners"), languages=["en", "fr"],
                       licence="cc-by-4.0-quebec", contact_email="contact@example.ca", external_id="qc-1")
    fr = save_resource_page(
        parent=site_tree["jurisdictions"]["QC"]["pages"]["fr"], title=TRICKY_TITLE, translation_of=en,
        topics=list(en.topics.all()), audiences=list(en.audiences.all()), summary=TRICKY_SUMMARY,
        resource_type="guide", languages=["en", "fr"], licence="cc-by-4.0-quebec", link_url="https://example.ca/fr?a=1&b=2",
        publisher="Ministère de la Cybersécurité et du Numérique", date_published=en.date_published, external_id="qc-1",
        contact_email="contact@example.ca",
    )
    make_resource(code="ON", title="Ontario only", topics=("standards",))
    return en, fr


def _body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_round_trips_values_one_row_per_resource_and_language(client, pair):
    en, fr = pair
    response = client.get("/en/resources/export/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(response), newline="")))
    assert len(rows) == 3
    fr_row = next(row for row in rows if row["language"] == "fr")
    assert fr_row["title"] == TRICKY_TITLE
    assert fr_row["summary"] == TRICKY_SUMMARY
    assert fr_row["publisher"] == "Ministère de la Cybersécurité et du Numérique"
    assert fr_row["url"] == "https://example.ca/fr?a=1&b=2"
    assert fr_row["topics"] == "basics;governance"
    assert fr_row["languages"] == "en;fr"
    assert fr_row["jurisdiction"] == "QC"
    en_row = next(row for row in rows if row["language"] == "en" and row["jurisdiction"] == "QC")
    assert en_row["resource_id"] == fr_row["resource_id"] == str(en.translation_key)
    assert en_row["contact_email"] == "contact@example.ca"


def test_exports_honour_facet_filters(client, pair):
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/en/resources/export/csv/?jurisdiction=ON")))))
    assert [row["title"] for row in rows] == ["Ontario only"]
    data = json.loads(_body(client.get("/en/resources/export/json/?topic=governance")))
    assert {r["language"] for r in data["resources"]} == {"en", "fr"}
    assert all(r["jurisdiction"] == "QC" for r in data["resources"])


def test_json_round_trips(client, pair):
    data = json.loads(_body(client.get("/fr/ressources/export/json/")))
    assert data["licence"]["url"] == "https://open.canada.ca/en/open-government-licence-canada"
    fr_record = next(r for r in data["resources"] if r["language"] == "fr")
    assert fr_record["title"] == TRICKY_TITLE
    assert fr_record["summary"] == TRICKY_SUMMARY
    assert fr_record["audiences"] == ["data-practitioners", "managers"] or set(fr_record["audiences"]) == {
        "data-practitioners", "managers"}


def test_dcat_catalogue(client, pair):
    response = client.get("/en/resources/export/dcat/?jurisdiction=QC")
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(_body(response))
    assert data["@type"] == "dcat:Catalog"
    assert data["dct:license"]["@id"] == "https://open.canada.ca/en/open-government-licence-canada"
    datasets = data["dcat:dataset"]
    assert len(datasets) == 2
    fr_dataset = next(d for d in datasets if d["dct:title"]["@language"] == "fr")
    assert fr_dataset["dct:title"]["@value"] == TRICKY_TITLE
    assert fr_dataset["dcat:distribution"][0]["dcat:accessURL"]["@id"] == "https://example.ca/fr?a=1&b=2"
    assert fr_dataset["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/deed.fr"


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
