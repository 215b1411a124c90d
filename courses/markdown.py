"""Markdown to safe HTML: `markdown` (tables, fenced code) then an nh3 allowlist."""

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "code": {"class"},
    "ol": {"start"},
    "*": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def render_markdown(text):
    """Render author Markdown to HTML that is safe to put in a page."""
    html = md.markdown(text or "", extensions=["tables", "fenced_code"], output_format="html")
    html = sanitize_html(html)
    # Markdown tables only put <th> in the header row: give those cells their scope.
    html = html.replace("<th>", '<th scope="col">').replace('<th align="', '<th scope="col" align="')
    return mark_safe(html)  # noqa: S308 - sanitized by nh3 just above
