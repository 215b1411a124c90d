"""French at Translation Bureau quality: every French catalogue string and every French demo lesson
follows the Canadian spacing rule (scripts/french_typography.py) and the site's glossary."""

import re
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import french_typography  # noqa: E402

# One term per concept (what the working group and the Government of Canada's own usage say): a
# French string that uses the term on the left fails; use the one on the right.
GLOSSARY = {
    r"\be-?mail\b": "courriel",
    r"\bACS\+": "ACS Plus",
    r"\bGOF\b": "no acronym: « gouvernement ouvert féministe »",
    r"\bco-cré": "cocréation, cocréer",
    r"\bspam\b": "pourriel",
}


def _french_texts():
    for path in french_typography.french_catalogues():
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    yield f"{path.relative_to(ROOT)}: {entry.msgid[:60]}", text
    for path in french_typography.french_lessons():
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def test_every_french_string_follows_the_canadian_spacing_rule(capsys):
    assert french_typography.main(["--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    "before,after",
    [
        ("Séance : %(title)s", "Séance\u00a0: %(title)s"),
        ("Vraiment ?", "Vraiment?"),
        ("annulée ; trois", "annulée; trois"),
        ("« %(value)s »", "«\u00a0%(value)s\u00a0»"),
        ("“%(value)s”", "«\u00a0%(value)s\u00a0»"),
        ("https://example.org/a:b à 10:30", "https://example.org/a:b à 10:30"),
    ],
)
def test_the_rule(before, after):
    assert french_typography.normalise(before) == after


# Placeholders, addresses, code and OAuth scope values ("openid(ENTER)email(ENTER)") are not prose.
NOT_PROSE = re.compile(r"\{[^}]*\}|%\([^)]*\)\w|\S+@\S+|\w+://\S+|`[^`]*`|mailto:\S+|\w+\(ENTER\)")


def test_french_strings_keep_to_the_glossary():
    offences = [
        f"{where}: “{match.group(0)}” (use {use})"
        for where, text in _french_texts()
        for pattern, use in GLOSSARY.items()
        for match in re.finditer(pattern, NOT_PROSE.sub(" ", text), flags=re.IGNORECASE)
    ]
    assert offences == []


def test_a_jurisdiction_is_a_gouvernement_in_every_catalogue():
    """The site calls a federal, provincial or territorial government « gouvernement » everywhere
    (one catalogue said « administration », another « gouvernement »)."""
    offences = [
        f"{path.relative_to(ROOT)}: {entry.msgid[:60]} -> {entry.msgstr[:60]}"
        for path in french_typography.french_catalogues()
        for entry in polib.pofile(str(path))
        if "jurisdiction" in entry.msgid.lower() and re.search(r"\badministrations?\b", entry.msgstr, re.IGNORECASE)
    ]
    assert offences == []


ACCOUNT_DEFECTS = {
    r"\bcet courriel": "ce courriel",
    r"\bl['’]courriel": "le courriel / l’adresse courriel",
    r"\bdossier spam": "dossier de pourriels",
    r"\bMerci de\b": "Veuillez",
    r"(?<!nom d’)\butilisat(?:eur|rice)s?\b": "gender-neutral wording: « la personne », « votre compte »",
    r"'": "the typographic apostrophe ’",
}


def test_account_messages_are_canadian_french_without_the_mechanical_swap_defects():
    path = ROOT / "locale_overrides" / "fr" / "LC_MESSAGES" / "django.po"
    offences = [
        f"{entry.msgid[:60]}: “{match.group(0)}” (use {use})"
        for entry in polib.pofile(str(path))
        for pattern, use in ACCOUNT_DEFECTS.items()
        for match in re.finditer(pattern, re.sub(r"<[^>]*>", " ", entry.msgstr), flags=re.IGNORECASE)
    ]
    assert offences == []


PLACEHOLDER = re.compile(r"%\([^)]+\)[sdfr]|%[sdif]|\{\w*\}|</?\w+")


def _placeholders(text):
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


def test_every_french_string_keeps_the_placeholders_of_its_english():
    offences = []
    for path in french_typography.french_catalogues():
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            english = _placeholders(entry.msgid) | _placeholders(entry.msgid_plural or "")
            forms = [text for text in [entry.msgstr, *entry.msgstr_plural.values()] if text]
            french = set().union(*(_placeholders(text) for text in forms)) if forms else english
            if french != english:
                offences.append(f"{path.relative_to(ROOT)}: {entry.msgid[:60]} {sorted(english ^ french)}")
    assert offences == []
