"""Thin views: read the request, call selectors/services, render. Routed from ResourceIndexPage."""

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from literacy.links import absolute_url

from . import dcat, exports, portal, selectors


def _query_string(query, **changes):
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    if query.q:
        params["q"] = query.q
    for facet, values in query.filters.items():
        params.setlist(facet, values)
    params["sort"] = changes.get("sort", query.sort)
    if "page" in changes:
        params["page"] = changes["page"]
    return params.urlencode()


def browse(request, *, index_page):
    query = selectors.parse_browse_query(request.GET)
    data = selectors.browse_page(locale=index_page.locale, query=query)
    page_obj = data["page_obj"]
    filters_qs = _query_string(query)
    context = {
        **data,
        "query": query,
        "sort_choices": [(code, label) for code, label in selectors.sort_choices(query)],
        "filters_qs": filters_qs,
        "previous_qs": _query_string(query, page=page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_qs": _query_string(query, page=page_obj.next_page_number()) if page_obj.has_next() else "",
        "export_links": [
            ("CSV", index_page.route_url("export_csv") + "?" + filters_qs),
            ("JSON", index_page.route_url("export_json") + "?" + filters_qs),
            ("DCAT-AP (JSON-LD)", index_page.route_url("export_dcat") + "?" + filters_qs),
            ("DCAT-AP (Turtle)", index_page.route_url("export_dcat_turtle") + "?" + filters_qs),
            (
                _("Open Government Portal schema (JSON Lines)"),
                index_page.route_url("export_portal") + "?" + filters_qs,
            ),
            (_("CKAN API"), "/api/3/action/package_search"),
        ],
        "coverage_url": index_page.route_url("coverage"),
        "active_filters": any(query.filters.values()) or bool(query.q),
        "filter_count": sum(len(values) for values in query.filters.values()),
    }
    return index_page.render(request, context_overrides=context)


def _export_queryset(request):
    query = selectors.parse_browse_query(request.GET)
    return selectors.filtered_resources(locale=None, query=query)


def export_csv(request, *, index_page):
    response = StreamingHttpResponse(
        exports.csv_rows(_export_queryset(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="ogl-resources.csv"'
    return response


def export_json(request, *, index_page):
    response = StreamingHttpResponse(
        exports.json_chunks(_export_queryset(request)), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="ogl-resources.json"'
    return response


def _catalogue_urls(index_page):
    return {
        "catalogue_url": absolute_url(index_page.route_url("export_dcat")),
        "homepage_url": absolute_url(index_page.get_url()),
    }


def export_dcat(request, *, index_page):
    response = StreamingHttpResponse(
        dcat.jsonld_chunks(_export_queryset(request), **_catalogue_urls(index_page)),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="ogl-resources-dcat.jsonld"'
    return response


def coverage(request, *, index_page):
    matrix = selectors.coverage_matrix()
    return index_page.render(
        request,
        template="resources/coverage.html",
        context_overrides={"matrix": matrix, "browse_url": index_page.url},
    )


def export_dcat_turtle(request, *, index_page):
    response = StreamingHttpResponse(
        dcat.turtle_chunks(_export_queryset(request), **_catalogue_urls(index_page)),
        content_type="text/turtle; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="ogl-resources-dcat.ttl"'
    return response


def export_portal(request, *, index_page):
    response = StreamingHttpResponse(
        portal.jsonl_lines(_export_queryset(request)), content_type="application/x-ndjson; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="ogl-resources-open-government-portal.jsonl"'
    return response


def _wants(request, fmt):
    accept = request.headers.get("Accept", "")
    if fmt:
        return fmt
    if "text/turtle" in accept:
        return "ttl"
    if "application/ld+json" in accept or "application/json" in accept:
        return "jsonld"
    return "html"


def vocabulary_document(request, scheme, code=None):
    """A SKOS concept scheme, or one concept of it, at its IRI: HTML for people, JSON-LD or
    Turtle for machines (by Accept header or ?format=jsonld|ttl)."""
    document = None
    if scheme in dcat.SCHEMES:
        document = dcat.scheme_document(scheme) if code is None else dcat.concept_document(scheme, code)
    if document is None:
        response = HttpResponse("Not found: no such vocabulary or concept.", status=404, content_type="text/plain")
        response.language_neutral = True
        return response
    fmt = _wants(request, request.GET.get("format"))
    if fmt == "ttl":
        return HttpResponse(dcat.turtle_document(document), content_type="text/turtle; charset=utf-8")
    if fmt == "jsonld":
        return JsonResponse(
            document, content_type="application/ld+json; charset=utf-8", json_dumps_params={"ensure_ascii": False}
        )
    nodes = document["@graph"][1:] if code is None else [document]
    title = document["@graph"][0]["dct:title"] if code is None else document["skos:prefLabel"]
    return render(
        request,
        "resources/vocabulary.html",
        {
            "title": {item["@language"]: item["@value"] for item in title},
            "iri": document["@graph"][0]["@id"] if code is None else document["@id"],
            "concepts": [
                {
                    "iri": node["@id"],
                    "code": node["skos:notation"],
                    "labels": {item["@language"]: item["@value"] for item in node["skos:prefLabel"]},
                    "definitions": {item["@language"]: item["@value"] for item in node.get("skos:definition", [])},
                }
                for node in nodes
            ],
            "scheme_url": dcat.scheme_iri(scheme),
        },
    )


def mark_reviewed(request, *, resource):
    """POST: the signed-in learner marks the resource reviewed, then goes back to it."""
    from django.contrib import messages
    from django.contrib.auth.views import redirect_to_login
    from django.http import HttpResponseNotAllowed
    from django.shortcuts import redirect

    from . import services

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(resource.url)
    try:
        services.mark_resource_reviewed(user=request.user, resource=resource)
    except services.ResourceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Marked as reviewed. Learning plans that include it count it as done."))
    return redirect(resource.url)
