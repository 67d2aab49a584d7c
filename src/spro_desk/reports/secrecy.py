"""Statistical secrecy: no published count may single out a person.

The rule, applied to every table of every export (docs/indicators.md):

1. **Primary masking** — every published figure, cells and totals alike, with
   0 < value < threshold (default 5) is masked.
2. **Zeros are published.** "Nobody" identifies nobody; a zero is never masked, and never
   used as a complementary cell either (masking a known-to-be-possible zero protects nothing
   that the threshold rule does not already cover).
3. **Secondary masking** — a table publishes its totals, so each row (with its row total) and
   each column (with its column total) is an equation. An equation with exactly one masked
   figure would give it back by subtraction; so, until no equation has exactly one, the
   smallest positive unmasked figure of such an equation is masked too — inner cells before
   totals. It always ends (masks only grow) and always finds a figure (the total of an
   equation is at least its masked cell, so positive).

This protects against recovery from one equation by subtraction, the attack the rule is
about; like every greedy rule it does not claim to resist linear programming over many
equations of many tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spro_desk.reports.table import Figure, Table

DEFAULT_THRESHOLD = 5
Position = tuple[int, int]


@dataclass
class PublishedTable:
    """A table as exported: None where a figure is masked."""

    table: Table
    cells: list[list[int | None]]
    row_totals: list[int | None] | None  # None when the table publishes no row totals
    column_totals: list[int | None] | None
    total: int | None  # the grand total, when the table publishes one
    masked: int  # how many figures are masked (cells and totals)


def _grid(table: Table) -> tuple[dict[Position, int], list[list[Position]]]:
    """Every published figure by position (totals in row R / column C) and the equations."""
    rows, columns = len(table.rows), len(table.columns)
    values: dict[Position, int] = {
        (i, j): table.cells[i][j] for i in range(rows) for j in range(columns)
    }
    equations: list[list[Position]] = []
    if table.row_totals:
        for i in range(rows):
            values[(i, columns)] = table.row_total(i)
            equations.append([(i, j) for j in range(columns + 1)])
    if table.column_totals:
        for j in range(columns):
            values[(rows, j)] = table.column_total(j)
            equations.append([(i, j) for i in range(rows + 1)])
    if table.row_totals and table.column_totals:
        values[(rows, columns)] = table.total
        equations.append([(rows, j) for j in range(columns + 1)])
        equations.append([(i, columns) for i in range(rows + 1)])
    return values, equations


def mask_positions(
    values: dict[Position, int],
    equations: list[list[Position]],
    threshold: int,
    extra: Iterable[Position] = (),
    public: Iterable[Position] = (),
) -> set[Position]:
    """Primary then secondary masking over any set of equations (see the module docstring).

    Each equation lists its terms then, last, its total. `extra`: figures masked beforehand
    (chosen by the check across publications, `cross_secrecy`); `public`: figures earlier
    publications already give away, never chosen (masking them would protect nothing).
    """
    masked = {p for p, v in values.items() if 0 < v < threshold} | set(extra)
    known = set(public)
    changed = True
    while changed:
        changed = False
        for equation in equations:
            hidden = [p for p in equation if p in masked]
            if len(hidden) != 1:
                continue
            free = [p for p in equation if p not in masked and p not in known]
            candidates = [p for p in free if values[p] > 0]
            if not candidates:  # only when `extra` masked a zero: the others are zeros too
                candidates = free
            if not candidates:  # the equation's other figures are given away already
                continue
            # inner cells first (a total is the last position of its equation), then smallest
            last = equation[-1]
            choice = min(candidates, key=lambda p: (p == last, values[p], p))
            masked.add(choice)
            changed = True
    return masked


def protect(
    table: Table,
    threshold: int = DEFAULT_THRESHOLD,
    extra: Iterable[Position] = (),
    public: Iterable[Position] = (),
) -> PublishedTable:
    values, equations = _grid(table)
    masked = mask_positions(values, equations, threshold, extra, public)
    rows, columns = len(table.rows), len(table.columns)

    def shown(position: Position) -> int | None:
        return None if position in masked else values[position]

    return PublishedTable(
        table=table,
        cells=[[shown((i, j)) for j in range(columns)] for i in range(rows)],
        row_totals=[shown((i, columns)) for i in range(rows)] if table.row_totals else None,
        column_totals=([shown((rows, j)) for j in range(columns)] if table.column_totals else None),
        total=_grand_total(table, shown, rows, columns),
        masked=len(masked),
    )


def _grand_total(
    table: Table, shown: Callable[[Position], int | None], rows: int, columns: int
) -> int | None:
    if table.row_totals and table.column_totals:
        return shown((rows, columns))
    if table.column_totals and columns == 1:
        return shown((rows, 0))
    return None


def publish_figure(figure: Figure, threshold: int = DEFAULT_THRESHOLD) -> float | int | None:
    """A headline figure, or None when it rests on a count below the threshold."""
    if any(0 < n < threshold for n in figure.based_on):
        return None
    return figure.value
