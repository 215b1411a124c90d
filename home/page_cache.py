"""Whole public pages cached for anonymous readers (Redis in production, local memory in development).

A cached page is found by the site's content version and the request's path and query (the
language is in the path: /en/, /fr/). Publishing, unpublishing, moving or deleting a page, and
changing a vocabulary row, bumps the content version, so the next request renders afresh. Pages
that show live seat counts (sessions) also record the registrations version they were rendered at
and are not served once a registration has changed it.

Only what an anonymous reader gets is stored: a request carrying a session, a message or an
Authorization header is never served from or stored in the cache, nor is a response that sets a
cookie, used a CSRF token, is private, or is not a 200 HTML page. So a cached page never contains
a signed-in person's name or anyone's CSRF token."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

CONTENT_VERSION_KEY = "page-cache:content-version"
SEATS_VERSION_KEY = "page-cache:seats-version"
CACHED_PREFIXES = ("/en/", "/fr/")
NEVER_CACHED = ("/admin/", "/django-admin/", "/accounts/", "/en/accounts/", "/fr/accounts/", "/documents/")
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Security-Policy", "Vary", "X-Frame-Options", "Link")


def _version(key):
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, None)
        value = cache.get(key) or 1
    return value


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, 2, None)


def content_version():
    return _version(CONTENT_VERSION_KEY)


def seats_version():
    return _version(SEATS_VERSION_KEY)


def content_changed(**kwargs):
    """Receiver for everything that changes what a public page shows."""
    _bump(CONTENT_VERSION_KEY)


def purge_listings(**kwargs):
    """With a CDN configured, purge the pages that list others (home, indexes) in both languages;
    Wagtail's own handler purges the published page's addresses."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    listings = Page.objects.live().filter(depth__lte=3).exclude(depth=1)
    purge_pages_from_cache(listings)


def seats_changed(**kwargs):
    _bump(SEATS_VERSION_KEY)


def shows_seats(request):
    """Called by a page that renders live seat counts, so its cached copy expires with registrations."""
    request.page_cache_seats_version = seats_version()


def _timeout():
    return getattr(settings, "OGL_PAGE_CACHE_SECONDS", 300)


def _eligible(request):
    if request.method not in ("GET", "HEAD") or not _timeout():
        return False
    path = request.path
    if not path.startswith(CACHED_PREFIXES) or path.startswith(NEVER_CACHED):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _key(request, version):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{version}:{digest}"


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class AnonymousPageCacheMiddleware:
    """Serves and stores anonymous readers' public pages; see the module's notes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _key(request, content_version())
        entry = cache.get(key)
        if entry is not None and (entry["seats"] is None or entry["seats"] == seats_version()):
            response = HttpResponse(entry["content"], status=200)
            for name, value in entry["headers"]:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
            seats = getattr(request, "page_cache_seats_version", None)
            cache.set(key, {"content": response.content, "headers": headers, "seats": seats}, _timeout())
            patch_cache_control(response, public=True, max_age=0, s_maxage=_timeout())
            response["X-Page-Cache"] = "miss"
        return response


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        content_changed()


def connect_receivers():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from literacy.models import Audience, Jurisdiction, Topic
    from literacy.models.plans import Principle
    from resources.models import PlannedResource
    from sessions.models import Registration

    for name, signal in (("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)):
        signal.connect(content_changed, dispatch_uid=f"page-cache-page-{name}")
        signal.connect(purge_listings, dispatch_uid=f"page-cache-purge-{name}")
    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-deleted")
    for model in (Topic, Audience, Jurisdiction, Principle, PlannedResource):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}-saved")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}-deleted")
    post_save.connect(seats_changed, sender=Registration, dispatch_uid="page-cache-registration-saved")
    post_delete.connect(seats_changed, sender=Registration, dispatch_uid="page-cache-registration-deleted")
