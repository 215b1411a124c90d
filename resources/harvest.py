"""Harvest: pull a jurisdiction's learning resources from a CKAN portal into the inventory.

Datasets come through the portal's Action API (with ckanapi, CKAN's own client), in the Open
Government Portal's schema or plain CKAN; each is mapped to an import row by the tables in
resources.portal and saved through the import service as drafts for that jurisdiction's
moderators. A run is atomic, keyed by the source's identifier (a second run updates, never
duplicates, and leaves unchanged records alone), and names every record it refused and why."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from literacy.models import Audience, Jurisdiction, Topic

from . import portal
from .models import ResourcePage
from .services import ResourceError, import_resources, validate_import_records

logger = logging.getLogger(__name__)
PAGE_SIZE = 100
MAX_PACKAGES = 10_000


class HarvestError(Exception):
    pass


@dataclass
class HarvestReport:
    seen: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    rejected: list = field(default_factory=list)  # (source id, reason)


def _translated(package, name, plain):
    values = package.get(name) or {}
    if isinstance(values, str):
        values = {"en": values}
    values = {code: (values.get(code) or "").strip() for code in ("en", "fr")}
    if not any(values.values()) and package.get(plain):
        values["en"] = package[plain].strip()
    return values


class PackageMapper:
    """Maps CKAN packages to import rows; vocabulary rows are read once per run."""

    def __init__(self, *, default_topic=None):
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.topic_names = {}
        for topic in self.topics.values():
            for name in (topic.slug, topic.name_en, topic.name_fr):
                if name:
                    self.topic_names[name.casefold()] = topic.slug
        self.audiences = set(Audience.objects.values_list("slug", flat=True))
        if default_topic and default_topic not in self.topics:
            raise HarvestError(_("Unknown topic “%(topic)s”.") % {"topic": default_topic})
        self.default_topic = default_topic

    def source_id(self, package):
        return package.get("ogl_external_id") or package.get("id") or package.get("name") or ""

    def topics_of(self, package):
        own = [slug for slug in package.get("ogl_topics") or [] if slug in self.topics]
        if own:
            return own
        keywords = package.get("keywords") or {}
        words = [tag.get("name", "") for tag in package.get("tags") or []]
        if isinstance(keywords, dict):
            words += [word for values in keywords.values() for word in values or []]
        slugs = []
        for word in words:
            slug = self.topic_names.get(str(word).casefold())
            if slug and slug not in slugs:
                slugs.append(slug)
        return slugs or ([self.default_topic] if self.default_topic else [])

    def row(self, package):
        """An import row for `package`, or a ValueError saying why it cannot be one."""
        titles = _translated(package, "title_translated", "title")
        summaries = _translated(package, "notes_translated", "notes")
        for code in ("en", "fr"):
            if titles[code] and not summaries[code]:
                summaries[code] = titles[code]
        if not any(titles.values()):
            raise ValueError(_("it has no title"))
        resources = [r for r in package.get("resources") or [] if r.get("url")]
        if not resources:
            raise ValueError(_("it has no resource with an address"))
        topics = self.topics_of(package)
        if not topics:
            raise ValueError(_("none of its keywords names a topic of the inventory (give --topic)"))
        resource_type = package.get("ogl_resource_type")
        if not resource_type:
            theirs = resources[0].get("resource_type") or ""
            resource_type = portal.HARVESTED_RESOURCE_TYPES.get(theirs)
            if resource_type is None:
                raise ValueError(_("its resource type “%(type)s” is not learning material") % {"type": theirs})
        licence = package.get("ogl_licence") or portal.HARVESTED_LICENCES.get(package.get("license_id") or "")
        if not licence:
            raise ValueError(
                _("its licence “%(licence)s” is not one the inventory knows") % {"licence": package.get("license_id")}
            )
        fmt = portal.HARVESTED_FORMATS.get((resources[0].get("format") or "").strip(), "other")
        languages = package.get("ogl_languages") or sorted(
            {code for r in resources for code in (r.get("language") or []) if code in portal.LANGUAGE_CODES}
        )
        by_language = {}
        for resource in resources:
            for code in resource.get("language") or []:
                by_language.setdefault(code, resource["url"])
        url_en = by_language.get("en") or resources[0]["url"]
        url_fr = by_language.get("fr") or url_en
        publishers = _translated(package, "org_title_at_publication", "author")
        organisation = package.get("organization") or {}
        fallback = organisation.get("title") or ""
        row = {
            "external_id": self.source_id(package),
            "title_en": titles["en"],
            "title_fr": titles["fr"],
            "summary_en": summaries["en"] if titles["en"] else "",
            "summary_fr": summaries["fr"] if titles["fr"] else "",
            "topics": ";".join(topics),
            "audiences": ";".join(slug for slug in package.get("ogl_audiences") or [] if slug in self.audiences),
            "resource_type": resource_type,
            "format": fmt,
            "languages": ";".join(languages or ["other"]),
            "licence": licence,
            "url": url_en,
            "url_fr": url_fr if url_fr != url_en else "",
            "publisher": publishers["en"] or publishers["fr"] or fallback,
            "publisher_fr": publishers["fr"] if publishers["fr"] != (publishers["en"] or fallback) else "",
            "contact_email": package.get("maintainer_email") or "",
            "date_published": (package.get("date_published") or package.get("metadata_created") or "")[:10],
            "date_modified": (package.get("date_modified") or "")[:10],
            "review_date": (package.get("ogl_review_date") or "")[:10],
        }
        return row


def fetch_packages(*, url, fq="", client=None):
    """Every package of the portal's package_search matching `fq`, page by page."""
    from ckanapi import RemoteCKAN

    ckan = client or RemoteCKAN(url, user_agent="ogl-harvest/1.0 (+https://example.org/ogl)")
    start = 0
    while start < MAX_PACKAGES:
        result = ckan.action.package_search(fq=fq, rows=PAGE_SIZE, start=start, sort="metadata_created asc")
        batch = result.get("results") or []
        yield from batch
        start += len(batch)
        if not batch or start >= result.get("count", 0):
            return


def _current_row(pages):
    """The import row the resource's draft (latest revision) pages would export, to tell unchanged ones."""
    latest = {}
    for page in pages:
        latest[page.locale.language_code] = page.get_latest_revision_as_object()
    en, fr = latest.get("en"), latest.get("fr")
    first = en or fr
    return {
        "title_en": en.title if en else "",
        "title_fr": fr.title if fr else "",
        "summary_en": en.summary if en else "",
        "summary_fr": fr.summary if fr else "",
        "topics": ";".join(t.slug for t in first.topics.all()),
        "audiences": ";".join(a.slug for a in first.audiences.all()),
        "resource_type": first.resource_type,
        "format": first.format,
        "languages": ";".join(first.languages),
        "licence": first.licence,
        "url": first.link_url if en else "",
        "url_fr": fr.link_url if fr and en and fr.link_url != en.link_url else "",
        "publisher": first.publisher,
        "contact_email": first.contact_email,
        "date_published": first.date_published.isoformat() if first.date_published else "",
        "date_modified": first.date_modified.isoformat() if first.date_modified else "",
        "review_date": first.review_date.isoformat() if first.review_date else "",
    }


def _comparable(row):
    out = {key: value for key, value in row.items() if key not in ("external_id", "publisher_fr")}
    for key in ("topics", "audiences", "languages"):
        out[key] = sorted(part for part in str(row[key]).split(";") if part)
    if not row["title_en"]:
        out["url"] = ""
    return out


def _records(rows):
    """Rows as the import service's (line, record) pairs; "lines" count from 2 as in a file."""
    return [(n + 2, row) for n, row in enumerate(rows)]


def harvest_ckan(*, url, jurisdiction_code, fq="", dry_run=False, user=None, default_topic=None, client=None):
    """Harvest the packages of the CKAN portal at `url` matching `fq` into `jurisdiction_code`'s
    drafts. Returns a HarvestReport; raises HarvestError when the portal cannot be read."""
    from ckanapi.errors import CKANAPIError

    jurisdiction = Jurisdiction.objects.filter(code=(jurisdiction_code or "").upper()).first()
    if jurisdiction is None:
        raise HarvestError(_("Unknown jurisdiction “%(code)s”.") % {"code": jurisdiction_code})
    mapper = PackageMapper(default_topic=default_topic)
    report = HarvestReport(dry_run=dry_run)
    rows, seen = [], set()
    try:
        for package in fetch_packages(url=url, fq=fq, client=client):
            report.seen += 1
            source = mapper.source_id(package)
            if source in seen:
                report.rejected.append((source, _("it appears twice in the portal's answer")))
                continue
            seen.add(source)
            try:
                rows.append(mapper.row(package))
            except ValueError as reason:
                report.rejected.append((source, str(reason)))
    except (CKANAPIError, OSError) as exc:
        raise HarvestError(
            _("The portal at %(url)s could not be read: %(error)s") % {"url": url, "error": exc}
        ) from exc

    # Rows the import would refuse are reported by source id and left out; the rest go in at once.
    if rows:
        try:
            validate_import_records(_records(rows))
        except ResourceError as exc:
            bad_lines = {line for line, _problem in exc.errors}
            for line, problem in exc.errors:
                report.rejected.append((rows[line - 2]["external_id"], problem))
            rows = [row for n, row in enumerate(rows) if n + 2 not in bad_lines]

    existing = {}
    for page in ResourcePage.objects.filter(
        jurisdiction=jurisdiction, external_id__in=[row["external_id"] for row in rows]
    ).select_related("locale"):
        existing.setdefault(page.external_id, []).append(page)
    changed = []
    for row in rows:
        pages = existing.get(row["external_id"])
        if pages and _comparable(_current_row(pages)) == _comparable(row):
            report.unchanged += 1
        else:
            changed.append(row)
    if changed:
        import_resources(
            records=_records(changed), jurisdiction_code=jurisdiction.code, user=user, dry_run=dry_run, publish=False
        )
        report.created = sum(row["external_id"] not in existing for row in changed)
        report.updated = len(changed) - report.created
    logger.info(
        "harvest",
        extra={
            "harvest_source": url,
            "harvest_jurisdiction": jurisdiction.code,
            "harvest_counts": {
                "seen": report.seen,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "rejected": len(report.rejected),
            },
            "harvest_dry_run": dry_run,
        },
    )
    return report


def harvest_configured_portals():
    """Harvest every portal named in OGL_HARVEST_SOURCES; one failing portal does not stop the others.
    Safe to run twice: a harvest is idempotent by the source's identifiers."""
    results = {}
    for source in getattr(settings, "OGL_HARVEST_SOURCES", []):
        key = f"{source['jurisdiction']} {source['url']}"
        try:
            report = harvest_ckan(
                url=source["url"],
                jurisdiction_code=source["jurisdiction"],
                fq=source.get("fq", ""),
                default_topic=source.get("topic"),
            )
        except HarvestError as exc:
            logger.warning("harvest failed", extra={"harvest_source": source["url"], "harvest_error": str(exc)})
            results[key] = {"error": str(exc)}
            continue
        results[key] = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
        }
    return results
