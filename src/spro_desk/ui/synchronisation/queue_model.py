"""The outbox as a table: one row per bundle waiting for the server, oldest first."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from spro_desk.sync.outbox import QueueItem
from spro_desk.ui.common.formatting import french_datetime, number, one_line
from spro_desk.ui.common.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


class QueueColumn(IntEnum):
    NAME = 0
    SIZE = 1
    ATTEMPTS = 2
    NEXT_ATTEMPT = 3
    LAST_ERROR = 4  # last: it takes the room left


def bundle_label(name: str) -> str:
    """« Envoi n° 12 » from `<desk id>-000012.spro-bundle`; any other name as it is."""
    stem = name.removesuffix(".spro-bundle")
    number = stem.rsplit("-", 1)[-1]
    if stem == name or not number.isdigit():
        return name
    return QCoreApplication.translate("QueueModel", "Envoi n° {n}").format(n=int(number))


def size_text(size: int) -> str:
    """« 12 Ko » / « 3,4 Mo »: what an agent compares with a stick's free space."""
    if size < 1024:
        return QCoreApplication.translate("QueueModel", "{n} o").format(n=size)
    if size < 1024 * 1024:
        kilobytes = number(round(size / 1024))
        return QCoreApplication.translate("QueueModel", "{n} Ko").format(n=kilobytes)
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return QCoreApplication.translate("QueueModel", "{n} Mo").format(n=megabytes)


class QueueModel(RowsModel[QueueItem]):
    COLUMNS = QueueColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now: datetime | None = None

    def set_items(self, items: list[QueueItem], now: datetime) -> None:
        self._now = now
        self.set_rows(items)

    def item(self, row: int) -> QueueItem:
        return self.row(row)

    def display(self, row: QueueItem, column: QueueColumn) -> str:
        return self._display(row, column)

    def tooltip_text(self, row: QueueItem, column: QueueColumn) -> str:
        if column == QueueColumn.NAME:
            return row.name  # the file's name, as on the server
        if column == QueueColumn.LAST_ERROR and row.last_error:
            return row.last_error
        return ""

    def alignment(self, column: QueueColumn) -> Qt.AlignmentFlag | None:
        if column in (QueueColumn.SIZE, QueueColumn.ATTEMPTS):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def column_title(self, column: QueueColumn) -> str:
        titles = {
            QueueColumn.NAME: self.tr("Envoi"),
            QueueColumn.SIZE: self.tr("Taille"),
            QueueColumn.ATTEMPTS: self.tr("Essais"),
            QueueColumn.LAST_ERROR: self.tr("Dernière erreur"),
            QueueColumn.NEXT_ATTEMPT: self.tr("Prochain essai"),
        }
        return titles[column]

    def _display(self, item: QueueItem, column: QueueColumn) -> str:
        if column == QueueColumn.NAME:
            return bundle_label(item.name)
        if column == QueueColumn.SIZE:
            return size_text(item.size)
        if column == QueueColumn.ATTEMPTS:
            return str(item.attempts)
        if column == QueueColumn.LAST_ERROR:
            return one_line(item.last_error) if item.last_error else self.tr("—")
        return self._next_attempt(item)

    def _next_attempt(self, item: QueueItem) -> str:
        if self._now is None or item.is_due(self._now) or item.next_attempt_at is None:
            return self.tr("Au prochain passage")
        return french_datetime(item.next_attempt_at)
