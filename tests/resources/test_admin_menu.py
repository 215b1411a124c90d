"""The admin menu offers each person only what they may open."""

import pytest

from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        ("Editors", ["Resources needing review"], ["Import resources", "Coverage gaps"]),
        ("Moderators", ["Import resources", "Resources needing review"], ["Coverage gaps"]),
        ("Coordinators", ["Coverage gaps", "Resources needing review"], ["Import resources"]),
    ],
)
def test_menu_items_lead_only_where_the_person_is_allowed(client, site_tree, role, shown, hidden):
    client.force_login(staff_user("ON", role))
    html = client.get("/admin/").content.decode()
    for label in shown:
        assert label in html
    for label in hidden:
        assert label not in html
    urls = {
        "Import resources": "/admin/resources/import/",
        "Coverage gaps": "/admin/resources/gaps/",
        "Resources needing review": "/admin/resources/needs-review/",
    }
    for label in shown:
        assert client.get(urls[label]).status_code == 200
