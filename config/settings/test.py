from .base import *  # noqa: F403
from .base import os

SECRET_KEY = "test-only-not-secret"
EMAIL_BACKEND = os.environ.get("OGL_TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Jobs run in-process so a test sees their effects; the database backend has its own tests.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("OGL_TEST_TASKS") == "db":  # a real worker started by a test
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
OGL_REQUIRE_ADMIN_MFA = False
OGL_DEMO_SIGNINS = False
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/ogl-test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory: concurrent threads then wait on the busy timeout instead of
    # failing with "database table is locked", as they would in production.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
# Workers started by tests run no scheduled jobs unless a test gives them some.
OGL_SCHEDULE = []

_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _xdist_worker and CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    # Tests clear the cache, and a Redis cache's clear() empties its whole database: each parallel
    # test process gets a database of its own, counted down from the one REDIS_URL names.
    from urllib.parse import urlsplit

    _redis = urlsplit(CACHES["default"]["LOCATION"])  # noqa: F405
    _number = (int(_redis.path.strip("/") or 0) - 1 - int(_xdist_worker.removeprefix("gw"))) % 16
    CACHES["default"]["LOCATION"] = _redis._replace(path=f"/{_number}").geturl()  # noqa: F405
