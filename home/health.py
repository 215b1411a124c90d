"""Health checks for a load balancer: cheap, unauthenticated, never cached.

/healthz answers while the process can serve (liveness); /readyz checks what a request needs —
the database, the cache, file storage — and how long the oldest queued background task has
waited (OGL_READY_MAX_QUEUE_LAG_SECONDS, default 900), and answers 503 when one of them fails."""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key = f"readyz-{time.monotonic_ns()}"
    cache.set(key, "1", 5)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def _storage():
    default_storage.exists("readyz-probe")
    bucket_name = getattr(default_storage, "bucket_name", None)
    if bucket_name:  # object storage answers "no such object" for a missing bucket too
        default_storage.connection.meta.client.head_bucket(Bucket=bucket_name)


def _queue():
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    lag = (timezone.now() - oldest).total_seconds() if oldest else 0
    limit = getattr(settings, "OGL_READY_MAX_QUEUE_LAG_SECONDS", 900)
    if lag > limit:
        raise RuntimeError(f"the oldest queued task has waited {int(lag)} s (limit {limit} s)")
    return int(lag)


@never_cache
def readyz(request):
    checks, ready = {}, True
    for name, check in (("database", _database), ("cache", _cache), ("storage", _storage), ("task_queue", _queue)):
        started = time.perf_counter()
        try:
            detail = check()
            checks[name] = {"ok": True, "ms": round(1000 * (time.perf_counter() - started), 1)}
            if detail is not None:
                checks[name]["lag_seconds"] = detail
        except Exception as error:  # noqa: BLE001 - a failed check is the answer, not a crash
            ready = False
            checks[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    return JsonResponse({"status": "ready" if ready else "not ready", "checks": checks}, status=200 if ready else 503)
