from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def user_has_totp(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class AdminMFARequiredMiddleware:
    """With OGL_REQUIRE_ADMIN_MFA on, anyone who can reach the admin must first set up TOTP."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.OGL_REQUIRE_ADMIN_MFA
            and request.path.startswith(ADMIN_PREFIXES)
            and request.user.is_authenticated
            and (request.user.is_staff or request.user.has_perm("wagtailadmin.access_admin"))
            and not user_has_totp(request.user)
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication with an authenticator app before you use the administration area."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Dates and times render on the signed-in reader's own clock (their profile's zone, else their
    jurisdiction's); anonymous readers get the site's. Session times name their zone explicitly."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(ZoneInfo(user.effective_time_zone))
            except (ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a language-neutral address answering 404 itself (the CKAN API's
    "Not Found Error", an unknown vocabulary concept) keeps its 404 instead of being redirected
    to /en/…, which would turn an API answer into an HTML page."""

    def process_response(self, request, response):
        if getattr(response, "language_neutral", False):
            return response
        return super().process_response(request, response)
