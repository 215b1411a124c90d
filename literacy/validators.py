"""Validators shared by the products' models and forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINE_BREAKS = {"\u2028", "\u2029", "\x85"}


def validate_single_line(value):
    """A one-line field (a title, a venue, a name) refuses line breaks, tabs and other control
    characters: they end up in email subjects and calendar files, where a line break is an error."""
    if value and any(unicodedata.category(char) == "Cc" or char in LINE_BREAKS for char in str(value)):
        raise ValidationError(
            _("Use one line of text, without line breaks, tabs or control characters."), code="control_characters"
        )


def one_line(text):
    """`text` folded onto one line (for headers built from data saved before the validator)."""
    return " ".join(
        "".join(" " if unicodedata.category(c) == "Cc" or c in LINE_BREAKS else c for c in str(text)).split()
    )
