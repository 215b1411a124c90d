"""Small-count suppression for self-identification aggregates.

Primary: every count under 10 is shown as "<10". Secondary: whenever a row or column (totals
included) has exactly one suppressed cell, the next-smallest cell in that line is suppressed too,
repeated until stable, so no hidden count can be derived by subtraction from a total."""

THRESHOLD = 10
PRIMARY = "<10"
SECONDARY = "x"


def suppress_table(*, rows, columns):
    """`rows` is [(label, {column: count})]. Returns display rows with totals, where each cell is
    {"value": shown text, "suppressed": bool}."""
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

    primary = {cell for cell, count in value.items() if count < THRESHOLD}
    suppressed = set(primary)
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [cell for cell in line if cell in suppressed]
            if len(hidden) == 1:
                candidates = sorted((cell for cell in line if cell not in suppressed),
                                    key=lambda cell: (cell[0] == n_rows or cell[1] == n_cols, value[cell]))
                if candidates:
                    suppressed.add(candidates[0])
                    changed = True

    def show(cell):
        if cell in primary:
            return {"value": PRIMARY, "suppressed": True}
        if cell in suppressed:
            return {"value": SECONDARY, "suppressed": True}
        return {"value": str(value[cell]), "suppressed": False}

    return {
        "columns": columns,
        "rows": [
            {"label": labels[r], "cells": [show((r, c)) for c in range(n_cols)],
             "total": show((r, n_cols)) if show_row_totals else None}
            for r in range(n_rows)
        ],
        "totals": [show((n_rows, c)) for c in range(n_cols)],
        "grand_total": show((n_rows, n_cols)) if show_row_totals else None,
        "show_row_totals": show_row_totals,
    }
