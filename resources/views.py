"""Thin views: read the request, call selectors/services, render. Routed from ResourceIndexPage."""

from django.http import StreamingHttpResponse

from . import exports, selectors


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
            ("DCAT (JSON-LD)", index_page.route_url("export_dcat") + "?" + filters_qs),
        ],
        "coverage_url": index_page.route_url("coverage"),
        "active_filters": any(query.filters.values()) or bool(query.q),
    }
    return index_page.render(request, context_overrides=context)


def _export_queryset(request):
    query = selectors.parse_browse_query(request.GET)
    return selectors.filtered_resources(locale=None, query=query)


def export_csv(request, *, index_page):
    response = StreamingHttpResponse(
        exports.csv_rows(_export_queryset(request), request=request), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="ogl-resources.csv"'
    return response


def export_json(request, *, index_page):
    response = StreamingHttpResponse(
        exports.json_chunks(_export_queryset(request), request=request), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="ogl-resources.json"'
    return response


def export_dcat(request, *, index_page):
    response = StreamingHttpResponse(
        exports.dcat_chunks(
            _export_queryset(request),
            catalogue_url=index_page.get_full_url(request) + index_page.reverse_subpage("export_dcat"),
            title=index_page.title,
            request=request,
        ),
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
