"""The French catalogues as `make messages` leaves them: each string in the catalogue of the code
that uses it, translated once and the same way everywhere, nothing fuzzy or obsolete."""

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_catalogues_are_what_extraction_gives_and_are_complete():
    messages = runpy.run_path(str(ROOT / "scripts" / "messages.py"))
    assert messages["check"]() == []
