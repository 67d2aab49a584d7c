"""Breakdowns as the dashboard shows them: rows of figures, a chart kind, where each row leads.

A breakdown is one of the indicator tables (reports/table.py) as is, or a regrouping of one
(contacts by the sites' network, a need category's sub-thématiques, a network's outcomes…):
never a count of its own. The dashboard shows the very figures of the bilan, so a total and
the breakdown it drills to always agree.

No widget here: breakdowns are built on the worker thread, next to the indicators.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spro_desk.reports.filters import Filters
from spro_desk.reports.indicators import Indicators
from spro_desk.reports.table import Label, Table
from spro_desk.ui.common.dashboard.words import worded

Value = int | float | str | None

# Chart kinds; NO_CHART for lists (white zones, desks) whose rows are not comparable counts.
HBARS, BARS, GROUPED, STACKED, LINE, NO_CHART = "hbars", "bars", "grouped", "stacked", "line", ""


@dataclass(frozen=True)
class Drill:
    """Where activating a row leads: a breakdown of the same figures (instant), narrowed to
    `focus` (a network, a category…), or of the figures under other `filters` (computed)."""

    breakdown: str
    focus: str = ""
    filters: Filters | None = None
    label: str = ""  # the row it comes from, e.g. "CIO", "mars 2026"


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    values: tuple[Value, ...]  # one per column
    drill: Drill | None = None

    @cached_property  # (frozen: computed once; a region's tables sum thousands of rows)
    def total(self) -> int:
        return sum(value for value in self.values if isinstance(value, int))


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    row_header: str
    columns: tuple[Label, ...]
    rows: tuple[Row, ...]
    chart: str = HBARS
    ordered: bool = False  # charts keep the rows' order (months, age bands); else largest first
    total_row: bool = True  # the columns add up: a "Total" row
    total_column: bool = True  # several columns that add up: a "Total" column
    shares: bool = False  # a column with each row's share of the total
    note: str = ""

    @cached_property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    def column_total(self, index: int) -> int:
        return sum(v for row in self.rows if isinstance(v := row.values[index], int))

    def value(self, row_code: str, column_code: str | None = None) -> Value:
        column = 0 if column_code is None else [c for c, _ in self.columns].index(column_code)
        return next(row.values[column] for row in self.rows if row.code == row_code)

    def as_counts(self) -> dict[str, Value]:
        """{row code: first column}: a one-way breakdown as a mapping."""
        return {row.code: row.values[0] for row in self.rows}

    def chart_rows(self, limit: int) -> tuple[Row, ...]:
        """The rows a chart draws: every row of an ordered breakdown (a week without contacts
        is news); else the `limit` largest non-zero ones."""
        if self.ordered:
            return tuple(row for row in self.rows if any(isinstance(v, int) for v in row.values))
        shown = sorted((row for row in self.rows if row.total), key=lambda row: -row.total)
        return tuple(shown[:limit])  # sorted() is stable: ties keep the table's order


# --- the indicator tables -----------------------------------------------------------------

# chart kind and whether the rows keep their order, per table key
TABLE_CHARTS: dict[str, tuple[str, bool]] = {
    "comparaison.mois": (GROUPED, True),
    "contacts.mois": (BARS, True),
    "contacts.semaine": (LINE, True),
    "contacts.canal": (HBARS, False),
    "contacts.statut": (HBARS, False),
    "contacts.tranche_age": (BARS, True),
    "contacts.sexe": (HBARS, True),
    "contacts.handicap": (HBARS, True),
    "contacts.sexe_age": (STACKED, True),
    "contacts.commune": (HBARS, False),
    "besoins.categorie": (HBARS, False),
    "besoins.thematique": (HBARS, False),
    "reponses": (HBARS, False),
    "orientations.type": (HBARS, True),
    "orientations.issue": (BARS, True),
    "orientations.type_issue": (STACKED, True),
    "orientations.reseau": (HBARS, False),
    "orientations.reseau_issue": (STACKED, False),
    "orientations.structure": (HBARS, False),
    "sites.contacts": (STACKED, False),
}
# A contact counts once per need or response it has: shares of their sum would mislead.
MULTIPLE_PER_CONTACT = frozenset({"besoins.categorie", "besoins.thematique", "reponses"})

RowDrill = Callable[[str, str], Drill | None]


def from_table(table: Table, drill: RowDrill | None = None) -> Breakdown:
    """The breakdown of an indicator table, in the window's words (the bilan's are French)."""
    table = worded(table)
    chart, ordered = TABLE_CHARTS.get(table.key, (HBARS, False))
    rows = tuple(
        Row(code, label, tuple(cells), drill(code, label) if drill else None)
        for (code, label), cells in zip(table.rows, table.cells, strict=True)
    )
    return Breakdown(
        table.key, table.title, table.row_header, tuple(table.columns), rows, chart=chart,
        ordered=ordered, total_row=table.column_totals,
        total_column=table.row_totals and not table.is_one_way,
        shares=table.is_one_way and table.key not in MULTIPLE_PER_CONTACT, note=table.note,
    )  # fmt: skip


def period_drill(indicators: Indicators, key: str, target: str) -> RowDrill:
    """A month or week row → `target` over that month or week (computed)."""

    def drill(code: str, label: str) -> Drill | None:
        filters = indicators.drill_down(key, code)
        return Drill(target, filters=filters, label=label) if filters else None

    return drill


def focus_drill(target: str) -> RowDrill:
    """A row → `target` narrowed to the row's code (the same figures)."""
    return lambda code, label: Drill(target, focus=code, label=label)


def site_drill(indicators: Indicators) -> RowDrill:
    """A site row → that site's contacts by month (computed for the site alone)."""

    def drill(code: str, label: str) -> Drill | None:
        filters = indicators.drill_down("sites.contacts", code)
        return Drill("contacts.mois", filters=filters, label=label) if filters else None

    return drill


def table_drills(indicators: Indicators, several_sites: bool) -> dict[str, RowDrill]:
    """Where each indicator table's rows lead."""
    drills = {
        "contacts.mois": period_drill(indicators, "contacts.mois", "contacts.semaine"),
        "comparaison.mois": period_drill(indicators, "comparaison.mois", "contacts.semaine"),
        "contacts.semaine": period_drill(indicators, "contacts.semaine", "contacts.canal"),
        "besoins.categorie": focus_drill("besoins.thematique"),
        "orientations.issue": focus_drill("orientations.reseau_pour_issue"),
        "orientations.reseau": focus_drill("orientations.issue_du_reseau"),
        "orientations.reseau_issue": focus_drill("orientations.issue_du_reseau"),
    }
    if several_sites:
        drills["sites.contacts"] = site_drill(indicators)
        drills["contacts.canal"] = focus_drill("sites.canal")
    return drills
