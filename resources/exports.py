"""Open-data serialisations of the inventory: CSV, JSON and a DCAT-AP JSON-LD catalogue.

Each is a generator over `queryset.iterator(chunk_size=...)` (with its M2M prefetched per chunk),
so memory use does not grow with the number of resources."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder

from . import vocabulary

CHUNK_SIZE = 500
LICENCE_NAME = "Open Government Licence – Canada 2.0"
LICENCE_URL = vocabulary.LICENCE_URLS["ogl-canada-2.0"]
CSV_COLUMNS = [
    "resource_id", "external_id", "language", "title", "summary", "jurisdiction", "topics", "audiences",
    "resource_type", "format", "languages", "licence", "licence_url", "url", "page_url", "publisher",
    "contact_email", "date_published", "date_modified", "review_date",
]
EU_LANGUAGES = {"en": "ENG", "fr": "FRA"}


def export_queryset(queryset):
    return queryset.select_related("jurisdiction", "locale", "document").prefetch_related("topics", "audiences").order_by(
        "jurisdiction__sort_order", "translation_key", "locale__language_code"
    )


def _date(value):
    return value.isoformat() if value else ""


def record(page, *, site_root_paths_request=None):
    """One resource page as a flat dict of open-data values."""
    return {
        "resource_id": str(page.translation_key),
        "external_id": page.external_id,
        "language": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "jurisdiction": page.jurisdiction_code,
        "topics": page.topic_slugs,
        "audiences": page.audience_slugs,
        "resource_type": page.resource_type,
        "format": page.format,
        "languages": list(page.languages),
        "licence": page.licence,
        "licence_url": vocabulary.LICENCE_URLS.get(page.licence, ""),
        "url": page.access_url,
        "page_url": page.get_full_url(site_root_paths_request),
        "publisher": page.publisher,
        "contact_email": page.contact_email,
        "date_published": _date(page.date_published),
        "date_modified": _date(page.date_modified),
        "review_date": _date(page.review_date),
    }


class _Echo:
    def write(self, value):
        return value


def csv_rows(queryset, *, request=None):
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for page in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        row = record(page, site_root_paths_request=request)
        yield writer.writerow([";".join(v) if isinstance(v, list) else v for v in (row[c] for c in CSV_COLUMNS)])


def json_chunks(queryset, *, request=None):
    yield '{"licence": ' + json.dumps({"name": LICENCE_NAME, "url": LICENCE_URL}) + ', "resources": ['
    first = True
    for page in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield ("" if first else ",") + "\n" + json.dumps(record(page, site_root_paths_request=request), cls=DjangoJSONEncoder, ensure_ascii=False)
        first = False
    yield "\n]}\n"


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def dcat_dataset(page, *, request=None):
    row = record(page, site_root_paths_request=request)
    language = row["language"]
    dataset = {
        "@id": row["page_url"] or f"urn:uuid:{row['resource_id']}",
        "@type": "dcat:Dataset",
        "dct:identifier": row["resource_id"],
        "dct:title": {"@value": row["title"], "@language": language},
        "dct:description": {"@value": row["summary"], "@language": language},
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": row["publisher"]},
        "dct:spatial": row["jurisdiction"],
        "dcat:keyword": [{"@value": topic.name_fr if language == "fr" else topic.name_en, "@language": language}
                         for topic in page.topics.all()],
        "dcat:theme": row["topics"],
        "dct:type": row["resource_type"],
        "dct:language": [
            {"@id": f"http://publications.europa.eu/resource/authority/language/{EU_LANGUAGES[code]}"}
            for code in row["languages"] if code in EU_LANGUAGES
        ],
        "dct:license": {"@id": row["licence_url"]} if row["licence_url"] else row["licence"],
        "dct:issued": {"@value": row["date_published"], "@type": "xsd:date"},
        "dcat:landingPage": {"@id": row["page_url"]},
        "dcat:distribution": [{
            "@type": "dcat:Distribution",
            "dcat:accessURL": {"@id": row["url"]},
            "dct:format": row["format"].upper(),
            "dcat:mediaType": vocabulary.FORMAT_MEDIA_TYPES.get(row["format"], ""),
            "dct:license": {"@id": row["licence_url"]} if row["licence_url"] else row["licence"],
        }],
    }
    if row["external_id"]:
        dataset["dct:source"] = row["external_id"]
    if row["date_modified"]:
        dataset["dct:modified"] = {"@value": row["date_modified"], "@type": "xsd:date"}
    if row["contact_email"]:
        dataset["dcat:contactPoint"] = {"@type": "vcard:Kind", "vcard:hasEmail": {"@id": f"mailto:{row['contact_email']}"}}
    return dataset


def dcat_chunks(queryset, *, catalogue_url, title, request=None):
    head = {
        "@context": DCAT_CONTEXT,
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": title,
        "dct:license": {"@id": LICENCE_URL},
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": "Canada Open Government Working Group"},
    }
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield opening + ', "dcat:dataset": ['
    first = True
    for page in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield ("" if first else ",") + "\n" + json.dumps(dcat_dataset(page, request=request), ensure_ascii=False)
        first = False
    yield "\n]}\n"
