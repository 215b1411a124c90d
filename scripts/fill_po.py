"""Fill a .po file's msgstrs from a Python dict file: `python scripts/fill_po.py PO DICT.py`.
DICT.py defines TRANSLATIONS = {msgid: msgstr or (singular, plural)}. Reports msgids left empty."""

import runpy
import sys

import polib

po_path, dict_path = sys.argv[1], sys.argv[2]
translations = runpy.run_path(dict_path)["TRANSLATIONS"]
po = polib.pofile(po_path)
missing = []
for entry in po:
    value = translations.get(entry.msgid)
    if value is None:
        if not (entry.msgstr or any(entry.msgstr_plural.values())):
            missing.append(entry.msgid)
        continue
    if entry.msgid_plural:
        singular, plural = value
        entry.msgstr_plural = {0: singular, 1: plural}
    else:
        entry.msgstr = value
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
po.metadata["Language"] = "fr"
po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
po.save()
for msgid in missing:
    print("untranslated:", repr(msgid))
sys.exit(1 if missing else 0)
