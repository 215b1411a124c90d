"""Every shared page of the site, in both languages, signed out and signed in, passes axe-core
(the harness checks each page the test opens)."""

import pytest

from tests.factories import UserFactory

PUBLIC_PAGES = [
    "/en/",
    "/fr/",
    "/en/resources/",
    "/fr/ressources/",
    "/en/courses/",
    "/fr/cours/",
    "/en/learning-plans/",
    "/fr/plans-apprentissage/",
    "/en/sessions/",
    "/fr/seances/",
    "/en/jurisdictions/",
    "/en/jurisdictions/ontario/",
    "/fr/gouvernements/ontario/",
    "/en/accounts/login/",
    "/fr/accounts/login/",
    "/en/accounts/signup/",
    "/fr/accounts/signup/",
    "/en/accounts/password/reset/",
    "/fr/accounts/password/reset/",
]
SIGNED_IN_PAGES = [
    "/en/my-learning/",
    "/fr/mon-apprentissage/",
    "/en/profile/",
    "/fr/profil/",
    "/en/accounts/2fa/",
    "/fr/accounts/2fa/",
    "/en/accounts/email/",
    "/en/accounts/password/change/",
]


def test_public_pages(page, visit, axe_checker):
    for path in PUBLIC_PAGES:
        visit(path)
        assert page.locator("html").get_attribute("lang") == path[1:3]
    assert len(axe_checker.checked) == len(PUBLIC_PAGES)


def test_not_found_page(page, visit):
    visit("/en/no-such-page/", status=404)
    assert "404" in page.locator("h1").inner_text()
    visit("/fr/aucune-page/", status=404)
    assert page.locator("html").get_attribute("lang") == "fr"


def test_signed_in_pages(page, visit, sign_in, axe_checker):
    sign_in(UserFactory())
    for path in SIGNED_IN_PAGES:
        visit(path)
        assert page.locator("html").get_attribute("lang") == path[1:3]
    assert len(axe_checker.checked) == len(SIGNED_IN_PAGES)


def test_form_errors_are_announced_and_linked(page, visit):
    visit("/en/accounts/signup/")
    page.get_by_role("button", name="Register").click()
    summary = page.get_by_role("alert")
    assert "could not be submitted" in summary.inner_text()
    email = page.get_by_label("Email (required)", exact=True)
    assert email.get_attribute("aria-invalid") == "true"
    described_by = email.get_attribute("aria-describedby").split()
    assert "id_email_error" in described_by
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_email"


@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/accounts/signup/", "/fr/accounts/login/"])
def test_pages_reflow_at_320_css_pixels(page, visit, path):
    # WCAG 1.4.10: at 320 CSS pixels wide (400 % zoom of 1280) nothing needs sideways scrolling.
    page.set_viewport_size({"width": 320, "height": 640})
    visit(path)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_profile_and_two_factor_pages_read_well(page, visit, sign_in):
    sign_in(UserFactory())
    visit("/en/profile/")
    jurisdiction = page.get_by_label("Jurisdiction", exact=True)
    assert jurisdiction.locator("option").first.inner_text() == "Choose your government"
    assert page.get_by_label("Preferred language (required)", exact=True).is_visible()
    visit("/en/accounts/2fa/")
    # allauth's panels put their buttons in a bulleted list; ours in a row of actions.
    assert page.locator("main li .btn").count() == 0
    assert page.locator("main .panel .form-actions .btn").count() >= 1


# Wagtail's own admin is Wagtail's to make accessible; this test is about what it loads.
@pytest.mark.axe_exclude(r"/admin/")
def test_no_page_loads_anything_from_another_host(page, visit, sign_in, live_site):
    from tests.factories import staff_user

    sign_in(staff_user("ON", "Editors"))
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if not request.url.startswith((live_site.url, "data:", "blob:")) else None
        ),
    )
    for path in ("/en/", "/fr/ressources/", "/en/sessions/", "/admin/"):
        visit(path)
        page.wait_for_load_state("networkidle")
    assert elsewhere == []
