"""The besoins of a contact: searched as you type, the frequent ones picked with one digit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.ui.accueil.completion import CompletingLineEdit
from spro_desk.ui.accueil.keyed import CODE_ROLE, typed_key
from spro_desk.ui.accueil.needs import need_text, search_needs

QUICK_COLUMNS = 2
VISIBLE_NEEDS = 4


class NeedSearchEdit(CompletingLineEdit):
    """While empty, a digit picks a frequent need and Retour arrière removes the last one."""

    quick_pick = Signal(int)  # 1-based
    remove_last = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(search_needs, parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = typed_key(event)
        if not self.text() and key is not None and key.isdigit() and key != "0":
            self.quick_pick.emit(int(key))
            event.accept()
        elif not self.text() and event.key() == Qt.Key.Key_Backspace:
            self.remove_last.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class ChosenNeeds(QListWidget):
    """The needs retained, one a line; Suppr or a double click removes one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemDoubleClicked.connect(lambda item: self.takeItem(self.row(item)))
        self.model().rowsInserted.connect(self._fit)
        self.model().rowsRemoved.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """As tall as its needs, from one line to VISIBLE_NEEDS, then it scrolls."""
        lines = min(max(self.count(), 1), VISIBLE_NEEDS)
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().lineSpacing() + 2
        self.setFixedHeight(lines * row + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.takeItem(self.currentRow())
            event.accept()
        else:
            super().keyPressEvent(event)


class NeedsField(QWidget):
    changed = Signal()

    def __init__(self, frequent: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frequent = tuple(frequent)[:9]
        self.search = NeedSearchEdit()
        self.search.setPlaceholderText(self.tr("Tapez un besoin, ou un chiffre de 1 à 9…"))
        self.chosen_list = ChosenNeeds()
        self.quick_buttons = [self._quick_button(n, code) for n, code in self._numbered()]
        self._layout()
        self._describe()
        self.search.chosen.connect(self._picked)
        self.search.quick_pick.connect(self.pick_frequent)
        self.search.remove_last.connect(self._remove_last)
        model = self.chosen_list.model()
        model.rowsInserted.connect(self.changed)
        model.rowsRemoved.connect(self.changed)

    def _numbered(self) -> list[tuple[int, str]]:
        return list(enumerate(self._frequent, start=1))

    def _quick_button(self, number: int, code: str) -> QToolButton:
        button = QToolButton()
        button.setText(f"&{number} {need_text(code).replace('&', '&&')}")
        # Out of the Tab chain: the digits reach them from the search field, Alt+digit anywhere.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(self.tr("Ajouter le besoin %s") % need_text(code))
        button.setToolTip(self.tr("Touche %d dans le champ Besoins, ou Alt+%d") % (number, number))
        button.clicked.connect(lambda _checked=False, n=number: self.pick_frequent(n))
        return button

    def _layout(self) -> None:
        quick = QGridLayout()
        quick.setContentsMargins(0, 0, 0, 0)
        quick.setSpacing(2)
        for index, button in enumerate(self.quick_buttons):
            quick.addWidget(button, index // QUICK_COLUMNS, index % QUICK_COLUMNS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(quick)
        layout.addWidget(self.chosen_list)

    def _describe(self) -> None:
        pair = self.tr("{key} : {label}")  # French spacing is translated
        hint = ", ".join(pair.format(key=n, label=need_text(code)) for n, code in self._numbered())
        self.search.setAccessibleDescription(
            self.tr(
                "Tapez un mot d'une thématique puis Entrée pour l'ajouter. Champ vide : un "
                "chiffre ajoute un besoin fréquent (%s) ; Retour arrière retire le dernier."
            )
            % hint
        )
        self.chosen_list.setAccessibleName(self.tr("Besoins retenus"))
        self.chosen_list.setAccessibleDescription(
            self.tr("Suppr ou double-clic retire le besoin sélectionné.")
        )
        self.chosen_list.setToolTip(self.chosen_list.accessibleDescription())

    # --- values -----------------------------------------------------------------------------

    def codes(self) -> tuple[str, ...]:
        items = (self.chosen_list.item(row) for row in range(self.chosen_list.count()))
        return tuple(item.data(CODE_ROLE) for item in items)

    def set_codes(self, codes: Sequence[str]) -> None:
        self.clear()
        for code in codes:
            self.add(code)

    def clear(self) -> None:
        self.chosen_list.clear()
        self.search.clear()
        self.search.hide_popup()

    def add(self, code: str) -> None:
        if code in self.codes():
            return
        item = QListWidgetItem(need_text(code), self.chosen_list)
        item.setData(CODE_ROLE, code)
        item.setToolTip(self.chosen_list.accessibleDescription())

    def pick_frequent(self, number: int) -> None:
        if 1 <= number <= len(self._frequent):
            self.add(self._frequent[number - 1])

    def _picked(self, code: object, _shown: str) -> None:
        if isinstance(code, str):
            self.add(code)
        self.search.clear()

    def _remove_last(self) -> None:
        if self.chosen_list.count():
            self.chosen_list.takeItem(self.chosen_list.count() - 1)
