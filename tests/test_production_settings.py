"""Production refuses to start without a strong SECRET_KEY."""

import os
import subprocess
import sys

import pytest

STRONG = "k3y-" + "9f8e7d6c5b4a" * 5


def _load_production(secret_key):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "ogl.example.ca",
        "WAGTAILADMIN_BASE_URL": "https://ogl.example.ca",
    }
    env.pop("SECRET_KEY", None)
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        "short-key",
        "a" * 60,
        "django-insecure-" + "x1y2z3" * 10,
        "dev-only-not-secret-0c0a0a7e0b0f4b8c9d6e",
        "test-only-not-secret",
    ],
)
def test_production_refuses_a_missing_short_or_known_secret_key(key):
    result = _load_production(key)
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_starts_with_a_strong_secret_key():
    result = _load_production(STRONG)
    assert result.returncode == 0, result.stderr


def test_production_logs_one_json_object_per_line():
    import json

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "ogl.example.ca",
        "SECRET_KEY": STRONG,
        "WAGTAILADMIN_BASE_URL": "https://ogl.example.ca",
    }
    code = "import django, logging; django.setup(); logging.getLogger('sessions.services').warning('seat %s freed', 7)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "seat 7 freed" and line["level"] == "WARNING" and line["logger"] == "sessions.services"


@pytest.mark.parametrize("base_url", [None, "http://127.0.0.1:8000", "http://ogl.example.ca", "https://localhost"])
def test_production_refuses_to_link_to_a_default_host(base_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "ogl.example.ca",
        "SECRET_KEY": STRONG,
    }
    env.pop("WAGTAILADMIN_BASE_URL", None)
    if base_url is not None:
        env["WAGTAILADMIN_BASE_URL"] = base_url
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "WAGTAILADMIN_BASE_URL must be set" in result.stderr
