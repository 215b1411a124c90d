"""A read-only, CKAN-compatible Action API over the inventory (/api/3/action/…).

CKAN's harvesters and clients (ckanapi, ckanext-harvest's CKAN harvester, the portals of the
provinces and territories) pull catalogues through these actions; answering them in CKAN's
envelope, with packages in the Open Government Portal's schema (resources.portal), lets them
take the inventory as it is. Organisations are the jurisdictions. Nothing here writes.

Supported: status_show, package_list, package_search (q, fq, rows, start, sort),
package_show, organization_list, organization_show, license_list."""

import json
import re

from django.db.models import Case, Count, Max, When
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from literacy.links import absolute_url
from literacy.models import Jurisdiction
from literacy.search import matching_translation_keys

from . import exports, portal, vocabulary
from .models import ResourcePage

MAX_ROWS = 1000
DEFAULT_ROWS = 10
# CKAN's package_search sort fields -> ours (on the English page of each resource).
SORTS = {
    "metadata_modified": "last_published_at",
    "metadata_created": "first_published_at",
    "title": "title_sort",
    "title_string": "title_sort",
    "name": "translation_key",
    "score": None,
}
# fq fields -> how to filter live resource pages by them.
FQ_TERM = re.compile(r'([+-]?)([a-z_]+):("(?:[^"\\]|\\.)*"|\(.*?\)|\S+)')


class ActionError(Exception):
    def __init__(self, kind, message, status):
        super().__init__(message)
        self.kind, self.message, self.status = kind, message, status


def _envelope(request, action, result=None, error=None, status=200):
    body = {"help": absolute_url(f"/api/3/action/help_show?name={action}"), "success": error is None}
    if error is None:
        body["result"] = result
    else:
        body["error"] = {"__type": error.kind, "message": f"{error.kind}: {error.message}"}
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response.language_neutral = True
    return response


def _params(request):
    """Action parameters from the query string (GET) or a JSON or form body (POST), as CKAN takes them."""
    params = dict(request.GET.items())
    if request.method == "POST":
        if request.content_type == "application/json" and request.body:
            try:
                body = json.loads(request.body)
            except ValueError as exc:
                raise ActionError("Validation Error", "The request body is not JSON.", 400) from exc
            if not isinstance(body, dict):
                raise ActionError("Validation Error", "The request body must be a JSON object.", 400)
            params.update(body)
        else:
            params.update(request.POST.items())
    return params


def _int(params, name, default, *, maximum=None):
    value = params.get(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ActionError("Validation Error", f"{name}: Invalid integer", 409) from exc
    if number < 0:
        raise ActionError("Validation Error", f"{name}: Must be a natural number", 409)
    return min(number, maximum) if maximum is not None else number


def _resource_pages():
    return ResourcePage.objects.live()


def _organisations():
    return {portal.organisation_name(j.code): j for j in Jurisdiction.objects.order_by("sort_order", "code")}


def _unquote(value):
    if value.startswith('"') and value.endswith('"'):
        return value[1:-1].replace('\\"', '"')
    return value


def _filter(queryset, field, value):
    """One fq term on live resource pages; the values are those the packages show."""
    values = (
        [_unquote(v.strip()) for v in value.strip("()").split(" OR ")] if value.startswith("(") else [_unquote(value)]
    )
    if field in ("organization", "owner_org"):
        orgs = _organisations()
        codes = [orgs[v].code for v in values if v in orgs]
        return queryset.filter(jurisdiction__code__in=codes)
    if field == "license_id":
        ours = [portal.HARVESTED_LICENCES.get(v, v) for v in values]
        return queryset.filter(licence__in=ours)
    if field == "res_format":
        ours = [portal.HARVESTED_FORMATS.get(v, v) for v in values]
        return queryset.filter(format__in=ours)
    if field == "resource_type":
        ours = [code for code, theirs in portal.RESOURCE_TYPES.items() if theirs in values]
        return queryset.filter(resource_type__in=ours)
    if field in ("ogl_topics", "keywords", "tags"):
        return (
            queryset.filter(topics__slug__in=values)
            if field == "ogl_topics"
            else queryset.filter(topics__name_en__in=values) | queryset.filter(topics__name_fr__in=values)
        )
    if field == "ogl_resource_type":
        return queryset.filter(resource_type__in=values)
    if field in ("name", "id"):
        return queryset.filter(translation_key__in=values)
    if field == "ogl_external_id":
        return queryset.filter(external_id__in=values)
    if field in ("type", "dataset_type"):
        return queryset if portal.DATASET_TYPE in values else queryset.none()
    if field == "collection":
        return queryset if portal.COLLECTION in values else queryset.none()
    raise ActionError("Search Query Error", f"Unsupported fq field: {field}", 409)


def _apply_fq(queryset, fq):
    if not fq or not fq.strip():
        return queryset
    fq = fq.replace("+dataset_type:", "dataset_type:")
    matched = False
    for sign, field, value in FQ_TERM.findall(fq):
        matched = True
        filtered = _filter(queryset, field, value)
        if sign == "-":
            queryset = queryset.exclude(translation_key__in=filtered.values("translation_key"))
        else:
            queryset = queryset.filter(translation_key__in=filtered.values("translation_key"))
    if not matched:
        raise ActionError("Search Query Error", f"Cannot parse fq: {fq}", 409)
    return queryset


def _packages(keys):
    """Package dicts for translation keys, in the order given."""
    names = exports.Names()
    groups = {
        rows[0]["translation_key"]: rows
        for rows in exports.resources(
            ResourcePage.objects.filter(translation_key__in=keys), with_publication_dates=True
        )
    }
    return [package(groups[key], names=names) for key in keys if key in groups]


def package(rows, *, names):
    """A CKAN package: the portal record plus the core fields every CKAN client reads."""
    record = portal.portal_record(rows, names=names)
    first = exports._primary(rows)
    created = min((row["first_published_at"] for row in rows if row["first_published_at"]), default=None)
    modified = max((row["last_published_at"] for row in rows if row["last_published_at"]), default=None)
    jurisdiction = names.jurisdictions.get(first["jurisdiction__code"])
    record.update(
        {
            "title": record["title_translated"].get("en") or record["title_translated"].get("fr"),
            "notes": record["notes_translated"].get("en") or record["notes_translated"].get("fr"),
            "state": "active",
            "private": False,
            "metadata_created": created.isoformat() if created else None,
            "metadata_modified": modified.isoformat() if modified else None,
            "license_title": str(dict(vocabulary.LICENCE_CHOICES).get(first["licence"], "")),
            "license_url": vocabulary.LICENCE_URLS.get(first["licence"], ""),
            "url": record["program_page_url_translated"].get("en") or record["program_page_url_translated"].get("fr"),
            "organization": _organisation_dict(jurisdiction) if jurisdiction else None,
            "num_resources": len(record["resources"]),
            "tags": [{"name": name} for name in record["keywords"]["en"]],
            "num_tags": len(record["keywords"]["en"]),
        }
    )
    for resource in record["resources"]:
        resource["package_id"] = record["id"]
        resource["name"] = resource["name_translated"]["en"]
    return record


def _organisation_dict(jurisdiction):
    name = portal.organisation_name(jurisdiction.code)
    return {
        "id": name,
        "name": name,
        "title": jurisdiction.name_en,
        "title_translated": {"en": jurisdiction.name_en, "fr": jurisdiction.name_fr},
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "jurisdiction_code": jurisdiction.code,
    }


def _search(params):
    rows = _int(params, "rows", DEFAULT_ROWS, maximum=MAX_ROWS)
    start = _int(params, "start", 0)
    queryset = _apply_fq(_resource_pages(), params.get("fq", ""))
    q = (params.get("q") or "").strip()
    if q in ("*:*", "*"):
        q = ""
    if q and FQ_TERM.fullmatch(q):
        queryset, q = _apply_fq(queryset, q), ""
    sort = params.get("sort") or ("score desc" if q else "metadata_modified desc")
    ordering = _ordering(sort)
    if q:
        ranked = matching_translation_keys(_resource_pages(), q, operator="and")
        allowed = set(queryset.filter(translation_key__in=ranked).values_list("translation_key", flat=True))
        ranked = [key for key in ranked if key in allowed]
        if not ordering:
            return {"count": len(ranked), "results": _packages(ranked[start : start + rows]), "sort": sort}
        queryset = queryset.filter(translation_key__in=ranked)
    resources = (
        ResourcePage.objects.live()
        .filter(translation_key__in=queryset.order_by().values("translation_key"))
        .values("translation_key")
        .annotate(
            title_sort=Coalesce(Max(Case(When(locale__language_code="en", then="title"))), Max("title")),
            last_published_at=Max("last_published_at"),
            first_published_at=Max("first_published_at"),
        )
        .order_by(*ordering, "translation_key")
    )
    count = resources.count()
    keys = [row["translation_key"] for row in resources[start : start + rows]]
    return {"count": count, "results": _packages(keys), "sort": sort}


def _ordering(sort):
    ordering = []
    for part in sort.split(","):
        bits = part.split()
        if not bits:
            continue
        field = SORTS.get(bits[0], "missing")
        if field == "missing":
            raise ActionError("Search Query Error", f"Cannot sort by {bits[0]}", 409)
        if field is None:
            continue
        descending = len(bits) > 1 and bits[1].lower() == "desc"
        ordering.append(("-" if descending else "") + field)
    return ordering


def _show(params):
    ident = str(params.get("id") or params.get("name_or_id") or "").strip()
    if not ident:
        raise ActionError("Validation Error", "id: Missing value", 409)
    pages = _resource_pages()
    matches = (
        pages.filter(external_id=ident)
        if not re.fullmatch(r"[0-9a-f-]{36}", ident)
        else pages.filter(translation_key=ident)
    )
    key = matches.values_list("translation_key", flat=True).first()
    found = _packages([key]) if key else []
    if not found:
        raise ActionError("Not Found Error", "Not found", 404)
    return found[0]


def _licences():
    return [
        {"id": portal.LICENCES[code], "title": str(label), "url": vocabulary.LICENCE_URLS[code], "ogl_licence": code}
        for code, label in vocabulary.LICENCE_CHOICES
    ]


def _package_counts():
    return dict(
        _resource_pages()
        .order_by()
        .values("jurisdiction__code")
        .annotate(n=Count("translation_key", distinct=True))
        .values_list("jurisdiction__code", "n")
    )


def _organisation_list(params):
    orgs = _organisations()
    if str(params.get("all_fields", "")).lower() in ("true", "1"):
        counts = _package_counts()
        return [{**_organisation_dict(j), "package_count": counts.get(j.code, 0)} for j in orgs.values()]
    return list(orgs)


def _organisation_show(params):
    ident = str(params.get("id") or "").strip()
    jurisdiction = _organisations().get(ident)
    if jurisdiction is None:
        raise ActionError("Not Found Error", "Organization not found", 404)
    return {**_organisation_dict(jurisdiction), "package_count": _package_counts().get(jurisdiction.code, 0)}


def _status(params):
    return {
        "site_title": "Open Government Literacy",
        "site_url": absolute_url("/"),
        "ckan_version": "2.10.0",
        "site_description": "CKAN-compatible read API over the open government learning inventory.",
        "locale_default": "en",
        "extensions": ["ogl_inventory"],
        "time": timezone.now().isoformat(),
    }


def _package_list(params):
    limit = params.get("limit")
    offset = _int(params, "offset", 0)
    keys = _resource_pages().order_by("translation_key").values_list("translation_key", flat=True).distinct()
    keys = keys[offset : offset + _int(params, "limit", 0)] if limit else keys[offset:]
    return [str(key) for key in keys]


ACTIONS = {
    "status_show": _status,
    "package_list": _package_list,
    "package_search": _search,
    "package_show": _show,
    "organization_list": _organisation_list,
    "organization_show": _organisation_show,
    "license_list": lambda params: _licences(),
}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def action(request, name):
    """One Action API call; CSRF does not apply, as nothing here reads cookies or writes."""
    handler = ACTIONS.get(name)
    if handler is None:
        return _envelope(
            request, name, error=ActionError("Not Found Error", f"Action name not known: {name}", 404), status=404
        )
    try:
        result = handler(_params(request))
    except ActionError as error:
        return _envelope(request, name, error=error, status=error.status)
    response = _envelope(request, name, result=result)
    response["Access-Control-Allow-Origin"] = "*"
    return response
