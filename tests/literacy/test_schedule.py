"""Scheduled work is run by the workers: each job is queued once per period, however many workers
look, and the default schedule names real jobs."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.module_loading import import_string

from literacy import schedule
from literacy.models import ScheduledJob

pytestmark = pytest.mark.django_db
RUNS = []


def count_a_run():
    RUNS.append(timezone.now())
    return len(RUNS)


def test_a_due_job_is_queued_once_per_period_whatever_the_workers(settings):
    settings.OGL_SCHEDULE = [("counter", "tests.literacy.test_schedule.count_a_run", 3600)]
    RUNS.clear()
    now = timezone.now()
    assert schedule.claim_due_jobs(now=now) == ["counter"]
    # A second worker looking at the same moment, and the first one a minute later, find it claimed.
    assert schedule.claim_due_jobs(now=now) == []
    assert schedule.claim_due_jobs(now=now + timedelta(seconds=60)) == []
    assert len(RUNS) == 1  # the test settings run tasks at once
    assert schedule.claim_due_jobs(now=now + timedelta(seconds=3601)) == ["counter"]
    assert len(RUNS) == 2
    assert ScheduledJob.objects.get(name="counter").last_queued_at == now + timedelta(seconds=3601)


def test_every_default_job_exists_and_runs_safely_twice(site_tree, settings):
    settings.OGL_HARVEST_SOURCES = []
    for name, path, seconds in schedule.DEFAULT_SCHEDULE:
        assert callable(import_string(path)), name
        assert seconds >= 60
    settings.OGL_SCHEDULE = schedule.DEFAULT_SCHEDULE
    for name, _path, _seconds in schedule.DEFAULT_SCHEDULE:
        schedule.run_job(name)
        schedule.run_job(name)
