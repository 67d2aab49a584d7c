"""A text field that proposes matches as the agent types, picked with the arrows or Entrée.

The matches come from a search function (accents optional, postal codes…) rather than from
QCompleter's own prefix filtering, which knows neither accents nor postal codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

VALUE_ROLE = Qt.ItemDataRole.UserRole
Match = tuple[str, Any]  # (text shown, value)
Search = Callable[[str], Sequence[Match]]
MAX_MATCHES = 12


class CompletingLineEdit(QLineEdit):
    """Emits `chosen(value, text)` when the agent picks a match (Entrée takes the first one)."""

    chosen = Signal(object, str)

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        # setWidget and not setCompleter: QLineEdit would copy the pick back into the text.
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(MAX_MATCHES)
        self.completer_.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # overload pick
        self.textEdited.connect(self._refresh)
        self.returnPressed.connect(self._take_first)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None  # a QCompleter always has its popup
        return popup

    def popup_visible(self) -> bool:
        return self._popup().isVisible()

    def match_texts(self) -> list[str]:
        return [self.matches.item(row).text() for row in range(self.matches.rowCount())]

    def hide_popup(self) -> None:
        self._popup().hide()

    def _refresh(self, text: str) -> None:
        self.matches.clear()
        for shown, value in self._search(text)[:MAX_MATCHES] if text.strip() else ():
            item = QStandardItem(shown)
            item.setData(value, VALUE_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.completer_.complete()
        else:
            self.hide_popup()

    def _picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        self.hide_popup()
        self.matches.clear()
        self.chosen.emit(value, shown)

    def _take_first(self) -> None:
        popup = self._popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer itself reports the highlighted match
        self.take_first_match()

    def take_first_match(self) -> bool:
        """Pick the best match of the text typed (Entrée without a highlighted match)."""
        if not self.text().strip():
            return False
        if not self.matches.rowCount():
            self._refresh(self.text())
        if not self.matches.rowCount():
            return False
        self._picked(self.matches.index(0, 0))
        return True
