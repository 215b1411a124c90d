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
