"""The dashboard's words in the window's language.

The indicators (spro_desk.reports) name their tables, rows and figures in French: that is the
bilan's language, sent to the Région as is. The dashboard shows the same figures in the
window's language: each table is worded here by its key and each row by its code (a week, a
month, a vocabulary's code), never by parsing the French. What is data stays as published:
the data·inclusion thématiques, the networks' and structures' names, the communes.

Safe on the worker thread, where breakdowns are built (QCoreApplication.translate is).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from spro_desk.reports.filters import Filters
from spro_desk.reports.table import Label, Table
from spro_desk.ui.common.dates import interface_locale
from spro_desk.ui.common.formatting import french_date

# Called by this name with its context spelled out, so that pyside6-lupdate finds the texts.
translate = QCoreApplication.translate

WEEKLY = frozenset({"contacts.semaine"})
MONTHLY = frozenset({"contacts.mois", "comparaison.mois"})


def _titles() -> dict[str, str]:
    return {
        "contacts.semaine": translate("DashboardWords", "Contacts par semaine"),
        "contacts.mois": translate("DashboardWords", "Contacts par mois"),
        "contacts.canal": translate("DashboardWords", "Contacts par canal"),
        "contacts.statut": translate("DashboardWords", "Contacts par statut"),
        "contacts.tranche_age": translate("DashboardWords", "Contacts par tranche d'âge"),
        "contacts.sexe": translate("DashboardWords", "Contacts par sexe (mixité)"),
        "contacts.handicap": translate("DashboardWords", "Contacts en situation de handicap"),
        "contacts.sexe_age": translate("DashboardWords", "Contacts par sexe et tranche d'âge"),
        "contacts.commune": translate("DashboardWords", "Contacts par commune de résidence"),
        "besoins.categorie": translate("DashboardWords", "Besoins par catégorie"),
        "besoins.thematique": translate("DashboardWords", "Besoins par sous-thématique"),
        "reponses": translate("DashboardWords", "Réponses apportées"),
        "orientations.type": translate("DashboardWords", "Orientations par type"),
        "orientations.issue": translate("DashboardWords", "Orientations par issue"),
        "orientations.type_issue": translate("DashboardWords", "Orientations par type et issue"),
        "orientations.reseau": translate(
            "DashboardWords", "Orientations par réseau de destination"
        ),
        "orientations.reseau_issue": translate(
            "DashboardWords", "Orientations par réseau de destination et issue"
        ),
        "orientations.structure": translate(
            "DashboardWords", "Orientations par structure de destination"
        ),
        "sites.contacts": translate("DashboardWords", "Contacts par site et canal"),
        "comparaison.mois": translate(
            "DashboardWords", "Contacts par mois, comparés à l'année précédente"
        ),
    }


def _notes() -> dict[str, str]:
    several = translate(
        "DashboardWords",
        "Un contact peut exprimer plusieurs besoins : la somme dépasse le nombre de contacts.",
    )
    return {
        "besoins.categorie": several,
        "besoins.thematique": several,
        "reponses": translate("DashboardWords", "Un contact peut recevoir plusieurs réponses."),
    }


def _headers() -> dict[str, str]:
    """Row headers and column labels of the tables, by their French (a closed list)."""
    return {
        "Semaine": translate("DashboardWords", "Semaine"),
        "Mois": translate("DashboardWords", "Mois"),
        "Canal": translate("DashboardWords", "Canal"),
        "Statut": translate("DashboardWords", "Statut"),
        "Tranche d'âge": translate("DashboardWords", "Tranche d'âge"),
        "Sexe": translate("DashboardWords", "Sexe"),
        "Handicap": translate("DashboardWords", "Handicap"),
        "Commune": translate("DashboardWords", "Commune"),
        "Catégorie": translate("DashboardWords", "Catégorie"),
        "Sous-thématique": translate("DashboardWords", "Sous-thématique"),
        "Réponse": translate("DashboardWords", "Réponse"),
        "Type": translate("DashboardWords", "Type"),
        "Issue": translate("DashboardWords", "Issue"),
        "Réseau": translate("DashboardWords", "Réseau"),
        "Structure": translate("DashboardWords", "Structure"),
        "Site": translate("DashboardWords", "Site"),
        "Contacts": translate("DashboardWords", "Contacts"),
        "Orientations": translate("DashboardWords", "Orientations"),
        "Période": translate("DashboardWords", "Période"),
        "Même période, année précédente": translate(
            "DashboardWords", "Même période, année précédente"
        ),
    }


def _codes() -> dict[str, str]:
    """Row and column labels the reports add to the desk's vocabularies, by code."""
    return {
        "sans-suite": translate("DashboardWords", "Sans suite"),
        "en-cours": translate("DashboardWords", "En cours"),
    }


def _figures() -> dict[str, str]:
    return {
        "contacts": translate("DashboardWords", "Contacts"),
        "orientations": translate("DashboardWords", "Orientations"),
        "contacts_orientes": translate("DashboardWords", "Contacts orientés"),
        "rendez_vous": translate("DashboardWords", "Orientations avec un rendez-vous daté"),
        "delai_q1": translate("DashboardWords", "Délai, premier quartile"),
        "delai_mediane": translate(
            "DashboardWords", "Délai médian entre le contact et le rendez-vous"
        ),
        "delai_q3": translate("DashboardWords", "Délai, troisième quartile"),
        "part_niveau2": translate(
            "DashboardWords", "Part des contacts orientés vers un service de niveau 2"
        ),
        "part_niveau2_honore": translate(
            "DashboardWords", "Part des contacts dont le rendez-vous de niveau 2 a été honoré"
        ),
        "taux_orientation": translate("DashboardWords", "Orientations par contact"),
    }


def figure_label(key: str, french: str) -> str:
    return _figures().get(key, french)


def month_label(code: str) -> str:
    """« janv. 2026 », « Jan 2026 » from « 2026-01 » (the bilan's short month names)."""
    try:
        month = date(int(code[:4]), int(code[5:7]), 1)
    except ValueError:
        return code
    short = interface_locale().monthName(month.month, QLocale.FormatType.ShortFormat)
    return f"{short} {month.year}"


def week_label(code: str) -> str:
    return translate("DashboardWords", "semaine du {date}").format(date=french_date(code))


def label(key: str, code: str, french: str) -> str:
    """A row (or column) of table `key`: its code worded, else its French as is (data)."""
    if key in WEEKLY:
        return week_label(code)
    if key in MONTHLY:
        return month_label(code)
    if code in _codes():
        return _codes()[code]
    if key == "contacts.commune" and code == "":
        return translate("DashboardWords", "Non renseignée")
    if french == "Autre réseau":
        return translate("DashboardWords", "Autre réseau")
    if french == "Ce site":
        return translate("DashboardWords", "Ce site")
    # The desk's vocabularies (canal, statut, réponse…): their French is the catalogue's own.
    return translate("Vocabulary", french)


def _labels(key: str, labels: list[Label], kind: str) -> list[Label]:
    headers = _headers()
    return [(code, headers.get(text, label(kind or key, code, text))) for code, text in labels]


def worded(table: Table) -> Table:
    """A copy of `table` in the window's words; the figures are the same cells."""
    columns_key = "comparaison.colonnes" if table.key == "comparaison.mois" else table.key
    return Table(
        key=table.key,
        title=_titles().get(table.key, table.title),
        row_header=_headers().get(table.row_header, table.row_header),
        rows=_labels(table.key, table.rows, ""),
        columns=_labels(columns_key, table.columns, columns_key),
        cells=table.cells,
        row_totals=table.row_totals,
        column_totals=table.column_totals,
        drill=table.drill,
        note=_notes().get(table.key, table.note) if table.note else "",
    )


def scope_label(scope: str) -> str:
    """A site's or territory's name as is; the reports' French placeholders for none, worded."""
    if scope == "Ce site":
        return translate("DashboardWords", "Ce site")
    if scope == "Coordination régionale":
        return translate("DashboardWords", "Coordination régionale")
    if scope == "territoire inconnu":  # reports.coverage, when no area is known
        return translate("DashboardWords", "territoire inconnu")
    return scope


def filters_label(filters: Filters) -> str:
    """« Période du 09/03/2026 au 15/03/2026 · réseau cio » in the window's words."""
    parts = [
        translate("DashboardWords", "Période du {start} au {end}").format(
            start=french_date(filters.period.start), end=french_date(filters.period.end)
        )
    ]
    named = (
        (translate("DashboardWords", "site {value}"), filters.site),
        (translate("DashboardWords", "réseau {value}"), filters.reseau),
        (translate("DashboardWords", "département {value}"), filters.departement),
        (translate("DashboardWords", "EPCI {value}"), filters.epci),
        (translate("DashboardWords", "région {value}"), filters.region),
    )
    parts.extend(template.format(value=value) for template, value in named if value)
    return " · ".join(parts)
