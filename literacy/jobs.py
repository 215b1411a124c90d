"""Background work that survives a crashed worker.

django-tasks' database backend marks a task RUNNING when a worker claims it and nothing puts it
back if that worker dies (kill -9, out of memory, a lost machine): the task would stay RUNNING
forever and its email would never go. `manage.py run_worker` is db_worker with a lease: a thread
stamps the worker's heartbeat every LEASE/4 seconds and, in every worker, puts back to READY the
RUNNING tasks whose worker has not stamped for LEASE seconds, so another worker runs them.

Exactly once: a task may thus run twice (once cut short, once again). The tasks are written for
that: each email claims its Notification row and sends in one transaction (a run cut short before
its commit leaves no claim, so the retry sends; a finished send is never repeated), certificate
rendering re-checks under a row lock. The one window left is a crash after the mail server
accepted a message and before the claim committed: that message is sent twice. A lease rather
than a broker with acknowledgements keeps the deployment to PostgreSQL alone (ARCHITECTURE.md)."""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

logger = logging.getLogger(__name__)


def lease_seconds():
    return int(getattr(settings, "OGL_TASK_LEASE_SECONDS", 120))


def beat(*, worker_id, now=None):
    from .models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"beat_at": now or timezone.now()})


def recover_abandoned_tasks(*, lease=None, now=None):
    """Put back to READY every RUNNING task whose worker stopped beating `lease` seconds ago (or
    never beat). Returns how many. Safe to run from several workers at once."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .models import WorkerHeartbeat

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease if lease is not None else lease_seconds())
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True))
    abandoned = [
        task.pk
        for task in DBTaskResult.objects.running().filter(started_at__lt=cutoff).only("pk", "worker_ids")
        if not task.worker_ids or task.worker_ids[-1] not in alive
    ]
    if not abandoned:
        return 0
    count = (
        DBTaskResult.objects.running().filter(pk__in=abandoned).update(status=TaskResultStatus.READY, started_at=None)
    )
    logger.warning("Put %s task(s) of dead workers back in the queue: %s", count, ", ".join(map(str, abandoned)))
    WorkerHeartbeat.objects.filter(beat_at__lt=cutoff - timedelta(days=1)).delete()
    return count


def keep_alive(*, worker_id, stop, interval):
    """The heartbeat thread of one worker."""
    try:
        while not stop.is_set():
            try:
                close_old_connections()
                beat(worker_id=worker_id)
                recover_abandoned_tasks()
            except Exception:  # noqa: BLE001 - a failed beat is retried at the next interval
                logger.exception("Heartbeat of worker %s failed", worker_id)
            stop.wait(interval)
    finally:
        connection.close()


def run_with_lease(worker):
    """Run a django-tasks-db Worker with a heartbeat thread beside it."""
    stop = threading.Event()
    beat(worker_id=worker.worker_id)
    recover_abandoned_tasks()
    thread = threading.Thread(
        target=keep_alive,
        kwargs={"worker_id": worker.worker_id, "stop": stop, "interval": max(1, lease_seconds() / 4)},
        name=f"heartbeat-{worker.worker_id}",
        daemon=True,
    )
    thread.start()
    from .schedule import keep_schedule

    scheduler = threading.Thread(
        target=keep_schedule, kwargs={"stop": stop}, name=f"scheduler-{worker.worker_id}", daemon=True
    )
    scheduler.start()
    try:
        worker.run()
    finally:
        stop.set()
        thread.join(timeout=10)
        scheduler.join(timeout=10)
