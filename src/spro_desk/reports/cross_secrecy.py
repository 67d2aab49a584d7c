"""Statistical secrecy across every bilan published for a period (issue 19).

Each bilan masks its own small counts (`secrecy.py`), but bilans of nested territories are
linear images of the same site-level counts: the Cher bilan minus the CIO de Bourges bilan is
the Vierzon site. So a publication is checked together with the earlier ones of its period:

- every published figure (cell, row total, column total, grand total) of every scope is the sum,
  over the sites of that scope, of site-level inner cells; sites that belong to exactly the same
  published scopes can never be told apart, so they are merged into one *atom* (the unknowns are
  atom × cell, all non-negative);
- tables that share figures (`LINKS`: sexe × âge's row totals are the sexe table, type ×
  issue's and réseau × issue's column totals the issue table, the sites table's column totals
  the canal table, the comparison's « Période » column the month table) are one linear system,
  their shared figures equal atom by atom; any other table is a system of its own (tables
  sharing only their grand total share one number: masked in one, it is masked in all,
  `periods.FAMILIES`); exact Gaussian elimination over fractions tells which masked figures
  (and which atom cells) are determined, and bound propagation over the non-negative unknowns
  gives intervals;
- a **leak** is a small count given away: a masked figure, or a figure of an atom (sites
  never published alone), bounded to an interval narrower than the threshold that holds a
  small count (exactly 3, or [0, 4]); a large complementary figure found again (40, or
  [73, 77]) gives no small count away;
- the new bilan takes more masks until no leak remains (secondary suppression across the set):
  masks only grow, so it ends; a fully masked table adds no equation, so it always can.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from spro_desk.reports.secrecy import Position, PublishedTable, protect
from spro_desk.reports.table import Table

STAR = "*"  # the code of a margin: (row, STAR) a row total, (STAR, column) a column total
OTHER_SITES = "~other"  # what an unrestricted bilan counts beyond its listed sites
FigureKey = tuple[str, str]
Var = tuple[Any, ...]
LONG_EQUATION = 32  # unknowns: beyond, an equation waits until the short ones are settled
MAX_STEPS = 2_000_000  # bounds propagation ends by itself; this guards against slow creep
# Figures two tables of a bilan both publish, as anyone reading them knows: (cross table, its
# row totals "rows" / its column totals "columns" / its column "n" "column:n", the one-way
# table holding the same numbers as its rows).
LINKS = (
    ("contacts.sexe_age", "rows", "contacts.sexe"),
    ("contacts.sexe_age", "columns", "contacts.tranche_age"),
    ("orientations.type_issue", "rows", "orientations.type"),
    ("orientations.type_issue", "columns", "orientations.issue"),
    ("orientations.reseau_issue", "rows", "orientations.reseau"),
    ("orientations.reseau_issue", "columns", "orientations.issue"),
    ("sites.contacts", "columns", "contacts.canal"),
    ("comparaison.mois", "column:n", "contacts.mois"),
)


@dataclass(frozen=True)
class TableFigures:
    """One table as published: codes, and every figure by (row, column) key; None masked."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: dict[FigureKey, int | None]
    # the French label of each code, as published (a later bilan that has to list the same
    # row, masked, names it the same way); records written before have none
    labels: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": list(self.rows),
            "columns": list(self.columns),
            "values": [[r, c, v] for (r, c), v in sorted(self.values.items())],
            "labels": dict(self.labels),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TableFigures:
        values = {(str(r), str(c)): (None if v is None else int(v)) for r, c, v in data["values"]}
        labels = {str(k): str(v) for k, v in data.get("labels", {}).items()}
        return cls(tuple(data["rows"]), tuple(data["columns"]), values, labels)


@dataclass
class ScopeFigures:
    """A published bilan as the check sees it: its territory (sites) and its tables."""

    key: str  # e.g. "region", "departement:18", "site:desk-1"
    sites: frozenset[str]
    tables: dict[str, TableFigures] = field(default_factory=dict)


@dataclass(frozen=True)
class Leak:
    table: str
    scope: str  # a published scope key, or "atom:<site,site>" for a group of unpublished sites
    figure: FigureKey
    determined: bool
    low: Fraction
    high: Fraction | None


class SecrecyUnreachable(RuntimeError):
    """Even fully masked, a table still leaks: the earlier publications leak by themselves.

    args: the table's key, then the leaks left (those of the fully masked bilan)."""

    @property
    def leaks(self) -> list[Leak]:
        return list(self.args[1]) if len(self.args) > 1 else []


class ForcedGivenAway(SecrecyUnreachable):
    """A figure the caller forced masked (`protect_together`'s `forced`) is one the earlier
    bilans determine: masked, it would be found again; the caller decides (a family's total
    is then published in every table of its family). args: the table's key, the figures."""

    @property
    def leaks(self) -> list[Leak]:
        return []


def figure_keys(table: Table) -> dict[FigureKey, Position]:
    """Each figure's code key and its position in `secrecy` (totals in the extra row/column)."""
    rows, columns = len(table.rows), len(table.columns)
    keys: dict[FigureKey, Position] = {}
    for i, (r, _) in enumerate(table.rows):
        for j, (c, _) in enumerate(table.columns):
            keys[(r, c)] = (i, j)
        if table.row_totals:
            keys[(r, STAR)] = (i, columns)
    if table.column_totals:
        for j, (c, _) in enumerate(table.columns):
            keys[(STAR, c)] = (rows, j)
        if table.row_totals:
            keys[(STAR, STAR)] = (rows, columns)
    return keys


def table_figures(published: PublishedTable) -> TableFigures:
    table = published.table
    values: dict[FigureKey, int | None] = {}
    columns = len(table.columns)
    for key, (i, j) in figure_keys(table).items():
        if i < len(table.rows) and j < columns:
            values[key] = published.cells[i][j]
        elif j == columns and i < len(table.rows):
            values[key] = published.row_totals[i] if published.row_totals else None
        elif i == len(table.rows) and j < columns:
            values[key] = published.column_totals[j] if published.column_totals else None
        else:
            values[key] = published.total
    labels = {code: label for code, label in [*table.rows, *table.columns] if label != code}
    return TableFigures(
        tuple(code for code, _ in table.rows),
        tuple(code for code, _ in table.columns),
        values,
        labels,
    )


# --- exact linear algebra over fractions ---------------------------------------------------


Number = int | Fraction  # ints while pivots are ±1 (nearly always): fractions cost 10×


class Echelon:
    """A reduced row echelon form built one equation at a time (sparse rows)."""

    def __init__(self) -> None:
        self.rows: dict[Var, tuple[dict[Var, Number], Number]] = {}  # pivot -> row
        self.occurs: dict[Var, set[Var]] = {}  # variable -> pivots of rows holding it

    def add(self, terms: Mapping[Var, int], rhs: int) -> None:
        row: dict[Var, Number] = {v: c for v, c in terms.items() if c}
        value: Number = rhs
        for var in [v for v in row if v in self.rows]:
            coefficient = row.get(var)
            if coefficient:
                value = self._subtract(row, value, var, coefficient)
        if not row:
            return  # redundant (or inconsistent: data moved between publications)
        pivot = next((v for v, c in row.items() if c in (1, -1)), None) or next(iter(row))
        scale = row[pivot]
        if scale == 1:
            pass
        elif scale == -1:
            row = {v: -c for v, c in row.items()}
            value = -value
        else:
            row = {v: Fraction(c) / scale for v, c in row.items()}
            value = Fraction(value) / scale
        for other in list(self.occurs.get(pivot, ())):
            other_row, other_value = self.rows[other]
            factor = other_row[pivot]
            self.rows[other] = (other_row, self._eliminate(other, other_row, other_value, row,
                                                          value, factor))  # fmt: skip
        self.rows[pivot] = (row, value)
        for v in row:
            self.occurs.setdefault(v, set()).add(pivot)

    def _subtract(
        self, row: dict[Var, Number], value: Number, pivot: Var, factor: Number
    ) -> Number:
        pivot_row, pivot_value = self.rows[pivot]
        for v, c in pivot_row.items():
            updated = row.get(v, 0) - factor * c
            if updated:
                row[v] = updated
            else:
                row.pop(v, None)
        return value - factor * pivot_value

    def _eliminate(
        self,
        owner: Var,
        target: dict[Var, Number],
        target_value: Number,
        row: dict[Var, Number],
        value: Number,
        factor: Number,
    ) -> Number:
        for v, c in row.items():
            updated = target.get(v, 0) - factor * c
            if updated:
                if v not in target:
                    self.occurs.setdefault(v, set()).add(owner)
                target[v] = updated
            else:
                target.pop(v, None)
                self.occurs.get(v, set()).discard(owner)
        return target_value - factor * value

    def determined(self, var: Var) -> Number | None:
        found = self.rows.get(var)
        if found is None or len(found[0]) != 1:
            return None
        return found[1]


def propagate_bounds(
    equations: Sequence[tuple[Mapping[Var, int], int]], variables: Iterable[Var]
) -> dict[Var, tuple[int, int | None]]:
    """Interval of each non-negative unknown implied by equations with ±1 coefficients
    (a work list: an equation is looked at again only when one of its unknowns narrowed)."""
    low: dict[Var, int] = dict.fromkeys(variables, 0)
    high: dict[Var, int | None] = dict.fromkeys(low)
    holding: dict[Var, list[int]] = {}
    for index, (terms, _rhs) in enumerate(equations):
        for v in terms:
            holding.setdefault(v, []).append(index)
    # Two queues: a long equation (a total over a whole table) costs its length at each look
    # and holds an unknown that narrows at nearly every step; looked at only once the short
    # ones are settled, it is looked at a few times instead of thousands.
    short: deque[int] = deque()
    long: deque[int] = deque()

    def queue(index: int) -> None:
        (long if len(equations[index][0]) > LONG_EQUATION else short).append(index)

    for index in range(len(equations)):
        queue(index)
    queued = set(range(len(equations)))
    steps = 0
    while (short or long) and steps < MAX_STEPS:
        steps += 1
        index = short.popleft() if short else long.popleft()
        queued.discard(index)
        terms, rhs = equations[index]
        for v in _tighten(terms, rhs, low, high):
            for other in holding[v]:
                if other not in queued:
                    queued.add(other)
                    queue(other)
    return {v: (low[v], high[v]) for v in low}


def _tighten(
    terms: Mapping[Var, int], rhs: int, low: dict[Var, int], high: dict[Var, int | None]
) -> list[Var]:
    """sum(c*v) = rhs with c = ±1: each v is rhs minus the others, bounded by their intervals.
    (The hot loop of the check: plain sums, no intermediate mappings.)"""
    # the least and greatest value of each term c*v, summed; None (unbounded) counted apart
    low_sum = high_sum = low_open = high_open = 0
    for v, c in terms.items():
        top = high[v]
        if c > 0:
            low_sum += low[v]
            if top is None:
                high_open += 1
            else:
                high_sum += top
        else:
            high_sum -= low[v]
            if top is None:
                low_open += 1
            else:
                low_sum -= top
    if low_open > 1 and high_open > 1:
        return []
    changed = []
    for v, c in terms.items():
        top = high[v]
        if c > 0:
            term_low: int | None = low[v]
            term_high = top
        else:
            term_low = None if top is None else -top
            term_high = -low[v]
        others_low = _others(low_sum, low_open, term_low)
        others_high = _others(high_sum, high_open, term_high)
        at_most = None if others_low is None else rhs - others_low  # c*v at most
        at_least = None if others_high is None else rhs - others_high  # c*v at least
        new_low, new_high = (at_least, at_most) if c > 0 else (_neg(at_most), _neg(at_least))
        narrowed = False
        if new_low is not None and new_low > low[v]:
            low[v] = new_low
            narrowed = True
        if new_high is not None and (top is None or new_high < top):
            high[v] = new_high
            narrowed = True
        if narrowed:
            changed.append(v)
    return changed


def _neg(value: int | None) -> int | None:
    return None if value is None else -value


def _others(total: int, unbounded: int, part: int | None) -> int | None:
    """The sum of every term but one, or None when one of the others is unbounded."""
    if part is None:
        return total if unbounded == 1 else None
    return None if unbounded else total - part


# --- one table's system over the published scopes ------------------------------------------


@dataclass
class _System:
    equations: list[tuple[dict[Var, int], int]]
    # var -> (table, scope, figure, masked figure?)
    targets: dict[Var, tuple[str, str, FigureKey, bool]]
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: Callable[[int, FigureKey], list[Var]] | None = None  # an atom's figure, its cells


@dataclass(frozen=True)
class _Atom:
    name: str
    scopes: frozenset[str]  # the published scopes holding its sites
    sites: frozenset[str]


def _atoms(scopes: Sequence[ScopeFigures]) -> list[_Atom]:
    """Sites grouped by the published scopes they belong to."""
    signature: dict[str, set[str]] = {}
    for scope in scopes:
        for site in scope.sites:
            signature.setdefault(site, set()).add(scope.key)
    groups: dict[frozenset[str], list[str]] = {}
    for site, keys in signature.items():
        groups.setdefault(frozenset(keys), []).append(site)
    return [
        _Atom(f"atom:{','.join(sorted(sites))}", frozenset(keys), frozenset(sites))
        for keys, sites in groups.items()
    ]


def _zeros(
    table_key: str,
    atoms: Sequence[_Atom],
    published: Mapping[str, Mapping[FigureKey, int | None]],
    rows: list[str],
    columns: list[str],
) -> set[tuple[int, str, str]]:
    """Inner cells (atom, row, column) known to be 0 without any elimination: counts are never
    negative, so a published 0 makes every cell it adds up 0 in every atom of its scope; and
    in a table of one row per site, a site's row is 0 in the atoms without that site (anyone
    knows which site a row is). Leaving them out makes the systems several times smaller."""
    zeros: set[tuple[int, str, str]] = set()
    if table_key.startswith("sites."):
        known = frozenset().union(*(atom.sites for atom in atoms))
        for index, atom in enumerate(atoms):
            zeros |= {(index, r, c) for r in rows if r in known and r not in atom.sites
                      for c in columns}  # fmt: skip
    for index, atom in enumerate(atoms):
        for scope in atom.scopes & published.keys():
            for (r, c), value in published[scope].items():
                if value == 0:
                    zeros |= {(index, rr, cc) for rr in (rows if r == STAR else [r])
                              for cc in (columns if c == STAR else [c])}  # fmt: skip
    return zeros


def _build(
    table_key: str, scopes: Sequence[ScopeFigures], atoms: Sequence[_Atom] | None = None
) -> _System:
    """One table's system; `atoms`: those of a group of linked tables (else its own)."""
    having = [s for s in scopes if table_key in s.tables]
    rows: list[str] = []
    columns: list[str] = []
    for scope in having:
        figures = scope.tables[table_key]
        rows += [r for r in figures.rows if r not in rows]
        columns += [c for c in figures.columns if c not in columns]
    atoms = _atoms(having) if atoms is None else atoms
    # the kinds of margins the table publishes (a one-way table: its column total only)
    kinds = {(r == STAR, c == STAR) for s in having for r, c in s.tables[table_key].values}
    shape = {k for k in _grid_keys(rows, columns) if (k[0] == STAR, k[1] == STAR) in kinds}

    equations: list[tuple[dict[Var, int], int]] = []
    targets: dict[Var, tuple[str, str, FigureKey, bool]] = {}
    published: dict[str, tuple[list[int], dict[FigureKey, int | None]]] = {}
    for scope in having:
        members = [i for i, atom in enumerate(atoms) if scope.key in atom.scopes]
        figures = scope.tables[table_key]
        values: dict[FigureKey, int | None] = dict(figures.values)
        for r in rows:  # a row a table leaves out (zeros not listed) is a published zero
            if r not in figures.rows:
                values.update({(r, c): 0 for c in columns})
        published[scope.key] = (members, values)
    zeros = _zeros(table_key, atoms, {k: v for k, (_m, v) in published.items()}, rows, columns)

    def cells(atom: int, key: FigureKey) -> list[Var]:
        r, c = key
        return [("x", atom, rr, cc) for rr in (rows if r == STAR else [r])
                for cc in (columns if c == STAR else [c])
                if (atom, rr, cc) not in zeros]  # fmt: skip

    for name, (members, values) in published.items():
        for key, value in values.items():
            terms = {v: 1 for atom in members for v in cells(atom, key)}
            # the same figure as the sum of its atoms' figures: the same equation in
            # another shape, which interval propagation needs to see (elimination does not)
            by_atom = {_atom_figure(atom, key): 1 for atom in members}
            if value is None:
                aux: Var = ("y", name, key)
                terms[aux] = by_atom[aux] = -1
                targets[aux] = (table_key, name, key, True)
                value = 0
            equations.append((terms, value))
            if len(by_atom) > 1 + (value is None) and STAR in key:
                equations.append((by_atom, value))
    equations += _differences(published, rows, columns, shape, zeros)
    for name, (_members, values) in published.items():
        expressions = {
            key: (({("y", name, key): 1}, 0) if value is None else ({}, value))
            for key, value in values.items()
        }
        equations += _margins(expressions, rows, columns)
    for index, atom in enumerate(atoms):
        name = atom.name
        margins = [k for k in _grid_keys(rows, columns) if STAR in k and k in shape]
        inner = [(r, c) for r in rows for c in columns if (index, r, c) not in zeros]
        for key in inner + margins:
            aux = _atom_figure(index, key)
            if STAR in key:
                equations.append(({**{v: 1 for v in cells(index, key)}, aux: -1}, 0))
            targets[aux] = (table_key, name, key, False)
        if (STAR, STAR) in shape:  # the grand total, the sum of its row (column) totals too
            grand = _atom_figure(index, (STAR, STAR))
            equations.append(_sum_is(grand, [_atom_figure(index, (r, STAR)) for r in rows]))
            equations.append(_sum_is(grand, [_atom_figure(index, (STAR, c)) for c in columns]))
    return _System(equations, targets, rows, columns, cells)


def _differences(
    published: Mapping[str, tuple[list[int], dict[FigureKey, int | None]]],
    rows: list[str],
    columns: list[str],
    shape: set[FigureKey],
    zeros: set[tuple[int, str, str]],
) -> list[tuple[dict[Var, int], int]]:
    """A published territory minus one it contains (Cher − CIO de Bourges) is a territory
    too: its figures get their own unknowns, so that propagation bounds them (none for a
    figure 0 in every atom of the difference)."""
    equations: list[tuple[dict[Var, int], int]] = []
    grid = [k for k in _grid_keys(rows, columns) if k in shape]
    sets = {name: frozenset(atoms) for name, (atoms, _values) in published.items()}
    for outer, (outer_atoms, outer_values) in published.items():
        for inner, (inner_atoms, inner_values) in published.items():
            rest = set(outer_atoms) - set(inner_atoms)
            if outer == inner or not rest or not set(inner_atoms) < set(outer_atoms):
                continue
            if any(sets[inner] < middle < sets[outer] for middle in sets.values()):
                # région − site is (région − département) + (département − site): only the
                # steps between a territory and the next one holding it get their unknowns
                continue
            figure: dict[FigureKey, tuple[dict[Var, int], int]] = {}
            for key in grid:
                live = [_atom_figure(atom, key) for atom in sorted(rest)
                        if STAR in key or (atom, *key) not in zeros]  # fmt: skip
                if len(live) <= 1:  # the difference is one atom's figure (or 0): no new unknown
                    difference = live[0] if live else None
                    figure[key] = ({difference: 1} if difference else {}, 0)
                else:
                    difference = ("d", outer, inner, key)
                    figure[key] = ({difference: 1}, 0)
                    equations.append(({**dict.fromkeys(live, 1), difference: -1}, 0))
                if difference is not None and key in outer_values and key in inner_values:
                    # difference - outer + inner = 0, published values moved to the right
                    terms, rhs = {difference: 1}, 0
                    for value, name, sign in ((outer_values[key], outer, 1),
                                              (inner_values[key], inner, -1)):  # fmt: skip
                        if value is None:
                            terms[("y", name, key)] = -sign
                        else:
                            rhs += sign * value
                    equations.append((terms, rhs))
            equations += _margins(figure, rows, columns)
    return equations


def _grid_keys(rows: list[str], columns: list[str]) -> list[FigureKey]:
    return [(r, c) for r in [*rows, STAR] for c in [*columns, STAR]]


def _margins(
    figure: Mapping[FigureKey, tuple[dict[Var, int], int]], rows: list[str], columns: list[str]
) -> list[tuple[dict[Var, int], int]]:
    """Row totals, column totals and the grand total of one territory's figures, each an
    expression (unknowns, constant); only where every figure involved is there."""
    equations = []
    lines = [((r, STAR), [(r, c) for c in columns]) for r in [*rows, STAR]]
    lines += [((STAR, c), [(r, c) for r in rows]) for c in [*columns, STAR]]
    for total, parts in lines:
        if total not in figure or any(p not in figure for p in parts):
            continue
        terms: dict[Var, int] = {}
        rhs = 0
        for key, sign in [(total, -1), *((p, 1) for p in parts)]:
            unknowns, constant = figure[key]
            for v, c in unknowns.items():
                terms[v] = terms.get(v, 0) + sign * c
            rhs -= sign * constant
        terms = {v: c for v, c in terms.items() if c}
        if terms:
            equations.append((terms, rhs))
    return equations


def _atom_figure(atom: int, key: FigureKey) -> Var:
    return ("x", atom, *key) if STAR not in key else ("a", atom, key)


def _sum_is(total: Var, parts: list[Var]) -> tuple[dict[Var, int], int]:
    terms: dict[Var, int] = dict.fromkeys(parts, 1)
    terms[total] = terms.get(total, 0) - 1
    return terms, 0


def _substitute(
    equations: Iterable[tuple[Mapping[Var, int], int]], fixed: Mapping[Var, int]
) -> list[tuple[dict[Var, int], int]]:
    """The equations with the known unknowns replaced by their values; those left with
    nothing unknown dropped."""
    reduced = []
    for terms, rhs in equations:
        left = {v: c for v, c in terms.items() if v not in fixed}
        if left:
            reduced.append((left, rhs - sum(c * fixed[v] for v, c in terms.items() if v in fixed)))
    return reduced


def groups(keys: Iterable[str]) -> list[tuple[str, ...]]:
    """The tables checked together: each with the tables it shares figures with (`LINKS`)."""
    keys = sorted(keys)
    group_of = {key: {key} for key in keys}
    for both, _side, one in LINKS:
        if both in group_of and one in group_of and group_of[both] is not group_of[one]:
            merged = group_of[both] | group_of[one]
            for key in merged:
                group_of[key] = merged
    found: list[tuple[str, ...]] = []
    for key in keys:
        group = tuple(sorted(group_of[key]))
        if group not in found:
            found.append(group)
    return found


def _group_system(keys: Sequence[str], scopes: Sequence[ScopeFigures]) -> _System:
    """Linked tables as one system: each table's unknowns under its key, and their shared
    figures equal atom by atom."""
    present = [k for k in keys if any(k in s.tables for s in scopes)]
    if len(present) == 1:
        return _build(present[0], scopes)
    atoms = _atoms([s for s in scopes if any(k in s.tables for k in present)])
    systems = {k: _build(k, scopes, atoms) for k in present}
    equations: list[tuple[dict[Var, int], int]] = []
    targets: dict[Var, tuple[str, str, FigureKey, bool]] = {}
    for k, system in systems.items():
        equations += [({(k, *v): c for v, c in terms.items()}, rhs)
                      for terms, rhs in system.equations]  # fmt: skip
        targets |= {(k, *v): target for v, target in system.targets.items()}
    for both, side, one in LINKS:
        if both in systems and one in systems:
            for index in range(len(atoms)):
                equations += _linked(systems, both, side, one, index)
    return _System(equations, targets)


def _linked(
    systems: Mapping[str, _System], both: str, side: str, one: str, atom: int
) -> list[tuple[dict[Var, int], int]]:
    """An atom's figures of a cross table equal to those of a one-way table (`LINKS`)."""
    cross, single = systems[both], systems[one]
    if side == "rows":
        codes, known = cross.rows, set(cross.rows)
    elif side == "columns":
        codes, known = cross.columns, set(cross.columns)
    else:  # "column:n"
        codes, known = cross.rows, set(cross.rows)
    equations = []
    for code in [*codes, *(c for c in single.rows if c not in known)]:
        key = {"rows": (code, STAR), "columns": (STAR, code)}.get(side, (code, "n"))
        terms: dict[Var, int] = {}
        if code in known and cross.cells is not None:
            terms |= {(both, *v): 1 for v in cross.cells(atom, key)}
        if code in single.rows and single.cells is not None:
            terms |= {(one, *v): -1 for v in single.cells(atom, (code, "n"))}
        if terms:
            equations.append((terms, 0))
    return equations


def table_leaks(table_key: str, scopes: Sequence[ScopeFigures], threshold: int) -> list[Leak]:
    return group_leaks((table_key,), scopes, threshold)


def group_leaks(keys: Sequence[str], scopes: Sequence[ScopeFigures], threshold: int) -> list[Leak]:
    system = _group_system(keys, scopes)
    echelon = Echelon()
    # short equations first: a long one (a total) then meets few rows to reduce
    for terms, rhs in sorted(system.equations, key=lambda equation: len(equation[0])):
        echelon.add(terms, rhs)
    variables = {v for terms, _rhs in system.equations for v in terms}
    # what elimination determines is as good as published: substituted, so that propagation
    # only works on what is left open (most equations of a long table go away)
    fixed = {v: int(value) for v in variables if (value := echelon.determined(v)) is not None}
    bounds: dict[Var, tuple[int, int | None]] = {v: (value, value) for v, value in fixed.items()}
    bounds |= propagate_bounds(_substitute(system.equations, fixed), variables - fixed.keys())
    leaks = []
    for var, (table_key, scope, key, masked) in system.targets.items():
        if var not in bounds:
            continue  # a cell known to be 0 (`_zeros`): nothing to give away
        value = echelon.determined(var)
        low, high = bounds[var]
        if value is not None:
            low, high = int(value), int(value)
        # a masked figure found again exactly, whatever its value (a complementary 40 too:
        # what was masked must stay unknown); or a small count bounded within less than the
        # threshold ([0, 4]); a large count merely bounded ([73, 77]) gives nobody away
        if (masked and value is not None) or (
            high is not None and high - low < threshold and low < threshold and high > 0
        ):
            leaks.append(Leak(table_key, scope, key, value is not None, Fraction(low),
                              None if high is None else Fraction(high)))  # fmt: skip
    return leaks


def find_leaks(scopes: Sequence[ScopeFigures], threshold: int) -> list[Leak]:
    keys = groups({key for scope in scopes for key in scope.tables})
    return [leak for group in keys for leak in group_leaks(group, scopes, threshold)]


# --- secondary suppression across the published set ----------------------------------------


def protect_together(
    scope_key: str,
    sites: Iterable[str],
    tables: Mapping[str, Table],
    earlier: Sequence[ScopeFigures],
    threshold: int,
    forced: Mapping[str, Iterable[FigureKey]] | None = None,
    given: Mapping[str, Iterable[FigureKey]] | None = None,
) -> dict[str, PublishedTable]:
    """Each table masked alone, then more until no figure of the set can be recovered.

    `forced`: figures to mask whatever the check says (by table key), e.g. those an earlier
    publication of the same territory masked; `given`: figures never to mask, which the
    earlier bilans determine (a family's total found through another table).

    When the masks chosen figure by figure find nothing more to mask, the tables concerned
    fall back to the safe masking (`_safe_point`): every figure masked but those the earlier
    bilans already determine. Refused (`SecrecyUnreachable`) only when even that leaks: the
    earlier bilans give away a small count of this territory by themselves."""
    members = frozenset(sites)
    others = [scope for scope in earlier if scope.key != scope_key]
    listed = {key: _with_earlier_codes(key, table, others, (forced or {}).get(key, ()))
              for key, table in tables.items()}  # fmt: skip
    added = {key: (len(tables[key].rows), len(tables[key].columns)) for key in tables}
    tables = listed
    published: dict[str, PublishedTable] = {}
    public: dict[str, set[Position]] = {}
    must: dict[str, set[Position]] = {}
    known: dict[str, set[Position]] = {}
    for key, table in tables.items():
        positions = figure_keys(table)
        must[key] = {positions[k] for k in (forced or {}).get(key, ()) if k in positions}
        known[key] = {positions[k] for k in (given or {}).get(key, ()) if k in positions}
        published[key], public[key] = _protect_table(key, table, scope_key, members, others,
                                                     threshold, must[key], known[key])  # fmt: skip
    for group in groups(tables):
        if len(group) > 1:
            _protect_group(group, tables, published, (public, must, known), scope_key,
                           members, others, threshold)  # fmt: skip
    return {key: _without_added_zeros(published[key], *added[key]) for key in tables}


def _with_earlier_codes(
    key: str, table: Table, earlier: Sequence[ScopeFigures], forced: Iterable[FigureKey] = ()
) -> Table:
    """The table with the rows (columns) earlier bilans list and it leaves out, as zeros.

    A table that lists only what it counts (communes, sous-thématiques, réseaux) publishes a
    zero by leaving a row out: the site's missing « Mission locale » row is a 0 that the
    réseau CIO's bilan minus this site turns into the other site's small count. Listed, the
    zero can be masked like any figure; rows still unmasked zeros are left out again when
    published (`_without_added_zeros`). A table of sites is left as it is: everyone knows a
    site's row is zero outside it. `forced`: figures to mask (a previous edition's), whose
    rows are listed too: left out, a row masked in edition 1 would be a zero in edition 2."""
    if key.startswith("sites."):
        return table
    rows, columns = {code for code, _ in table.rows}, {code for code, _ in table.columns}
    new_rows: list[tuple[str, str]] = []
    new_columns: list[tuple[str, str]] = []
    for scope in earlier:
        figures = scope.tables.get(key)
        if figures is None:
            continue
        for codes, seen, found in ((figures.rows, rows, new_rows),
                                   (figures.columns, columns, new_columns)):  # fmt: skip
            for code in codes:
                if code not in seen:
                    seen.add(code)
                    found.append((code, figures.labels.get(code, code)))
    for r, c in forced:  # after the earlier bilans: theirs name the codes
        for code, seen, found in ((r, rows, new_rows), (c, columns, new_columns)):
            if code != STAR and code not in seen:
                seen.add(code)
                found.append((code, code))
    if not new_rows and not new_columns:
        return table
    width = len(table.columns) + len(new_columns)
    cells = [[*row, *([0] * len(new_columns))] for row in table.cells]
    cells += [[0] * width for _ in new_rows]
    return replace(table, rows=[*table.rows, *new_rows], columns=[*table.columns, *new_columns],
                   cells=cells)  # fmt: skip


def _without_added_zeros(published: PublishedTable, rows: int, columns: int) -> PublishedTable:
    """The rows and columns `_with_earlier_codes` added that stayed unmasked zeros, left out
    (leaving them out publishes the same zeros); those masked are listed with the others."""
    table = published.table
    totals = published.row_totals
    keep_rows = [i for i in range(len(table.rows)) if i < rows or None in published.cells[i]
                 or (totals is not None and totals[i] is None)]  # fmt: skip
    keep_columns = [
        j for j in range(len(table.columns))
        if j < columns or any(row[j] is None for row in published.cells)
        or (published.column_totals is not None and published.column_totals[j] is None)
    ]  # fmt: skip
    if len(keep_rows) == len(table.rows) and len(keep_columns) == len(table.columns):
        return published
    shown = replace(
        table,
        rows=[table.rows[i] for i in keep_rows],
        columns=[table.columns[j] for j in keep_columns],
        cells=[[table.cells[i][j] for j in keep_columns] for i in keep_rows],
    )
    return PublishedTable(
        shown,
        [[published.cells[i][j] for j in keep_columns] for i in keep_rows],
        None if published.row_totals is None else [published.row_totals[i] for i in keep_rows],
        None if published.column_totals is None
        else [published.column_totals[j] for j in keep_columns],
        published.total,
        published.masked,
    )  # fmt: skip


def _protect_group(
    keys: Sequence[str],
    tables: Mapping[str, Table],
    published: dict[str, PublishedTable],
    already: tuple[
        Mapping[str, set[Position]], Mapping[str, set[Position]], Mapping[str, set[Position]]
    ],
    scope_key: str,
    members: frozenset[str],
    others: Sequence[ScopeFigures],
    threshold: int,
) -> None:
    """Linked tables, each already safe alone, masked more until none gives back what
    another masks: first the same figure where another table publishes it, then the
    figures next to it (`_partner`)."""
    relevant = [s for s in others if any(k in s.tables for k in keys)]
    extra = {k: _masked_positions(published[k], figure_keys(tables[k])) for k in keys}
    public = {k: set(already[0][k]) for k in keys}
    must = {k: already[1][k] for k in keys}  # forced: masked whatever the check says
    given_away_checked = False
    while True:
        scope = ScopeFigures(scope_key, members, {k: table_figures(published[k]) for k in keys})
        leaks = group_leaks(keys, [*relevant, scope], threshold)
        if not leaks:
            return
        grew = False
        if not given_away_checked:  # as for one table: what the others give away, published
            given_away_checked = True
            pinned = _given_away_together(keys, tables, scope_key, members, relevant, threshold)
            for key, positions in pinned.items():
                positions -= must[key]
                grew |= not positions <= public[key]
                public[key] |= positions
                extra[key] -= positions
        for leak in [] if grew else leaks:
            for key, position in _against(leak, keys, tables, extra, public,
                                          leak.scope != scope_key):  # fmt: skip
                if position not in extra[key]:
                    extra[key].add(position)
                    grew = True
                    break
        if not grew:  # nothing left to mask: what the set determines anyway is published
            grew = _publish_determined(leaks, tables, scope_key, extra, public, must, threshold)
        if not grew:
            published |= _safe_point(keys, tables, scope_key, members, relevant, threshold,
                                     must, already[2])  # fmt: skip
            return
        for key in keys:
            published[key] = protect(tables[key], threshold, extra[key], public[key])


def _publish_determined(
    leaks: Sequence[Leak],
    tables: Mapping[str, Table],
    scope_key: str,
    extra: dict[str, set[Position]],
    public: dict[str, set[Position]],
    must: Mapping[str, set[Position]],
    threshold: int,
) -> bool:
    """The new bilan's masked figures the published set determines, moved to the published
    ones (masking them hides nothing); False when there are none or one is a small count."""
    determined = []
    for leak in leaks:
        if leak.scope != scope_key or not leak.determined:
            continue
        positions = figure_keys(tables[leak.table])
        position = positions[leak.figure]
        if 0 < _values(tables[leak.table], positions)[position] < threshold:
            return False
        if position not in public[leak.table] | must[leak.table]:
            determined.append((leak.table, position))
    for key, position in determined:
        public[key].add(position)
        extra[key].discard(position)
    return bool(determined)


def _given_away_together(
    keys: Sequence[str],
    tables: Mapping[str, Table],
    scope_key: str,
    members: frozenset[str],
    earlier: Sequence[ScopeFigures],
    threshold: int,
    zeros_shown: Sequence[bool] = (True, False),
) -> dict[str, set[Position]]:
    """Figures of the new tables that the earlier bilans determine (through the links too):
    masking them would hide nothing (and count as recovered), so they are never masked.

    The new tables' zeros count as published (they always are); when that pins a small
    count, the zeros are left out too: the loop then masks some of them against it."""
    small_leaks: list[Leak] = []
    for shown in zeros_shown:
        small_leaks = []
        hidden = {}
        for key in keys:
            positions = figure_keys(tables[key])
            values = _values(tables[key], positions)
            hidden[key] = TableFigures(
                tuple(code for code, _ in tables[key].rows),
                tuple(code for code, _ in tables[key].columns),
                {k: (0 if shown and values[p] == 0 else None) for k, p in positions.items()},
            )
        leaks = group_leaks(keys, [*earlier, ScopeFigures(scope_key, members, hidden)],
                            threshold)  # fmt: skip
        pinned: dict[str, set[Position]] = {key: set() for key in keys}
        small = False
        for leak in leaks:
            if leak.scope == scope_key and leak.determined:
                positions = figure_keys(tables[leak.table])
                position = positions[leak.figure]
                if 0 < _values(tables[leak.table], positions)[position] < threshold:
                    small = True
                    small_leaks.append(leak)
                pinned[leak.table].add(position)
        if not small:
            return pinned
    # the earlier bilans give a small count of this territory away already
    raise SecrecyUnreachable(small_leaks[-1].table, small_leaks)


def _against(
    leak: Leak,
    keys: Sequence[str],
    tables: Mapping[str, Table],
    masked: Mapping[str, set[Position]],
    public: Mapping[str, set[Position]],
    elsewhere: bool = False,
) -> list[tuple[str, Position]]:
    """Figures of the new bilan to mask against a leak, best first: the leaking figure and
    the same number in the linked tables, then a partner in each table (`_partner`).
    `elsewhere`: the leak is an earlier bilan's (or unpublished sites'), which the new
    bilan's same figure pins even when it is a zero."""
    same = [(leak.table, leak.figure), *_same_figure(leak.table, leak.figure, keys)]
    found = []
    for key, figure in same:
        positions = figure_keys(tables[key])
        position = positions.get(figure)
        if (position is not None and position not in masked[key] | public[key]
                and (elsewhere or _values(tables[key], positions)[position] > 0)):  # fmt: skip
            found.append((key, position))
    for key, figure in same:
        positions = figure_keys(tables[key])
        partner = _partner(figure, tables[key], positions, masked[key] | public[key],
                           elsewhere)  # fmt: skip
        if partner is not None:
            found.append((key, partner))
    for key in keys:  # the smallest inner cell of any linked table: never a total first
        # (a masked total is masked in every table of its family, `periods.FAMILIES`)
        table, positions = tables[key], figure_keys(tables[key])
        values = _values(table, positions)
        inner = [p for p in positions.values() if p[0] < len(table.rows)
                 and p[1] < len(table.columns) and p not in masked[key] | public[key]]  # fmt: skip
        if any(values[p] for p in inner):
            found.append((key, min((p for p in inner if values[p]), key=lambda p: (values[p], p))))
    return found


def _same_figure(table: str, figure: FigureKey, keys: Sequence[str]) -> list[tuple[str, FigureKey]]:
    """The figure as the linked tables publish it (`LINKS`)."""
    r, c = figure
    same = []
    for both, side, one in LINKS:
        if both not in keys or one not in keys:
            continue
        if (table, figure) in ((one, (STAR, "n")), (both, (STAR, STAR))):  # the grand total
            grand = (STAR, "n") if side == "column:n" else (STAR, STAR)
            same.append((both, grand) if table == one else (one, (STAR, "n")))
        elif side == "rows" and table == both and c == STAR and r != STAR:
            same.append((one, (r, "n")))
        elif side == "rows" and table == one and r != STAR:
            same.append((both, (r, STAR)))
        elif side == "columns" and table == both and r == STAR and c != STAR:
            same.append((one, (c, "n")))
        elif side == "columns" and table == one and r != STAR:
            same.append((both, (STAR, r)))
        elif side == "column:n" and table == both and c == "n":
            same.append((one, figure))
        elif side == "column:n" and table == one:
            same.append((both, (r, "n")))
    # through a one-way table to the other cross tables holding it (issue: type and réseau)
    for key, found in list(same):
        for both, side, one in LINKS:
            if key == one and both != table and both in keys and side == "columns":
                same.append((both, (STAR, found[0])))
    return [(k, f) for k, f in same if k in keys and not (k == table and f == figure)]


def _protect_table(
    key: str,
    table: Table,
    scope_key: str,
    members: frozenset[str],
    others: Sequence[ScopeFigures],
    threshold: int,
    must: set[Position],
    given: set[Position] | None = None,
) -> tuple[PublishedTable, set[Position]]:
    """The table masked against the earlier bilans, and the figures they already give away
    (never masked)."""
    positions = figure_keys(table)
    relevant = [s for s in others if key in s.tables]
    known = set(given or ())
    # figures the earlier bilans determine: looked for only once a leak shows (a table
    # without leak masks none of them — else it would leak): half the checks of a set
    public: set[Position] | None = None
    extra: set[Position] = set(must)
    while True:
        published = protect(table, threshold, extra, (public or set()) | known)
        # checked even alone: the greedy rule of one table can leave a masked figure bounded
        # within less than the threshold by its row and column
        scope = ScopeFigures(scope_key, members, {key: table_figures(published)})
        leaks = table_leaks(key, [*relevant, scope], threshold)
        if not leaks:
            return published, (public or set()) | known
        if public is None:
            public = (_given_away(key, table, scope_key, members, relevant, threshold)
                      | known) - must  # fmt: skip
            if public:
                continue
        masked = _masked_positions(published, positions) | public
        added = {_partner(leak.figure, table, positions, masked, leak.scope != scope_key)
                 for leak in leaks}  # fmt: skip
        found = {p for p in added if p is not None}
        if found:
            extra |= found
            continue
        # nothing left to mask: a figure the published set determines anyway is published
        values = _values(table, positions)
        determined = {
            positions[leak.figure] for leak in leaks
            if leak.scope == scope_key and leak.determined and leak.figure in positions
        }  # fmt: skip
        if (not determined or any(0 < values[p] < threshold for p in determined)
                or not determined - must):  # fmt: skip
            safe = _safe_point((key,), {key: table}, scope_key, members, relevant, threshold,
                               {key: must}, {key: known})  # fmt: skip
            return safe[key], public
        public |= determined - must
        extra -= determined - must


def _safe_point(
    keys: Sequence[str],
    tables: Mapping[str, Table],
    scope_key: str,
    members: frozenset[str],
    earlier: Sequence[ScopeFigures],
    threshold: int,
    must: Mapping[str, set[Position]],
    given: Mapping[str, set[Position]],
) -> dict[str, PublishedTable]:
    """The masking that always holds unless the earlier bilans leak by themselves: every
    figure of the tables masked (zeros too) but those the earlier bilans determine, which
    masking would not hide (found here with the new zeros hidden too, and the family totals
    `given`). A fully masked table adds no equation: what is left to find is what the
    earlier bilans give. Checked; refused only if it still leaks."""
    determined = _given_away_together(keys, tables, scope_key, members, earlier, threshold,
                                      zeros_shown=(False,))  # fmt: skip
    clash = {key: determined[key] & must.get(key, set()) for key in keys}
    if any(clash.values()):
        figures = {key: {_figure_at(tables[key], p) for p in positions}
                   for key, positions in clash.items() if positions}  # fmt: skip
        raise ForcedGivenAway(keys[0], figures)
    published = {}
    for key in keys:
        shown = determined[key] | (given.get(key, set()) - must.get(key, set()))
        hidden = set(figure_keys(tables[key]).values()) - shown
        published[key] = protect(tables[key], threshold, hidden, shown)
    scope = ScopeFigures(scope_key, members, {k: table_figures(p) for k, p in published.items()})
    leaks = group_leaks(keys, [*earlier, scope], threshold)
    if leaks:
        raise SecrecyUnreachable(keys[0], leaks)
    return published


def _figure_at(table: Table, position: Position) -> FigureKey:
    return next(k for k, p in figure_keys(table).items() if p == position)


def _given_away(
    key: str,
    table: Table,
    scope_key: str,
    members: frozenset[str],
    earlier: Sequence[ScopeFigures],
    threshold: int,
) -> set[Position]:
    """Figures of the new table that earlier publications already determine (one table of
    `_given_away_together`)."""
    if not earlier:
        return set()
    return _given_away_together((key,), {key: table}, scope_key, members, earlier,
                                threshold)[key]  # fmt: skip


def _masked_positions(published: PublishedTable, positions: Mapping[FigureKey, Position]) -> set:
    figures = table_figures(published).values
    return {positions[k] for k, v in figures.items() if v is None}


def _partner(
    figure: FigureKey,
    table: Table,
    positions: Mapping[FigureKey, Position],
    masked: set[Position],
    elsewhere: bool = False,
) -> Position | None:
    """The figure of the new table to mask against a leak: the same figure, else the smallest
    in its row or column, else the smallest anywhere, else a zero. `elsewhere`: the leak is
    not the new table's, and its same figure pins it even when a zero."""
    values = _values(table, positions)
    same = positions.get(figure)
    if same is not None and same not in masked and (values[same] > 0 or elsewhere):
        return same
    r, c = figure
    near = [k for k in positions if (r != STAR and k[0] == r) or (c != STAR and k[1] == c)]
    for pool in (near, list(positions)):
        free = [positions[k] for k in pool if positions[k] not in masked and values[positions[k]]]
        if free:
            return min(free, key=lambda p: (values[p], p))
    # a zero, last: publishing it can pin an earlier masked figure (Cher − a zero of Vierzon)
    zeros = [p for p in positions.values() if p not in masked]
    return min(zeros) if zeros else None


def _values(table: Table, positions: Mapping[FigureKey, Position]) -> dict[Position, int]:
    rows, columns = len(table.rows), len(table.columns)
    values = {}
    for i, j in positions.values():
        if i < rows and j < columns:
            values[(i, j)] = table.cells[i][j]
        elif i < rows:
            values[(i, j)] = table.row_total(i)
        elif j < columns:
            values[(i, j)] = table.column_total(j)
        else:
            values[(i, j)] = table.total
    return values
