"""The browser-test harness's machinery: Chromium settings and the axe-core checks.
Fixtures live in conftest.py; tests import `assert_accessible` from here."""

import functools
import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium waits on Google services this closed network
# cannot reach, and hangs.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
DEFAULT_TIMEOUT_MS = 10_000

# Every document gets an id so the harness knows which documents it has checked with axe, and
# reports its own loading so a document the harness never checked cannot go unnoticed.
DOCUMENT_ID_SCRIPT = """
(() => {
  if (window.top !== window) return;
  window.__oglDocId = Date.now().toString(36) + Math.random().toString(36).slice(2);
  const report = () => { if (window.__oglDocLoaded) window.__oglDocLoaded(window.__oglDocId, location.href); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", report); else report();
})();
"""


def require_chromium(path):
    if not os.path.exists(path):
        pytest.fail(
            f"Browser tests need Debian's Chromium at {path}: install it with `apt-get install chromium`.",
            pytrace=False,
        )


@functools.cache
def axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def format_violations(url, violations):
    lines = [f"{url}:"]
    for violation in violations:
        lines.append(f"  - {violation['id']} ({violation.get('impact')}): {violation.get('help', '')}")
        for node in violation.get("nodes", [])[:10]:
            lines.append(f"      at {node.get('target')}")
    return "\n".join(lines)


def run_axe(page):
    """Runs axe-core on the page's current document and returns the list of violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v.get("help"),
            "nodes": [{"target": n.get("target"), "html": n.get("html")} for n in v.get("nodes", [])],
        }
        for v in results["violations"]
    ]


def assert_accessible(page):
    """Runs axe now on the page's current document and fails at once, listing every violation
    (rule id, impact, the nodes' CSS targets). Use it after changing a page without navigating
    (opening a dialog, showing errors by script); pages the test navigates to are checked anyway."""
    violations = run_axe(page)
    checker = CHECKERS.get(page)
    if checker is not None:
        checker.mark_checked()
    if violations:
        pytest.fail("axe found accessibility violations\n" + format_violations(page.url, violations), pytrace=False)


# page -> AxeChecker for the pages the `page` fixture created.
CHECKERS = {}


class AxeChecker:
    """Checks every document a page loads, once, after the action that loaded it returns."""

    def __init__(self, page, exclude=()):
        self.page = page
        self.exclude = [re.compile(p) for p in exclude]
        self.loaded = {}  # document id -> url, for every document the page loaded
        self.checked = {}  # document id -> url
        self.failures = []  # (url, violations)
        self.busy = False

    def document_loaded(self, source, doc_id, url):
        self.loaded[doc_id] = url

    def current_document(self):
        return self.page.evaluate("() => window.__oglDocId || null")

    def mark_checked(self):
        doc_id = self.current_document()
        if doc_id:
            self.checked[doc_id] = self.page.url

    def after_action(self):
        if self.busy or self.page.is_closed():
            return
        self.busy = True
        try:
            from playwright.sync_api import Error

            for _attempt in range(3):
                try:
                    self.page.wait_for_load_state("load")
                    doc_id = self.current_document()
                    if not doc_id or doc_id in self.checked:
                        return
                    url = self.page.url
                    if any(p.search(url) for p in self.exclude):
                        self.checked[doc_id] = url
                        return
                    violations = run_axe(self.page)
                    if self.current_document() != doc_id:
                        continue  # the page navigated away while axe ran: check the new one
                    self.checked[doc_id] = url
                    if violations:
                        self.failures.append((url, violations))
                    return
                except Error as exc:
                    # A navigation destroyed the document under us; check the new one.
                    if "context was destroyed" not in str(exc) and "navigation" not in str(exc).lower():
                        raise
        finally:
            self.busy = False

    def unchecked(self):
        return [
            url
            for doc_id, url in self.loaded.items()
            if doc_id not in self.checked and not any(p.search(url) for p in self.exclude)
        ]


def checked_after(method):
    """Wraps a Playwright action so that, once it returns, the document it led to is axe-checked."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        page = getattr(self, "page", self)
        checker = CHECKERS.get(page)
        if checker is not None:
            checker.after_action()
        return result

    wrapper.__ogl_wrapped__ = True
    return wrapper


# The actions after which a test may be on a new document.
PAGE_ACTIONS = ["goto", "reload", "go_back", "go_forward", "click", "dblclick", "press", "tap", "check"]
LOCATOR_ACTIONS = ["click", "dblclick", "press", "tap", "check", "dispatch_event", "press_sequentially"]
