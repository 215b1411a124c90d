"""The national working group sees every government's aggregates, as charts with their data
tables, and no personal data: no roster, no page to edit, no name."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail import hooks

from courses import services as course_services
from literacy.admin_menu import RoleMenuItem
from literacy.models import Jurisdiction
from literacy.roles import WORKING_GROUP
from sessions.models import Registration
from tests.courses.helpers import make_course
from tests.factories import PASSWORD, UserFactory, staff_user
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(site_tree):
    person = UserFactory()
    person.groups.add(Group.objects.get(name=WORKING_GROUP))
    return person


def test_the_working_group_sees_every_governments_counts_and_nobody(
    client, site_tree, member, django_capture_on_commit_callbacks
):
    session = make_session("ON", capacity=5)
    attendee, registrant = UserFactory(email="attendee@example.org"), UserFactory(email="registrant@example.org")
    Registration.objects.create(session=session, user=attendee, status=Registration.Status.ATTENDED)
    Registration.objects.create(session=session, user=registrant, status=Registration.Status.BOOKED)
    course, lessons = make_course(site_tree, code="CA", title="Federal course", with_check=False, lessons=1)
    quebecer = UserFactory(jurisdiction=Jurisdiction.objects.get(code="QC"), email="quebecer@example.org")
    course_services.enrol(user=quebecer, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.complete_lesson(user=quebecer, lesson=lessons[0])

    client.login(username=member.username, password=PASSWORD)
    response = client.get(reverse("home_national_report"))
    assert response.status_code == 200
    rows = {row["jurisdiction"].code: row for row in response.context["rows"]}
    assert len(rows) == Jurisdiction.objects.count() == 14
    assert (rows["ON"]["registrations"], rows["ON"]["attended"]) == (2, 1)
    assert rows["QC"]["completions"] == 1 and rows["CA"]["completions"] == 0
    html = response.content.decode()
    assert html.count('role="img"') == 3 and "data table" in html
    for person in (attendee, registrant, quebecer):
        assert person.email not in html and person.display_name not in html


def test_the_working_group_has_no_roster_and_no_page_to_edit(client, site_tree, member):
    session = make_session("ON")
    client.login(username=member.username, password=PASSWORD)
    assert client.get(reverse("learning_sessions_admin:registrations", args=[session.pk])).status_code == 403
    assert client.get(reverse("wagtailadmin_pages:edit", args=[session.pk])).status_code != 200
    assert client.get("/admin/course-report/").status_code == 403


def test_only_the_working_group_sees_the_menu_item_and_the_view(client, site_tree, member):
    (item,) = [
        made
        for made in (make() for make in hooks.get_hooks("register_reports_menu_item"))
        if isinstance(made, RoleMenuItem) and made.role == WORKING_GROUP
    ]
    for person, allowed in ((member, True), (staff_user("ON", "Coordinators"), False)):
        request = RequestFactory().get("/admin/")
        request.user = person
        assert item.is_shown(request) is allowed
        client.force_login(person)
        assert (client.get(item.url).status_code == 200) is allowed
