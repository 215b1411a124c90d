"""Absolute addresses of this site, built from one setting (WAGTAILADMIN_BASE_URL, which
production refuses to start without), never from whatever host a request or a default Site
names: certificates, emails, calendars, statements and open data outlive the request."""

from django.conf import settings


def site_base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path_or_url):
    """`path_or_url` if it is already absolute, else the site's address with it appended."""
    if not path_or_url or "://" in path_or_url:
        return path_or_url
    return site_base_url() + ("" if path_or_url.startswith("/") else "/") + path_or_url
