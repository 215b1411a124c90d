"""An attacker's audit of published self-identification tables: the integer program over what a
coordinator can see. Each true count is an unknown integer; what is published bounds it:
"<10" → 0..9; "x" → at least 6 (secondary cells are taken among those that would be shown); a
number p, randomly rounded to base 5 → p-4..p+4; totals are the sums of their cells. For
each hidden figure, scipy's `milp` finds its smallest and largest feasible value."""

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

BASE = 5


def _bounds(shown):
    """What one published figure says of its true count. A figure is hidden as "<10" when its
    rounding is under 10 (so the count is at most 9) and shown otherwise (a multiple of 5, within
    4 of the count); a secondary "x" was one that would have been shown (its count is at least 6)."""
    if shown == "<10":
        return 0, 9
    if shown == "x":
        return 6, 10**6
    value = int(shown)
    return max(0, value - (BASE - 1)), value + (BASE - 1)


def published_grid(table):
    """{(r, c): shown text} with r == len(rows) for totals and c == len(columns) for row totals."""
    n_rows, n_cols = len(table["rows"]), len(table["columns"])
    grid = {}
    for r, row in enumerate(table["rows"]):
        for c, cell in enumerate(row["cells"]):
            grid[(r, c)] = cell["value"]
        if table["show_row_totals"]:
            grid[(r, n_cols)] = row["total"]["value"]
    for c, cell in enumerate(table["totals"]):
        grid[(n_rows, c)] = cell["value"]
    if table["show_row_totals"]:
        grid[(n_rows, n_cols)] = table["grand_total"]["value"]
    return grid, n_rows, n_cols


class Program:
    """Unknown true counts of one or more tables, with what was published about them."""

    def __init__(self):
        self.lower, self.upper, self.rows = [], [], []  # rows: (coefficients {var: coef}, low, high)

    def variable(self, low, high):
        self.lower.append(low)
        self.upper.append(high)
        return len(self.lower) - 1

    def constrain(self, coefficients, low, high):
        self.rows.append((coefficients, low, high))

    def add_table(self, table):
        """Variables for the inner cells; each published figure bounds its cell or its sum."""
        grid, n_rows, n_cols = published_grid(table)
        cells = {(r, c): self.variable(0, 10**6) for r in range(n_rows) for c in range(n_cols)}
        expressions = {}
        for (r, c), shown in grid.items():
            if r < n_rows and c < n_cols:
                members = [cells[(r, c)]]
            elif r < n_rows:
                members = [cells[(r, k)] for k in range(n_cols)]
            elif c < n_cols:
                members = [cells[(k, c)] for k in range(n_rows)]
            else:
                members = list(cells.values())
            low, high = _bounds(shown)
            self.constrain({m: 1 for m in members}, low, high)
            expressions[(r, c)] = members
        return grid, expressions, cells

    def _constraints(self, extra):
        rows = [*self.rows, *extra]
        matrix = np.zeros((len(rows), len(self.lower)))
        for i, (coefficients, _low, _high) in enumerate(rows):
            for var, coef in coefficients.items():
                matrix[i, var] = coef
        return LinearConstraint(matrix, [r[1] for r in rows], [r[2] for r in rows])

    def extreme(self, members, *, sense, extra=(), constraints=None):
        n = len(self.lower)
        objective = np.zeros(n)
        for m in members:
            objective[m] = 1 if sense == "min" else -1
        result = milp(
            objective,
            integrality=np.ones(n),
            bounds=Bounds(self.lower, self.upper),
            constraints=constraints or self._constraints(extra),
        )
        if not result.success:
            return None
        return round(result.fun) if sense == "min" else -round(result.fun)

    def feasible(self, extra=()):
        return self.extreme([], sense="min", extra=extra) is not None


def hidden_ranges(table):
    """{cell: number of values the attacker cannot rule out} for every hidden figure."""
    program = Program()
    grid, expressions, _cells = program.add_table(table)
    constraints = program._constraints(())
    ranges = {}
    for cell, shown in grid.items():
        if shown in ("<10", "x"):
            low = program.extreme(expressions[cell], sense="min", constraints=constraints)
            high = program.extreme(expressions[cell], sense="max", constraints=constraints)
            ranges[cell] = high - low + 1
    return ranges
