import re

WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query, *, max_terms=20):
    """The words of a search box entry, joined by spaces. Wagtail's SQLite and PostgreSQL backends
    pass punctuation through to the full-text engine (FTS5 raises on `">`), and a reader typing
    quotes or brackets means words anyway."""
    return " ".join(WORD.findall(query or "")[:max_terms])
