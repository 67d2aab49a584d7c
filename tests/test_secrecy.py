"""Statistical secrecy: small cells masked, and never recoverable from the published totals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spro_desk.reports.secrecy import PublishedTable, protect, publish_figure
from spro_desk.reports.table import Figure, Table, one_way


def _table(cells: list[list[int]], *, row_totals: bool = True) -> Table:
    return Table(
        "t", "T", "R",
        rows=[(f"r{i}", f"r{i}") for i in range(len(cells))],
        columns=[(f"c{j}", f"c{j}") for j in range(len(cells[0]))],
        cells=cells, row_totals=row_totals,
    )  # fmt: skip


def _published_grid(published: PublishedTable) -> dict[tuple[int, int], int | None]:
    """Every published figure by position, totals in the extra row and column."""
    rows, columns = len(published.cells), len(published.cells[0])
    grid = {(i, j): published.cells[i][j] for i in range(rows) for j in range(columns)}
    if published.row_totals is not None:
        grid |= {(i, columns): v for i, v in enumerate(published.row_totals)}
    if published.column_totals is not None:
        grid |= {(rows, j): v for j, v in enumerate(published.column_totals)}
    if published.row_totals is not None and published.column_totals is not None:
        grid[(rows, columns)] = published.total
    return grid


def _recover_by_subtraction(
    grid: dict[tuple[int, int], int | None], rows: int, columns: int, both: bool
) -> dict[tuple[int, int], int]:
    """The attacker: solve any row or column equation with one unknown, repeat until stuck."""
    known = {p: v for p, v in grid.items() if v is not None}
    equations = [[(i, j) for j in range(columns + 1)] for i in range(rows + (1 if both else 0))]
    equations += [[(i, j) for i in range(rows + 1)] for j in range(columns + (1 if both else 0))]
    equations = [e for e in equations if all(p in grid for p in e)]
    found: dict[tuple[int, int], int] = {}
    progress = True
    while progress:
        progress = False
        for equation in equations:
            unknown = [p for p in equation if p not in known]
            if len(unknown) != 1:
                continue
            (position,) = unknown
            *terms, total = equation
            if position == total:
                value = sum(known[p] for p in terms)
            else:
                value = known[total] - sum(known[p] for p in terms if p != position)
            known[position] = found[position] = value
            progress = True
    return found


def test_a_small_cell_alone_in_its_row_and_column_takes_a_partner() -> None:
    published = protect(_table([[3, 40, 12], [25, 30, 9]]))
    assert published.cells == [[None, 40, None], [None, 30, None]]
    assert published.row_totals == [55, 64] and published.column_totals == [28, 70, 21]
    assert published.total == 119 and published.masked == 4


def test_zeros_are_published_and_never_used_as_partners() -> None:
    published = protect(_table([[0, 2, 30], [0, 12, 40]]))
    assert published.cells[0][0] == 0 and published.cells[1][0] == 0
    assert published.cells[0][1] is None and published.cells[1][1] is None


def test_a_one_way_table_masks_the_next_smallest_not_the_total() -> None:
    table = one_way("t", "T", "Canal", {"a": 2, "b": 7, "c": 50, "d": 0}, order="abcd")
    published = protect(table)
    assert [row[0] for row in published.cells] == [None, None, 50, 0]
    assert published.column_totals == [59] and published.total == 59


def test_a_small_total_is_masked_with_its_only_cell() -> None:
    table = one_way("t", "T", "Canal", {"a": 3, "b": 0}, order="ab")
    published = protect(table)
    assert published.cells == [[None], [0]] and published.total is None


def test_a_figure_resting_on_a_small_count_is_withheld() -> None:
    assert publish_figure(Figure("x", "x", 12.5, "%", based_on=(3, 200))) is None
    assert publish_figure(Figure("x", "x", 12.5, "%", based_on=(0, 200))) == 12.5
    assert publish_figure(Figure("x", "x", 40, based_on=(40,)), threshold=50) is None


@settings(max_examples=400, deadline=None)
@given(
    st.integers(min_value=1, max_value=6).flatmap(
        lambda rows: st.integers(min_value=1, max_value=6).flatmap(
            lambda columns: st.lists(
                st.lists(
                    st.one_of(st.integers(0, 6), st.integers(0, 60)),
                    min_size=columns,
                    max_size=columns,
                ),
                min_size=rows,
                max_size=rows,
            )
        )
    ),
    st.integers(min_value=1, max_value=10),
    st.booleans(),
)
def test_no_masked_figure_is_recoverable_by_subtraction(
    cells: list[list[int]], threshold: int, row_totals: bool
) -> None:
    table = _table(cells, row_totals=row_totals)
    published = protect(table, threshold)
    rows, columns = len(cells), len(cells[0])
    grid = _published_grid(published)
    for (i, j), shown in grid.items():
        true = cells[i][j] if i < rows and j < columns else None
        if true is not None:
            assert shown is None if 0 < true < threshold else shown in (None, true)
            assert not (true == 0 and shown is None)  # zeros are published
    recovered = _recover_by_subtraction(grid, rows, columns, row_totals)
    assert recovered == {}, (cells, threshold, grid)


def test_masking_over_a_real_breakdown_prints_its_figure() -> None:
    cells = [[(i * 7 + j * 3) % 11 for j in range(6)] for i in range(40)]
    published = protect(_table(cells))
    small = sum(1 for row in cells for v in row if 0 < v < 5)
    recovered = _recover_by_subtraction(_published_grid(published), 40, 6, True)
    assert recovered == {} and published.masked >= small
    print(f"\n40×6 table: {small} small cells, {published.masked} figures masked, 0 recoverable")
