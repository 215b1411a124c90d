"""Canadian French punctuation spacing, as the Translation Bureau's writing tools give it, applied
to every French catalogue (and, with --content, to the French demo lessons):

- a no-break space (U+00A0) before a colon that ends a clause, never a plain space;
- no space before ; ! ? (the Canadian usage; France puts a no-break space there);
- no-break spaces inside « », and « » rather than English quotation marks.

    python scripts/french_typography.py            # rewrite the .po files (then compile them)
    python scripts/french_typography.py --check    # exit 1 and list what would change
    python scripts/french_typography.py --content  # also the French lessons in courses/demo_content

`tests/test_french_typography.py` runs the check, so a new string that breaks the rule fails CI."""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"
SPACES = " \u00a0\u202f"
# A colon that ends a clause (followed by a space or the end), after a word, a placeholder or a closing mark.
COLON = re.compile(r"(?<=[^\s:/])[ \u202f]?:(?=\s|$)")
BEFORE_HIGH = re.compile(r"(?<=\S)[ \u00a0\u202f]+([;!?])(?=\s|$|[»)\"])")
OPENING = re.compile(r"«[ \u202f]?(?=\S)")
CLOSING = re.compile(r"(?<=\S)[ \u202f]?»")
ENGLISH_QUOTES = re.compile(r"“\s*([^”]*?)\s*”")


def normalise(text):
    if not text:
        return text
    text = ENGLISH_QUOTES.sub(lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", text)
    text = COLON.sub(NBSP + ":", text)
    text = BEFORE_HIGH.sub(r"\1", text)
    text = OPENING.sub("«" + NBSP, text)
    text = CLOSING.sub(NBSP + "»", text)
    return text


def french_catalogues():
    for path in sorted(ROOT.glob("**/locale*/fr/LC_MESSAGES/django.po")):
        if not any(part.startswith(".") for part in path.relative_to(ROOT).parts):
            yield path


def fix_catalogue(path, *, write):
    po = polib.pofile(str(path))
    changes = []
    for entry in po:
        if entry.msgstr:
            fixed = normalise(entry.msgstr)
            if fixed != entry.msgstr:
                changes.append((entry.msgid, entry.msgstr, fixed))
                entry.msgstr = fixed
        for key, value in entry.msgstr_plural.items():
            fixed = normalise(value)
            if fixed != value:
                changes.append((entry.msgid, value, fixed))
                entry.msgstr_plural[key] = fixed
    if write and changes:
        po.save()
    return changes


QUOTED_VALUE = re.compile(r'^(\s*(?:- )?[a-z_]+: ")(.*)("\s*)$')


def fix_lesson(path, *, write):
    """The lesson's body, and the quoted values (questions, options, feedback) of its front matter."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    lines = []
    for line in front.split("\n"):
        match = QUOTED_VALUE.match(line)
        lines.append(match.group(1) + normalise(match.group(2)) + match.group(3) if match else line)
    body_lines = []
    fenced = False
    for line in body.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        # Link targets and code stay as they are; prose is normalised.
        if fenced or line.startswith("    "):
            body_lines.append(line)
            continue
        parts = re.split(r"(\]\([^)]*\)|`[^`]*`)", line)
        body_lines.append("".join(part if i % 2 else normalise(part) for i, part in enumerate(parts)))
    fixed = "---\n" + "\n".join(lines) + "---\n" + "\n".join(body_lines)
    if fixed != text and write:
        path.write_text(fixed, encoding="utf-8")
    return [] if fixed == text else [(str(path.relative_to(ROOT)), "", "")]


def french_lessons():
    return sorted(ROOT.glob("courses/demo_content/*/fr/*.md"))


def main(argv):
    check = "--check" in argv
    changes = []
    for path in french_catalogues():
        changes += [(str(path.relative_to(ROOT)),) + change for change in fix_catalogue(path, write=not check)]
    if "--content" in argv or check:
        for path in french_lessons():
            changes += [(change[0], "", "", "") for change in fix_lesson(path, write=not check)]
    for change in changes:
        print(" | ".join(repr(part) for part in change if part))
    if check and changes:
        print(f"{len(changes)} French strings break the spacing rule; run scripts/french_typography.py --content")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
