"""Browser-test harness: headless Debian Chromium driven by Playwright against pytest-django's
live server, with every page the test visits checked by axe-core (WCAG 2.0/2.1 A and AA).

See tests/browser/README.md for how to write a browser test.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in this (the test's) thread. Django sees a
# running loop and refuses ORM calls from the thread with SynchronousOnlyOperation, although the
# calls are in fact synchronous: Playwright only drives the loop while one of its own calls is
# waiting. Tests here need the ORM (fixtures, factories, assertions on the database), so tell
# Django the thread is safe. It must be set before the first ORM call, hence at import time.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from .harness import (  # noqa: E402
    CHECKERS,
    CHROMIUM,
    CHROMIUM_ARGS,
    DEFAULT_TIMEOUT_MS,
    DOCUMENT_ID_SCRIPT,
    LOCATOR_ACTIONS,
    PAGE_ACTIONS,
    AxeChecker,
    checked_after,
    format_violations,
    require_chromium,
)

BROWSER_DIR = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "axe_exclude(*url_patterns): browser pages whose URL matches one of these regular expressions "
        "are not checked by axe (for pages this project does not render, e.g. the Wagtail admin)",
    )


def pytest_collection_modifyitems(config, items):
    # Everything under tests/browser/ is a browser test, whether or not its module says so.
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _axe_hooks():
    from playwright.sync_api import Locator, Page

    with pytest.MonkeyPatch.context() as mp:
        for cls, names in ((Page, PAGE_ACTIONS), (Locator, LOCATOR_ACTIONS)):
            for name in names:
                original = getattr(cls, name)
                if not getattr(original, "__ogl_wrapped__", False):
                    mp.setattr(cls, name, checked_after(original))
        yield


@pytest.fixture(scope="session")
def browser(_axe_hooks, live_server):
    """One headless Chromium for the whole test session. It depends on the live server so that it
    closes (and with it its keep-alive connections, each holding a server thread and its database
    connection) before the server stops and the test database is dropped."""
    require_chromium(CHROMIUM)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(request, browser, live_site):
    """A Playwright page in a fresh browser context (no cookies), whose relative URLs resolve
    against the live server. Every document it loads is checked with axe-core; the test fails at
    teardown listing the violations of every page, and if it loaded a page that was never checked."""
    context = browser.new_context(base_url=live_site.url, locale="en-CA", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.add_init_script(script=DOCUMENT_ID_SCRIPT)
    page = context.new_page()
    # Chromium reports each Content-Security-Policy refusal on the console; none is allowed.
    csp_refusals = []
    page.on(
        "console",
        lambda message: (
            csp_refusals.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    exclude = [p for marker in request.node.iter_markers("axe_exclude") for p in marker.args]
    checker = AxeChecker(page, exclude=exclude)
    context.expose_binding("__oglDocLoaded", checker.document_loaded)
    CHECKERS[page] = checker
    try:
        yield page
        checker.after_action()  # the page the test ended on
    finally:
        CHECKERS.pop(page, None)
        context.close()
    problems = []
    if csp_refusals:
        problems.append("the Content-Security-Policy refused something:\n" + "\n".join(csp_refusals))
    if checker.failures:
        problems.append(
            "axe found accessibility violations (WCAG 2.1 A/AA):\n"
            + "\n".join(format_violations(url, v) for url, v in checker.failures)
        )
    missed = checker.unchecked()
    if missed:
        problems.append(
            "these pages were loaded but left before axe could check them (call "
            "assert_accessible(page) while on them): " + ", ".join(missed)
        )
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.fixture
def axe_checker(page):
    """The page's AxeChecker, for tests that want to see what was checked (`.checked`)."""
    return CHECKERS[page]


@pytest.fixture
def visit(page):
    """visit(path, status=200): open a path on the live server, assert the HTTP status, return the page."""

    def visit(path, status=200):
        response = page.goto(path)
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, expected {status}"
        return page

    return visit


@pytest.fixture
def sign_in(page, live_site):
    """sign_in(user): gives the page's browser context a signed-in session for `user` (no form)."""
    from django.conf import settings
    from django.test import Client

    def sign_in(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_site.url}])
        return user

    return sign_in
