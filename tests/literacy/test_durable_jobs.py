"""A background worker killed with SIGKILL in the middle of a batch loses no email: another
worker (`manage.py run_worker`) puts the dead worker's tasks back after the lease and sends every
queued email, each exactly once."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from literacy.jobs import beat, recover_abandoned_tasks
from sessions import services
from tests.factories import UserFactory
from tests.sessions.helpers import make_session

ROOT = Path(settings.BASE_DIR)


def _database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(tmp_path, name, *extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "OGL_TEST_TASKS": "db",
        "OGL_TEST_EMAIL_BACKEND": "tests.support.mail.SlowFileEmailBackend",
        "OGL_TEST_MAIL_FILE": str(tmp_path / "mail.txt"),
        "OGL_TASK_LEASE_SECONDS": "3",
    }
    env.pop("REDIS_URL", None)
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "run_worker",
            "--no-startup-delay",
            "--interval",
            "0.2",
            "--worker-id",
            name,
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=open(tmp_path / f"{name}.log", "w"),
        stderr=subprocess.STDOUT,
    )


def _sent(tmp_path):
    path = tmp_path / "mail.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_no_email_and_sends_none_twice(site_tree, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    session = make_session("ON", capacity=30)
    people = [UserFactory(email=f"person{n}@example.org") for n in range(12)]
    for person in people:
        services.register(session=session, user=person)
    assert DBTaskResult.objects.ready().filter(task_path__endswith="send_registration_email").count() == 12

    first = _start_worker(tmp_path, "worker-a")
    deadline = time.monotonic() + 60
    while len(_sent(tmp_path)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # now in the middle of a send
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    sent_before = len(_sent(tmp_path))
    assert 3 <= sent_before < 12
    stranded = [task for task in DBTaskResult.objects.running() if task.worker_ids[-1:] == ["worker-a"]]
    assert len(stranded) == 1  # the task it was running when it died

    second = _start_worker(tmp_path, "worker-b")
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (
            len(_sent(tmp_path)) < 12 or DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
        ):
            time.sleep(0.2)
        time.sleep(1)  # long enough for a duplicate, were there one, to show
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=20)
        except subprocess.TimeoutExpired:
            second.kill()
    lines = _sent(tmp_path)
    recipients = sorted(line.split("\t")[0] for line in lines)
    assert recipients == sorted(person.email for person in people), (tmp_path / "worker-b.log").read_text()
    assert DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).count() == 0


@pytest.mark.django_db
def test_only_the_tasks_of_workers_that_stopped_beating_are_put_back(site_tree, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    session = make_session("ON", capacity=5)
    for person in (UserFactory(), UserFactory(), UserFactory()):
        services.register(session=session, user=person)
    now = timezone.now()
    dead, alive, fresh = DBTaskResult.objects.order_by("enqueued_at")[:3]
    for task, worker in ((dead, "dead"), (alive, "alive"), (fresh, "dead")):
        task.claim(worker)
    DBTaskResult.objects.filter(pk__in=[dead.pk, alive.pk]).update(started_at=now - timedelta(minutes=10))
    beat(worker_id="dead", now=now - timedelta(minutes=10))
    beat(worker_id="alive", now=now)
    assert recover_abandoned_tasks(lease=120, now=now) == 1
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[dead.pk] == TaskResultStatus.READY
    assert statuses[alive.pk] == TaskResultStatus.RUNNING
    assert statuses[fresh.pk] == TaskResultStatus.RUNNING  # claimed just now: within the lease
