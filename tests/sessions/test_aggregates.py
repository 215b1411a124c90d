from sessions.aggregates import BASE, PRIMARY, SECONDARY, random_round, suppress_table


def shown(table):
    return [[cell["value"] for cell in row["cells"]] for row in table["rows"]], [c["value"] for c in table["totals"]]


def test_a_cell_of_three_and_its_complement_are_hidden_and_the_rest_rounded():
    table = suppress_table(rows=[("yes", {"n": 3}), ("no", {"n": 25}), ("prefer not", {"n": 12})], columns=["n"])
    cells, totals = shown(table)
    assert cells[0] == [PRIMARY] and cells[2] == [SECONDARY]
    assert cells[1] == ["25"]  # a multiple of 5 stays as it is
    assert int(totals[0]) in (40,)


def test_every_shown_figure_is_a_multiple_of_five_within_four_of_the_count():
    for count in range(10, 60):
        table = suppress_table(rows=[("a", {"n": count}), ("b", {"n": 50})], columns=["n"], key=f"k{count}")
        value = int(table["rows"][0]["cells"][0]["value"])
        assert value % BASE == 0 and abs(value - count) < BASE


def test_rounding_is_unbiased_and_the_same_for_the_same_key():
    draws = [random_round(12, key=f"table-{n}", cell=(0, 0)) for n in range(2000)]
    assert set(draws) == {10, 15}
    assert 0.3 < draws.count(15) / len(draws) < 0.5  # up with probability 2/5
    assert random_round(12, key="same", cell=(0, 0)) == random_round(12, key="same", cell=(0, 0))


def test_two_way_table_no_row_or_column_has_a_single_hidden_cell():
    rows = [("a", {"x": 4, "y": 20, "z": 30}), ("b", {"x": 15, "y": 18, "z": 40}), ("c", {"x": 25, "y": 11, "z": 50})]
    table = suppress_table(rows=rows, columns=["x", "y", "z"])
    grid = [[c["suppressed"] for c in row["cells"]] + [row["total"]["suppressed"]] for row in table["rows"]]
    grid.append([c["suppressed"] for c in table["totals"]] + [table["grand_total"]["suppressed"]])
    for line in grid:
        assert sum(line) != 1
    for column in zip(*grid, strict=True):
        assert sum(column) != 1
    assert table["rows"][0]["cells"][0]["value"] == PRIMARY


def test_total_under_ten_is_hidden():
    cells, totals = shown(suppress_table(rows=[("a", {"n": 2}), ("b", {"n": 3})], columns=["n"]))
    assert cells == [[PRIMARY], [PRIMARY]] and totals == [PRIMARY]
