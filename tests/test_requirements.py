"""The dependency locks: production installs only what the site runs on, every file pinned by hash."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_TOOLS = {"pytest", "pytest-django", "pytest-xdist", "playwright", "axe-playwright-python", "ruff", "moto"}
TEST_TOOLS |= {"factory-boy", "faker", "pyshacl", "scipy", "numpy", "ical"}
UNUSED = {"wagtail-factories", "django-redis"}


def normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path):
    """{name: version} of a compiled lock, checking that each pin carries its hashes."""
    found, text = {}, path.read_text()
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s\\;]+)", block)
        if match:
            assert "--hash=sha256:" in block, f"{path.name}: {match.group(1)} has no hash"
            found[normalized(match.group(1))] = match.group(2)
    return found


def direct(path):
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(normalized(re.split(r"[\[<>=~!; ]", line)[0]))
    return names


def test_the_production_lock_holds_every_direct_requirement_and_no_test_tool():
    production = pins(ROOT / "requirements.txt")
    assert direct(ROOT / "requirements.in") <= production.keys()
    assert not (TEST_TOOLS | UNUSED) & production.keys()


def test_the_development_lock_adds_the_test_tools_at_the_production_versions():
    production, development = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-dev.txt")
    assert direct(ROOT / "requirements-dev.in") <= development.keys()
    shared = production.keys() & development.keys()
    assert shared and all(production[name] == development[name] for name in shared)


def test_mfa_is_declared_with_allauth():
    assert "django-allauth[mfa]" in (ROOT / "requirements.in").read_text()
    assert {"fido2", "qrcode"} <= pins(ROOT / "requirements.txt").keys()
