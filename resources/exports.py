"""Open-data serialisations of the inventory: CSV, JSON and a DCAT-AP JSON-LD catalogue.

One record per resource (its translation key), with both languages inside it: paired columns in
CSV, {"en": …, "fr": …} objects in JSON, language-tagged literals in DCAT. Each is a generator
over `queryset.iterator(chunk_size=...)` (with its M2M prefetched per chunk), so memory use does
not grow with the number of resources."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from literacy.csv_safety import csv_writer

from . import vocabulary

CHUNK_SIZE = 500
LICENCE_NAME = "Open Government Licence – Canada 2.0"
LICENCE_URL = vocabulary.LICENCE_URLS["ogl-canada-2.0"]
LANGUAGES = ("en", "fr")
# Prose differs by language and comes in pairs; everything else is one value per resource.
TRANSLATED = ("title", "summary", "publisher", "url", "page_url")
CSV_COLUMNS = [
    "resource_id",
    "external_id",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "jurisdiction",
    "topics",
    "audiences",
    "resource_type",
    "format",
    "languages",
    "licence",
    "licence_url",
    "url_en",
    "url_fr",
    "page_url_en",
    "page_url_fr",
    "publisher_en",
    "publisher_fr",
    "contact_email",
    "date_published",
    "date_modified",
    "review_date",
]
EU_LANGUAGES = {"en": "ENG", "fr": "FRA"}


def export_queryset(queryset):
    """Every live page (in both languages) of the resources that `queryset` matches in either
    language, ordered so that the pages of one resource are adjacent."""
    from .models import ResourcePage

    keys = queryset.order_by().values("translation_key")
    return (
        ResourcePage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("jurisdiction", "locale", "document")
        .prefetch_related("topics", "audiences")
        .order_by("jurisdiction__sort_order", "translation_key", "locale__language_code")
    )


def _date(value):
    return value.isoformat() if value else ""


def _primary(pages):
    """The page whose shared facts stand for the resource (they are the same on both pages)."""
    return next((page for page in pages if page.locale.language_code == "en"), pages[0])


def record(pages, *, request=None):
    """One resource (its English and French pages) as a dict of open-data values: shared facts
    once, prose as {"en": …, "fr": …} (a language the resource has no page in is absent)."""
    by_language = {page.locale.language_code: page for page in pages}
    first = _primary(pages)
    return {
        "resource_id": str(first.translation_key),
        "external_id": first.external_id,
        "title": {code: page.title for code, page in by_language.items()},
        "summary": {code: page.summary for code, page in by_language.items()},
        "publisher": {code: page.publisher for code, page in by_language.items()},
        "url": {code: page.access_url for code, page in by_language.items()},
        "page_url": {code: page.get_full_url(request) for code, page in by_language.items()},
        "jurisdiction": first.jurisdiction_code,
        "topics": first.topic_slugs,
        "audiences": first.audience_slugs,
        "resource_type": first.resource_type,
        "format": first.format,
        "languages": list(first.languages),
        "licence": first.licence,
        "licence_url": vocabulary.LICENCE_URLS.get(first.licence, ""),
        "contact_email": first.contact_email,
        "date_published": _date(first.date_published),
        "date_modified": _date(first.date_modified),
        "review_date": _date(first.review_date),
    }


def resources(queryset, *, request=None):
    """One record per resource, streaming: pages are read in chunks and grouped by translation key."""
    group, key = [], None
    for page in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        if group and page.translation_key != key:
            yield group
            group = []
        key = page.translation_key
        group.append(page)
    if group:
        yield group


class _Echo:
    def write(self, value):
        return value


def csv_values(row):
    flat = {}
    for name, value in row.items():
        if name in TRANSLATED:
            for code in LANGUAGES:
                flat[f"{name}_{code}"] = value.get(code, "")
        else:
            flat[name] = ";".join(value) if isinstance(value, list) else value
    return [flat[column] for column in CSV_COLUMNS]


def csv_rows(queryset, *, request=None):
    writer = csv_writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for pages in resources(queryset, request=request):
        yield writer.writerow(csv_values(record(pages, request=request)))


def json_chunks(queryset, *, request=None):
    yield '{"licence": ' + json.dumps({"name": LICENCE_NAME, "url": LICENCE_URL}) + ', "resources": ['
    first = True
    for pages in resources(queryset, request=request):
        yield (
            ("" if first else ",")
            + "\n"
            + json.dumps(record(pages, request=request), cls=DjangoJSONEncoder, ensure_ascii=False)
        )
        first = False
    yield "\n]}\n"


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _tagged(values):
    return [{"@value": text, "@language": code} for code, text in values.items() if text]


def dcat_dataset(pages, *, request=None):
    row = record(pages, request=request)
    first = _primary(pages)
    licence = {"@id": row["licence_url"]} if row["licence_url"] else row["licence"]
    dataset = {
        "@id": f"urn:uuid:{row['resource_id']}",
        "@type": "dcat:Dataset",
        "dct:identifier": row["resource_id"],
        "dct:title": _tagged(row["title"]),
        "dct:description": _tagged(row["summary"]),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": _tagged(row["publisher"])},
        "dct:spatial": row["jurisdiction"],
        "dcat:keyword": [
            {"@value": name, "@language": code}
            for topic in first.topics.all()
            for code, name in (("en", topic.name_en), ("fr", topic.name_fr))
            if name
        ],
        "dcat:theme": row["topics"],
        "dct:type": row["resource_type"],
        "dct:language": [
            {"@id": f"http://publications.europa.eu/resource/authority/language/{EU_LANGUAGES[code]}"}
            for code in row["languages"]
            if code in EU_LANGUAGES
        ],
        "dct:license": licence,
        "dct:issued": {"@value": row["date_published"], "@type": "xsd:date"},
        "dcat:landingPage": [{"@id": url} for url in row["page_url"].values() if url],
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dcat:accessURL": {"@id": url},
                "dct:language": {
                    "@id": f"http://publications.europa.eu/resource/authority/language/{EU_LANGUAGES[code]}"
                },
                "dct:format": row["format"].upper(),
                "dcat:mediaType": vocabulary.FORMAT_MEDIA_TYPES.get(row["format"], ""),
                "dct:license": licence,
            }
            for code, url in row["url"].items()
            if url
        ],
    }
    if row["external_id"]:
        dataset["dct:source"] = row["external_id"]
    if row["date_modified"]:
        dataset["dct:modified"] = {"@value": row["date_modified"], "@type": "xsd:date"}
    if row["contact_email"]:
        dataset["dcat:contactPoint"] = {
            "@type": "vcard:Kind",
            "vcard:hasEmail": {"@id": f"mailto:{row['contact_email']}"},
        }
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
    for pages in resources(queryset, request=request):
        yield ("" if first else ",") + "\n" + json.dumps(dcat_dataset(pages, request=request), ensure_ascii=False)
        first = False
    yield "\n]}\n"
