"""The one shape every breakdown has: rows × columns of counts, with their totals.

A one-way breakdown (contacts by canal) is a table with a single column; a cross table
(sexe × tranche d'âge) has several. Exports, the secrecy rule and the dashboard all take this
shape, which is what keeps the same figure the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Label = tuple[str, str]  # (code, French label)


@dataclass
class Table:
    key: str  # stable id, e.g. "contacts.canal"; the dashboard and tests address tables by it
    title: str  # French, e.g. "Contacts par canal"
    row_header: str  # what the rows are, e.g. "Canal"
    rows: list[Label]
    columns: list[Label]
    cells: list[list[int]]
    # Totals published with the table: a row total per row (when several columns) and a total
    # row; the secrecy rule treats them as cells of the same equations.
    row_totals: bool = True
    column_totals: bool = True
    # The filter a row drills down to (site, reseau, departement, epci, month, week) or "".
    drill: str = ""
    note: str = ""  # a definition printed under the table

    @property
    def is_one_way(self) -> bool:
        return len(self.columns) == 1

    def row_total(self, index: int) -> int:
        return sum(self.cells[index])

    def column_total(self, index: int) -> int:
        return sum(row[index] for row in self.cells)

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.cells)

    def value(self, row_code: str, column_code: str | None = None) -> int:
        """A cell by codes; the only column of a one-way table when none is given."""
        r = [code for code, _ in self.rows].index(row_code)
        c = 0 if column_code is None else [code for code, _ in self.columns].index(column_code)
        return self.cells[r][c]

    def as_counts(self) -> dict[str, int]:
        """{row code: count} of a one-way table."""
        return {code: row[0] for (code, _), row in zip(self.rows, self.cells, strict=True)}


@dataclass
class Figure:
    """A headline number (or ratio) of the synthesis, with what it depends on for secrecy."""

    key: str
    label: str
    value: float | int | None
    unit: str = ""  # "", "%", "jours"
    # counts the figure is computed from: it is masked when any of them is below the threshold
    based_on: tuple[int, ...] = field(default_factory=tuple)


def one_way(
    key: str,
    title: str,
    row_header: str,
    counts: Mapping[str, int],
    labels: Mapping[str, str] | None = None,
    *,
    column: str = "Contacts",
    order: Iterable[str] | None = None,
    keep_zeros: bool = True,
    drill: str = "",
    note: str = "",
) -> Table:
    """A one-way table; every code of `order` (a vocabulary) is listed, zero or not."""
    labels = labels or {}
    codes = list(order or ())
    codes += sorted(code for code in counts if code not in set(codes))
    if not keep_zeros:
        codes = [code for code in codes if counts.get(code, 0)]
    return Table(
        key, title, row_header,
        rows=[(code, labels.get(code, code)) for code in codes],
        columns=[("n", column)],
        cells=[[int(counts.get(code, 0))] for code in codes],
        row_totals=False, drill=drill, note=note,
    )  # fmt: skip


def cross(
    key: str,
    title: str,
    row_header: str,
    counts: Mapping[tuple[str, str], int],
    rows: Sequence[Label],
    columns: Sequence[Label],
    *,
    drill: str = "",
    note: str = "",
) -> Table:
    return Table(
        key, title, row_header, list(rows), list(columns),
        cells=[[int(counts.get((r, c), 0)) for c, _ in columns] for r, _ in rows],
        drill=drill, note=note,
    )  # fmt: skip
