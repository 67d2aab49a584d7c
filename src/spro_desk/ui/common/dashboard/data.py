"""What the dashboard shows for one set of filters: headline tiles and every breakdown.

Built on the worker thread from the indicators (`build_dashboard_data`); the UI thread only
reads it. Regroupings of the indicator tables (contacts by the sites' network, one network's
outcomes…) are computed here, from the tables' own cells: drilling never counts anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from spro_desk.directory.networks import network_label
from spro_desk.reports.filters import Site
from spro_desk.reports.indicators import OUTCOME_LABELS, Indicators
from spro_desk.ui.common.dashboard.breakdowns import (
    BARS,
    HBARS,
    NO_CHART,
    Breakdown,
    Drill,
    Row,
    Value,
    from_table,
    site_drill,
    table_drills,
)
from spro_desk.ui.common.dashboard.words import figure_label, label, scope_label, worded
from spro_desk.ui.common.formatting import count_phrase, interface_is_english, number

# The headline tiles, in order; the last one only where desks send bundles (the coordinator).
TILE_KEYS = ("contacts", "orientations", "taux_orientation", "part_niveau2", "zones_blanches")
LATE_DESKS_TILE = "postes_retard"
UNREGISTERED = "?"  # network of a desk that sent data but is not registered any more


# Called by this name with its context spelled out, so that pyside6-lupdate finds the texts.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Tile:
    """A headline figure of the summary row; activating it opens `drill`."""

    key: str
    label: str
    value: int | float | None
    unit: str  # "" or "%"
    detail: str  # a second line: last year's figure, what it is out of…
    drill: Drill


@dataclass
class DashboardData:
    indicators: Indicators
    sites: tuple[Site, ...]  # every site of the source: the filters' choices
    several_sites: bool  # the coordinator's view (a desk sees its own site)
    tiles: tuple[Tile, ...] = ()
    _built: dict[tuple[str, str], Breakdown] = field(default_factory=dict)

    def listed(self) -> list[str]:
        """Keys of the breakdowns the dashboard lists, in the bilan's theme order."""
        keys = list(self.indicators.tables)
        derived = ["continuite", "couverture", "couverture.communes", "couverture.epci"]
        if self.several_sites:
            derived = ["contacts.reseau", "contacts.site", *derived, "postes"]
        return keys + derived

    def breakdown(self, key: str, focus: str = "") -> Breakdown:
        """The breakdown `key`, narrowed to `focus` when it takes one (built once)."""
        if (key, focus) not in self._built:
            self._built[(key, focus)] = _build(self, key, focus)
        return self._built[(key, focus)]

    def prepare(self) -> DashboardData:
        """Build every listed breakdown now (on the worker thread, not when first shown)."""
        for key in self.listed():
            self.breakdown(key)
        return self


def build_dashboard_data(
    indicators: Indicators, sites: Sequence[Site], several_sites: bool
) -> DashboardData:
    data = DashboardData(indicators, tuple(sites), several_sites)
    data.tiles = _tiles(data)
    return data.prepare()


# --- tiles ----------------------------------------------------------------------------------


def _tiles(data: DashboardData) -> tuple[Tile, ...]:
    ind = data.indicators
    figures = {key: figure.value for key, figure in ind.figures.items()}
    previous = {key: before for key, _label, _now, before in ind.comparison.figures}
    last_year = translate("DashboardData", "Année précédente : {n}")
    cover = ind.coverage
    tiles = [
        Tile(
            "contacts",
            translate("DashboardData", "Contacts"),
            figures["contacts"],
            "",
            last_year.format(n=number(previous["contacts"])),
            Drill("contacts.reseau" if data.several_sites else "contacts.mois"),
        ),
        Tile(
            "orientations",
            translate("DashboardData", "Orientations"),
            figures["orientations"],
            "",
            last_year.format(n=number(previous["orientations"])),
            Drill("orientations.issue"),
        ),
        Tile(
            "taux_orientation",
            translate("DashboardData", "Orientations par contact"),
            figures["taux_orientation"],
            "",
            _oriented(int(figures["contacts_orientes"] or 0)),
            Drill("orientations.reseau"),
        ),
        Tile(
            "part_niveau2",
            translate("DashboardData", "Part orientée vers le niveau 2"),
            figures["part_niveau2"],
            "%",
            translate("DashboardData", "rendez-vous honoré : {share}").format(
                share=french_decimal(figures["part_niveau2_honore"], "%")
            ),
            Drill("continuite"),
        ),
        Tile(
            "zones_blanches",
            translate("DashboardData", "Zones blanches (communes)"),
            len(cover.white_communes),
            "",
            _out_of_communes(cover.communes, len(cover.white_epcis)),
            Drill("couverture"),
        ),
    ]
    if data.several_sites:
        late = sum(1 for desk in ind.desks if desk.late)
        tiles.append(
            Tile(
                LATE_DESKS_TILE,
                translate("DashboardData", "Postes en retard"),
                late,
                "",
                translate("DashboardData", "sur {n} postes").format(n=number(len(ind.desks))),
                Drill("postes", focus="retard"),
            )
        )
    return tuple(tiles)


def _oriented(n: int) -> str:
    return count_phrase(
        n,
        translate("DashboardData", "{n} contact orienté"),
        translate("DashboardData", "{n} contacts orientés"),
    )


def _out_of_communes(communes: int, white_epcis: int) -> str:
    if communes == 0:  # no site commune yet, so no area: « sur 0 communes » said nothing
        return translate("DashboardData", "zone desservie à choisir dans Paramètres")
    epcis = number(white_epcis)  # {n} left for count_phrase
    return count_phrase(
        communes,
        translate("DashboardData", "sur {n} commune · {epci} EPCI sans contact").format(
            n="{n}", epci=epcis
        ),
        translate("DashboardData", "sur {n} communes · {epci} EPCI sans contact").format(
            n="{n}", epci=epcis
        ),
    )


def french_decimal(value: float | int | None, unit: str = "") -> str:
    """12.5 → "12,5 %" ("12.5%" in an English window); None (nothing to divide by) → "—"."""
    if value is None:
        return "—"
    # Two decimals at most: « 0,43 orientation par contact », not « 0,429 ».
    text = number(value) if isinstance(value, int) else f"{value:.2f}".rstrip("0").rstrip(".")
    if interface_is_english():
        return f"{text}{unit}" if unit == "%" else f"{text}\u00a0{unit}" if unit else text
    text = text.replace(".", ",")
    return f"{text}\u00a0{unit}" if unit else text


# --- breakdowns -----------------------------------------------------------------------------


def _build(data: DashboardData, key: str, focus: str) -> Breakdown:
    ind = data.indicators
    if key in ind.tables and not focus:
        drills = table_drills(ind, data.several_sites)
        return from_table(ind.tables[key], drills.get(key))
    builders = {
        "contacts.reseau": _contacts_by_network,
        "contacts.site": _contacts_by_site,
        "sites.canal": _sites_for_canal,
        "besoins.thematique": _sub_themes,
        "orientations.issue_du_reseau": _outcomes_of_network,
        "orientations.reseau_pour_issue": _networks_for_outcome,
        "continuite": _continuity,
        "couverture": _coverage,
        "couverture.communes": _white_communes,
        "couverture.epci": _white_epcis,
        "postes": _desks,
    }
    return builders[key](data, focus)


def _network_of(data: DashboardData) -> dict[str, str]:
    return {site.desk_id: site.reseau for site in data.sites}


def _network_name(code: str) -> str:
    return (
        translate("DashboardData", "Poste non enregistré")
        if code == UNREGISTERED
        else network_label(code)
    )


def _site_rows(data: DashboardData) -> list[tuple[str, str, list[int]]]:
    """(desk id, site name, contacts by canal) of the site table."""
    table = worded(data.indicators.tables["sites.contacts"])
    return [
        (code, label, cells) for (code, label), cells in zip(table.rows, table.cells, strict=True)
    ]


def _contacts_by_network(data: DashboardData, _focus: str) -> Breakdown:
    networks = _network_of(data)
    counts: dict[str, int] = {}
    for desk, _name, cells in _site_rows(data):
        network = networks.get(desk, UNREGISTERED)
        counts[network] = counts.get(network, 0) + sum(cells)
    rows = tuple(
        Row(
            code,
            _network_name(code),
            (n,),
            Drill("contacts.site", focus=code, label=_network_name(code)),
        )
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return Breakdown(
        "contacts.reseau",
        translate("DashboardData", "Contacts par réseau du site"),
        translate("DashboardData", "Réseau"),
        (("n", translate("DashboardData", "Contacts")),),
        rows,
        shares=True,
    )


def _contacts_by_site(data: DashboardData, network: str) -> Breakdown:
    """The sites (of `network`, or all), largest first."""
    networks, drill = _network_of(data), site_drill(data.indicators)
    rows = [
        Row(desk, name, (sum(cells),), drill(desk, name))
        for desk, name, cells in _site_rows(data)
        if not network or networks.get(desk, UNREGISTERED) == network
    ]
    rows.sort(key=lambda row: -row.total)
    title = translate("DashboardData", "Contacts par site")
    if network:
        title = translate("DashboardData", "Contacts par site — {network}").format(
            network=_network_name(network)
        )
    return Breakdown(
        "contacts.site",
        title,
        translate("DashboardData", "Site"),
        (("n", translate("DashboardData", "Contacts")),),
        tuple(rows),
        shares=True,
    )


def _sites_for_canal(data: DashboardData, canal: str) -> Breakdown:
    table = worded(data.indicators.tables["sites.contacts"])
    column = [code for code, _ in table.columns].index(canal)
    drill = site_drill(data.indicators)
    rows = [
        Row(desk, name, (cells[column],), drill(desk, name))
        for desk, name, cells in _site_rows(data)
        if cells[column]
    ]
    rows.sort(key=lambda row: -row.total)
    title = translate("DashboardData", "Contacts par site — {canal}").format(
        canal=table.columns[column][1]
    )
    return Breakdown(
        "sites.canal",
        title,
        translate("DashboardData", "Site"),
        (("n", translate("DashboardData", "Contacts")),),
        tuple(rows),
        shares=True,
    )


def _sub_themes(data: DashboardData, category: str) -> Breakdown:
    table = worded(data.indicators.tables["besoins.thematique"])
    prefix = f"{category}--"
    rows = tuple(
        Row(code, label, tuple(cells))
        for (code, label), cells in zip(table.rows, table.cells, strict=True)
        if code.startswith(prefix)
    )
    categories = dict(data.indicators.tables["besoins.categorie"].rows)
    title = translate("DashboardData", "Besoins par sous-thématique — {category}").format(
        category=categories.get(category, category)
    )
    note = translate(
        "DashboardData",
        "Un contact peut avoir plusieurs sous-thématiques, et un besoin noté au niveau de "
        "la catégorie n'en a aucune : la somme peut différer du total de la catégorie.",
    )
    return Breakdown(
        "besoins.thematique", title, table.row_header, tuple(table.columns), rows, note=note
    )


def _network_outcome_cells(data: DashboardData) -> tuple[list, list, list[list[int]]]:
    table = worded(data.indicators.tables["orientations.reseau_issue"])
    return table.rows, table.columns, table.cells


def _outcomes_of_network(data: DashboardData, network: str) -> Breakdown:
    rows, columns, cells = _network_outcome_cells(data)
    index = [code for code, _ in rows].index(network) if network in dict(rows) else None
    values = cells[index] if index is not None else [0] * len(columns)
    outcome_rows = tuple(
        Row(code, label, (n,)) for (code, label), n in zip(columns, values, strict=True)
    )
    title = translate("DashboardData", "Issues des orientations — {network}").format(
        network=network_label(network)
    )
    return Breakdown(
        "orientations.issue_du_reseau",
        title,
        translate("DashboardData", "Issue"),
        (("n", translate("DashboardData", "Orientations")),),
        outcome_rows,
        chart=BARS,
        ordered=True,
        shares=True,
    )


def _networks_for_outcome(data: DashboardData, outcome: str) -> Breakdown:
    rows, columns, cells = _network_outcome_cells(data)
    column = [code for code, _ in columns].index(outcome)
    network_rows = [
        Row(
            code,
            label,
            (row[column],),
            Drill("orientations.issue_du_reseau", focus=code, label=label),
        )
        for (code, label), row in zip(rows, cells, strict=True)
        if row[column]
    ]
    network_rows.sort(key=lambda row: -row.total)
    title = translate(
        "DashboardData", "Orientations « {outcome} » par réseau de destination"
    ).format(outcome=label("orientations.issue", outcome, OUTCOME_LABELS.get(outcome, outcome)))
    return Breakdown(
        "orientations.reseau_pour_issue",
        title,
        translate("DashboardData", "Réseau"),
        (("n", translate("DashboardData", "Orientations")),),
        tuple(network_rows),
        shares=True,
    )


def _listing(key: str, title: str, header: str, columns: tuple, rows: list[Row]) -> Breakdown:
    return Breakdown(
        key,
        title,
        header,
        columns,
        tuple(rows),
        chart=NO_CHART,
        total_row=False,
        total_column=False,
    )


def _continuity(data: DashboardData, _focus: str) -> Breakdown:
    ind = data.indicators
    keys = (
        "contacts_orientes",
        "rendez_vous",
        "delai_q1",
        "delai_mediane",
        "delai_q3",
        "part_niveau2",
        "part_niveau2_honore",
        "taux_orientation",
    )
    to_networks = Drill("orientations.reseau_issue")
    rows = []
    for key in keys:
        figure = ind.figures[key]
        value: Value = figure.value
        if isinstance(value, float) and figure.unit:
            value = french_decimal(value, "" if figure.unit == "jours" else figure.unit)
        unit = translate("DashboardData", " (jours)") if figure.unit == "jours" else ""
        rows.append(
            Row(
                key,
                figure_label(key, figure.label) + unit,
                (value,),
                to_networks if key.startswith("part_niveau2") else None,
            )
        )
    return _listing(
        "continuite",
        translate("DashboardData", "Délais et continuité vers le niveau 2"),
        translate("DashboardData", "Indicateur"),
        (("valeur", translate("DashboardData", "Valeur")),),
        rows,
    )


def _coverage(data: DashboardData, _focus: str) -> Breakdown:
    cover = data.indicators.coverage
    items = (
        ("communes", translate("DashboardData", "Communes du territoire"), cover.communes, None),
        (
            "atteintes",
            translate("DashboardData", "Communes d'où vient au moins un contact"),
            cover.communes_reached,
            None,
        ),
        (
            "blanches",
            translate("DashboardData", "Communes sans aucun contact (zones blanches)"),
            len(cover.white_communes),
            Drill("couverture.communes"),
        ),
        ("epci", translate("DashboardData", "EPCI du territoire"), cover.epcis, None),
        (
            "epci_blancs",
            translate("DashboardData", "EPCI sans aucun contact"),
            len(cover.white_epcis),
            Drill("couverture.epci"),
        ),
        (
            "hors",
            translate("DashboardData", "Contacts résidant hors du territoire"),
            cover.contacts_outside,
            None,
        ),
        (
            "inconnue",
            translate("DashboardData", "Contacts sans commune renseignée"),
            cover.contacts_unknown,
            None,
        ),
    )
    rows = [Row(code, label, (n,), drill) for code, label, n, drill in items]
    title = translate("DashboardData", "Couverture du territoire : {territory}").format(
        territory=scope_label(cover.territory)
    )
    return _listing(
        "couverture",
        title,
        translate("DashboardData", "Indicateur"),
        (("n", translate("DashboardData", "Nombre")),),
        rows,
    )


def _white_communes(data: DashboardData, _focus: str) -> Breakdown:
    rows = [Row(code, name, (code,)) for code, name in data.indicators.coverage.white_communes]
    return _listing(
        "couverture.communes",
        translate("DashboardData", "Communes sans aucun contact (zones blanches)"),
        translate("DashboardData", "Commune"),
        (("code", translate("DashboardData", "Code INSEE")),),
        rows,
    )


def _white_epcis(data: DashboardData, _focus: str) -> Breakdown:
    rows = [Row(code, name, (code,)) for code, name in data.indicators.coverage.white_epcis]
    return _listing(
        "couverture.epci",
        translate("DashboardData", "EPCI sans aucun contact"),
        translate("DashboardData", "EPCI"),
        (("code", translate("DashboardData", "SIREN")),),
        rows,
    )


def _desks(data: DashboardData, focus: str) -> Breakdown:
    """Every selected desk, late ones first; `focus` "retard": the late ones only."""
    ind = data.indicators
    drill = site_drill(ind)
    statuses = sorted(ind.desks, key=lambda d: (not d.late, d.site.nom, d.site.desk_id))
    never, yes, no = (
        translate("DashboardData", "jamais"),
        translate("DashboardData", "oui"),
        translate("DashboardData", "non"),
    )
    rows = [
        Row(
            d.site.desk_id,
            d.site.nom,
            (
                network_label(d.site.reseau),
                never if d.days_since_bundle is None else d.days_since_bundle,
                d.directory_age_days,
                yes if d.late else no,
            ),
            drill(d.site.desk_id, d.site.nom),
        )
        for d in statuses
        if d.late or focus != "retard"
    ]
    columns = (
        ("reseau", translate("DashboardData", "Réseau")),
        ("jours", translate("DashboardData", "Jours depuis le dernier envoi")),
        ("annuaire", translate("DashboardData", "Âge de l'annuaire (jours)")),
        ("retard", translate("DashboardData", "En retard")),
    )
    late = ind.options.late_after_days
    title = (
        translate("DashboardData", "Postes en retard (sans envoi depuis plus de {n} jours)").format(
            n=late
        )
        if focus == "retard"
        else translate("DashboardData", "Postes : dernier envoi et âge de l'annuaire")
    )
    return _listing("postes", title, translate("DashboardData", "Site"), columns, rows)


__all__ = ["HBARS", "DashboardData", "Tile", "build_dashboard_data", "french_decimal"]
