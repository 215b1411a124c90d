"""Reads shared by the resource views, exports, admin and templates. Every function issues a fixed
number of queries, whatever the number of resources."""

import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from home.page_cache import content_version
from literacy.models import Audience, Jurisdiction, Topic, current_language_is_french
from literacy.search import matching_translation_keys

from . import vocabulary
from .models import LinkCheck, PlannedResource, ResourcePage

FACETS = ("jurisdiction", "topic", "audience", "type", "language", "licence")
SORT_ORDERS = {
    "newest": ("-date_published", "title"),
    "title": ("title",),
    # date_modified is the date the record's content was last checked and updated.
    "reviewed": ("-date_modified", "title"),
    "relevance": None,
}
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
TopicLink = ResourcePage.topics.through
AudienceLink = ResourcePage.audiences.through


@dataclass
class BrowseQuery:
    q: str = ""
    filters: dict = field(default_factory=dict)  # facet -> sorted list of codes
    sort: str = "newest"
    page: int = 1

    def cache_key(self, locale_id):
        raw = json.dumps([locale_id, self.q, self.filters], sort_keys=True)
        return hashlib.sha256(raw.encode()).hexdigest()


def parse_browse_query(params, *, known_codes=None):
    """Read GET parameters into a BrowseQuery, dropping unknown facet values (so a value never
    reaches the page or the database unless it is a known code)."""
    known_codes = known_codes if known_codes is not None else facet_vocabulary()["codes"]
    filters = {}
    for facet in FACETS:
        values = sorted({value for value in params.getlist(facet) if value in known_codes[facet]})
        if values:
            filters[facet] = values
    q = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
    sort = params.get("sort", "")
    if sort not in SORT_ORDERS or (sort == "relevance" and not q):
        sort = "relevance" if q else "newest"
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    return BrowseQuery(q=q, filters=filters, sort=sort, page=page)


def facet_vocabulary():
    """Facet options (jurisdictions, topics, audiences) with both languages; cached briefly."""
    key = "resources:facet-vocabulary"
    data = cache.get(key)
    if data is None:
        data = {
            "jurisdictions": list(Jurisdiction.objects.values("id", "code", "name_en", "name_fr")),
            "topics": list(Topic.objects.values("id", "slug", "name_en", "name_fr")),
            "audiences": list(Audience.objects.values("id", "slug", "name_en", "name_fr")),
        }
        data["codes"] = {
            "jurisdiction": {row["code"] for row in data["jurisdictions"]},
            "topic": {row["slug"] for row in data["topics"]},
            "audience": {row["slug"] for row in data["audiences"]},
            "type": {code for code, _label in vocabulary.RESOURCE_TYPES},
            "language": {code for code, _label in vocabulary.LANGUAGES},
            "licence": {code for code, _label in vocabulary.LICENCE_CHOICES},
        }
        cache.set(key, data, 300)
    return data


def live_resources(*, locale=None):
    queryset = ResourcePage.objects.live()
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def search_resource_pks(queryset, q):
    """Primary keys of the resources of `queryset` matching `q` in either official language
    (Wagtail search over both trees, then the pages of the same resources), best match first."""
    keys = matching_translation_keys(live_resources(), q, operator="and")
    if not keys:
        return []
    rank = {key: position for position, key in enumerate(keys)}
    rows = queryset.filter(translation_key__in=keys).values_list("pk", "translation_key")
    return [pk for pk, key in sorted(rows, key=lambda row: rank[row[1]])]


def apply_filters(queryset, filters, *, exclude=None):
    for facet, values in filters.items():
        if facet == exclude or not values:
            continue
        if facet == "jurisdiction":
            queryset = queryset.filter(jurisdiction__code__in=values)
        elif facet == "topic":
            queryset = queryset.filter(
                pk__in=TopicLink.objects.filter(topic__slug__in=values).values("resourcepage_id")
            )
        elif facet == "audience":
            queryset = queryset.filter(
                pk__in=AudienceLink.objects.filter(audience__slug__in=values).values("resourcepage_id")
            )
        elif facet == "type":
            queryset = queryset.filter(resource_type__in=values)
        elif facet == "language":
            condition = Q()
            for code in values:
                condition |= Q(languages__contains=f",{code},")
            queryset = queryset.filter(condition)
        elif facet == "licence":
            queryset = queryset.filter(licence__in=values)
    return queryset


def filtered_resources(*, locale, query):
    """The resources the browse page and the exports show for `query` (search + facets)."""
    queryset = live_resources(locale=locale)
    if query.q:
        queryset = queryset.filter(pk__in=search_resource_pks(queryset, query.q))
    return apply_filters(queryset, query.filters)


def facet_counts(*, base, filters, jurisdiction_codes=None):
    """For each facet, how many resources each value would give, with every OTHER active facet
    applied (values within a facet combine with OR, facets with AND). One query per facet."""
    counts = {}
    by_id = dict(
        apply_filters(base, filters, exclude="jurisdiction")
        .order_by()
        .values_list("jurisdiction_id")
        .annotate(n=Count("pk"))
    )
    codes = (
        jurisdiction_codes if jurisdiction_codes is not None else dict(Jurisdiction.objects.values_list("id", "code"))
    )
    counts["jurisdiction"] = {codes[pk]: n for pk, n in by_id.items() if pk in codes}
    counts["topic"] = dict(
        TopicLink.objects.filter(resourcepage_id__in=apply_filters(base, filters, exclude="topic").values("pk"))
        .order_by()
        .values_list("topic__slug")
        .annotate(n=Count("resourcepage_id"))
    )
    counts["audience"] = dict(
        AudienceLink.objects.filter(resourcepage_id__in=apply_filters(base, filters, exclude="audience").values("pk"))
        .order_by()
        .values_list("audience__slug")
        .annotate(n=Count("resourcepage_id"))
    )
    counts["type"] = dict(
        apply_filters(base, filters, exclude="type").order_by().values_list("resource_type").annotate(n=Count("pk"))
    )
    counts["licence"] = dict(
        apply_filters(base, filters, exclude="licence").order_by().values_list("licence").annotate(n=Count("pk"))
    )
    counts["language"] = apply_filters(base, filters, exclude="language").aggregate(
        **{code: Count("pk", filter=Q(languages__contains=f",{code},")) for code, _label in vocabulary.LANGUAGES}
    )
    return counts


def cached_facet_counts(*, base, locale, query):
    timeout = getattr(settings, "RESOURCES_FACET_CACHE_SECONDS", 300)
    codes = {row["id"]: row["code"] for row in facet_vocabulary()["jurisdictions"]}
    if not timeout:
        return facet_counts(base=base, filters=query.filters, jurisdiction_codes=codes)
    key = (
        "resources:facets:"
        + str(content_version())
        + ":"
        + hashlib.sha256(query.cache_key(locale.pk).encode()).hexdigest()
    )
    counts = cache.get(key)
    if counts is None:
        counts = facet_counts(base=base, filters=query.filters, jurisdiction_codes=codes)
        cache.set(key, counts, timeout)
    return counts


def _name(row):
    return row["name_fr"] if current_language_is_french() else row["name_en"]


def facet_groups(*, counts, query, vocab):
    """Facet options ready for the template: label, value, count, checked."""

    def options(facet, pairs):
        chosen = set(query.filters.get(facet, []))
        return [
            {"value": value, "label": label, "count": counts[facet].get(value, 0), "checked": value in chosen}
            for value, label in pairs
        ]

    from django.utils.translation import gettext as _

    return [
        {
            "name": "jurisdiction",
            "legend": _("Jurisdiction"),
            "options": options("jurisdiction", [(r["code"], _name(r)) for r in vocab["jurisdictions"]]),
        },
        {
            "name": "topic",
            "legend": _("Topic"),
            "options": options("topic", [(r["slug"], _name(r)) for r in vocab["topics"]]),
        },
        {
            "name": "audience",
            "legend": _("Audience"),
            "options": options("audience", [(r["slug"], _name(r)) for r in vocab["audiences"]]),
        },
        {"name": "type", "legend": _("Resource type"), "options": options("type", vocabulary.RESOURCE_TYPES)},
        {"name": "language", "legend": _("Language"), "options": options("language", vocabulary.LANGUAGES)},
        {"name": "licence", "legend": _("Licence"), "options": options("licence", vocabulary.LICENCE_CHOICES)},
    ]


def listing_queryset(queryset):
    return queryset.select_related("jurisdiction", "document").prefetch_related("topics", "audiences")


def browse_page(*, locale, query):
    """Everything the browse page shows: facet groups with counts, one page of results, the total."""
    from django.core.paginator import Paginator

    vocab = facet_vocabulary()
    base = live_resources(locale=locale)
    pks = search_resource_pks(base, query.q) if query.q else None
    if pks is not None:
        base = base.filter(pk__in=pks)
    counts = cached_facet_counts(base=base, locale=locale, query=query)
    results = apply_filters(base, query.filters)
    if query.sort == "relevance" and pks is not None:
        matching = set(results.values_list("pk", flat=True))
        ordered = [pk for pk in pks if pk in matching]
        paginator = Paginator(ordered, PAGE_SIZE)
        page = paginator.get_page(query.page)
        objects = listing_queryset(ResourcePage.objects.filter(pk__in=list(page.object_list)))
        by_pk = {obj.pk: obj for obj in objects}
        page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    else:
        paginator = Paginator(listing_queryset(results.order_by(*SORT_ORDERS[query.sort], "pk")), PAGE_SIZE)
        page = paginator.get_page(query.page)
    return {
        "facet_groups": facet_groups(counts=counts, query=query, vocab=vocab),
        "page_obj": page,
        "paginator": paginator,
        "total": paginator.count,
    }


RELATED_CANDIDATES = 200


def related_resources(*, page, limit=4, candidates=RELATED_CANDIDATES):
    """The resources sharing most topics with `page`, newest first among equals. Ranked among the
    newest `candidates` that share a topic, so the work stays the same however large the
    inventory grows."""
    topic_ids = [topic.pk for topic in page.topics.all()]
    if not topic_ids:
        return []
    sharing = ResourcePage.topics.through.objects.filter(topic_id__in=topic_ids).values("resourcepage_id")
    newest = (
        live_resources()
        .filter(locale_id=page.locale_id, pk__in=sharing)
        .exclude(pk=page.pk)
        .order_by("-date_published", "-pk")
        .values("pk")[:candidates]
    )
    return list(
        ResourcePage.objects.filter(pk__in=list(newest.values_list("pk", flat=True)))
        .annotate(shared=Count("topics", filter=Q(topics__in=topic_ids), distinct=True))
        .order_by("-shared", "-date_published", "title")
        .select_related("jurisdiction")[:limit]
    )


def resource_json_ld(*, page, request=None):
    """schema.org LearningResource for the detail page's head."""
    type_labels = dict(vocabulary.RESOURCE_TYPES)
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": [code for code in page.languages if code != "other"],
        "learningResourceType": str(type_labels.get(page.resource_type, page.resource_type)),
        "about": [{"@type": "DefinedTerm", "name": topic.name, "termCode": topic.slug} for topic in page.topics.all()],
        "audience": [{"@type": "Audience", "audienceType": audience.name} for audience in page.audiences.all()],
        "license": vocabulary.LICENCE_URLS.get(page.licence, ""),
        "publisher": {"@type": "Organization", "name": page.publisher},
        "datePublished": page.date_published.isoformat() if page.date_published else None,
        "encodingFormat": vocabulary.FORMAT_MEDIA_TYPES.get(page.format, page.format),
        "sameAs": page.access_url or None,
    }
    if page.date_modified:
        data["dateModified"] = page.date_modified.isoformat()
    if page.jurisdiction_id:
        data["sourceOrganization"] = {"@type": "GovernmentOrganization", "name": page.jurisdiction.name}
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# Coverage (gap analysis)


def coverage_matrix(*, jurisdictions=None):
    """Rows of jurisdictions × topics: each cell counts the live resources (a resource in both
    languages counts once) and lists the planned resources; a cell with none is a gap."""
    jurisdictions = list(jurisdictions if jurisdictions is not None else Jurisdiction.objects.all())
    topics = list(Topic.objects.all())
    counts = {
        (row["resourcepage__jurisdiction_id"], row["topic_id"]): row["n"]
        for row in TopicLink.objects.filter(resourcepage__live=True)
        .order_by()
        .values("resourcepage__jurisdiction_id", "topic_id")
        .annotate(n=Count("resourcepage__translation_key", distinct=True))
    }
    planned = {}
    for item in PlannedResource.objects.filter(jurisdiction__in=[j.pk for j in jurisdictions]):
        planned.setdefault((item.jurisdiction_id, item.topic_id), []).append(item)
    rows = []
    for jurisdiction in jurisdictions:
        cells = []
        for topic in topics:
            count = counts.get((jurisdiction.pk, topic.pk), 0)
            cells.append(
                {
                    "topic": topic,
                    "count": count,
                    "gap": count == 0,
                    "planned": planned.get((jurisdiction.pk, topic.pk), []),
                }
            )
        rows.append({"jurisdiction": jurisdiction, "cells": cells, "gaps": sum(1 for c in cells if c["gap"])})
    return {"topics": topics, "rows": rows}


def gaps_for(*, jurisdictions):
    """(jurisdiction, topic, planned resources) for every gap of these jurisdictions."""
    matrix = coverage_matrix(jurisdictions=jurisdictions)
    return [
        (row["jurisdiction"], cell["topic"], cell["planned"])
        for row in matrix["rows"]
        for cell in row["cells"]
        if cell["gap"]
    ]


# Freshness


def resources_needing_review(*, jurisdictions, today=None):
    today = today or timezone.localdate()
    return (
        ResourcePage.objects.filter(review_date__lt=today, jurisdiction__in=jurisdictions)
        .select_related("jurisdiction", "locale")
        .order_by("review_date", "title")
    )


def broken_links(*, jurisdictions):
    """The resource pages of these jurisdictions whose link failed its last check (an HTTP error
    or no answer), each with that check as `link_check`; two queries."""
    failing = {
        check.url: check
        for check in LinkCheck.objects.filter(
            url__in=ResourcePage.objects.filter(jurisdiction__in=jurisdictions).exclude(link_url="").values("link_url")
        ).filter(Q(status_code__gte=400) | Q(status_code__isnull=True))
    }
    pages = list(
        ResourcePage.objects.filter(jurisdiction__in=jurisdictions, link_url__in=list(failing))
        .select_related("jurisdiction", "locale")
        .order_by("jurisdiction__sort_order", "title")
    )
    for page in pages:
        page.link_check = failing[page.link_url]
    return pages


def my_learning_section(request):
    """This app's part of "My learning": a dict with `template` and `context`, or None when it has nothing."""
    return None


def sort_choices(query):
    """The sort menu. Without a query its first choice is the default order (sent as ""), so that
    typing a query and submitting the form untouched sorts by best match, not by date."""
    choices = list(vocabulary.SORTS)
    if query.q:
        from django.utils.translation import gettext_lazy

        choices.insert(0, ("relevance", gettext_lazy("Best match")))
    elif query.sort == "newest":
        choices = [("", label) if code == "newest" else (code, label) for code, label in choices]
    return choices
