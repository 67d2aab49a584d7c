"""The bilan as published: themes of tables and figures with the secrecy rule applied.

Every export (JSON, CSV, XLSX, PDF) renders this one structure, so a figure is the same —
and masked the same — in all of them. Masked figures are None; exports print `s` (the
statistical-secrecy mark of INSEE publications) and say so on every page or sheet.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from spro_desk import clock
from spro_desk.reports.indicators import OUTCOME_LABELS, Indicators
from spro_desk.reports.secrecy import PublishedTable, protect, publish_figure

SECRET_MARK = "s"
SECRET_NOTE = "s : secret statistique (moins de {n} personnes, ou calculable à partir d'un total)"
# Statistical secrecy protects what is published outside; the site's own view is not masked.
INTERNAL = 0
INTERNAL_NOTE = (
    "Document interne, à ne pas diffuser : chiffres non masqués (le secret statistique "
    "s'applique à ce qui est publié à l'extérieur)"
)


@dataclass
class KeyValues:
    title: str
    items: list[tuple[str, float | int | str | None, str]]  # label, value (None: masked), unit


@dataclass
class Listing:
    title: str
    headers: list[str]
    rows: list[list[str | int | float | None]]


Section = PublishedTable | KeyValues | Listing


@dataclass
class Theme:
    key: str  # also the XLSX sheet name
    title: str
    sections: list[Section] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # sentences for the PDF's commentary


@dataclass
class Bilan:
    title: str
    scope: str
    filters: str
    period: str
    freshness: str
    generated: str
    threshold: int
    themes: list[Theme]
    indicators: Indicators

    @property
    def secret_note(self) -> str:
        return INTERNAL_NOTE if self.threshold <= INTERNAL else SECRET_NOTE.format(n=self.threshold)

    def heading_lines(self) -> list[str]:
        """The lines every sheet and page starts with."""
        return [
            f"{self.title} — {self.scope}",
            self.filters,
            f"Données à jour au {self.freshness} · édité le {self.generated}",
            self.secret_note,
        ]


def _local(moment: datetime | None) -> str:
    if moment is None:
        return "inconnue (aucun envoi reçu)"
    return clock.local(moment).strftime("%d/%m/%Y %H:%M")


def _evolution(now: int, before: int) -> str:
    if before == 0:
        return "—"
    return f"{100 * (now - before) / before:+.1f} %".replace(".", ",")


def build_bilan(
    indicators: Indicators,
    threshold: int | None = None,
    protected: Mapping[str, PublishedTable] | None = None,
    hidden: Collection[str] = (),
) -> Bilan:
    """Apply the secrecy rule to every table and figure and arrange them by theme.

    `protected`: tables already masked together with the other bilans of the period
    (`reports.periods`); `hidden`: headline figures to mask with them."""
    t = indicators.options.secrecy_threshold if threshold is None else threshold
    tables = {key: protect(table, t) for key, table in indicators.tables.items()}
    tables |= protected or {}

    def figure(key: str) -> tuple[str, float | int | None, str]:
        f = indicators.figures[key]
        return (f.label, None if key in hidden else publish_figure(f, t), f.unit)

    themes = [
        _synthesis(indicators, figure, t, hidden),
        Theme("Volumes", "Volumes d'activité", [tables[k] for k in (
            "contacts.mois", "contacts.semaine", "comparaison.mois")]),
        Theme("Publics", "Publics accueillis", [tables[k] for k in (
            "contacts.canal", "contacts.statut", "contacts.tranche_age", "contacts.sexe",
            "contacts.sexe_age", "contacts.handicap")]),
        Theme("Besoins", "Besoins exprimés et réponses apportées", [tables[k] for k in (
            "besoins.categorie", "besoins.thematique", "reponses")]),
        _referrals(indicators, tables, figure),
        _territory(indicators, tables, t),
        _sites(indicators, tables),
    ]  # fmt: skip
    _comment(themes, indicators, tables, t, hidden)
    return Bilan(
        title="Bilan d'activité SPRO",
        scope=indicators.scope,
        filters=indicators.filters.describe(),
        period=indicators.filters.period.label(),
        freshness=_local(indicators.freshness),
        generated=_local(indicators.as_of if indicators.options.as_of else datetime.now(UTC)),
        threshold=t,
        themes=themes,
        indicators=indicators,
    )


def _synthesis(indicators: Indicators, figure, threshold: int, hidden: Collection[str]) -> Theme:
    keys = ("contacts", "orientations", "contacts_orientes", "taux_orientation", "part_niveau2",
            "part_niveau2_honore", "rendez_vous", "delai_mediane")  # fmt: skip
    comparison = indicators.comparison
    rows: list[list[str | int | float | None]] = []
    for key, label, now, before in comparison.figures:
        secret = key in hidden or any(0 < n < threshold for n in (now, before))
        rows.append(
            [label, None if key in hidden or 0 < now < threshold else now,
             None if 0 < before < threshold else before,
             None if secret else _evolution(now, before)]
        )  # fmt: skip
    theme = Theme(
        "Synthèse",
        "Synthèse",
        [
            KeyValues("Chiffres clés", [figure(k) for k in keys]),
            Listing(
                f"Comparaison avec la même période de l'année précédente "
                f"({comparison.previous.label()})",
                ["Indicateur", "Période", "Année précédente", "Évolution"],
                rows,
            ),
        ],
    )
    if "contacts" not in hidden:
        contacts = indicators.figures["contacts"].value
        period = indicators.filters.period.label()
        theme.comments.append(f"{contacts} contacts enregistrés {period}.")
    return theme


def _referrals(indicators: Indicators, tables: dict[str, PublishedTable], figure) -> Theme:
    options = indicators.options
    notes = KeyValues(
        "Délais et continuité vers le niveau 2",
        [figure(k) for k in ("rendez_vous", "delai_q1", "delai_mediane", "delai_q3",
                             "part_niveau2", "part_niveau2_honore", "taux_orientation")],
    )  # fmt: skip
    definitions = Listing(
        "Définitions",
        ["Terme", "Définition"],
        [
            [OUTCOME_LABELS["sans-suite"],
             f"orientation encore « proposée » ou « rendez-vous pris » plus de "
             f"{options.sans_suite_days} jours après la date du rendez-vous (ou, sans "
             "rendez-vous, après l'orientation)"],
            [OUTCOME_LABELS["en-cours"], "orientation encore ouverte, pas encore sans suite"],
            ["Niveau 2", "service de conseil–accompagnement selon l'annuaire (x_spro niveau, "
             "opérateur CEP, ou type de service autre qu'information)"],
            ["Délai", "jours calendaires entre le contact et le rendez-vous (quartiles au rang "
             "le plus proche)"],
        ],
    )  # fmt: skip
    keys = ("orientations.type", "orientations.issue", "orientations.type_issue",
            "orientations.reseau", "orientations.structure")  # fmt: skip
    return Theme(
        "Orientations", "Orientations et continuité du niveau 1 vers le niveau 2",
        [notes, *(tables[k] for k in keys), definitions],
    )  # fmt: skip


def _territory(indicators: Indicators, tables: dict[str, PublishedTable], threshold: int) -> Theme:
    cover = indicators.coverage

    def count(n: int) -> int | None:
        return None if 0 < n < threshold else n

    summary = KeyValues(
        f"Couverture du territoire : {cover.territory}",
        [
            ("Communes du territoire", cover.communes, ""),
            ("Communes d'où vient au moins un contact", cover.communes_reached, ""),
            ("Communes sans aucun contact (zones blanches)", len(cover.white_communes), ""),
            ("EPCI du territoire", cover.epcis, ""),
            ("EPCI sans aucun contact", len(cover.white_epcis), ""),
            ("Contacts résidant hors du territoire", count(cover.contacts_outside), ""),
            ("Contacts sans commune renseignée", count(cover.contacts_unknown), ""),
        ],
    )
    return Theme(
        "Territoire",
        "Couverture du territoire",
        [
            summary,
            Listing("EPCI sans aucun contact", ["Code", "EPCI"],
                    [list(item) for item in cover.white_epcis]),
            Listing("Communes sans aucun contact (zones blanches)", ["Code INSEE", "Commune"],
                    [list(item) for item in cover.white_communes]),
            tables["contacts.commune"],
        ],
    )  # fmt: skip


def _sites(indicators: Indicators, tables: dict[str, PublishedTable]) -> Theme:
    options = indicators.options
    rows: list[list[str | int | float | None]] = [
        [d.site.nom, d.site.reseau, d.site.commune or "",
         _local(d.site.last_bundle_at) if d.site.last_bundle_at else "jamais",
         d.days_since_bundle, "oui" if d.late else "non", d.directory_age_days]
        for d in indicators.desks
    ]  # fmt: skip
    late = sum(1 for d in indicators.desks if d.late)
    status = Listing(
        f"Postes : dernier envoi et âge de l'annuaire ({late} en retard de plus de "
        f"{options.late_after_days} jours)",
        ["Site", "Réseau", "Commune", "Dernier envoi reçu", "Jours depuis", "En retard",
         "Âge de l'annuaire (jours)"],
        rows,
    )  # fmt: skip
    return Theme("Sites", "Sites et postes", [tables["sites.contacts"], status])


# --- one grid per section, for every tabular export -----------------------------------------

Cell = str | int | float | None


def section_title(section: Section) -> str:
    return section.table.title if isinstance(section, PublishedTable) else section.title


def section_grid(section: Section) -> list[list[Cell]]:
    """Header row then rows; None is a masked figure (printed `s`)."""
    if isinstance(section, KeyValues):
        names: list[Cell] = ["Indicateur", "Valeur", "Unité"]
        return [names, *([label, value, unit] for label, value, unit in section.items)]
    if isinstance(section, Listing):
        return [list(section.headers), *section.rows]
    table = section.table
    header: list[Cell] = [table.row_header, *(label for _code, label in table.columns)]
    if section.row_totals is not None:
        header.append("Total")
    grid: list[list[Cell]] = [header]
    for index, (_code, label) in enumerate(table.rows):
        row: list[Cell] = [label, *section.cells[index]]
        if section.row_totals is not None:
            row.append(section.row_totals[index])
        grid.append(row)
    if section.column_totals is not None:
        total: list[Cell] = ["Total", *section.column_totals]
        if section.row_totals is not None:
            total.append(section.total)
        grid.append(total)
    return grid


# --- commentary: plain sentences from published figures only (never from a masked one) ------


def _largest(published: PublishedTable) -> tuple[str, int] | None:
    shown = [
        (label, row[0])
        for (_code, label), row in zip(published.table.rows, published.cells, strict=True)
        if row[0]
    ]
    return max(shown, key=lambda item: item[1]) if shown else None


def _comment(
    themes: list[Theme],
    indicators: Indicators,
    tables: dict[str, PublishedTable],
    threshold: int,
    hidden: Collection[str] = (),
) -> None:
    by_key = {theme.key: theme for theme in themes}
    for key, label, now, before in indicators.comparison.figures[:1]:
        if now >= threshold and before >= threshold and key not in hidden:
            by_key["Synthèse"].comments.append(
                f"{label} : {_evolution(now, before)} par rapport à la même période de "
                "l'année précédente."
            )
    for theme, key, text in (
        ("Volumes", "contacts.mois", "Le mois le plus chargé est {label} ({n} contacts)."),
        ("Publics", "contacts.canal", "Canal le plus fréquent : {label} ({n} contacts)."),
        ("Besoins", "besoins.categorie", "Besoin le plus fréquent : {label} ({n} contacts)."),
        ("Orientations", "orientations.issue", "Issue la plus fréquente : {label} ({n})."),
    ):
        largest = _largest(tables[key])
        if largest:
            by_key[theme].comments.append(text.format(label=largest[0], n=largest[1]))
    cover = indicators.coverage
    by_key["Territoire"].comments.append(
        f"{len(cover.white_communes)} communes sur {cover.communes} et "
        f"{len(cover.white_epcis)} EPCI sur {cover.epcis} n'ont aucun contact sur la période."
    )
    late = sum(1 for d in indicators.desks if d.late)
    if indicators.desks:
        by_key["Sites"].comments.append(
            f"{late} poste(s) sur {len(indicators.desks)} sans envoi depuis plus de "
            f"{indicators.options.late_after_days} jours."
        )
