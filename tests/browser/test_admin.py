"""The admin views this project adds to Wagtail (coordinators' sessions tools, moderators'
certificates and inventory tools, the course report) in a real browser: every page axe-checked."""

import pytest
from django.urls import reverse

from home.site_tree import build_site_tree
from sessions import services
from tests.courses.helpers import make_course
from tests.factories import UserFactory, staff_user
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.browser


def test_coordinator_tools_are_accessible(page, visit, sign_in):
    session = make_session("ON", capacity=1, title="Open data basics for Ontario")
    for answer in ("yes", "no", "prefer_not_to_say"):
        services.register(
            session=session,
            user=UserFactory(),
            accessibility_needs="Captions",
            self_identification={"indigenous": answer},
        )
    sign_in(staff_user("ON", "Coordinators"))
    for name, args in (
        ("dashboard", ()),
        ("registrations", (session.pk,)),
        ("cancel_session", (session.pk,)),
        ("session_report", (session.pk,)),
        ("jurisdiction_report", ("ON",)),
    ):
        visit(reverse(f"learning_sessions_admin:{name}", args=args))
    assert page.get_by_role("link", name="Back to the sessions dashboard").is_visible()
    visit(reverse("learning_sessions_admin:duplicate_session", args=(session.pk,)))
    visit(reverse("learning_sessions_admin:walk_in", args=(session.pk,)))
    visit(reverse("learning_sessions_admin:message_registrants", args=(session.pk,)))
    visit("/admin/course-report/")
    visit("/admin/resources/gaps/")


def test_moderator_tools_are_accessible(page, visit, sign_in):
    sign_in(staff_user("ON", "Moderators"))
    for path in (
        "/admin/certificates/",
        "/admin/resources/import/",
        "/admin/resources/needs-review/",
    ):
        visit(path)


def test_editors_page_forms_are_accessible(page, visit, sign_in):
    # Rich text fields (a session's description) are named by their labels (wagtail/wagtail#14205)
    # and plain StreamField blocks (a lesson's Markdown) by their block type.
    session = make_session("ON", title="Open data basics for Ontario")
    _course, lessons = make_course(build_site_tree(), code="ON")
    sign_in(staff_user("ON", "Editors"))
    visit(f"/admin/pages/{session.pk}/edit/")
    assert page.get_by_role("textbox", name="Description").count() == 1
    visit(f"/admin/pages/{lessons[0].pk}/edit/")
    assert page.get_by_role("textbox", name="Markdown").count() == 1
    parent = session.get_parent()
    for model in ("learning_sessions/sessionpage", "courses/coursepage", "resources/resourcepage"):
        visit(f"/admin/pages/add/{model}/{parent.pk}/")
