"""Liveness and readiness for a load balancer."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from sessions import services
from tests.factories import UserFactory
from tests.sessions.helpers import make_session


@pytest.mark.django_db
def test_healthz_and_readyz_answer_without_signing_in(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert {name for name, check in ready.json()["checks"].items() if check["ok"]} == {
        "database",
        "cache",
        "storage",
        "task_queue",
    }


PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
ready, alive = client.get("/readyz"), client.get("/healthz")
print(json.dumps({"ready": ready.status_code, "checks": ready.json()["checks"], "alive": alive.status_code}))
"""


def test_readyz_fails_when_the_database_is_down():
    # A real server process whose PostgreSQL is not there (nothing listens on port 9).
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/nowhere",
        "ALLOWED_HOSTS": "testserver",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["ready"] == 503 and answer["alive"] == 200  # alive, just not ready
    assert answer["checks"]["database"]["ok"] is False and "OperationalError" in answer["checks"]["database"]["error"]


@pytest.mark.django_db
def test_readyz_fails_when_queued_tasks_wait_too_long(client, settings, site_tree):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    services.register(session=make_session("ON", capacity=3), user=UserFactory())
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/readyz")
    assert response.status_code == 503 and "waited" in response.json()["checks"]["task_queue"]["error"]
