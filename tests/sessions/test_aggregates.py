from sessions.aggregates import PRIMARY, SECONDARY, suppress_table


def shown(table):
    return [[cell["value"] for cell in row["cells"]] for row in table["rows"]], [c["value"] for c in table["totals"]]


def test_a_cell_of_three_and_its_complement_are_hidden():
    table = suppress_table(rows=[("yes", {"n": 3}), ("no", {"n": 25}), ("prefer not", {"n": 12})], columns=["n"])
    cells, totals = shown(table)
    assert cells == [[PRIMARY], ["25"], [SECONDARY]]
    assert totals == ["40"]


def test_nothing_hidden_when_all_counts_are_large():
    cells, totals = shown(suppress_table(rows=[("a", {"n": 10}), ("b", {"n": 30})], columns=["n"]))
    assert cells == [["10"], ["30"]] and totals == ["40"]


def test_two_way_table_no_row_or_column_has_a_single_hidden_cell():
    rows = [("a", {"x": 4, "y": 20, "z": 30}), ("b", {"x": 15, "y": 18, "z": 40}), ("c", {"x": 25, "y": 11, "z": 50})]
    table = suppress_table(rows=rows, columns=["x", "y", "z"])
    grid = [[c["suppressed"] for c in row["cells"]] + [row["total"]["suppressed"]] for row in table["rows"]]
    grid.append([c["suppressed"] for c in table["totals"]] + [table["grand_total"]["suppressed"]])
    for line in grid:
        assert sum(line) != 1
    for column in zip(*grid):
        assert sum(column) != 1
    assert table["rows"][0]["cells"][0]["value"] == PRIMARY


def test_total_under_ten_is_hidden():
    cells, totals = shown(suppress_table(rows=[("a", {"n": 2}), ("b", {"n": 3})], columns=["n"]))
    assert cells == [[PRIMARY], [PRIMARY]] and totals == [PRIMARY]
