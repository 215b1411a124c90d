"""Scheduled work run by the workers themselves (no outside cron): each entry of OGL_SCHEDULE names
a job and how often it runs. Every worker's scheduler thread looks once a minute; the first to see
a job due claims it with one conditional UPDATE (so two workers never both queue it) and queues it
as a task, which any worker then runs under the usual lease. Every job is safe to run twice:
reminders are sent once each, link checks and harvests overwrite, purges find nothing left."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# (name, dotted path of a function that takes no arguments, seconds between runs)
DEFAULT_SCHEDULE = [
    ("session-reminders", "sessions.notifications.send_due_reminders", 15 * 60),
    ("seat-offers", "sessions.services.expire_seat_offers", 5 * 60),
    ("learning-statements", "literacy.xapi.retry_failed", 15 * 60),
    ("link-checks", "resources.services.queue_link_checks", 24 * 3600),
    ("harvests", "resources.harvest.harvest_configured_portals", 24 * 3600),
    ("registration-purge", "sessions.services.purge_expired_registrations", 24 * 3600),
]


def schedule():
    return [tuple(entry) for entry in getattr(settings, "OGL_SCHEDULE", DEFAULT_SCHEDULE)]


def claim_due_jobs(*, now=None):
    """Queue every job that is due and that no other worker has just claimed. Returns their names."""
    from .models import ScheduledJob
    from .tasks import run_scheduled_job

    now = now or timezone.now()
    queued = []
    for name, _path, seconds in schedule():
        ScheduledJob.objects.get_or_create(name=name)
        claimed = ScheduledJob.objects.filter(name=name).filter(last_queued_at__isnull=True).update(
            last_queued_at=now
        ) or ScheduledJob.objects.filter(name=name, last_queued_at__lte=now - timedelta(seconds=seconds)).update(
            last_queued_at=now
        )
        if claimed:
            run_scheduled_job.enqueue(name)
            queued.append(name)
    return queued


def run_job(name):
    """Run one scheduled job now (the task's body)."""
    for job_name, path, _seconds in schedule():
        if job_name == name:
            result = import_string(path)()
            logger.info("scheduled job ran", extra={"scheduled_job": name})
            return result
    raise KeyError(name)


def keep_schedule(*, stop, interval=60):
    """The scheduler thread of one worker."""
    try:
        while not stop.is_set():
            try:
                close_old_connections()
                claim_due_jobs()
            except Exception:  # noqa: BLE001 - retried at the next interval
                logger.exception("Scheduler pass failed")
            stop.wait(interval)
    finally:
        connection.close()
