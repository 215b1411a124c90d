"""Learning records that travel: each learning event becomes an xAPI 1.0.3 statement, sent by a
background task to every Learning Record Store in `OGL_XAPI_STORES` (a JSON list of
{"name", "endpoint", "username", "password"} in the environment).

- Verbs are ADL's (registered, attended, completed, passed, failed, initialized) or, where ADL
  has none, this site's own IRIs (waitlisted, missed, earned).
- Activity ids are the canonical pages' URLs; names and descriptions are language maps with
  both official languages.
- The actor is the account's email (`mbox`) or an opaque account (a keyed hash of the user id
  under the site's home page), as the learner's government chooses (`Jurisdiction.xapi_actor`).
- Exactly once per event: the statement id is a UUID5 of the event key and each (event, store)
  has one `LearningStatement` row; delivery PUTs with that id, which a store keeps once.
- Delivery retries with backoff (30 s doubling, up to OGL_XAPI_MAX_ATTEMPTS) while a store is
  down, and records each failure on the row (listed in the admin)."""

import hashlib
import hmac
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from .links import site_base_url

logger = logging.getLogger(__name__)

NAMESPACE = uuid.UUID("6f1f3b3e-9a55-4d6e-8c1e-0b7c5d2f4a10")
ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "registered": (ADL + "registered", "registered", "s’est inscrit·e"),
    "attended": (ADL + "attended", "attended", "a participé"),
    "completed": (ADL + "completed", "completed", "a terminé"),
    "passed": (ADL + "passed", "passed", "a réussi"),
    "failed": (ADL + "failed", "failed", "a échoué"),
    "initialized": (ADL + "initialized", "started", "a commencé"),
    "waitlisted": (
        "https://ogl.example.ca/xapi/verbs/waitlisted",
        "joined the waitlist of",
        "s’est inscrit·e en liste d’attente",
    ),
    "missed": ("https://ogl.example.ca/xapi/verbs/missed", "did not attend", "ne s’est pas présenté·e à"),
    "earned": ("https://ogl.example.ca/xapi/verbs/earned", "earned a certificate for", "a obtenu un certificat pour"),
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "meeting": "http://adlnet.gov/expapi/activities/meeting",
    "plan": "http://adlnet.gov/expapi/activities/module",
}


def stores():
    return getattr(settings, "OGL_XAPI_STORES", [])


def max_attempts():
    return int(getattr(settings, "OGL_XAPI_MAX_ATTEMPTS", 10))


def actor(user):
    choice = user.jurisdiction.xapi_actor if user.jurisdiction_id else "account"
    if choice == "mbox" and user.email:
        return {"objectType": "Agent", "name": user.public_name, "mbox": f"mailto:{user.email}"}
    opaque = hmac.new(settings.SECRET_KEY.encode(), f"xapi-actor|{user.pk}".encode(), hashlib.sha256).hexdigest()[:32]
    return {"objectType": "Agent", "account": {"homePage": site_base_url() + "/", "name": opaque}}


def activity(page, *, kind):
    """The activity of a page: id from its canonical page's URL, names in both languages."""
    from .translation import canonical

    thing = canonical(page)
    names, descriptions = {}, {}
    for version in thing.get_translations(inclusive=True).specific().select_related("locale"):
        language = f"{version.locale.language_code}-CA"
        names[language] = version.title
        summary = getattr(version, "summary", "") or getattr(version, "search_description", "")
        if summary:
            descriptions[language] = summary
    definition = {"type": ACTIVITY_TYPES[kind], "name": names}
    if descriptions:
        definition["description"] = descriptions
    return {"objectType": "Activity", "id": thing.full_url, "definition": definition}


def statement(*, event, verb, user, page, kind, result=None, parent=None, timestamp=None):
    verb_id, english, french = VERBS[verb]
    data = {
        "id": str(uuid.uuid5(NAMESPACE, event)),
        "actor": actor(user),
        "verb": {"id": verb_id, "display": {"en-CA": english, "fr-CA": french}},
        "object": activity(page, kind=kind),
        "timestamp": (timestamp or timezone.now()).isoformat(),
        "context": {"platform": "Open Government Literacy", "language": user.preferred_language or "en"},
    }
    if parent is not None:
        data["context"]["contextActivities"] = {"parent": [activity(parent, kind="course")]}
    if result:
        data["result"] = result
    return data


def record(*, event, verb, user, page, kind, result=None, parent=None):
    """Queue the statement of one learning event for every store, once per event: recording the
    same event again does nothing. Delivery starts when the transaction commits."""
    configured = stores()
    if not configured or user is None:
        return []
    with translation.override("en"):
        data = statement(event=event, verb=verb, user=user, page=page, kind=kind, result=result, parent=parent)
    from .models import LearningStatement

    created = []
    for store in configured:
        try:
            with transaction.atomic():
                row = LearningStatement.objects.create(
                    statement_id=data["id"],
                    event=event,
                    lrs=store["name"],
                    statement=data,
                )
        except IntegrityError:
            continue
        created.append(row)
        transaction.on_commit(lambda pk=row.pk: enqueue_delivery(statement_pk=pk))
    return created


def enqueue_delivery(*, statement_pk, delay=None):
    from .tasks import deliver_learning_statement

    task = deliver_learning_statement
    if delay:
        if not task.get_backend().supports_defer:
            return  # no delayed tasks here (tests' in-process backend): `retry_failed` picks it up
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(statement_pk)


def retry_failed():
    """Queue again every failed statement that has attempts left (`manage.py send_learning_statements`)."""
    from .models import LearningStatement

    pending = LearningStatement.objects.exclude(status=LearningStatement.Status.DELIVERED).filter(
        attempts__lt=max_attempts()
    )
    count = 0
    for pk in pending.values_list("pk", flat=True):
        enqueue_delivery(statement_pk=pk)
        count += 1
    return count


def deliver(*, statement_pk):
    """PUT the statement to its store; record the outcome; schedule a retry if the store failed."""
    import requests

    from .models import LearningStatement

    row = LearningStatement.objects.filter(pk=statement_pk).first()
    if row is None or row.status == LearningStatement.Status.DELIVERED:
        return False
    store = next((s for s in stores() if s["name"] == row.lrs), None)
    if store is None:
        return False
    row.attempts += 1
    try:
        response = requests.put(
            store["endpoint"].rstrip("/") + "/statements/",
            params={"statementId": str(row.statement_id)},
            json=row.statement,
            auth=(store.get("username", ""), store.get("password", "")),
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=10,
        )
        # 204: stored; 409: the store already holds this id (an earlier attempt got through).
        if response.status_code not in (200, 204, 409):
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:300]}")
    except Exception as error:  # noqa: BLE001 - a store being down is expected; it is retried
        row.status = LearningStatement.Status.FAILED
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        row.save(update_fields=["status", "attempts", "last_error"])
        if row.attempts < max_attempts():
            delay = timedelta(seconds=float(getattr(settings, "OGL_XAPI_RETRY_SECONDS", 30)) * 2 ** (row.attempts - 1))
            enqueue_delivery(statement_pk=row.pk, delay=delay)
        logger.warning(
            "xAPI statement %s to %s failed (attempt %s): %s", row.statement_id, row.lrs, row.attempts, row.last_error
        )
        return False
    row.status = LearningStatement.Status.DELIVERED
    row.delivered_at = timezone.now()
    row.last_error = ""
    row.save(update_fields=["status", "attempts", "last_error", "delivered_at"])
    return True
