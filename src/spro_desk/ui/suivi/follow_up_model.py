"""Referrals to follow up as a table, in the order the domain gives (overdue first)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from spro_desk.contacts.follow_up import FollowUpItem
from spro_desk.ui.common.column_model import ColumnTableModel
from spro_desk.ui.common.dates import short_datetime_fr
from spro_desk.ui.common.formatting import one_line, tooltip
from spro_desk.ui.common.labels import referral_status_label, referral_type_label

Index = QModelIndex | QPersistentModelIndex
REFERRAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FollowUpColumn(IntEnum):
    DATE_CONTACT = 0
    STRUCTURE = 1
    SERVICE = 2
    TYPE = 3
    RENDEZ_VOUS = 4
    STATUT = 5


class FollowUpModel(ColumnTableModel):
    COLUMNS = FollowUpColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[FollowUpItem] = []

    def set_items(self, items: list[FollowUpItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> FollowUpItem:
        return self._items[row]

    def row_of(self, referral_id: str) -> int | None:
        for row, item in enumerate(self._items):
            if item.referral.id == referral_id:
                return row
        return None

    def overdue_count(self) -> int:
        return sum(1 for item in self._items if item.overdue)

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, FollowUpColumn(index.column()))
        if role == Qt.ItemDataRole.FontRole and item.overdue:
            return self._bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == REFERRAL_ID_ROLE:
            return item.referral.id
        return None

    def column_title(self, column: FollowUpColumn) -> str:
        titles = {
            FollowUpColumn.DATE_CONTACT: self.tr("Date du contact"),
            FollowUpColumn.STRUCTURE: self.tr("Structure"),
            FollowUpColumn.SERVICE: self.tr("Service"),
            FollowUpColumn.TYPE: self.tr("Type"),
            FollowUpColumn.RENDEZ_VOUS: self.tr("Rendez-vous"),
            FollowUpColumn.STATUT: self.tr("Statut"),
        }
        return titles[column]

    def status_text(self, item: FollowUpItem) -> str:
        label = referral_status_label(item.referral.statut)
        # Marked in words, not only in bold: a screen reader and a high-contrast palette see it.
        return self.tr("En retard · {statut}").format(statut=label) if item.overdue else label

    def _display(self, item: FollowUpItem, column: FollowUpColumn) -> str:
        referral = item.referral
        if column == FollowUpColumn.DATE_CONTACT:
            return short_datetime_fr(item.contact_occurred_at)
        if column == FollowUpColumn.STRUCTURE:
            return one_line(referral.structure_nom)
        if column == FollowUpColumn.SERVICE:
            return one_line(referral.service_nom)
        if column == FollowUpColumn.TYPE:
            return referral_type_label(referral.type)
        if column == FollowUpColumn.RENDEZ_VOUS:
            return short_datetime_fr(referral.rdv_at)
        return self.status_text(item)

    def _tooltip(self, item: FollowUpItem) -> str | None:
        motif = "\n".join(f"• {one_line(reason)}" for reason in item.referral.motif)
        return tooltip(self.tr("Motif :\n{motif}").format(motif=motif)) if motif else None

    @staticmethod
    def _bold() -> QFont:
        font = QFont()
        font.setBold(True)
        return font
