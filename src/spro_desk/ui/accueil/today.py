"""The contacts recorded today, newest first: a table model over ContactService.list()."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from spro_desk.ui.accueil.form import local_wall_time
from spro_desk.ui.accueil.needs import need_text
from spro_desk.ui.common import labels

if TYPE_CHECKING:  # the service (SQLAlchemy) loads after the window is shown
    from spro_desk.contacts.service import ContactView

Index = QModelIndex | QPersistentModelIndex
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TodayColumn(IntEnum):
    HEURE = 0
    CANAL = 1
    STATUT = 2
    BESOINS = 3
    REPONSES = 4
    ORIENTATIONS = 5


def _headers() -> dict[TodayColumn, str]:
    translate = QCoreApplication.translate
    return {
        TodayColumn.HEURE: translate("TodayModel", "Heure"),
        TodayColumn.CANAL: translate("TodayModel", "Canal"),
        TodayColumn.STATUT: translate("TodayModel", "Statut"),
        TodayColumn.BESOINS: translate("TodayModel", "Besoins"),
        TodayColumn.REPONSES: translate("TodayModel", "Réponses"),
        TodayColumn.ORIENTATIONS: translate("TodayModel", "Orient."),  # over a mere count
    }


def _header_names() -> dict[TodayColumn, str]:
    """The headers in words, for their tooltip and a screen reader."""
    words = QCoreApplication.translate("TodayModel", "Orientations")
    return _headers() | {TodayColumn.ORIENTATIONS: words}


def cell_text(contact: ContactView, column: TodayColumn) -> str:
    if column == TodayColumn.HEURE:
        return local_wall_time(contact.occurred_at).strftime("%H:%M")
    if column == TodayColumn.CANAL:
        canal = labels.label_of(labels.CANAUX, contact.canal)
        return f"{canal} · {contact.lieu}" if contact.lieu else canal
    if column == TodayColumn.STATUT:
        return labels.label_of(labels.STATUTS, contact.statut)
    if column == TodayColumn.BESOINS:
        return ", ".join(need_text(code) for code in contact.besoins)
    if column == TodayColumn.REPONSES:  # the tally sheet's letters: the list stays narrow
        return ", ".join(labels.key_of(labels.REPONSES, code) for code in contact.reponses)
    return str(len(contact.referrals))


def full_text(contact: ContactView, column: TodayColumn) -> str:
    """A cell's text in words, for its tooltip and a screen reader."""
    if column == TodayColumn.REPONSES:
        return ", ".join(labels.label_of(labels.REPONSES, code) for code in contact.reponses)
    return cell_text(contact, column)


class TodayModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactView] = []

    def set_contacts(self, contacts: list[ContactView]) -> None:
        self.beginResetModel()
        self._rows = sorted(contacts, key=lambda c: c.occurred_at, reverse=True)
        self.endResetModel()

    def contact(self, row: int) -> ContactView:
        return self._rows[row]

    def row_of(self, contact_id: str) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == contact_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TodayColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        contact = self._rows[index.row()]
        column = TodayColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(contact, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return full_text(contact, column)
        if role == CONTACT_ID_ROLE:
            return contact.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == TodayColumn.ORIENTATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[TodayColumn(section)]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _header_names()[TodayColumn(section)]
        return None
