"""Writes: creating resource pages (used by the importer and the demo), the CSV import, and the
link check. One domain error class for the app: ResourceError."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Revision

from home.page_cache import content_changed
from literacy.models import Audience, Jurisdiction, JurisdictionPage, Topic
from literacy.search_index import indexed_synchronously
from literacy.validators import validate_single_line

from . import vocabulary
from .models import LinkCheck, ResourcePage


class ResourceError(Exception):
    """A resource workflow refused its input. `errors` lists (line number or None, reason)."""

    def __init__(self, message, *, errors=None):
        super().__init__(message)
        self.errors = list(errors or [])


RESOURCE_FIELDS = (
    "summary",
    "resource_type",
    "format",
    "languages",
    "licence",
    "link_url",
    "publisher",
    "contact_email",
    "date_published",
    "date_modified",
    "review_date",
    "external_id",
)


def _unique_slug(parent, base):
    base = (slugify(base) or "resource")[:70]
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def save_resource_page(
    *,
    parent,
    title,
    topics,
    audiences=(),
    page=None,
    translation_of=None,
    publish=True,
    user=None,
    bulk=False,
    **values,
):
    """Create (or update, when `page` is given) one resource page under the jurisdiction page
    `parent`, then save a revision and publish it if asked. Returns the page.

    `bulk=True` (demo loads; new pages only) saves the page once, live, and records its first
    revision as the live one directly, skipping the publish action's second save, log entry and
    signals: about three times faster."""
    unknown = set(values) - set(RESOURCE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown resource fields: {sorted(unknown)}")
    if page is None:
        page = ResourcePage(
            title=title, slug=_unique_slug(parent, title), locale_id=parent.locale_id, live=publish, **values
        )
        if translation_of is not None:
            page.translation_key = translation_of.translation_key
        page.topics = list(topics)
        page.audiences = list(audiences)
        if bulk and publish:
            now = timezone.now()
            page.first_published_at = page.last_published_at = now
            page.has_unpublished_changes = False
            parent.add_child(instance=page)
            revision = Revision.objects.create(
                content_object=page,
                base_content_type=page.get_base_content_type(),
                object_str=str(page)[:255],
                content=page.serializable_data(),
                user=user,
            )
            Page.objects.filter(pk=page.pk).update(latest_revision=revision, live_revision=revision)
            page.latest_revision, page.live_revision = revision, revision
            # Published without the publish action's signal: tell the page caches.
            content_changed()
            return page
        parent.add_child(instance=page)
    else:
        page.title = title
        for name, value in values.items():
            setattr(page, name, value)
        page.topics = list(topics)
        page.audiences = list(audiences)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page


# CSV import

IMPORT_COLUMNS = [
    "external_id",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "topics",
    "audiences",
    "resource_type",
    "format",
    "languages",
    "licence",
    "url",
    "publisher",
    "contact_email",
    "date_published",
    "date_modified",
    "review_date",
]
# Optional: the French page's own link and publisher name, where they differ from `url` and
# `publisher` (which the English page, and a French page without these, takes).
FRENCH_COLUMNS = ["url_fr", "publisher_fr"]
REQUIRED_COLUMNS = {
    "external_id",
    "topics",
    "resource_type",
    "languages",
    "licence",
    "url",
    "publisher",
    "date_published",
}
MAX_IMPORT_BYTES = 10 * 1024 * 1024


@dataclass
class ImportRow:
    line: int
    external_id: str
    titles: dict  # language code -> title
    summaries: dict
    topics: list
    audiences: list
    values: dict
    french_values: dict = field(default_factory=dict)

    def values_in(self, code):
        return {**self.values, **self.french_values} if code == "fr" else self.values


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    dry_run: bool = False
    pages: list = field(default_factory=list)


def _split_codes(value):
    return [part.strip() for part in re.split(r"[;,]", value or "") if part.strip()]


def _parse_date(value, *, required, label, problems):
    value = (value or "").strip()
    if not value:
        if required:
            problems.append(_("%(column)s is required") % {"column": label})
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(_("%(column)s “%(value)s” is not a date (YYYY-MM-DD)") % {"column": label, "value": value})
        return None


def _decode(data):
    if isinstance(data, str):
        return data
    if b"\x00" in data[:4096]:
        raise ResourceError(_("The file is not a CSV text file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ResourceError(_("The file is not UTF-8 encoded CSV text.")) from exc


def model_problems(*, titles, summaries, values):
    """What the page model itself refuses in one row (lengths, choices, formats, one-line text),
    so that a dry run accepts exactly what saving accepts."""
    problems = []
    checks = [(f"title_{code}", "title", title) for code, title in titles.items()]
    checks += [(f"summary_{code}", "summary", summaries[code]) for code in titles]
    column_of = {"link_url": "url"}
    checks += [(column_of.get(name, name), name, value) for name, value in values.items()]
    for column, name, value in checks:
        field = ResourcePage._meta.get_field(name)
        try:
            field.clean(value, None)
            if name == "title":
                validate_single_line(value)
        except ValidationError as error:
            problems.append(f"{column}: {' '.join(error.messages)}")
    return problems


def parse_import_rows(*, data):
    """Read and validate every row; raise ResourceError listing every bad row (line numbers are
    the file's, the header being line 1)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ResourceError(_("The file is larger than 10 MB."))
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise ResourceError(_("The file is not valid CSV: %(error)s") % {"error": exc}) from exc
    missing = sorted((REQUIRED_COLUMNS | {"title_en", "title_fr"}) - set(header))
    if not header or missing == sorted(REQUIRED_COLUMNS | {"title_en", "title_fr"}):
        raise ResourceError(
            _("The file is not a resource CSV: the first line must name the columns %(columns)s.")
            % {"columns": ", ".join(IMPORT_COLUMNS)}
        )
    if missing:
        raise ResourceError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    reader.fieldnames = header

    def records():
        last_line = 1  # the header
        for raw in reader:
            # A record's first line: a quoted value may span several lines of the file.
            line, last_line = last_line + 1, reader.line_num
            yield line, raw

    return validate_import_records(records(), error_line=lambda: reader.line_num)


def validate_import_records(records, *, error_line=lambda: 0):
    """Validate (line, {column: value}) records as parse_import_rows does a file's rows, so that
    another source (a harvest) goes through exactly the same checks. Raises ResourceError listing
    every bad record; returns ImportRows."""
    topics = {t.slug: t for t in Topic.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    types = {code for code, _label in vocabulary.RESOURCE_TYPES}
    formats = {code for code, _label in vocabulary.FORMATS}
    languages = {code for code, _label in vocabulary.LANGUAGES}
    licences = {code for code, _label in vocabulary.LICENCE_CHOICES}
    url_validator, email_validator = URLValidator(schemes=["http", "https"]), EmailValidator()

    rows, errors, seen = [], [], {}
    try:
        for line, raw in records:
            if None in raw:
                errors.append((line, _("more values than columns")))
                continue
            row = {key: (value or "").strip() for key, value in raw.items()}
            if not any(row.values()):
                continue
            problems = []
            external_id = row.get("external_id", "")
            if not external_id:
                problems.append(_("external_id is required"))
            elif external_id in seen:
                problems.append(
                    _("external_id “%(id)s” repeats line %(line)s") % {"id": external_id, "line": seen[external_id]}
                )
            else:
                seen[external_id] = line
            titles = {code: row.get(f"title_{code}", "") for code in ("en", "fr") if row.get(f"title_{code}", "")}
            summaries = {code: row.get(f"summary_{code}", "") for code in ("en", "fr")}
            if not titles:
                problems.append(_("title_en or title_fr is required"))
            for code in titles:
                if not summaries[code]:
                    problems.append(_("summary_%(code)s is required when title_%(code)s is given") % {"code": code})
                if len(titles[code]) > 255:
                    problems.append(_("title_%(code)s is longer than 255 characters") % {"code": code})
            topic_slugs = _split_codes(row.get("topics"))
            if not topic_slugs:
                problems.append(_("topics is required"))
            bad = [s for s in topic_slugs if s not in topics]
            if bad:
                problems.append(_("unknown topic: %(values)s") % {"values": ", ".join(bad)})
            audience_slugs = _split_codes(row.get("audiences"))
            bad = [s for s in audience_slugs if s not in audiences]
            if bad:
                problems.append(_("unknown audience: %(values)s") % {"values": ", ".join(bad)})
            if row.get("resource_type") not in types:
                problems.append(_("unknown resource_type “%(value)s”") % {"value": row.get("resource_type", "")})
            fmt = row.get("format") or "html"
            if fmt not in formats:
                problems.append(_("unknown format “%(value)s”") % {"value": fmt})
            language_codes = _split_codes(row.get("languages"))
            if not language_codes or any(code not in languages for code in language_codes):
                problems.append(_("languages must be one or more of en, fr, other"))
            if row.get("licence") not in licences:
                problems.append(_("unknown licence “%(value)s”") % {"value": row.get("licence", "")})
            try:
                url_validator(row.get("url", ""))
            except ValidationError:
                problems.append(_("url “%(value)s” is not a valid http(s) URL") % {"value": row.get("url", "")})
            if not row.get("publisher"):
                problems.append(_("publisher is required"))
            french_values = {}
            if row.get("url_fr"):
                try:
                    url_validator(row["url_fr"])
                    french_values["link_url"] = row["url_fr"]
                except ValidationError:
                    problems.append(_("url_fr “%(value)s” is not a valid http(s) URL") % {"value": row["url_fr"]})
            if row.get("publisher_fr"):
                french_values["publisher"] = row["publisher_fr"]
            if row.get("contact_email"):
                try:
                    email_validator(row["contact_email"])
                except ValidationError:
                    problems.append(
                        _("contact_email “%(value)s” is not an email address") % {"value": row["contact_email"]}
                    )
            published = _parse_date(row.get("date_published"), required=True, label="date_published", problems=problems)
            modified = _parse_date(row.get("date_modified"), required=False, label="date_modified", problems=problems)
            review = _parse_date(row.get("review_date"), required=False, label="review_date", problems=problems)
            values = {
                "resource_type": row["resource_type"],
                "format": fmt,
                "languages": language_codes,
                "licence": row.get("licence", ""),
                "link_url": row.get("url", ""),
                "publisher": row.get("publisher", ""),
                "contact_email": row.get("contact_email", ""),
                "date_published": published,
                "date_modified": modified,
                "review_date": review,
                "external_id": external_id,
            }
            if not problems:
                problems = model_problems(titles=titles, summaries=summaries, values={**values, **french_values})
            if problems:
                errors.append((line, "; ".join(problems)))
                continue
            rows.append(
                ImportRow(
                    line=line,
                    external_id=external_id,
                    titles=titles,
                    summaries=summaries,
                    topics=[topics[s] for s in topic_slugs],
                    audiences=[audiences[s] for s in audience_slugs],
                    values=values,
                    french_values=french_values,
                )
            )
    except csv.Error as exc:
        errors.append((error_line(), _("not valid CSV: %(error)s") % {"error": exc}))
    if errors:
        raise ResourceError(
            _("%(count)s row(s) are invalid; nothing was imported.") % {"count": len(errors)}, errors=errors
        )
    if not rows:
        raise ResourceError(_("The file has no resource rows."))
    return rows


def import_resources(*, data=None, records=None, jurisdiction_code, user=None, dry_run=False, publish=True):
    """Validate every row of a resource CSV (bytes or text) and, unless `dry_run`, create or
    update the jurisdiction's EN and FR pages keyed by external_id, all in one transaction.
    Raises ResourceError (carrying every bad row) and then imports nothing."""
    jurisdiction = Jurisdiction.objects.filter(code=(jurisdiction_code or "").upper()).first()
    if jurisdiction is None:
        raise ResourceError(_("Unknown jurisdiction “%(code)s”.") % {"code": jurisdiction_code})
    rows = parse_import_rows(data=data) if records is None else validate_import_records(records)
    report = ImportReport(rows=len(rows), dry_run=dry_run)
    if dry_run:
        return report
    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "fr")}
    with indexed_synchronously(), transaction.atomic():
        parents = {
            code: JurisdictionPage.objects.select_for_update().get(jurisdiction=jurisdiction, locale=locales[code])
            for code in ("en", "fr")
        }
        existing = {}
        for page in ResourcePage.objects.filter(
            jurisdiction=jurisdiction, external_id__in=[row.external_id for row in rows]
        ).select_related("locale"):
            existing[(page.external_id, page.locale.language_code)] = page
        for row in rows:
            pair_source = None
            for code in ("en", "fr"):
                if code not in row.titles:
                    continue
                page = existing.get((row.external_id, code))
                other = existing.get((row.external_id, "fr" if code == "en" else "en")) or pair_source
                saved = save_resource_page(
                    parent=parents[code],
                    title=row.titles[code],
                    topics=row.topics,
                    audiences=row.audiences,
                    page=page,
                    translation_of=other if page is None else None,
                    publish=publish,
                    user=user,
                    summary=row.summaries[code],
                    **row.values_in(code),
                )
                pair_source = saved
                existing[(row.external_id, code)] = saved
                report.pages.append(saved)
                if page is None:
                    report.created += 1
                else:
                    report.updated += 1
    return report


# Link check


def check_link(*, url, timeout=5.0):
    """Request `url` (HEAD, then GET if HEAD is refused) and record the status. Returns the LinkCheck."""
    import requests

    status, error = None, ""
    session = requests.Session()
    session.trust_env = False  # no proxies from the environment: check the link itself
    session.headers["User-Agent"] = "OGL-link-check/1.0"
    try:
        response = session.head(url, timeout=timeout, allow_redirects=True)
        if response.status_code in (403, 405, 501):  # some servers refuse HEAD
            response = session.get(url, timeout=timeout, allow_redirects=True, stream=True)
            response.close()
        status = response.status_code
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"[:255]
    finally:
        session.close()
    check, _created = LinkCheck.objects.update_or_create(
        url=url, defaults={"status_code": status, "error": error, "checked_at": timezone.now()}
    )
    return check


def queue_link_checks(*, timeout=5.0):
    """Queue one link check per distinct external address (the scheduled job). Returns how many."""
    from .tasks import check_resource_link

    urls = resource_link_urls()
    for url in urls:
        check_resource_link.enqueue(url, timeout)
    return len(urls)


def resource_link_urls():
    return sorted(set(ResourcePage.objects.exclude(link_url="").values_list("link_url", flat=True)))


# Learners


def mark_resource_reviewed(*, user, resource):
    """Record that `user` reviewed `resource` (once, on its canonical page), which completes a
    learning-plan step that links it."""
    from literacy.translation import canonical

    from .models import ResourceReview

    if user is None or not user.is_authenticated:
        raise ResourceError(_("Sign in to keep track of the resources you have reviewed."))
    if not resource.live:
        raise ResourceError(_("This resource is not published."))
    review, _created = ResourceReview.objects.get_or_create(user=user, resource=canonical(resource))
    return review
