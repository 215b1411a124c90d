"""Registration throughput under 16 concurrent clients, and the peak booked count (must equal
capacity: no overbooking). Runs against a throw-away test database on the configured server:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ogl_bench .venv/bin/python bench/registrations.py
"""

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Production-like: emails are enqueued for the background worker (database task backend), not sent inline.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
PER_CLIENT = 40
CAPACITY = 50


def main():
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        # A file, not shared-cache memory, so threads wait on the busy timeout like production.
        import tempfile

        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run():
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from home.site_tree import build_site_tree
    from literacy.models import JurisdictionPage
    from sessions import services
    from sessions.models import Registration, SessionPage

    build_site_tree()
    parent = JurisdictionPage.objects.get(jurisdiction__code="ON", locale__language_code="en")
    start = timezone.now() + timedelta(days=10)
    session = SessionPage(
        title="Bench",
        slug="bench",
        jurisdiction=parent.jurisdiction,
        start=start,
        end=start + timedelta(hours=2),
        time_zone="America/Toronto",
        capacity=CAPACITY,
    )
    parent.add_child(instance=session)
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.ca") for i in range(CLIENTS * PER_CLIENT)]
    )

    peak = 0
    done = threading.Event()

    def monitor():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, Registration.objects.filter(session=session, status__in=Registration.SEAT_HOLDING).count())
            time.sleep(0.005)
        connection.close()

    def client(chunk):
        for user in chunk:
            services.register(session=session, user=user)
        connection.close()

    watcher = threading.Thread(target=monitor)
    watcher.start()
    threads = [threading.Thread(target=client, args=(users[i::CLIENTS],)) for i in range(CLIENTS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    done.set()
    watcher.join()
    booked = Registration.objects.filter(session=session, status=Registration.Status.BOOKED).count()
    waitlisted = Registration.objects.filter(session=session, status=Registration.Status.WAITLISTED).count()
    peak = max(peak, booked)
    total = len(users)
    print(f"database: {connection.vendor}")
    print(f"clients: {CLIENTS}, registrations: {total}, capacity: {CAPACITY}")
    print(f"elapsed: {elapsed:.2f} s, registrations per second: {total / elapsed:.1f}")
    print(f"booked: {booked}, waitlisted: {waitlisted}, peak booked: {peak} (capacity {CAPACITY})")
    if peak != CAPACITY or booked + waitlisted != total:
        print("FAIL: overbooked or lost registrations")
        sys.exit(1)


if __name__ == "__main__":
    main()
