"""The attacker of issue 19: every bilan published for a period, subtracted from each other.

Written apart from the product's check (`reports.cross_secrecy`), in another shape: one unknown
per figure per territory of the hierarchy (published or not), and the relations an outsider
knows — a parent's figure is the sum of its children's (région = départements = bassins =
sites), a row total the sum of its row, a column total of its column, the grand total of both.
Published figures are fixed; every unknown is a count, so non-negative.

A masked figure is **recovered** when the published figures determine it: its unit vector lies
in the row space of the equations (exact Gauss-Jordan elimination over fractions: once reduced,
an unknown is determined exactly when its pivot row holds it alone) — whatever its value, a
complementary 40 as well as a 3 (`recovered()`, the secrecy figure of issue 19). Interval
propagation over the non-negative unknowns also reports what it bounds narrower than the
threshold; `small_counts()` lists the small counts given away that way or exactly, including
figures of territories that published nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from spro_desk.reports.secrecy import PublishedTable

STAR = "*"
Key = tuple[str, str]
Unknown = tuple[str, str, Key]  # territory, table, figure


@dataclass(frozen=True)
class Recovered:
    territory: str
    table: str
    figure: Key
    low: Fraction
    high: Fraction
    exact: bool
    masked: bool = True  # a figure some bilan published masked (else: of an unpublished one)

    @property
    def small(self) -> bool:
        """The interval holds a small count: what secrecy protects (a complementary 40
        found again discloses nobody)."""
        return self.low < self.threshold and self.high > 0

    threshold: int = 5


def masked_cells(published: Mapping[str, Mapping[str, PublishedTable]]) -> int:
    """How many figures the published set masks (cells, row and column totals, totals)."""
    return sum(
        1
        for tables in published.values()
        for p in tables.values()
        for v in _published_values(p).values()
        if v is None
    )


def _published_values(published: PublishedTable) -> dict[Key, int | None]:
    table = published.table
    out: dict[Key, int | None] = {}
    for i, (r, _) in enumerate(table.rows):
        for j, (c, _) in enumerate(table.columns):
            out[(r, c)] = published.cells[i][j]
        if published.row_totals is not None:
            out[(r, STAR)] = published.row_totals[i]
    if published.column_totals is not None:
        for j, (c, _) in enumerate(table.columns):
            out[(STAR, c)] = published.column_totals[j]
        if published.row_totals is not None:
            out[(STAR, STAR)] = published.total
    return out


class Attack:
    def __init__(
        self,
        children: Mapping[str, Sequence[str]],
        published: Mapping[str, Mapping[str, PublishedTable]],
        threshold: int,
    ) -> None:
        self.children = children
        self.published = published
        self.threshold = threshold
        self.territories = sorted(set(children) | {c for cs in children.values() for c in cs})

    def recovered(self) -> list[Recovered]:
        """The masked figures whose exact value adding and subtracting published figures
        gives back, whatever that value: what secondary suppression must leave at 0."""
        return [found for found in self.run() if found.masked and found.exact]

    def small_counts(self) -> list[Recovered]:
        """The recovered figures that give a small count away: the secrecy figure."""
        return [found for found in self.run() if found.small]

    def run(self) -> list[Recovered]:
        tables = sorted({key for tables in self.published.values() for key in tables})
        return [found for key in tables for found in self._attack_table(key)]

    def _attack_table(self, key: str) -> list[Recovered]:
        rows: list[str] = []
        columns: list[str] = []
        for tables in self.published.values():
            if key in tables:
                table = tables[key].table
                rows += [r for r, _ in table.rows if r not in rows]
                columns += [c for c, _ in table.columns if c not in columns]
        keys = [(r, c) for r in [*rows, STAR] for c in [*columns, STAR]]
        equations: list[tuple[dict[Unknown, int], int]] = []
        for t in self.territories:
            for r in [*rows, STAR]:  # a row total is the sum of its row
                equations.append(_sum_is((t, key, (r, STAR)), [(t, key, (r, c)) for c in columns]))
            for c in columns:  # a column total is the sum of its column
                equations.append(_sum_is((t, key, (STAR, c)), [(t, key, (r, c)) for r in rows]))
        for parent, kids in self.children.items():
            for k in keys:
                equations.append(_sum_is((parent, key, k), [(kid, key, k) for kid in kids]))
        masked: list[Unknown] = []
        for t, tables in self.published.items():
            if key not in tables:
                continue
            values = _published_values(tables[key])
            for r in rows:
                if r not in {code for code, _ in tables[key].table.rows}:
                    values.update({(r, c): 0 for c in [*columns, STAR]})
            for k, v in values.items():
                if v is None:
                    masked.append((t, key, k))
                else:
                    equations.append(({(t, key, k): 1}, v))
        solved = _solve(equations)
        bounds = _bounds(equations)
        found = []
        for unknown in sorted({u for terms, _ in equations for u in terms}):
            exact = solved.get(unknown)
            low, high = bounds.get(unknown, (Fraction(0), None))
            if exact is not None:
                low = high = exact
            width = math.inf if high is None else high - low
            t, _, k = unknown
            narrow = width < self.threshold and low < self.threshold
            if unknown in masked and (exact is not None or narrow):
                found.append(Recovered(t, key, k, low, high or Fraction(0), exact is not None,
                                       True, self.threshold))  # fmt: skip
            elif t not in self.published and narrow and high is not None and high > 0:
                found.append(Recovered(t, key, k, low, high, exact is not None, False,
                                       self.threshold))  # fmt: skip
        return found


def _sum_is(total: Unknown, parts: list[Unknown]) -> tuple[dict[Unknown, int], int]:
    terms = {part: 1 for part in parts}
    terms[total] = terms.get(total, 0) - 1
    return terms, 0


def _solve(equations: list[tuple[dict[Unknown, int], int]]) -> dict[Unknown, Fraction]:
    """Gauss-Jordan over fractions; the unknowns whose reduced row has no other unknown."""
    pivots: list[tuple[Unknown, dict[Unknown, Fraction], Fraction]] = []
    for terms, rhs in equations:
        row = {u: Fraction(c) for u, c in terms.items() if c}
        value = Fraction(rhs)
        for pivot, prow, pvalue in pivots:
            factor = row.get(pivot)
            if factor:
                _subtract(row, prow, factor)
                value -= factor * pvalue
        if not row:
            continue
        pivot = sorted(row, key=repr)[0]
        scale = row[pivot]
        row = {u: c / scale for u, c in row.items()}
        value /= scale
        updated = []
        for other, orow, ovalue in pivots:
            factor = orow.get(pivot)
            if factor:
                _subtract(orow, row, factor)
                ovalue -= factor * value
            updated.append((other, orow, ovalue))
        pivots = [*updated, (pivot, row, value)]
    return {pivot: value for pivot, row, value in pivots if len(row) == 1}


def _subtract(
    row: dict[Unknown, Fraction], other: dict[Unknown, Fraction], factor: Fraction
) -> None:
    """row -= factor × other, dropping the unknowns that cancel out."""
    for u, c in other.items():
        row[u] = row.get(u, Fraction(0)) - factor * c
        if not row[u]:
            del row[u]


def _bounds(
    equations: list[tuple[dict[Unknown, int], int]],
) -> dict[Unknown, tuple[Fraction, Fraction | None]]:
    """Interval propagation: each unknown is rhs minus the others, all of them >= 0."""
    low: dict[Unknown, float] = {}
    high: dict[Unknown, float] = {}
    for terms, _ in equations:
        for u in terms:
            low.setdefault(u, 0.0)
            high.setdefault(u, math.inf)
    for _ in range(1000):
        changed = False
        for terms, rhs in equations:
            for u, c in terms.items():
                # c*u = rhs - sum(others)
                rest_min = sum(
                    (d * low[o] if d > 0 else d * high[o]) for o, d in terms.items() if o != u
                )
                rest_max = sum(
                    (d * high[o] if d > 0 else d * low[o]) for o, d in terms.items() if o != u
                )
                lo, hi = rhs - rest_max, rhs - rest_min
                if c < 0:
                    lo, hi = -hi, -lo
                if not math.isnan(lo) and lo > low[u] + 1e-9:
                    low[u], changed = lo, True
                if not math.isnan(hi) and hi < high[u] - 1e-9:
                    high[u], changed = hi, True
        if not changed:
            break
    return {
        u: (Fraction(round(low[u])), None if math.isinf(high[u]) else Fraction(round(high[u])))
        for u in low
    }
