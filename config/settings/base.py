"""Settings shared by every environment. Environment-specific modules import * from here."""

import json
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "literacy",
    "resources",
    "courses",
    "sessions.apps.LearningSessionsConfig",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "home.middleware.AdminMFARequiredMiddleware",
    "home.middleware.UserTimeZoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

# Content-Security-Policy (django-csp): the public site runs no inline script or style and loads
# nothing from another host, except lesson videos (https media). The Wagtail admin is left out:
# Wagtail itself writes inline scripts and styles, and its pages are only for signed-in staff.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "home.context_processors.main_menu",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the background worker and the web process use the file at once.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # Writers queue for the lock; the 5 s default gives up too soon with many at once.
    DATABASES["default"]["OPTIONS"]["timeout"] = 30

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "literacy.User"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ogl",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: English and French, both official languages, in every URL.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Overrides first: allauth's French in Government of Canada terms ("courriel").
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_media_storage(*, bucket, endpoint_url=None, region=None, location=""):
    """Media (documents, images, stored certificates) in S3-compatible object storage, so that app
    servers keep nothing on their disks. Objects are private: links are signed and expire, because
    certificates and imports hold personal data."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region,
            "location": location,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 600,
            "file_overwrite": False,
        },
    }


# Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or an instance role).
if os.environ.get("OGL_MEDIA_S3_BUCKET"):
    STORAGES["default"] = s3_media_storage(
        bucket=os.environ["OGL_MEDIA_S3_BUCKET"],
        endpoint_url=os.environ.get("OGL_MEDIA_S3_ENDPOINT_URL") or None,
        region=os.environ.get("OGL_MEDIA_S3_REGION") or None,
    )

# Wagtail
WAGTAIL_SITE_NAME = "Open Government Literacy"
# The site works offline and sends nobody's email hash to a third party: no Gravatar avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# Accounts (django-allauth)
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "home.forms.SignupProfileForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[OGL] "
# The key limit counts failures per account, the ip limit per address: after five bad
# passwords for one account the sixth try is refused for five minutes. A whole department signs
# in from behind one address (NAT), so the per-address limits are high: they stop a flood, not
# an office on Monday morning; guessing one account's password is stopped by the key limit.
ACCOUNT_RATE_LIMITS = {
    "login": "600/m/ip",
    "login_failed": "300/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
LOGIN_REDIRECT_URL = "home:my_learning"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Open Government Literacy"
OGL_REQUIRE_ADMIN_MFA = env_bool("OGL_REQUIRE_ADMIN_MFA", False)
WAGTAILADMIN_LOGIN_URL = "account_login"

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Open Government Literacy <no-reply@ogl.example.ca>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: the database backend keeps jobs across restarts; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task whose worker has not shown a heartbeat for this long is run again by another worker
# (`manage.py run_worker`, literacy.jobs). Longer than any one task takes.
OGL_TASK_LEASE_SECONDS = int(os.environ.get("OGL_TASK_LEASE_SECONDS", "120"))
# Learning Record Stores that receive xAPI statements (literacy.xapi), as JSON:
# [{"name": "csps", "endpoint": "https://lrs.example/xAPI", "username": "…", "password": "…"}]
OGL_XAPI_STORES = json.loads(os.environ.get("OGL_XAPI_STORES", "[]"))
# CKAN portals harvested into the inventory (resources.tasks.harvest_configured_portals), as JSON:
# [{"url": "https://data.ontario.ca", "jurisdiction": "ON", "fq": "…", "topic": "basics"}, …]
# Anonymous readers' public pages are cached whole for this long (0 turns the cache off); any
# publish, move, delete or vocabulary change makes the next request render afresh (home.page_cache).
OGL_PAGE_CACHE_SECONDS = int(os.environ.get("OGL_PAGE_CACHE_SECONDS", "300"))
# A CDN or caching proxy in front: Wagtail's frontend-cache backends, as JSON, e.g.
# {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend", "BEARER_TOKEN": "…", "ZONEID": "…"}}
# On publish and unpublish the page's own addresses and the listing pages are purged; filtered
# listings expire after OGL_PAGE_CACHE_SECONDS (the s-maxage the site sends).
WAGTAILFRONTENDCACHE = json.loads(os.environ.get("OGL_FRONTEND_CACHE", "{}"))
# Registrations of sessions that ended this long ago are anonymised by the scheduled purge.
OGL_REGISTRATION_RETENTION_DAYS = int(os.environ.get("OGL_REGISTRATION_RETENTION_DAYS", "730"))
# Where the contact page sends people (questions, privacy requests).
OGL_CONTACT_EMAIL = os.environ.get("OGL_CONTACT_EMAIL", "open-government-literacy@example.org")
# How long a seat freed in a full session is held for the next waitlisted person to accept.
OGL_SEAT_OFFER_HOURS = float(os.environ.get("OGL_SEAT_OFFER_HOURS", "24"))
# Scheduled work is run by the workers (literacy.schedule.DEFAULT_SCHEDULE unless set here as a
# list of (name, dotted function, seconds)).
OGL_HARVEST_SOURCES = json.loads(os.environ.get("OGL_HARVEST_SOURCES", "[]"))

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

OGL_SITE_NAME = _("Open Government Literacy")
# The footer's "Date modified" on views that are not pages: the deployed release's date
# (YYYY-MM-DD), set by the deployment; development falls back to the last commit's date.
OGL_RELEASE_DATE = os.environ.get("OGL_RELEASE_DATE", "")

# Time zones come from the pinned `tzdata` package, not the host's (possibly stale) zoneinfo:
# e.g. tzdata 2026 knows BC and Alberta stopped changing clocks in November 2026.
import zoneinfo  # noqa: E402

zoneinfo.reset_tzpath(to=[])
