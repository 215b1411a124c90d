"""Every CSV the site writes goes through here, so that no cell opens as a formula in a
spreadsheet (OWASP "CSV injection"): a text cell that begins with =, +, -, @, a tab or a carriage
return gets a leading apostrophe, which spreadsheets show as text and hide. Numbers, dates and
empty cells pass unchanged; so a count stays a number, while a learner-typed "-1" is text."""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(target, **options):
    """`csv.writer(target)` whose every cell is made safe."""
    return _SafeWriter(csv.writer(target, **options))
