"""The Open Government Portal's dataset schema (ckanext-canada) and our vocabulary mapped to its.

The portal (open.canada.ca, CKAN with ckanext-canada's scheming presets) and most provincial and
territorial portals take records in this shape. Every correspondence between a code of ours and
a code of theirs is in the tables below and nowhere else: the JSON Lines export, the
CKAN-compatible API (resources.ckan_api) and the harvester (resources.harvest) all read them.

Our inventory describes published learning material, which the portal files as open
information (`type: info`, collection `publication`), not as data."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from literacy.links import absolute_url

from . import exports

# Our licence code -> the portal's license_id (ckanext-canada's licenses.json).
LICENCES = {
    "ogl-canada-2.0": "ca-ogl-lgo",
    "ogl-ontario-1.0": "on-oglo",
    "ogl-bc-2.0": "bc-oglbc",
    "ogl-alberta-2.0": "ab-ogla",
    "ogl-nova-scotia-1.0": "ns-oglns",
    "ogl-pei-1.0": "pei-oglpei",
    "ogl-nl-1.0": "nl-oglnl",
    "ogl-new-brunswick": "nb-oglnb",
    "ogl-manitoba": "mb-omb",
    "ogl-saskatchewan": "sk-suudl",
    "ogl-yukon": "yk-oglyk",
    "ogl-nwt": "nwt-tno",
    "cc-by-4.0-quebec": "qc-cc-by",
    # CKAN's own default licence list names it so.
    "cc-by-4.0": "cc-by",
}

# Our format code -> the portal's resource format (canada_resource_format).
FORMATS = {
    "html": "HTML",
    "pdf": "PDF",
    "docx": "DOCX",
    "pptx": "PPTX",
    "xlsx": "XLSX",
    "csv": "CSV",
    "mp4": "MP4",
    "zip": "ZIP",
    "other": "other",
}

# Our resource type -> the portal's resource_type (canada_resource_type). The portal has no
# course, video, toolkit, template or event recording; these are its nearest terms.
RESOURCE_TYPES = {
    "guide": "guide",
    "course": "training_material",
    "video": "multimedia_resource",
    "toolkit": "tool",
    "template": "form",
    "presentation": "presentation",
    "website": "website",
    "dataset": "dataset",
    "event-recording": "multimedia_resource",
}

# Harvesting: the portal's resource_type -> ours, for every term that names learning material.
# The inverse of RESOURCE_TYPES where it is one to one; a term not listed is refused, by name.
HARVESTED_RESOURCE_TYPES = {
    "guide": "guide",
    "best_practices": "guide",
    "backgrounder": "guide",
    "fact_sheet": "guide",
    "faq": "guide",
    "framework": "guide",
    "publication": "guide",
    "report": "guide",
    "training_material": "course",
    "educational_material": "course",
    "multimedia_resource": "video",
    "sound_recording": "event-recording",
    "tool": "toolkit",
    "form": "template",
    "presentation": "presentation",
    "meeting_material": "presentation",
    "website": "website",
    "dataset": "dataset",
}
HARVESTED_FORMATS = {theirs: ours for ours, theirs in FORMATS.items()} | {"PPT": "pptx", "DOC": "docx", "XLS": "xlsx"}
HARVESTED_LICENCES = {theirs: ours for ours, theirs in LICENCES.items()} | {"cc-by-4.0": "cc-by-4.0"}

# Every record is about government; training material is also about education.
SUBJECTS = ["government_and_politics"]
SUBJECTS_BY_TYPE = {"course": ["education_and_training"], "event-recording": ["education_and_training"]}
# Our audiences are all kinds of public servant: the portal's term for them is one.
AUDIENCE = ["government"]
# Learning resources are revised when they need to be, not on a schedule.
FREQUENCY = "as_needed"
JURISDICTION_KINDS = {
    "federal": "federal",
    "provincial": "provincial",
    "territorial": "provincial",
    "municipal": "municipal",
}
LANGUAGE_CODES = {"en", "fr"}
DATASET_TYPE = "info"
COLLECTION = "publication"

# Names of the portal's schema that carry this site's own codes, so that a harvest from another
# instance of this site keeps topics, audiences and types exactly.
EXTRAS = (
    "ogl_topics",
    "ogl_audiences",
    "ogl_resource_type",
    "ogl_licence",
    "ogl_external_id",
    "ogl_languages",
    "ogl_review_date",
)


def organisation_name(jurisdiction_code):
    return f"ogl-{jurisdiction_code.lower()}"


def _language_list(languages):
    return sorted(code for code in languages if code in LANGUAGE_CODES) or ["zxx"]


def distributions(row, *, languages):
    """The portal's `resources`: one per address, with the languages that address serves."""
    by_url = {}
    for code in ("en", "fr"):
        url = row["url"].get(code)
        if url:
            by_url.setdefault(absolute_url(url), []).append(code)
    for n, (url, codes) in enumerate(by_url.items()):
        langs = sorted(set(codes) & set(languages)) if len(by_url) > 1 else _language_list(languages)
        yield {
            "id": f"{row['resource_id']}-{n + 1}",
            "name_translated": {code: row["title"].get(code) or row["title"].get("en") or "" for code in ("en", "fr")},
            "resource_type": RESOURCE_TYPES[row["resource_type"]],
            "format": FORMATS[row["format"]],
            "language": langs or _language_list(languages),
            "url": url,
            "date_published": row["date_published"],
        }


def portal_record(rows, *, names):
    """One resource (its pages' rows from exports.resources) in the Open Government Portal's
    schema (the fields its bulk loader takes), with this site's own codes under `ogl_*` so a
    harvest between instances loses nothing. `names` is an exports.Names."""
    row = exports.record(rows)
    both = ("en", "fr")
    kind = exports._primary(rows)["jurisdiction__kind"] or ""
    record = {
        "id": row["resource_id"],
        "name": row["resource_id"],
        "type": DATASET_TYPE,
        "collection": COLLECTION,
        "title_translated": {code: row["title"].get(code, "") for code in both},
        "notes_translated": {code: row["summary"].get(code, "") for code in both},
        "keywords": names.keywords(row["topics"]),
        "subject": SUBJECTS + SUBJECTS_BY_TYPE.get(row["resource_type"], []),
        "audience": AUDIENCE,
        "frequency": FREQUENCY,
        "jurisdiction": JURISDICTION_KINDS.get(kind, "provincial"),
        "owner_org": organisation_name(row["jurisdiction"]),
        "org_title_at_publication": {code: row["publisher"].get(code, "") for code in both},
        "maintainer_email": row["contact_email"],
        "license_id": LICENCES[row["licence"]],
        "date_published": row["date_published"],
        "date_modified": row["date_modified"],
        "program_page_url_translated": {code: row["page_url"].get(code, "") for code in both},
        "restrictions": "unrestricted",
        "ready_to_publish": "true",
        "imso_approval": "true",
        "resources": list(distributions(row, languages=row["languages"])),
        "ogl_topics": row["topics"],
        "ogl_audiences": row["audiences"],
        "ogl_resource_type": row["resource_type"],
        "ogl_licence": row["licence"],
        "ogl_external_id": row["external_id"],
        "ogl_languages": row["languages"],
        "ogl_review_date": row["review_date"],
    }
    return record


def jsonl_lines(queryset):
    """The inventory as JSON Lines, one portal record a line, streaming."""
    names = exports.Names()
    for rows in exports.resources(queryset):
        yield json.dumps(portal_record(rows, names=names), cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"
