"""Table models of the coordination's screens, thin over spro_desk.sync.coordinator_views.

Each holds the rows a domain query returned and sorts them itself when a header is clicked,
by each column's sort key (numbers and dates, not their display text): a year of bundles from
hundreds of desks is tens of thousands of rows, which a sorting proxy asking data() for every
comparison takes seconds to order; sorting the keys in Python takes milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from spro_desk.directory.networks import network_label
from spro_desk.sync.coordinator_views import AlertView, BundleReceived, DeskOverview
from spro_desk.ui.common.formatting import count_phrase, french_datetime, number, one_line
from spro_desk.ui.common.rows_model import Row, RowsModel
from spro_desk.ui.coordination.alert_text import alert_kind_label, alert_summary

Index = QModelIndex | QPersistentModelIndex


class _RowsModel(RowsModel[Row]):
    """The coordination's tables: every cell's tooltip repeats it (narrow columns elide)."""

    def tooltip_text(self, row: Row, column: Any) -> str:
        return self.display(row, column)


def _timestamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else float("-inf")


# --- Postes --------------------------------------------------------------------------------


class DeskColumn(IntEnum):
    SITE = 0
    RESEAU = 1
    COMMUNE = 2
    ENREGISTRE = 3
    DERNIER_ENVOI = 4
    SILENCE = 5
    ETAT = 6


class DeskModel(_RowsModel[DeskOverview]):
    COLUMNS = DeskColumn

    def __init__(self, commune_name: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commune_name = commune_name

    def late_count(self) -> int:
        return sum(1 for desk in self._rows if desk.late)

    def revoked_count(self) -> int:
        return sum(1 for desk in self._rows if desk.revoked)

    def row_of(self, desk_id: str) -> int | None:
        return next((n for n, d in enumerate(self._rows) if d.desk_id == desk_id), None)

    def column_title(self, column: DeskColumn) -> str:
        titles = {
            DeskColumn.SITE: self.tr("Site"),
            DeskColumn.RESEAU: self.tr("Réseau"),
            DeskColumn.COMMUNE: self.tr("Commune"),
            DeskColumn.ENREGISTRE: self.tr("Enregistré le"),
            DeskColumn.DERNIER_ENVOI: self.tr("Dernier envoi reçu"),
            DeskColumn.SILENCE: self.tr("Sans envoi depuis"),
            DeskColumn.ETAT: self.tr("État"),
        }
        return titles[column]

    def state_text(self, desk: DeskOverview) -> str:
        # In words, not only in bold: a screen reader and a high-contrast palette see it.
        if desk.revoked:
            return self.tr("Révoqué")
        return self.tr("En retard") if desk.late else self.tr("À jour")

    def display(self, row: DeskOverview, column: DeskColumn) -> str:
        if column == DeskColumn.SITE:
            return one_line(row.site_nom)
        if column == DeskColumn.RESEAU:
            return network_label(row.reseau)
        if column == DeskColumn.COMMUNE:
            return one_line(self._commune_name(row.commune))
        if column == DeskColumn.ENREGISTRE:
            return french_datetime(row.registered_at)
        if column == DeskColumn.DERNIER_ENVOI:
            return self._last_bundle(row)
        if column == DeskColumn.SILENCE:
            return self.days_text(row.days_silent)
        return self.state_text(row)

    def _last_bundle(self, row: DeskOverview) -> str:
        if row.last_received_at is None:
            return self.tr("Aucun envoi")
        return self.tr("n° {seq} · {when}").format(
            seq=number(row.last_bundle_seq or 0), when=french_datetime(row.last_received_at)
        )

    def days_text(self, days: int) -> str:
        if days == 0:
            return self.tr("Aujourd'hui")
        return count_phrase(days, self.tr("{n} jour"), self.tr("{n} jours"))

    def sort_key(self, row: DeskOverview, column: DeskColumn) -> Any:
        if column == DeskColumn.ENREGISTRE:
            return row.registered_at.timestamp()
        if column == DeskColumn.DERNIER_ENVOI:
            return _timestamp(row.last_received_at)
        if column == DeskColumn.SILENCE:
            return row.days_silent
        if column == DeskColumn.ETAT:  # late first, the longest silence first; revoked last
            rank = 2 if row.revoked else 0 if row.late else 1
            return rank * 1_000_000 - row.days_silent
        return super().sort_key(row, column)

    def tooltip_text(self, row: DeskOverview, column: DeskColumn) -> str:
        if column == DeskColumn.SITE:
            return self.tr("{site}\nIdentifiant du poste : {id}").format(
                site=one_line(row.site_nom), id=row.desk_id
            )
        if column == DeskColumn.COMMUNE:
            return f"{self.display(row, column)} ({row.commune})"
        return self.display(row, column)

    def emphasised(self, row: DeskOverview) -> bool:
        return row.late


# --- Envois reçus --------------------------------------------------------------------------


class BundleColumn(IntEnum):
    POSTE = 0
    NUMERO = 1
    EVENEMENTS = 2
    RECU_LE = 3


class BundleModel(_RowsModel[BundleReceived]):
    COLUMNS = BundleColumn

    def desk_count(self) -> int:
        return len({bundle.desk_id for bundle in self._rows})

    def column_title(self, column: BundleColumn) -> str:
        titles = {
            BundleColumn.POSTE: self.tr("Poste"),
            BundleColumn.NUMERO: self.tr("N° d'envoi"),
            BundleColumn.EVENEMENTS: self.tr("Événements"),
            BundleColumn.RECU_LE: self.tr("Reçu le"),
        }
        return titles[column]

    def display(self, row: BundleReceived, column: BundleColumn) -> str:
        if column == BundleColumn.POSTE:
            return one_line(row.site_nom) or row.desk_id
        if column == BundleColumn.NUMERO:
            return number(row.bundle_seq)
        if column == BundleColumn.EVENEMENTS:
            return number(row.events)
        return french_datetime(row.received_at)

    def sort_key(self, row: BundleReceived, column: BundleColumn) -> Any:
        if column == BundleColumn.NUMERO:
            return row.bundle_seq
        if column == BundleColumn.EVENEMENTS:
            return row.events
        if column == BundleColumn.RECU_LE:
            return row.received_at.timestamp()
        return super().sort_key(row, column)


# --- Alertes -------------------------------------------------------------------------------


class AlertColumn(IntEnum):
    TYPE = 0
    POSTE = 1
    RESUME = 2
    SIGNALEE_LE = 3


class AlertModel(_RowsModel[AlertView]):
    COLUMNS = AlertColumn

    def count_of(self, kind: str) -> int:
        return sum(1 for alert in self._rows if alert.kind == kind)

    def column_title(self, column: AlertColumn) -> str:
        titles = {
            AlertColumn.TYPE: self.tr("Type"),
            AlertColumn.POSTE: self.tr("Poste"),
            AlertColumn.RESUME: self.tr("Ce qui a été constaté"),
            AlertColumn.SIGNALEE_LE: self.tr("Signalée le"),
        }
        return titles[column]

    def display(self, row: AlertView, column: AlertColumn) -> str:
        if column == AlertColumn.TYPE:
            return alert_kind_label(row.kind)
        if column == AlertColumn.POSTE:
            return one_line(row.site_nom) or row.desk_id
        if column == AlertColumn.RESUME:
            return alert_summary(row)
        return french_datetime(row.raised_at)

    def sort_key(self, row: AlertView, column: AlertColumn) -> Any:
        if column == AlertColumn.SIGNALEE_LE:
            return row.raised_at.timestamp()
        return super().sort_key(row, column)
