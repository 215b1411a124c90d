"""Keep locale_overrides/fr/LC_MESSAGES/django.po in step with django-allauth.

Flow: that .po file is the source of truth. Its French was written by hand in Canadian French
(« courriel », « se connecter », gender-neutral wording, typographic apostrophes) and this script
never changes a translated entry. After upgrading allauth, run
    .venv/bin/python scripts/make_allauth_fr_overrides.py
It adds every allauth msgid that mentions email/e-mail and is not yet in the file as an EMPTY
entry; a translator fills those in, then runs scripts/french_typography.py and compilemessages.
An empty entry falls back to allauth's own French until it is translated.
"""

import re
from pathlib import Path

import allauth
import polib

SOURCE = Path(allauth.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
TARGET = Path(__file__).resolve().parent.parent / "locale_overrides" / "fr" / "LC_MESSAGES" / "django.po"
MENTIONS_EMAIL = re.compile(r"(?i)\be-?mails?\b")


def main():
    source = polib.pofile(str(SOURCE))
    target = polib.pofile(str(TARGET))
    known = {(entry.msgctxt, entry.msgid) for entry in target}
    added = 0
    for entry in source:
        if entry.obsolete or (entry.msgctxt, entry.msgid) in known:
            continue
        if not MENTIONS_EMAIL.search(entry.msgid + (entry.msgid_plural or "")):
            continue
        target.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgctxt=entry.msgctxt,
                msgstr="",
                msgstr_plural={key: "" for key in entry.msgstr_plural},
            )
        )
        added += 1
    target.save(str(TARGET))
    print(f"{added} new allauth strings to translate in {TARGET}")


if __name__ == "__main__":
    main()
