import re

WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query, *, max_terms=20):
    """The words of a search box entry, joined by spaces. Wagtail's SQLite and PostgreSQL backends
    pass punctuation through to the full-text engine (FTS5 raises on `">`), and a reader typing
    quotes or brackets means words anyway."""
    return " ".join(WORD.findall(query or "")[:max_terms])


def matching_translation_keys(queryset, query, *, operator=None, limit=None):
    """Translation keys of the pages of `queryset` (any language) that match `query`, best match
    first, each once: a query in either official language finds the thing."""
    terms = search_terms(query)
    if not terms:
        return []
    options = {"order_by_relevance": True}
    if operator:
        options["operator"] = operator
    results = queryset.order_by().search(terms, **options)
    if limit:
        results = results[:limit]
    keys = {}
    for page in results:
        keys.setdefault(page.translation_key, len(keys))
    return list(keys)


def in_language_by_rank(queryset, keys, *, locale):
    """The pages of `queryset` in `locale` for `keys`, in the keys' order; a thing without a page
    in `locale` is given in the language it has."""
    rank = {key: position for position, key in enumerate(keys)}
    chosen = {}
    for page in queryset.filter(translation_key__in=keys):
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: rank[page.translation_key])
