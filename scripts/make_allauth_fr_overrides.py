"""Write locale_overrides/fr/LC_MESSAGES/django.po: django-allauth's French strings in the
Government of Canada's terminology ("courriel", not "e-mail"). Rerun after upgrading allauth:
    .venv/bin/python scripts/make_allauth_fr_overrides.py && make messages
"""

import re
from pathlib import Path

import allauth
import polib

SOURCE = Path(allauth.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
TARGET = Path(__file__).resolve().parent.parent / "locale_overrides" / "fr" / "LC_MESSAGES" / "django.po"

REPLACEMENTS = [
    (r"\bl['’]e-mail\b", "le courriel"),
    (r"\bL['’]e-mail\b", "Le courriel"),
    (r"\bd['’]e-mail\b", "de courriel"),
    (r"\bD['’]e-mail\b", "De courriel"),
    (r"\bcet e-mail\b", "ce courriel"),
    (r"\bCet e-mail\b", "Ce courriel"),
    (r"\bun e-mail\b", "un courriel"),
    (r"\bUn e-mail\b", "Un courriel"),
    (r"\bles e-mails\b", "les courriels"),
    (r"\be-mails\b", "courriels"),
    (r"\bE-mails\b", "Courriels"),
    (r"\be-mail\b", "courriel"),
    (r"\bE-mail\b", "Courriel"),
    (r"\bemail\b", "courriel"),
    (r"\bEmail\b", "Courriel"),
]
# Sign-up is "S’inscrire" as the site header and the Government of Canada's sign-in pages say it.
WORDING = {"Sign Up": "S’inscrire", "Signup": "S’inscrire"}
PLACEHOLDER = re.compile(r"(\{[^}]*\}|%\([^)]*\)[sd]|%[sd])")


def government_french(text):
    """Rewrite the words, never the placeholders ({email}, %(email)s) the code fills in."""
    parts = PLACEHOLDER.split(text)
    for index in range(0, len(parts), 2):
        for pattern, replacement in REPLACEMENTS:
            parts[index] = re.sub(pattern, replacement, parts[index])
    return "".join(parts)


def main():
    source = polib.pofile(str(SOURCE))
    target = polib.POFile()
    target.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "fr",
        "Plural-Forms": source.metadata.get("Plural-Forms", "nplurals=2; plural=(n > 1);"),
    }
    for entry in source:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid in WORDING and not entry.msgctxt:
            target.append(polib.POEntry(msgid=entry.msgid, msgstr=WORDING[entry.msgid]))
            continue
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        if not any(re.search(r"(?i)\be-?mails?\b", text or "") for text in texts):
            continue
        target.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgctxt=entry.msgctxt,
                msgstr=government_french(entry.msgstr),
                msgstr_plural={k: government_french(v) for k, v in entry.msgstr_plural.items()},
            )
        )
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    target.save(str(TARGET))
    print(f"{len(target)} allauth strings rewritten into {TARGET}")


if __name__ == "__main__":
    main()
