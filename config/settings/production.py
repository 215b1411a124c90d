from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
KNOWN_KEYS = {"test-only-not-secret", "dev-only-not-secret-0c0a0a7e0b0f4b8c9d6e", "change-me", "secret"}
# Django's own deploy check warns below these figures; production refuses to start instead.
if (
    not SECRET_KEY
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY in KNOWN_KEYS
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in production to a random value of at least 50 characters "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

# Certificates' QR codes, emails and exports link to the site by this address: never a default.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
if not WAGTAILADMIN_BASE_URL.startswith("https://") or any(
    host in WAGTAILADMIN_BASE_URL for host in ("localhost", "127.0.0.1", "[::1]", "example.com")
):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in production to the site's public https address "
        "(for example https://ogl.gc.example): certificates, emails and exports link to it."
    )
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
OGL_REQUIRE_ADMIN_MFA = env_bool("OGL_REQUIRE_ADMIN_MFA", True)
OGL_DEMO_SIGNINS = False

# One JSON object per log line, for the log collector; the services and tasks log through their
# module's logger (imports, emails, PDFs, link checks, statements, worker recovery).
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}

# Error reporting is off unless a Sentry DSN is given; no personal data is sent.
if os.environ.get("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=os.environ["SENTRY_DSN"],
        send_default_pii=False,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

STORAGES = {
    **STORAGES,  # noqa: F405  (object storage when OGL_MEDIA_S3_BUCKET is set, else the local disk)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
