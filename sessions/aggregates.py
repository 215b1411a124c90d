"""Disclosure control for voluntary self-identification (GBA Plus) aggregates.

Every figure a coordinator sees goes through `suppress_table(rows=…, columns=…)`, the one entry
point (outside auditors test it). The method, modelled on Statistics Canada's practice for
small populations:

1. **Random rounding to base 5.** Every figure, totals included, is rounded to a multiple of 5,
   up with probability (n mod 5)/5 and down otherwise (unbiased).
2. **Suppression.** A figure whose rounded value is under 10 is shown as "<10" (primary): every
   count under 5 is hidden, and one from 5 to 9 is hidden or shown as 10, so no figure shown is
   a count under 10 known exactly, and a count crossing 10 between two periods does not say who
   crossed it. Whenever a row or column, totals included, would have exactly one hidden cell,
   the smallest other cell of that line is hidden too ("x", secondary), until stable.
   Totals are rounded on their own, so adding shown cells never gives a total exactly, and a
   hidden cell can only be bounded within several values. The draw is keyed (HMAC of the site's secret with the table's
   key, the period and the cell), so a table looks the same every time it is opened in a period
   and nobody can average repeated views; across periods the draws are new, and two roundings of
   one count never narrow it below four values.
3. **One level, refresh windows** (`sessions.selectors`): tables are published per jurisdiction
   only (a per-session table minus the jurisdiction's would isolate a session), count each
   person once per scope (their latest answer; cancelled registrations are not counted), and
   are computed from the registrations made before the start of the current period (a week), so
   a registration made today changes nothing a coordinator can see until the next period, when
   every figure is rounded afresh.

`tests/sessions/auditor.py` solves the integer program over what is published (bounds implied by
the rules above, additivity of the true counts) for random tables and for the before/after case:
no hidden count can be derived or narrowed to fewer than three values."""

import hashlib
import hmac

from django.conf import settings

THRESHOLD = 10
BASE = 5
PRIMARY = "<10"
SECONDARY = "x"


def _draw(key, cell):
    """A number in [0, 1) fixed by the secret, the table key and the cell."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{key}|{cell}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def random_round(count, *, key, cell):
    """`count` rounded to a multiple of BASE: up with probability (count mod BASE)/BASE."""
    remainder = count % BASE
    if remainder == 0:
        return count
    return count - remainder + (BASE if _draw(key, cell) < remainder / BASE else 0)


def suppress_table(*, rows, columns, key="", total_key=None):
    """`rows` is [(label, {column: count})]. Returns display rows with totals, where each cell is
    {"value": shown text, "suppressed": bool}. `key` names the table and its period for the
    rounding draws; `total_key` (default `key`) is shared by the tables of one population in one
    period, so their common grand total is rounded once and cannot be averaged."""
    labels = [label for label, _values in rows]
    n_rows, n_cols = len(rows), len(columns)
    grid = [[values.get(column, 0) for column in columns] for _label, values in rows]
    row_totals = [sum(line) for line in grid]
    col_totals = [sum(grid[r][c] for r in range(n_rows)) for c in range(n_cols)]
    grand = sum(col_totals)

    # cells keyed (r, c); r == n_rows is the totals row, c == n_cols the totals column
    value = {}
    for r in range(n_rows):
        for c in range(n_cols):
            value[(r, c)] = grid[r][c]
        value[(r, n_cols)] = row_totals[r]
    for c in range(n_cols):
        value[(n_rows, c)] = col_totals[c]
    value[(n_rows, n_cols)] = grand
    show_row_totals = n_cols > 1

    lines = []
    for r in range(n_rows + 1):
        line = [(r, c) for c in range(n_cols)]
        if show_row_totals:
            line.append((r, n_cols))
        lines.append(line)
    for c in range(n_cols + (1 if show_row_totals else 0)):
        lines.append([(r, c) for r in range(n_rows + 1)])

    def draw_key(cell):
        is_grand = cell == (n_rows, n_cols) or (not show_row_totals and cell == (n_rows, 0))
        return (total_key if is_grand and total_key else key), ("grand-total" if is_grand else cell)

    rounded = {}
    for cell, count in value.items():
        table_key, draw_cell = draw_key(cell)
        rounded[cell] = random_round(count, key=table_key, cell=draw_cell)
    # Hidden when the rounded count is under the threshold: every count under 5 is hidden and
    # one from 5 to 9 is hidden or shown as 10, so a count crossing 10 between two periods does
    # not tell which line a newcomer joined.
    primary = {cell for cell in value if rounded[cell] < THRESHOLD}
    suppressed = set(primary)
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [cell for cell in line if cell in suppressed]
            if len(hidden) == 1:
                candidates = sorted(
                    (cell for cell in line if cell not in suppressed),
                    key=lambda cell: (cell[0] == n_rows or cell[1] == n_cols, value[cell]),
                )
                if candidates:
                    suppressed.add(candidates[0])
                    changed = True

    def show(cell):
        if cell in primary:
            return {"value": PRIMARY, "suppressed": True}
        if cell in suppressed:
            return {"value": SECONDARY, "suppressed": True}
        return {"value": str(rounded[cell]), "suppressed": False}

    return {
        "columns": columns,
        "rows": [
            {
                "label": labels[r],
                "cells": [show((r, c)) for c in range(n_cols)],
                "total": show((r, n_cols)) if show_row_totals else None,
            }
            for r in range(n_rows)
        ],
        "totals": [show((n_rows, c)) for c in range(n_cols)],
        "grand_total": show((n_rows, n_cols)) if show_row_totals else None,
        "show_row_totals": show_row_totals,
    }
