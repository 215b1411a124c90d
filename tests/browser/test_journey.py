"""The foundation's acceptance journey (issue 2), in a real browser, every page axe-checked:
sign up, verify the email, sign out, sign in, switch language and back; and the keyboard path."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from literacy.models import Jurisdiction

pytestmark = pytest.mark.browser

EMAIL = "ada.lovelace@ontario.example.ca"
PASSWORD = "Open-data-for-all-2026"


def path_of(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


def test_sign_up_verify_sign_out_sign_in_and_switch_language(page, axe_checker):
    page.goto("/en/")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Register").click()
    assert path_of(page) == "/en/accounts/signup/"

    page.get_by_label("Email (required)", exact=True).fill(EMAIL)
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again) (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Display name", exact=True).fill("Ada Lovelace")
    page.get_by_label("Jurisdiction", exact=True).select_option(label="Ontario")
    page.get_by_label("Preferred language (required)", exact=True).select_option("fr")
    page.get_by_label("Time zone", exact=True).select_option("America/Toronto")
    page.get_by_role("button", name="Register").click()

    # "Verify your email address"
    assert path_of(page) == "/en/accounts/confirm-email/"
    assert "verify" in page.locator("h1").inner_text().lower()
    user = get_user_model().objects.get(email=EMAIL)
    assert (user.display_name, user.jurisdiction, user.preferred_language, user.time_zone) == (
        "Ada Lovelace",
        Jurisdiction.objects.get(code="ON"),
        "fr",
        "America/Toronto",
    )

    [message] = mail.outbox
    assert message.to == [EMAIL]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    # Signed in by the confirmation, on "My learning".
    assert path_of(page) == "/en/my-learning/"
    account_nav = page.get_by_role("navigation", name="Your account")
    assert account_nav.get_by_role("button", name="Sign out").is_visible()
    assert user.emailaddress_set.get(email=EMAIL).verified

    account_nav.get_by_role("button", name="Sign out").click()
    assert path_of(page) == "/en/"
    assert account_nav.get_by_role("link", name="Sign in").is_visible()

    account_nav.get_by_role("link", name="Sign in").click()
    assert path_of(page) == "/en/accounts/login/"
    page.get_by_label("Email (required)", exact=True).fill(EMAIL)
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert path_of(page) == "/en/my-learning/"
    assert account_nav.get_by_role("link", name="Profile").is_visible()

    # The header's language toggle: same view in French, then the paired page of a page.
    page.get_by_role("link", name="Français").click()
    assert path_of(page) == "/fr/mon-apprentissage/"
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Ressources").click()
    assert path_of(page) == "/fr/ressources/"
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="English").click()
    assert path_of(page) == "/en/resources/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("navigation", name="Your account").get_by_role("link", name="My learning").is_visible()

    checked = {re.sub(r"^https?://[^/]+", "", url) for url in axe_checker.checked.values()}
    assert {
        "/en/",
        "/en/accounts/signup/",
        "/en/accounts/confirm-email/",
        "/en/my-learning/",
        "/en/accounts/login/",
        "/fr/mon-apprentissage/",
        "/fr/ressources/",
        "/en/resources/",
    } <= checked


def test_keyboard_reaches_skip_link_first_and_it_moves_focus_to_main(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent.trim()]")
    assert focused == ["skip-link", "Skip to main content"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # visible on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main-content').contains(document.activeElement)")
