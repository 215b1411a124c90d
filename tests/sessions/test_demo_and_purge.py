from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

from literacy.models import Certificate
from sessions import services
from sessions.demo import load_demo
from sessions.models import Registration, SelfIdentification, SessionPage
from tests.factories import UserFactory

from .helpers import make_session

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_covers_the_country(site_tree):
    load_demo(tree=site_tree)
    counts = (SessionPage.objects.count(), Registration.objects.count())
    load_demo(tree=site_tree)
    assert (SessionPage.objects.count(), Registration.objects.count()) == counts
    en = SessionPage.objects.filter(locale__language_code="en")
    fr = SessionPage.objects.filter(locale__language_code="fr")
    assert en.count() == fr.count() >= 6
    assert set(en.values_list("translation_key", flat=True)) == set(fr.values_list("translation_key", flat=True))
    assert len(set(en.values_list("jurisdiction__code", flat=True))) >= 6
    assert len(set(en.values_list("time_zone", flat=True))) >= 4
    assert {"America/St_Johns", "America/Vancouver"} <= set(en.values_list("time_zone", flat=True))
    assert Registration.objects.filter(status="waitlisted").exists()
    assert en.filter(status="cancelled").count() == 1 and fr.filter(status="cancelled").count() == 1
    past = en.filter(start__lt=timezone.now())
    assert past.count() == 2
    assert Registration.objects.filter(session__in=past, status="attended").count() == 12
    assert Certificate.objects.filter(kind="session", object_id__in=past.values("pk")).count() == 12
    # French pages read as French all the way down: their address and venue too.
    for page in fr:
        english = en.get(translation_key=page.translation_key)
        assert page.slug != english.slug and page.slug == slugify(page.title)
        assert page.venue == "" or "learning centre" not in page.venue
    assert fr.exclude(venue="").filter(venue__startswith="Centre d’apprentissage").exists()


def test_purge_command_keeps_counts(capsys):
    now = timezone.now()
    session = make_session(capacity=3, start=now + timedelta(days=1))
    recent = make_session(capacity=3, start=now + timedelta(days=2), title="Recent")
    old = services.register(session=session, user=UserFactory(), self_identification={"gender": "man"}, now=now)
    kept = services.register(session=recent, user=UserFactory(), self_identification={"gender": "man"}, now=now)
    SessionPage.objects.filter(pk=session.pk).update(start=now - timedelta(days=800), end=now - timedelta(days=799))
    call_command("purge_registrations", "--older-than", "2y", "--dry-run")
    assert "Would anonymise 1 registration(s); would delete 1" in capsys.readouterr().out
    assert Registration.objects.get(pk=old.pk).user is not None and SelfIdentification.objects.count() == 2
    call_command("purge_registrations", "--older-than", "2y")
    assert "Anonymised 1 registration" in capsys.readouterr().out
    old.refresh_from_db()
    kept.refresh_from_db()
    assert old.user is None and kept.user is not None
    assert Registration.objects.filter(session=session).count() == 1
    assert list(SelfIdentification.objects.values_list("registration_id", flat=True)) == [kept.pk]


def test_purge_command_rejects_bad_age():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("purge_registrations", "--older-than", "soon")
