"""Browse-page benchmark: seeds N live resources (default 10,000; BENCH_RESOURCES=1000 for a quick
run) into a throwaway SQLite database (or the test database of DATABASE_URL), then prints the
median latency and queries per request of the resource browse page with and without the facet
cache, next to a bare Django view's on the same run.

    .venv/bin/python bench/resources.py            # 10,000 resources
    BENCH_RESOURCES=1000 .venv/bin/python bench/resources.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
TMP = tempfile.mkdtemp(prefix="ogl-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

N = int(os.environ.get("BENCH_RESOURCES", sys.argv[1] if len(sys.argv) > 1 else 10_000))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 30))
URLS = [
    "/en/resources/",
    "/en/resources/?topic=basics&topic=governance&language=en&sort=title",
    "/en/resources/?jurisdiction=ON&jurisdiction=BC&type=guide&page=3",
]


def bare_view(request):
    return HttpResponse("ok")


def measure(client, url, *, n=REQUESTS):
    timings, queries = [], []
    client.get(url)  # warm up
    for _ in range(n):
        reset_queries()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        queries.append(len(connection.queries))
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), statistics.median(queries)


def export_csv(client):
    """CSV export of every resource against the anchor: values_list + csv.writer over the same rows."""
    import csv
    import io

    from resources.models import ResourcePage

    def timed(fn):
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    def through_site():
        response = client.get("/en/resources/export/csv/")
        for _chunk in response.streaming_content:
            pass

    def anchor():
        out = csv.writer(io.StringIO())
        for row in ResourcePage.objects.live().values_list(
            "translation_key", "title", "summary", "link_url", "licence", "date_published"
        ):
            out.writerow(row)

    site = statistics.median(timed(through_site) for _ in range(3))
    raw = statistics.median(timed(anchor) for _ in range(3))
    verdict = "met" if site <= 3 * raw else "NOT met"
    print(
        f"CSV export of {N} resources: {site:.2f} s; anchor values_list + csv.writer {raw:.2f} s; "
        f"{site / raw:.1f} x (goal <= 3 x): {verdict}"
    )


def main():
    from django.urls import clear_url_caches, path

    import config.urls as root_urls

    setup_test_environment()
    settings.DEBUG = True  # record queries
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from home.site_tree import build_site_tree
        from tests.support.seeding import bulk_seed

        tree = build_site_tree()
        codes = list(tree["jurisdictions"])
        start = time.perf_counter()
        per = N // len(codes)
        for i, code in enumerate(codes):
            count = per + (N - per * len(codes) if i == 0 else 0)
            bulk_seed(parent=tree["jurisdictions"][code]["pages"]["en"], count=count, start=i * per + (N if i else 0))
        print(f"Seeded {N} resources in {time.perf_counter() - start:.1f} s ({connection.vendor})")

        root_urls.urlpatterns.insert(0, path("bench-bare/", bare_view))
        clear_url_caches()
        client = Client()
        bare_ms, bare_q = measure(client, "/bench-bare/")
        print(f"{'view':70} {'median ms':>10} {'queries':>8}")
        print(f"{'bare Django view':70} {bare_ms:10.1f} {bare_q:8.0f}")
        for label, facet_seconds, page_seconds in (
            ("no cache", 0, 0),
            ("facet cache", 300, 0),
            ("page cache", 300, 300),
        ):
            settings.RESOURCES_FACET_CACHE_SECONDS = facet_seconds
            settings.OGL_PAGE_CACHE_SECONDS = page_seconds
            for url in URLS:
                ms, q = measure(client, url)
                print(f"{label + ' ' + url:70} {ms:10.1f} {q:8.0f}")
        settings.OGL_PAGE_CACHE_SECONDS = 0
        from resources.models import ResourcePage

        detail = ResourcePage.objects.live().order_by("pk")[N // 2]
        ms, q = measure(client, detail.url)
        print(f"{'no cache resource detail (related resources)':70} {ms:10.1f} {q:8.0f}")
        settings.OGL_PAGE_CACHE_SECONDS = 300
        cached_ms, _ = measure(client, URLS[0])
        ratio = bare_ms / cached_ms
        verdict = "met" if ratio >= 0.5 else "NOT met"
        print(f"\nanonymous browse, page cache: {ratio:.2f} x the bare view's rate (goal >= 0.5 x): {verdict}")
        export_csv(client)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
