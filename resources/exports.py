"""Open-data serialisations of the inventory: CSV and JSON here; DCAT-AP in resources.dcat and the
Open Government Portal's schema in resources.portal, all over the same records.

One record per resource (its translation key), with both languages inside it: paired columns in
CSV, {"en": …, "fr": …} objects in JSON, language-tagged literals in DCAT. Each is a generator
over `queryset.iterator(chunk_size=...)` (with its M2M prefetched per chunk), so memory use does
not grow with the number of resources."""

import io
import json

from django.core.serializers.json import DjangoJSONEncoder

from literacy.csv_safety import csv_writer
from literacy.links import absolute_url

from . import vocabulary

# Rows fetched per round trip; the topic and audience links of the whole export are read once
# (two queries), so an export makes the same number of queries whatever its size.
CHUNK_SIZE = 2000
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


# The columns one page contributes, read with values(): no model instances, no per-row URL routing.
PAGE_COLUMNS = (
    "pk",
    "translation_key",
    "locale__language_code",
    "title",
    "summary",
    "publisher",
    "link_url",
    "document_id",
    "document__file",
    "url_path",
    "jurisdiction__code",
    "jurisdiction__kind",
    "resource_type",
    "format",
    "languages",
    "licence",
    "contact_email",
    "date_published",
    "date_modified",
    "review_date",
    "external_id",
)
# Only the CKAN API shows when a record was first and last published.
PUBLICATION_COLUMNS = ("first_published_at", "last_published_at")


def export_queryset(queryset, *, columns=PAGE_COLUMNS):
    """Every live page (in both languages) of the resources that `queryset` matches in either
    language, as value rows ordered so that the pages of one resource are adjacent."""
    from .models import ResourcePage

    keys = queryset.order_by().values("translation_key")
    return (
        ResourcePage.objects.live()
        .filter(translation_key__in=keys)
        .order_by("jurisdiction__sort_order", "translation_key", "locale__language_code")
        .values(*columns)
    )


def _date(value):
    return value.isoformat() if value else ""


def _primary(rows):
    """The page whose shared facts stand for the resource (they are the same on both pages)."""
    return next((row for row in rows if row["locale__language_code"] == "en"), rows[0])


class PageAddresses:
    """Public addresses of pages from their stored url_path, as Wagtail routes them (the language
    prefix, then the path below that language's site root), without routing each page."""

    def __init__(self):
        from wagtail.models import Site

        self.base = absolute_url("/").rstrip("/")
        self.roots = sorted(
            ((root_path, language) for _site, root_path, _url, language in Site.get_site_root_paths()),
            key=lambda pair: -len(pair[0]),
        )

    def page_url(self, url_path, language):
        for root_path, root_language in self.roots:
            if root_language == language and url_path.startswith(root_path):
                return absolute_url(f"/{language}/{url_path[len(root_path) :]}")
        return ""

    @staticmethod
    def document_url(document_id, file_name):
        from django.urls import reverse

        return absolute_url(reverse("wagtaildocs_serve", args=(document_id, file_name.rsplit("/", 1)[-1])))


class Names:
    """Labels the serialisations add to the codes in records, read once per export."""

    def __init__(self):
        from literacy.models import Jurisdiction, Topic

        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.jurisdictions = {j.code: j for j in Jurisdiction.objects.all()}

    def keywords(self, slugs):
        topics = [self.topics[slug] for slug in slugs if slug in self.topics]
        return {
            "en": [topic.name_en for topic in topics if topic.name_en],
            "fr": [topic.name_fr for topic in topics if topic.name_fr],
        }


def _links(pages):
    """Topic and audience slugs of the pages of a queryset: two queries for the whole export
    (a subquery, not a list of ids, so that the cost stays in the database)."""
    from .models import ResourcePage

    topics, audiences = {}, {}
    page_ids = pages.order_by().values("pk")
    for page_id, slug in (
        ResourcePage.topics.through.objects.filter(resourcepage_id__in=page_ids)
        .order_by("topic__sort_order", "topic__slug")
        .values_list("resourcepage_id", "topic__slug")
    ):
        topics.setdefault(page_id, []).append(slug)
    for page_id, slug in (
        ResourcePage.audiences.through.objects.filter(resourcepage_id__in=page_ids)
        .order_by("audience__sort_order", "audience__slug")
        .values_list("resourcepage_id", "audience__slug")
    ):
        audiences.setdefault(page_id, []).append(slug)
    return topics, audiences


def record(rows):
    """One resource (the value rows of its English and French pages, as `resources` yields them)
    as a dict of open-data values: shared facts once, prose as {"en": …, "fr": …} (a language the
    resource has no page in is absent)."""
    by_language = {row["locale__language_code"]: row for row in rows}
    first = _primary(rows)
    return {
        "resource_id": str(first["translation_key"]),
        "external_id": first["external_id"],
        "title": {code: row["title"] for code, row in by_language.items()},
        "summary": {code: row["summary"] for code, row in by_language.items()},
        "publisher": {code: row["publisher"] for code, row in by_language.items()},
        "url": {code: row["access_url"] for code, row in by_language.items()},
        "page_url": {code: row["page_url"] for code, row in by_language.items()},
        "jurisdiction": first["jurisdiction__code"] or "",
        "topics": first["topics"],
        "audiences": first["audiences"],
        "resource_type": first["resource_type"],
        "format": first["format"],
        "languages": list(first["languages"]),
        "licence": first["licence"],
        "licence_url": vocabulary.LICENCE_URLS.get(first["licence"], ""),
        "contact_email": first["contact_email"],
        "date_published": _date(first["date_published"]),
        "date_modified": _date(first["date_modified"]),
        "review_date": _date(first["review_date"]),
    }


def resources(queryset, *, with_publication_dates=False):
    """The pages of each resource as value rows (with topics, audiences and both addresses added),
    streaming: rows are read in chunks and grouped by translation key."""
    addresses = PageAddresses()
    columns = PAGE_COLUMNS + (PUBLICATION_COLUMNS if with_publication_dates else ())
    rows = export_queryset(queryset, columns=columns)
    topics, audiences = _links(rows)
    group, key = [], None
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        row["topics"] = topics.get(row["pk"], [])
        row["audiences"] = audiences.get(row["pk"], [])
        row["page_url"] = addresses.page_url(row["url_path"], row["locale__language_code"])
        if row["link_url"]:
            link = row["link_url"]
            row["access_url"] = link if "://" in link else addresses.base + link
        elif row["document_id"]:
            row["access_url"] = addresses.document_url(row["document_id"], row["document__file"])
        else:
            row["access_url"] = ""
        if group and row["translation_key"] != key:
            yield group
            group = []
        key = row["translation_key"]
        group.append(row)
    if group:
        yield group


def csv_values(row):
    flat = {}
    for name, value in row.items():
        if name in TRANSLATED:
            for code in LANGUAGES:
                flat[f"{name}_{code}"] = value.get(code, "")
        else:
            flat[name] = ";".join(value) if isinstance(value, list) else value
    return [flat[column] for column in CSV_COLUMNS]


# Rows written per streamed piece: one piece per row made the response's per-chunk work cost more
# than the rows themselves.
ROWS_PER_PIECE = 500


def csv_rows(queryset):
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for n, pages in enumerate(resources(queryset), 1):
        writer.writerow(csv_values(record(pages)))
        if n % ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(queryset):
    yield '{"licence": ' + json.dumps({"name": LICENCE_NAME, "url": LICENCE_URL}) + ', "resources": ['
    first = True
    for pages in resources(queryset):
        yield (("" if first else ",") + "\n" + json.dumps(record(pages), cls=DjangoJSONEncoder, ensure_ascii=False))
        first = False
    yield "\n]}\n"
