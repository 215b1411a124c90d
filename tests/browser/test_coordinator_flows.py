"""What coordinators and moderators do in the admin, clicked through in a real browser with the
admin in English and in French (each page axe-checked by `visit`): duplicate a session and publish
the copy, check in a walk-in at the door, export learners' transcripts, read the broken-links
report. Labels come from the catalogues, so the French run reads the French admin."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.users.models import UserProfile

from courses import services as course_services
from home.site_tree import build_site_tree
from literacy.models import Jurisdiction, Topic
from resources.models import LinkCheck
from resources.services import save_resource_page
from sessions.models import Registration, SessionPage
from tests.courses.helpers import make_course
from tests.factories import UserFactory, staff_user
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.browser
LANGUAGES = ["en", "fr"]


def _in(language, text):
    with translation.override(language):
        return gettext(text)


def _staff(code, role, language):
    user = staff_user(code, role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


# Wagtail's own page editor and listing, where the copy is published, are Wagtail's pages: its
# confirmation banner fades in, which axe reads as low contrast mid-animation.
@pytest.mark.axe_exclude(r"/admin/pages/\d+/(edit/)?$", r"/admin/pages/\d+/edit/")
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coordinator_duplicates_a_session_and_publishes_the_copy(page, visit, sign_in, language):
    session = make_session("ON", title="Open data basics for Ontario", time_zone="America/Toronto")
    sign_in(_staff("ON", "Coordinators", language))
    visit(reverse("learning_sessions_admin:duplicate_session", args=(session.pk,)))
    new_start = (session.start + timedelta(days=21)).astimezone(ZoneInfo("America/Toronto"))
    page.get_by_label(_in(language, "New start (local time)")).fill(new_start.strftime("%Y-%m-%d 09:30"))
    page.get_by_role("button", name=_in(language, "Make a draft copy")).click()
    page.wait_for_url("**/admin/pages/*/edit/")
    copy = SessionPage.objects.exclude(pk=session.pk).get(title=session.title, locale=session.locale)
    assert not copy.live
    assert f"/admin/pages/{copy.pk}/edit/" in page.url
    page.get_by_role("button", name=_in(language, "More actions")).first.click()
    page.get_by_role("button", name=_in(language, "Publish")).click()
    page.wait_for_url("**/admin/pages/**")
    copy.refresh_from_db()
    assert copy.live
    local = timezone.localtime(copy.start, timezone=ZoneInfo("America/Toronto"))
    assert (local.date(), local.hour, local.minute) == (new_start.date(), 9, 30)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coordinator_checks_in_a_walk_in(page, visit, sign_in, language):
    session = make_session("ON", start=timezone.now() + timedelta(minutes=30), title="Open dialogue at the door")
    sign_in(_staff("ON", "Coordinators", language))
    visit(reverse("learning_sessions_admin:walk_in", args=(session.pk,)))
    page.get_by_label(_in(language, "Name")).fill("Maya Okafor")
    page.get_by_label(_in(language, "Email"), exact=False).first.fill("maya.okafor@example.org")
    page.get_by_role("button", name=_in(language, "Record as attended")).click()
    page.wait_for_url(f"**{reverse('learning_sessions_admin:registrations', args=(session.pk,))}")
    with translation.override(language):
        recorded = gettext("%(name)s is recorded as attended.") % {"name": "Maya Okafor"}
    assert recorded in page.content()
    registration = Registration.objects.get(session=session, user__email="maya.okafor@example.org")
    assert registration.status == Registration.Status.ATTENDED
    assert page.get_by_role("cell", name=_in(language, "Attended")).first.is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coordinator_exports_learner_transcripts(page, visit, sign_in, language):
    course, lessons = make_course(build_site_tree(), code="ON", with_check=False, title="Open data basics")
    learner = UserFactory(display_name="Amina Haddad", jurisdiction=Jurisdiction.objects.get(code="ON"))
    course_services.enrol(user=learner, course=course)
    for lesson in lessons:
        course_services.complete_lesson(user=learner, lesson=lesson)
    sign_in(_staff("ON", "Coordinators", language))
    visit("/admin/course-report/")
    with page.expect_download() as download:
        page.get_by_role("button", name=_in(language, "Download transcripts (CSV)")).click()
    rows = open(download.value.path(), encoding="utf-8-sig").read()
    assert "Amina Haddad" in rows and "Open data basics" in rows
    with page.expect_download() as download:
        page.get_by_role("button", name=_in(language, "Download transcripts (PDF)")).click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_moderator_reads_the_broken_links_report(page, visit, sign_in, language):
    parent = build_site_tree()["jurisdictions"]["ON"]["pages"]["en"]
    broken, working = (
        save_resource_page(
            parent=parent,
            title=title,
            summary=f"Summary of {title}",
            resource_type="guide",
            format="html",
            languages=["en"],
            licence="ogl-canada-2.0",
            link_url=f"https://example.org/{slug}",
            publisher="Open North",
            date_published=date(2024, 5, 1),
            topics=list(Topic.objects.filter(slug="basics")),
            audiences=[],
        )
        for title, slug in (("Retired open data guide", "retired"), ("Working open data guide", "working"))
    )
    LinkCheck.objects.create(url=broken.link_url, status_code=404, checked_at=timezone.now())
    LinkCheck.objects.create(url=working.link_url, status_code=200, checked_at=timezone.now())
    sign_in(_staff("ON", "Moderators", language))
    visit("/admin/")  # the dashboard counts them beside "needs review"
    with translation.override(language):
        label = ngettext("resource has a broken link", "resources have a broken link", 1)
    page.get_by_role("link", name=f"1 {label}").click()
    page.wait_for_url("**/admin/resources/broken-links/")
    assert page.get_by_role("link", name="Retired open data guide").is_visible()
    assert page.get_by_role("link", name="Working open data guide").count() == 0
    with translation.override(language):
        assert gettext("HTTP %(status)s") % {"status": 404} in page.content()
