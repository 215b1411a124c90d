"""Open-data serialisations of the inventory: CSV and JSON here; DCAT-AP in resources.dcat and the
Open Government Portal's schema in resources.portal, all over the same records.

One record per resource (its translation key), with both languages inside it: paired columns in
CSV, {"en": …, "fr": …} objects in JSON, language-tagged literals in DCAT. Each is a generator
over `queryset.iterator(chunk_size=...)` (with its M2M prefetched per chunk), so memory use does
not grow with the number of resources."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from literacy.csv_safety import csv_writer
from literacy.links import absolute_url

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


def record(pages):
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
        "url": {code: absolute_url(page.access_url) for code, page in by_language.items()},
        "page_url": {code: absolute_url(page.get_url()) for code, page in by_language.items()},
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


def resources(queryset):
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


def csv_rows(queryset):
    writer = csv_writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for pages in resources(queryset):
        yield writer.writerow(csv_values(record(pages)))


def json_chunks(queryset):
    yield '{"licence": ' + json.dumps({"name": LICENCE_NAME, "url": LICENCE_URL}) + ', "resources": ['
    first = True
    for pages in resources(queryset):
        yield (("" if first else ",") + "\n" + json.dumps(record(pages), cls=DjangoJSONEncoder, ensure_ascii=False))
        first = False
    yield "\n]}\n"
