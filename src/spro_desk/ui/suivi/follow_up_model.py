"""Referrals to follow up as a table, in the order the domain gives (overdue first)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from spro_desk.contacts.follow_up import FollowUpItem
from spro_desk.ui.common.dates import short_datetime_fr
from spro_desk.ui.common.formatting import one_line
from spro_desk.ui.common.labels import referral_status_label, referral_type_label
from spro_desk.ui.common.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
REFERRAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FollowUpColumn(IntEnum):
    DATE_CONTACT = 0
    STRUCTURE = 1
    SERVICE = 2
    TYPE = 3
    RENDEZ_VOUS = 4
    STATUT = 5


class FollowUpModel(RowsModel[FollowUpItem]):
    COLUMNS = FollowUpColumn

    def set_items(self, items: list[FollowUpItem]) -> None:
        self.set_rows(items)

    def item(self, row: int) -> FollowUpItem:
        return self.row(row)

    def row_of(self, referral_id: str) -> int | None:
        for row, item in enumerate(self.rows()):
            if item.referral.id == referral_id:
                return row
        return None

    def overdue_count(self) -> int:
        return sum(1 for item in self.rows() if item.overdue)

    def display(self, row: FollowUpItem, column: FollowUpColumn) -> str:
        return self._display(row, column)

    def tooltip_text(self, row: FollowUpItem, column: FollowUpColumn) -> str:
        motif = "\n".join(f"• {one_line(reason)}" for reason in row.referral.motif)
        return self.tr("Motif :\n{motif}").format(motif=motif) if motif else ""

    def emphasised(self, row: FollowUpItem) -> bool:
        return row.overdue  # also said in words in the Statut column

    def role_data(self, row: FollowUpItem, role: int) -> Any:
        return row.referral.id if role == REFERRAL_ID_ROLE else None

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
