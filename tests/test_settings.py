import importlib
import os

import pytest
from django.conf import settings
from django.core.cache import cache


def load_base(monkeypatch, **env):
    for key in ("DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    import config.settings.base as base

    return importlib.reload(base)


def test_defaults_are_sqlite_and_local_memory_cache(monkeypatch):
    base = load_base(monkeypatch)
    assert base.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert base.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_database_url_and_redis_url_switch_to_postgresql_and_redis(monkeypatch):
    base = load_base(
        monkeypatch,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/ogl",
        REDIS_URL="redis://127.0.0.1:6379/2",
        ALLOWED_HOSTS="ogl.example.ca, www.ogl.example.ca",
    )
    assert base.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert base.DATABASES["default"]["NAME"] == "ogl"
    assert base.CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/2",
        "KEY_PREFIX": "ogl",
    }
    assert base.ALLOWED_HOSTS == ["ogl.example.ca", "www.ogl.example.ca"]


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        importlib.reload(importlib.import_module("config.settings.production"))


def test_the_configured_cache_round_trips_a_value():
    """Under CI's PostgreSQL run REDIS_URL is set, so this talks to the real Redis server."""
    cache.set("ogl-settings-check", {"langue": "français"}, 30)
    assert cache.get("ogl-settings-check") == {"langue": "français"}
    expected = "RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    assert settings.CACHES["default"]["BACKEND"].endswith(expected)
