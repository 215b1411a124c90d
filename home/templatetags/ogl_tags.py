import subprocess
from datetime import date
from functools import lru_cache

from django import template
from django.conf import settings
from django.http import Http404
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def other_language_code():
    from literacy.models import current_language_is_french

    return "en" if current_language_is_french() else "fr"


def _context_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _home_url(request, language_code):
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        home = site.root_page.get_translation_or_none(Locale.objects.get_for_language(language_code))
        if home is not None and home.live:
            return home.get_url(request)
    return f"/{language_code}/"


def _same_route(page, translation, sub_path):
    """The sub-path of `translation` for the route `sub_path` names on `page` (routes read in
    each page's language: coverage/ ↔ couverture/)."""
    if not sub_path or not hasattr(page.specific, "resolve_subpage"):
        return sub_path
    try:
        match = page.specific.resolve_subpage("/" + sub_path)
        return translation.specific.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except (Http404, NoReverseMatch):
        return sub_path


@register.inclusion_tag("includes/language_toggle.html", takes_context=True)
def language_toggle(context):
    """Link to this page in the other official language: the paired page when a translation exists,
    the same view for non-page URLs, otherwise that language's home page."""
    request = context.get("request")
    target = other_language_code()
    page = _context_page(context)
    url = None
    if page is not None:
        try:
            translation = page.get_translation_or_none(Locale.objects.get_for_language(target))
        except Locale.DoesNotExist:
            translation = None
        if translation is not None and translation.live:
            url = translation.get_url(request)
            # Stay on the same view of a routable page (coverage) and keep the filters, whose
            # codes are the same in both languages.
            page_url = page.get_url(request)
            if request is not None and url and page_url and request.path.startswith(page_url):
                url += _same_route(page, translation, request.path[len(page_url) :])
                if request.GET:
                    url += "?" + request.GET.urlencode()
    elif request is not None:
        translated = translate_url(request.get_full_path(), target)
        if translated != request.get_full_path():
            url = translated
    if url is None:
        url = _home_url(request, target)
    return {"url": url, "code": target, "name": LANGUAGE_NAMES[target]}


@lru_cache(maxsize=1)
def _git_release_date():
    # Development only: a deployment says its release date in OGL_RELEASE_DATE.
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=5
        ).stdout.strip()
        return date.fromisoformat(out)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def _release_date():
    configured = getattr(settings, "OGL_RELEASE_DATE", "")
    if configured:
        try:
            return date.fromisoformat(configured)
        except ValueError:
            return None
    return _git_release_date()


@register.simple_tag(takes_context=True)
def date_modified(context):
    """The date the content on this page last changed: the page's last publication when it is a
    page, otherwise the view's own `date_modified`, otherwise the date of the deployed release."""
    explicit = context.get("date_modified")
    if explicit:
        return explicit
    page = _context_page(context)
    if page is not None and page.last_published_at:
        return page.last_published_at.date()
    return _release_date()


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    request = context.get("request")
    page = _context_page(context)
    crumbs = []
    if page is not None:
        for ancestor in page.get_ancestors().filter(depth__gte=2):
            crumbs.append({"title": ancestor.title, "url": ancestor.get_url(request)})
        page_url = page.get_url(request)
        # A routable page's sub-view (coverage, a gap list) sits one level below the page itself.
        if request is not None and page_url and page.depth >= 2 and request.path != page_url:
            crumbs.append({"title": page.title, "url": page_url})
    else:
        home = _home_url(request, get_language() or "en")
        crumbs.append({"title": None, "url": home})
    return {"crumbs": crumbs, "current": context.get("breadcrumb_title")}
