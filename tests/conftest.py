import os
import uuid

import pytest
from django.core.cache import cache

from home.site_tree import build_site_tree


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the provisioned site tree in both languages."""
    with django_db_blocker.unblock():
        build_site_tree()


@pytest.fixture
def site_tree(db):
    """The site tree's handles (home pages, index pages, jurisdictions' pages and groups).
    Idempotent, so transactional tests that flushed the database get it back too."""
    cache.clear()
    _restore_wagtail_roots()
    return build_site_tree()


def _restore_wagtail_roots():
    # A transactional test's flush also deletes the root page and root collection that Wagtail's
    # migrations created, and which build_site_tree() builds on.
    from wagtail.models import Collection, Locale, Page

    if not Page.objects.filter(depth=1).exists():
        locale, _ = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


@pytest.fixture(autouse=True)
def _default_language():
    # A request to /fr/ leaves French active in the thread (LocaleMiddleware activates, never
    # deactivates); each test starts in the site's default language.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and Wagtail's site-root cache live in the cache, which rollbacks do not reset.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def s3_server():
    """A local S3 server (moto's server mode) with one bucket, for media in object storage."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    saved = {name: os.environ.get(name) for name in credentials}
    os.environ.update(credentials)
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket="ogl-media")
    yield {"endpoint_url": endpoint, "bucket": "ogl-media"}
    server.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def media_in_s3(settings, s3_server, prefix):
    """Points the default storage at the local S3 server, under a prefix of the test's own."""
    from config.settings.base import s3_media_storage

    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_media_storage(
            bucket=s3_server["bucket"], endpoint_url=s3_server["endpoint_url"], region="us-east-1", location=prefix
        ),
    }


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # OGL_TEST_MEDIA=s3 runs the whole suite with media in object storage, as production does.
    if os.environ.get("OGL_TEST_MEDIA") == "s3":
        media_in_s3(settings, request.getfixturevalue("s3_server"), prefix=f"t{uuid.uuid4().hex}")


@pytest.fixture(scope="session")
def _site_snapshot(django_db_setup, django_db_blocker):
    """The database with the site tree, serialized once per session."""
    from home.models import HomePage
    from home.site_tree import build_site_tree
    from tests.browser.snapshot import take_snapshot

    with django_db_blocker.unblock():
        if not HomePage.objects.exists():  # an earlier transactional test flushed it
            _restore_wagtail_roots()
            build_site_tree()
        return take_snapshot()


def _ensure_site(snapshot):
    from home.models import HomePage
    from tests.browser.snapshot import restore_snapshot

    if not HomePage.objects.exists():
        restore_snapshot(snapshot)


@pytest.fixture
def live_site(_site_snapshot, live_server):
    """The live server, whose (transactional) database holds the site tree.

    The live server runs in another thread, so the test cannot keep its data in a transaction
    that is rolled back: pytest-django flushes the database after the test. The harness loads a
    snapshot of the site into the flushed database instead of rebuilding the tree."""
    _ensure_site(_site_snapshot)
    return live_server


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # The flush after a browser test leaves the database without the site; put it back unless the
    # next test is a browser test, which will anyway, so that later transactional tests find it.
    result = yield
    if "live_site" in item.fixturenames and nextitem is not None and "live_site" not in nextitem.fixturenames:
        from pytest_django.plugin import blocking_manager_key

        snapshot = item.funcargs.get("_site_snapshot") or item._request.getfixturevalue("_site_snapshot")
        with item.config.stash[blocking_manager_key].unblock():
            _ensure_site(snapshot)
    return result
