"""Extracts the site's French catalogues and checks them: `python scripts/messages.py [--check]`.

Each string has one owner: the catalogue of the app whose code or templates use it, or the root
`locale/` for the site shell (home, config, templates/). `makemessages` run from the project root
already routes each file's strings that way. This script runs it, carries a translation across
when a string moves from one catalogue to another, drops what no code uses any more and reports
what is left untranslated or fuzzy.

With --check it does the same in a scratch copy of the tree and fails (exit 1) when a committed
catalogue differs from what extraction gives, or holds an untranslated, fuzzy or obsolete entry.
`locale_overrides/` (our wording for allauth's and Wagtail's own strings) is checked for
completeness only: its strings live in those packages, not in this tree.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = "fr"
NOT_SOURCE = ["tests/*", "scripts/*", "bench/*", "docs/*", "locale_overrides/*", "static/*", "media/*"]


def catalogues(tree):
    """The extracted catalogues (root first, then each app's), relative to the tree."""
    found = [Path("locale") / LANGUAGE / "LC_MESSAGES" / "django.po"]
    for path in sorted(tree.glob(f"*/locale/{LANGUAGE}/LC_MESSAGES/django.po")):
        found.append(path.relative_to(tree))
    return found


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def translation(entry):
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return entry.msgstr


def is_translated(entry):
    value = translation(entry)
    return all(value) if isinstance(value, tuple) else bool(value)


def known_translations(tree):
    """Every translation the catalogues hold today, by string, with the catalogues that differ."""
    known, disagreements = {}, {}
    for relative in catalogues(tree):
        for entry in polib.pofile(str(tree / relative)):
            if not is_translated(entry) or "fuzzy" in entry.flags:
                continue
            value = translation(entry)
            earlier = known.setdefault(key(entry), (value, relative))
            if earlier[0] != value:
                disagreements.setdefault(key(entry), {earlier[1]: earlier[0]})[relative] = value
    return known, disagreements


def extract(tree):
    """Runs makemessages over the tree and fills moved strings. Returns the problems found."""
    known, disagreements = known_translations(tree)
    ignores = [argument for pattern in NOT_SOURCE for argument in ("--ignore", pattern)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", LANGUAGE, "--no-obsolete", "-v", "0", *ignores],
        cwd=tree,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
    )
    problems = [
        f"{msgid!r} is translated differently: "
        + "; ".join(f"{path}: {value!r}" for path, value in by_catalogue.items())
        for (_, msgid, _), by_catalogue in disagreements.items()
    ]
    for relative in catalogues(tree):
        po = polib.pofile(str(tree / relative))
        for entry in po:
            # makemessages marks a moved string fuzzy with a guess; the exact translation wins.
            if (not is_translated(entry) or "fuzzy" in entry.flags) and key(entry) in known:
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
                value = known[key(entry)][0]
                if entry.msgid_plural:
                    entry.msgstr_plural = dict(enumerate(value))
                else:
                    entry.msgstr = value
        po.metadata["Language"] = LANGUAGE
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
        po.save()
        problems += incomplete(po, relative)
    return problems


def incomplete(po, relative):
    problems = []
    for entry in po:
        if entry.obsolete:
            problems.append(f"{relative}: obsolete entry {entry.msgid!r}")
        elif "fuzzy" in entry.flags:
            problems.append(f"{relative}: fuzzy entry {entry.msgid!r}")
        elif not is_translated(entry):
            problems.append(f"{relative}: untranslated {entry.msgid!r}")
    return problems


def entries(path):
    return {key(entry): translation(entry) for entry in polib.pofile(str(path)) if not entry.obsolete}


def check():
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        shutil.copytree(
            ROOT,
            tree,
            ignore=shutil.ignore_patterns(".git", ".venv", ".ralph-venv", "*.sqlite3", "node_modules", "media"),
        )
        problems = extract(tree)
        for relative in catalogues(tree):
            committed, extracted = entries(ROOT / relative), entries(tree / relative)
            for missing in extracted.keys() - committed.keys():
                problems.append(f"{relative}: lacks {missing[1]!r} (run `make messages`)")
            for unused in committed.keys() - extracted.keys():
                problems.append(f"{relative}: holds {unused[1]!r}, which its code no longer uses")
        overrides = ROOT / "locale_overrides" / LANGUAGE / "LC_MESSAGES" / "django.po"
        problems += incomplete(polib.pofile(str(overrides)), overrides.relative_to(ROOT))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail on any difference")
    options = parser.parse_args()
    problems = check() if options.check else extract(ROOT)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalogue problem(s)", file=sys.stderr)
        return 1
    print("French catalogues: every string translated once, in the catalogue that uses it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
