"""The admin views this project adds to Wagtail (coordinators' sessions tools, moderators'
certificates and inventory tools, the course report) in a real browser: every page axe-checked."""

import pytest
from django.urls import reverse

from sessions import services
from tests.factories import UserFactory, staff_user
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.browser


def test_coordinator_tools_are_accessible(page, visit, sign_in):
    session = make_session("ON", capacity=1, title="Open data basics for Ontario")
    for answer in ("yes", "no", "prefer_not_to_say"):
        services.register(session=session, user=UserFactory(), accessibility_needs="Captions",
                          self_identification={"indigenous": answer})
    sign_in(staff_user("ON", "Coordinators"))
    for name, args in (("dashboard", ()), ("registrations", (session.pk,)), ("cancel_session", (session.pk,)),
                       ("session_report", (session.pk,)), ("jurisdiction_report", ("ON",))):
        visit(reverse(f"learning_sessions_admin:{name}", args=args))
    assert page.get_by_role("link", name="Back to the sessions dashboard").is_visible()
    visit("/admin/course-report/")


def test_moderator_tools_are_accessible(page, visit, sign_in):
    sign_in(staff_user("ON", "Moderators"))
    for path in ("/admin/certificates/", "/admin/resources/gaps/", "/admin/resources/import/",
                 "/admin/resources/needs-review/"):
        visit(path)
