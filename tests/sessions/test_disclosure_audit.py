"""Disclosure control resists an attacker who solves the integer program over everything a
coordinator can see: random tables, the same population in several tables, two periods around
one new registration; and the report counts each person once."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from sessions import services
from sessions.aggregates import suppress_table
from sessions.models import Registration
from sessions.selectors import report_period, self_identification_report
from tests.factories import UserFactory

from .auditor import Program, hidden_ranges
from .helpers import make_session

MIN_VALUES = 3


def _random_table(rng, number):
    # Shaped like the reports: one column of answers (most), or a cross-tabulation of two factors.
    n_rows, n_cols = rng.randint(2, 6), rng.choice([1, 1, 1, 2, 3])
    columns = [f"c{c}" for c in range(n_cols)]
    rows = []
    for r in range(n_rows):
        rows.append(
            (
                f"r{r}",
                {
                    column: rng.choice([rng.randint(0, 9), rng.randint(10, 40), rng.randint(0, 200)])
                    for column in columns
                },
            )
        )
    return suppress_table(rows=rows, columns=columns, key=f"audit-{number}")


def test_no_hidden_count_of_a_thousand_random_tables_can_be_narrowed_below_three_values(settings):
    settings.SECRET_KEY = "audit-" + "k" * 60
    rng = random.Random(20261124)
    audited = narrowed = 0
    worst = []
    for number in range(1000):
        table = _random_table(rng, number)
        for cell, values in hidden_ranges(table).items():
            audited += 1
            if values < MIN_VALUES:
                narrowed += 1
                worst.append((number, cell, values))
    assert audited > 1000  # the audit had hidden cells to attack
    assert narrowed == 0, worst[:10]


def test_an_exact_table_would_fail_the_audit():
    """The auditor is not toothless: without rounding, a lone small cell beside its total is exact."""
    rows = [("a", {"n": 3}), ("b", {"n": 40})]
    table = {
        "columns": ["n"],
        "show_row_totals": False,
        "rows": [
            {"label": "a", "cells": [{"value": "<10"}], "total": None},
            {"label": "b", "cells": [{"value": "40"}], "total": None},
        ],
        "totals": [{"value": "43"}],
        "grand_total": None,
    }
    program = Program()
    grid, expressions, _cells = program.add_table(table)
    # published exactly (no rounding): 40 and 43 pin the hidden cell to 3
    program.rows = [
        (
            coefficients,
            int(grid[cell]) if grid[cell] not in ("<10", "x") else low,
            int(grid[cell]) if grid[cell] not in ("<10", "x") else high,
        )
        for (coefficients, low, high), cell in zip(program.rows, grid, strict=True)
    ]
    assert program.extreme(expressions[(0, 0)], sense="min") == program.extreme(expressions[(0, 0)], sense="max") == 3
    assert rows


def _population(rng, size):
    return [rng.choice(["yes", "no", "prefer_not_to_say"]) for _ in range(size)]


def _published(answers, *, key):
    counts = {value: answers.count(value) for value in ("yes", "no", "prefer_not_to_say")}
    return suppress_table(
        rows=[(value, {"n": n}) for value, n in counts.items()], columns=["n"], key=key, total_key=key.rsplit("|", 1)[0]
    )


def test_one_new_person_between_two_periods_cannot_be_placed(settings):
    """Before/after: the attacker knows exactly one person joined between two periods and sees
    both periods' tables; they must not tell which answer that person gave."""
    settings.SECRET_KEY = "audit-" + "k" * 60
    rng = random.Random(7)
    placed = 0
    for trial in range(200):
        before = _population(rng, rng.randint(15, 80))
        after = before + [rng.choice(["yes", "no", "prefer_not_to_say"])]
        tables = [
            _published(before, key=f"ON|week-{trial}|indigenous"),
            _published(after, key=f"ON|week-{trial + 1}|indigenous"),
        ]
        candidates = 0
        for joined in range(3):
            program = Program()
            _grid_a, _exp_a, cells_a = program.add_table(tables[0])
            _grid_b, _exp_b, cells_b = program.add_table(tables[1])
            links = []
            for r in range(3):  # after = before + the new person's answer
                links.append(({cells_b[(r, 0)]: 1, cells_a[(r, 0)]: -1}, int(r == joined), int(r == joined)))
            if program.feasible(extra=links):
                candidates += 1
        placed += candidates < MIN_VALUES
    assert placed == 0


def test_tables_of_one_population_share_the_rounding_of_their_total(settings):
    settings.SECRET_KEY = "audit-" + "k" * 60
    answers = ["yes"] * 12 + ["no"] * 31 + ["prefer_not_to_say"] * 14
    totals = {_published(answers, key=f"ON|week|{factor}")["totals"][0]["value"] for factor in "abcdef"}
    assert len(totals) == 1  # six views of one total are one draw, not six to average


@pytest.mark.django_db
def test_reports_count_each_person_once_ignore_cancellations_and_lag_to_the_period(site_tree, settings):
    settings.SECRET_KEY = "audit-" + "k" * 60
    last_week = report_period() - timedelta(days=3)
    first = make_session("ON", capacity=100)
    second = make_session("ON", capacity=99, title="Second")
    people = [UserFactory() for _ in range(30)]
    for person in people:  # thirty people, each registered for two sessions
        for session in (first, second):
            services.register(session=session, user=person, self_identification={"indigenous": "no"}, now=last_week)
    for person in people[:5]:
        services.cancel(registration=Registration.objects.get(user=person, session=first), actor=person)
        services.cancel(registration=Registration.objects.get(user=person, session=second), actor=person)
    registrations = Registration.objects.filter(session__jurisdiction__code="ON")
    report = self_identification_report(registrations=registrations, scope="ON")
    indigenous = next(table for table in report["tables"] if table["factor"] == "indigenous")
    no_row = next(row for row in indigenous["rows"] if row["label"].lower().startswith("no"))
    shown = int(no_row["cells"][0]["value"])
    assert 25 - 4 <= shown <= 25 + 4 and shown % 5 == 0  # 25 people, not 60 registrations nor 30

    newcomer = UserFactory()
    services.register(session=first, user=newcomer, self_identification={"indigenous": "yes"})  # today
    again = self_identification_report(registrations=registrations, scope="ON")
    assert again["tables"] == report["tables"]  # nothing moves until the next period
    assert report["period_start"] <= timezone.now()
