"""The public site is served with a Content-Security-Policy that allows no inline script."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/en/", "/fr/ressources/", "/en/resources/coverage/", "/en/accounts/login/"])
def test_public_pages_forbid_inline_script(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert script_src.strip() == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    html = response.content.decode()
    inline_scripts = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "ld+json" not in tag]
    assert inline_scripts == []
    assert " style=" not in html


def test_the_wagtail_admin_is_left_to_wagtail(client, site_tree):
    from tests.factories import staff_user

    client.force_login(staff_user("ON", "Editors"))
    assert "Content-Security-Policy" not in client.get("/admin/")
