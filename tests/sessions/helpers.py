from datetime import UTC, datetime, timedelta

from django.utils import timezone

from literacy.models import JurisdictionPage
from sessions.models import SessionPage


def make_session(
    code="ON",
    *,
    capacity=10,
    start=None,
    hours=2,
    language="en",
    title=None,
    time_zone=None,
    registration_closes=None,
    registration_opens=None,
    publish=True,
    **fields,
):
    """A published session under the jurisdiction's page in `language`'s tree."""
    parent = JurisdictionPage.objects.get(jurisdiction__code=code, locale__language_code=language)
    start = start or (timezone.now() + timedelta(days=14)).replace(microsecond=0)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    session = SessionPage(
        title=title or f"Open data basics {code}",
        slug=f"session-{code.lower()}-{int(start.timestamp())}-{capacity}",
        jurisdiction=parent.jurisdiction,
        start=start,
        end=start + timedelta(hours=hours),
        time_zone=time_zone or parent.jurisdiction.time_zone,
        capacity=capacity,
        registration_closes=registration_closes,
        registration_opens=registration_opens,
        **fields,
    )
    parent.add_child(instance=session)
    if publish:
        session.save_revision().publish()
    return SessionPage.objects.get(pk=session.pk)


def utc(*args):
    return datetime(*args, tzinfo=UTC)
