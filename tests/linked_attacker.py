"""A second attacker of issue 19's secrecy: every table of every bilan published for a period,
linked to each other as an outsider knows they are.

`secrecy_attacker.py` attacks each table alone. But a bilan's tables count the same contacts
(and the same referrals) cut different ways, and anyone reading them knows it:

- every contact is counted once in each of the contact tables (canal, statut, tranche d'âge,
  sexe, handicap, sexe × âge, mois, semaine, commune, sites): their totals are one number;
- sexe × âge's row totals are the sexe table, its column totals the tranche d'âge table;
- the comparison's « Période » column is the month table;
- the sites table's row of a site is that site's canal table, its column totals the canal
  table;
- the referral tables likewise (type × issue is type by issue, réseau × issue is réseau by
  issue, every referral table adds up to the number of referrals).

The unknowns are each site's inner cells of every table; each published figure of a bilan is
the sum over its sites; the links hold site by site. A masked figure is **recovered** when its
linear form lies in the row space of all these equations (exact Gauss-Jordan elimination over
fractions: an auxiliary unknown equal to the figure ends alone in its reduced row).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

STAR = "*"
ONE_PER_CONTACT = (
    "contacts.canal", "contacts.statut", "contacts.tranche_age", "contacts.sexe",
    "contacts.handicap", "contacts.sexe_age", "contacts.mois", "contacts.semaine",
    "contacts.commune", "sites.contacts",
)  # fmt: skip
ONE_PER_REFERRAL = (
    "orientations.type", "orientations.issue", "orientations.type_issue",
    "orientations.reseau", "orientations.reseau_issue", "orientations.structure",
)  # fmt: skip
# (two-way table, the one-way table of its row totals, of its column totals)
MARGINS = (
    ("contacts.sexe_age", "contacts.sexe", "contacts.tranche_age"),
    ("orientations.type_issue", "orientations.type", "orientations.issue"),
    ("orientations.reseau_issue", "orientations.reseau", "orientations.issue"),
)
Var = tuple[Any, ...]
Figures = Mapping[tuple[str, str], int | None]


@dataclass(frozen=True)
class Scope:
    key: str
    sites: frozenset[str]
    tables: Mapping[str, tuple[Sequence[str], Sequence[str], Figures]]  # rows, columns, values


@dataclass(frozen=True)
class Found:
    scope: str
    table: str
    figure: tuple[str, str]
    value: Fraction


class LinkedAttack:
    def __init__(self, scopes: Sequence[Scope], tables: Iterable[str] | None = None) -> None:
        self.scopes = list(scopes)
        keys = {k for s in self.scopes for k in s.tables}
        self.keys = sorted(keys if tables is None else keys & set(tables))
        self.rows: dict[str, list[str]] = {}
        self.columns: dict[str, list[str]] = {}
        for key in self.keys:
            rows, columns = self.rows.setdefault(key, []), self.columns.setdefault(key, [])
            for scope in self.scopes:
                if key in scope.tables:
                    r, c, _v = scope.tables[key]
                    rows += [x for x in r if x not in rows]
                    columns += [x for x in c if x not in columns]
        self.sites = sorted({site for s in self.scopes for site in s.sites})

    # --- the unknowns ---------------------------------------------------------------------

    def _cells(self, site: str, key: str, r: str, c: str) -> list[Var]:
        rows = self.rows[key] if r == STAR else [r]
        columns = self.columns[key] if c == STAR else [c]
        if key == "sites.contacts":  # a site's row is its own: everyone knows which site it is
            listed = set(self.sites)
            rows = [x for x in rows if x == site or (x not in listed and site.startswith("~"))]
        return [("x", site, key, rr, cc) for rr in rows for cc in columns]

    def _sum(self, sites: Iterable[str], key: str, r: str, c: str) -> dict[Var, int]:
        return {v: 1 for site in sites for v in self._cells(site, key, r, c)}

    # --- the equations --------------------------------------------------------------------

    def equations(self) -> list[tuple[dict[Var, int], int]]:
        out: list[tuple[dict[Var, int], int]] = []
        for scope in self.scopes:
            for key, (rows, _columns, values) in scope.tables.items():
                if key not in self.keys:
                    continue
                for figure, value in values.items():
                    if value is not None:
                        out.append((self._sum(scope.sites, key, *figure), value))
                for r in self.rows[key]:  # a row the table leaves out is a zero
                    if r not in rows:
                        out.append((self._sum(scope.sites, key, r, STAR), 0))
        for site in self.sites:
            out += self._links(site)
        return [(terms, rhs) for terms, rhs in out if terms or rhs]

    def _links(self, site: str) -> list[tuple[dict[Var, int], int]]:
        links = []
        for family in (ONE_PER_CONTACT, ONE_PER_REFERRAL):
            present = [k for k in family if k in self.keys]
            for other in present[1:]:
                links.append(_difference(self._sum([site], other, STAR, STAR),
                                         self._sum([site], present[0], STAR, STAR)))  # fmt: skip
        for both, by_row, by_column in MARGINS:
            if both not in self.keys:
                continue
            for one, side in ((by_row, 0), (by_column, 1)):
                if one not in self.keys:
                    continue
                codes = self.rows[both] if side == 0 else self.columns[both]
                for code in codes:
                    figure = (code, STAR) if side == 0 else (STAR, code)
                    links.append(_difference(self._sum([site], both, *figure),
                                             self._one_way(site, one, code)))  # fmt: skip
        if "comparaison.mois" in self.keys and "contacts.mois" in self.keys:
            for month in self.rows["comparaison.mois"]:
                links.append(_difference(self._sum([site], "comparaison.mois", month, "n"),
                                         self._one_way(site, "contacts.mois", month)))  # fmt: skip
        if "sites.contacts" in self.keys and "contacts.canal" in self.keys:
            for canal in self.columns["sites.contacts"]:
                links.append(_difference(self._sum([site], "sites.contacts", STAR, canal),
                                         self._one_way(site, "contacts.canal", canal)))  # fmt: skip
        return links

    def _one_way(self, site: str, key: str, code: str) -> dict[Var, int]:
        if code not in self.rows[key]:
            return {}  # the one-way table never lists it: zero
        return self._sum([site], key, code, STAR)

    def consistent(self) -> bool:
        """Whether the equations have a solution (on unmasked figures: the links hold)."""
        try:
            solve(self.equations(), strict=True)
        except ValueError:
            return False
        return True

    # --- the attack -----------------------------------------------------------------------

    def recovered(self) -> list[Found]:
        equations = self.equations()
        targets: dict[Var, tuple[str, str, tuple[str, str]]] = {}
        for scope in self.scopes:
            for key, (_rows, _columns, values) in scope.tables.items():
                if key not in self.keys:
                    continue
                for figure, value in values.items():
                    if value is None:
                        aux = ("y", scope.key, key, figure)
                        targets[aux] = (scope.key, key, figure)
                        terms = self._sum(scope.sites, key, *figure)
                        equations.append(({**terms, aux: -1}, 0))
        solved = solve(equations)
        return [
            Found(scope, key, figure, solved[aux])
            for aux, (scope, key, figure) in targets.items()
            if aux in solved
        ]


def _difference(a: Mapping[Var, int], b: Mapping[Var, int]) -> tuple[dict[Var, int], int]:
    terms = dict(a)
    for v, c in b.items():
        terms[v] = terms.get(v, 0) - c
    return {v: c for v, c in terms.items() if c}, 0


def solve(
    equations: Sequence[tuple[Mapping[Var, int], int]], strict: bool = False
) -> dict[Var, Fraction]:
    """Gauss-Jordan over fractions, fully reduced: an unknown is determined exactly when it is
    the pivot of a row holding nothing else."""
    rows: dict[Var, tuple[dict[Var, Fraction], Fraction]] = {}
    holding: dict[Var, set[Var]] = {}  # unknown -> pivots of the rows holding it
    for terms, rhs in sorted(equations, key=lambda e: len(e[0])):
        row = {v: Fraction(c) for v, c in terms.items() if c}
        value = Fraction(rhs)
        for pivot in [v for v in row if v in rows]:
            factor = row.get(pivot)
            if factor:
                prow, pvalue = rows[pivot]
                for v, c in prow.items():
                    row[v] = row.get(v, Fraction(0)) - factor * c
                    if not row[v]:
                        del row[v]
                value -= factor * pvalue
        if not row:
            if strict and value:
                raise ValueError("inconsistent equations")
            continue
        pivot = min(row, key=lambda v: (v[0] == "y", abs(row[v]) != 1, repr(v)))
        scale = row[pivot]
        row = {v: c / scale for v, c in row.items()}
        value /= scale
        for other in list(holding.get(pivot, ())):
            orow, ovalue = rows[other]
            factor = orow.get(pivot)
            if not factor:
                continue
            for v, c in row.items():
                updated = orow.get(v, Fraction(0)) - factor * c
                if updated:
                    orow[v] = updated
                    holding.setdefault(v, set()).add(other)
                else:
                    orow.pop(v, None)
                    holding.get(v, set()).discard(other)
            rows[other] = (orow, ovalue - factor * value)
        rows[pivot] = (row, value)
        for v in row:
            holding.setdefault(v, set()).add(pivot)
    return {pivot: value for pivot, (row, value) in rows.items() if len(row) == 1}
