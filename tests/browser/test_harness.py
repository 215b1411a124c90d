"""The harness itself: axe runs on every page a test reaches, and reports what it finds."""

import pytest

from .harness import assert_accessible, require_chromium

BAD_PAGE = (
    "<!DOCTYPE html><html><head><title>Bad</title></head><body><main><h1>Bad</h1><img src='x.png'></main></body></html>"
)


def test_pages_reached_by_goto_and_click_are_checked(page, axe_checker):
    page.goto("/en/")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Resources").click()
    assert page.url.endswith("/en/resources/")
    checked = sorted(url.removeprefix(page.url.split("/en/")[0]) for url in axe_checker.checked.values())
    assert checked == ["/en/", "/en/resources/"]
    assert axe_checker.failures == []


def test_violations_are_collected_with_rule_and_target(page, axe_checker):
    page.route("**/bad-page/", lambda route: route.fulfill(body=BAD_PAGE, content_type="text/html"))
    page.goto("/bad-page/")
    [(url, violations)] = axe_checker.failures
    assert url.endswith("/bad-page/")
    ids = {v["id"] for v in violations}
    assert {"image-alt", "html-has-lang"} <= ids
    image_alt = next(v for v in violations if v["id"] == "image-alt")
    assert image_alt["impact"] == "critical"
    assert image_alt["nodes"][0]["target"] == ["img"]
    with pytest.raises(pytest.fail.Exception, match=r"image-alt \(critical\)"):
        assert_accessible(page)
    axe_checker.failures.clear()  # the test has checked them; don't fail it at teardown


@pytest.mark.axe_exclude(r"/bad-page/$")
def test_axe_exclude_marker_skips_matching_pages(page, axe_checker):
    page.route("**/bad-page/", lambda route: route.fulfill(body=BAD_PAGE, content_type="text/html"))
    page.goto("/bad-page/")
    assert axe_checker.failures == []


def test_missing_chromium_fails_with_install_hint(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        require_chromium(str(tmp_path / "no-chromium"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_holds_the_site_again_after_browser_tests():
    # Runs after the browser tests above (pytest-django orders transactional tests together, in
    # file order): their flush emptied the database and the harness put the site back.
    from django.contrib.auth.models import Permission
    from wagtail.models import Page, Site

    from home.models import HomePage
    from literacy.models import Jurisdiction

    assert HomePage.objects.count() == 2
    assert Page.objects.filter(depth=1).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert Jurisdiction.objects.count() == 14
    assert Permission.objects.filter(codename="access_admin").exists()
