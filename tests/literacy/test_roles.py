"""What the admin menu shows each role is exactly what the views behind it let that role in to."""

import pytest
from django.test import RequestFactory
from wagtail import hooks

from literacy.admin_menu import RoleMenuItem
from literacy.models import Jurisdiction
from literacy.roles import GROUP_FIELDS, Role, group_for
from tests.factories import PASSWORD, UserFactory, staff_user

pytestmark = pytest.mark.django_db


def role_menu_items():
    items = []
    for hook in ("register_admin_menu_item", "register_reports_menu_item", "register_settings_menu_item"):
        for make in hooks.get_hooks(hook):
            item = make()
            if isinstance(item, RoleMenuItem):
                items.append(item)
    return items


def test_every_role_sees_exactly_the_menu_items_whose_views_let_it_in(client, site_tree):
    items = role_menu_items()
    assert {item.url for item in items} >= {"/admin/course-report/", "/admin/resources/import/"}
    people = {role.label: staff_user("ON", role) for role in Role}
    for name, person in people.items():
        client.login(username=person.username, password=PASSWORD)
        request = RequestFactory().get("/admin/")
        request.user = person
        for item in items:
            shown = item.is_shown(request)
            status = client.get(item.url).status_code
            assert (status == 200) == shown, (name, item.url, shown, status)
            assert status in (200, 403), (name, item.url, status)
    learner = UserFactory()
    client.login(username=learner.username, password=PASSWORD)
    for item in items:
        assert client.get(item.url).status_code in (302, 403)  # no admin access at all


def test_each_role_is_held_through_its_governments_group(site_tree):
    ontario = Jurisdiction.objects.get(code="ON")
    assert set(GROUP_FIELDS) == set(Role)
    for role in Role:
        assert group_for(jurisdiction=ontario, role=role).name == f"ON {role.value}"
