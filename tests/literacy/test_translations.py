"""Every page model translates through wagtail-localize's own API: a translation is created,
its strings are translated, the source is edited and synced, and the translated page publishes.
Fields that are data, not prose, are synchronised and never offered for translation."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import String, StringTranslation, Translation, TranslationSource

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage
from literacy.models import JurisdictionIndexPage, JurisdictionPage, LearningPlanIndexPage, Topic
from literacy.models.plans import LearningPlanPage, LearningPlanStep
from resources.models import ResourceIndexPage
from resources.services import save_resource_page
from sessions.models import SessionIndexPage, SessionPage
from tests.courses.helpers import question

pytestmark = pytest.mark.django_db


def _new_resource(tree):
    parent = tree["jurisdictions"]["ON"]["pages"]["en"]
    return save_resource_page(
        parent=parent,
        title="Open data guide",
        topics=list(Topic.objects.filter(slug="basics")),
        audiences=[],
        summary="A guide to open data.",
        resource_type="guide",
        format="html",
        languages=["en", "fr"],
        licence="ogl-ontario-1.0",
        link_url="https://example.org/guide",
        publisher="Ontario",
        date_published=date(2024, 5, 1),
    )


def _new_course(tree):
    parent = tree["jurisdictions"]["ON"]["pages"]["en"]
    course = CoursePage(title="Open data basics", summary="Basics.", estimated_duration=40, pass_mark=80, language="en")
    parent.add_child(instance=course)
    course.save_revision().publish()
    return course


def _new_lesson(tree):
    course = _new_course(tree)
    lesson = LessonPage(
        title="What open data is",
        body=[{"type": "markdown", "value": "## Open data\n\nData anyone can **use**."}],
        knowledge_check=[question()],
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def _new_plan(tree):
    index = tree["index_pages"][LearningPlanIndexPage]["en"]
    plan = LearningPlanPage(
        title="Engagement plan", slug="engagement-plan", framework="general", introduction="<p>Plan intro.</p>"
    )
    plan.steps = [
        LearningPlanStep(title="Read", expected_outcome="You have read it.", linked_page=tree["homes"]["en"]),
        LearningPlanStep(title="Reflect", expected_outcome="You can explain it."),
    ]
    index.add_child(instance=plan)
    plan.save_revision().publish()
    return plan


def _new_session(tree):
    parent = tree["jurisdictions"]["ON"]["pages"]["en"]
    start = (timezone.now() + timedelta(days=20)).replace(microsecond=0)
    session = SessionPage(
        title="Open data clinic",
        slug="open-data-clinic",
        jurisdiction=parent.jurisdiction,
        start=start,
        end=start + timedelta(hours=2),
        time_zone="America/Toronto",
        capacity=12,
        format="in_person",
        venue="Room 1",
        address="1 Main St",
        description="<p>Bring questions.</p>",
    )
    parent.add_child(instance=session)
    session.save_revision().publish()
    return session


def _existing(page_class):
    def get(tree):
        return (
            page_class.objects.get(locale__language_code="en")
            if page_class is not JurisdictionPage
            else tree["jurisdictions"]["ON"]["pages"]["en"]
        )

    return get


FACTORIES = {
    "home": _existing(HomePage),
    "resource index": _existing(ResourceIndexPage),
    "course index": _existing(CourseIndexPage),
    "plan index": _existing(LearningPlanIndexPage),
    "session index": _existing(SessionIndexPage),
    "jurisdiction index": _existing(JurisdictionIndexPage),
    "jurisdiction": _existing(JurisdictionPage),
    "resource": _new_resource,
    "course": _new_course,
    "lesson": _new_lesson,
    "plan": _new_plan,
    "session": _new_session,
}


def _translate_all(translation):
    """Give every string segment a French translation, as a translator would in the editor."""
    fr = translation.target_locale
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=fr,
            context=segment.context,
            defaults={"data": f"FR {segment.string.data}"},
        )


def _save_target(translation):
    # wagtail-localize publishes the translated revision when the transaction commits.
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)


def _translated_page(source_page):
    fr = Locale.objects.get(language_code="fr")
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=fr, defaults={"enabled": True}
    )
    _translate_all(translation)
    _save_target(translation)
    return source, translation, source_page.get_translation(fr).specific


@pytest.mark.parametrize("kind", sorted(FACTORIES))
def test_every_page_model_translates_edits_and_syncs(site_tree, kind):
    page = FACTORIES[kind](site_tree).specific
    source, translation, french = _translated_page(page)
    assert french.live and french.locale.language_code == "fr"
    assert french.translation_key == page.translation_key
    if kind not in (
        "home",
        "resource index",
        "course index",
        "plan index",
        "session index",
        "jurisdiction index",
        "jurisdiction",
    ):
        assert french.title == f"FR {page.title}"

    page.title = f"{page.title} (edited)"
    page.save_revision().publish()
    source.update_from_db()
    _translate_all(translation)
    _save_target(translation)
    french.refresh_from_db()
    assert french.title == f"FR {page.title}"
    assert not french.has_unpublished_changes


def test_data_fields_are_synchronised_not_translated(site_tree):
    session = _new_session(site_tree)
    resource = _new_resource(site_tree)
    for page in (session, resource):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        offered = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
        assert "America/Toronto" not in offered
        assert "in_person" not in offered and "guide" not in offered
        assert not any(text.startswith("https://example.org") for text in offered)
        assert "Open data clinic" in offered or "Open data guide" in offered

    _source, _translation, french_session = _translated_page(session)
    assert (french_session.start, french_session.end, french_session.time_zone, french_session.capacity) == (
        session.start,
        session.end,
        session.time_zone,
        session.capacity,
    )
    assert french_session.address == session.address and french_session.format == "in_person"
    assert french_session.jurisdiction_id == session.jurisdiction_id

    _source, _translation, french_resource = _translated_page(resource)
    assert french_resource.languages == ["en", "fr"]
    assert french_resource.licence == "ogl-ontario-1.0"
    assert french_resource.link_url == "https://example.org/guide"
    assert list(french_resource.topics.values_list("slug", flat=True)) == ["basics"]


def test_admin_lists_each_jurisdictions_live_pages_without_a_translation(client, site_tree):
    from tests.factories import PASSWORD, staff_user

    on_resource = _new_resource(site_tree)
    bc_parent = site_tree["jurisdictions"]["BC"]["pages"]["en"]
    bc_course = CoursePage(title="BC only course", summary="x", estimated_duration=10)
    bc_parent.add_child(instance=bc_course)
    bc_course.save_revision().publish()

    editor = staff_user("ON", "Editors")
    client.login(username=editor.username, password=PASSWORD)
    html = client.get("/admin/missing-translations/").content.decode()
    assert "Open data guide" in html and "BC only course" not in html
    assert f"/admin/pages/{on_resource.pk}/edit/" in html

    _translated_page(on_resource)
    assert "Open data guide" not in client.get("/admin/missing-translations/").content.decode()

    from tests.factories import UserFactory

    client.login(username=UserFactory().username, password=PASSWORD)
    assert client.get("/admin/missing-translations/").status_code == 302  # no admin access: to sign-in
