from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-0c0a0a7e0b0f4b8c9d6e")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
OGL_DEMO_SIGNINS = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
