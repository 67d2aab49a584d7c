"""Fields where one key picks a value: the frequent values of a contact are one key away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from spro_desk.ui.common.labels import Choice

CODE_ROLE = Qt.ItemDataRole.UserRole
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def typed_key(event: QKeyEvent) -> str | None:
    """The character of a key pressed without Ctrl/Alt/Meta, upper-cased; None otherwise."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
    if modifiers not in _PLAIN or len(event.text()) != 1:
        return None
    return event.text().upper()


def keys_hint(choices: tuple[Choice, ...]) -> str:
    """Keys and labels, like « S : Scolaire, E : Étudiant », for descriptions and tooltips."""
    pair = QCoreApplication.translate("Keyed", "{key} : {label}")  # French spacing is translated
    return ", ".join(pair.format(key=c.key, label=c.label) for c in choices)


def item_text(choice: Choice) -> str:
    return f"{choice.key} — {choice.label}"


# Characters a list shows closed: its longest label (« J — Young person who left school
# without a qualification, not in work or training » in English) set the form's width, and at
# 1024 × 768 the walk-in form scrolled sideways. The open list shows every label whole.
CLOSED_CHARACTERS = 24


class KeyedComboBox(QComboBox):
    """A drop-down list whose items are chosen by their key when it has focus."""

    def __init__(self, choices: tuple[Choice, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        for choice in choices:
            self.addItem(item_text(choice), choice.code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(CLOSED_CHARACTERS)

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        super().showPopup()

    def code(self) -> str | None:
        data = self.currentData(CODE_ROLE)
        return data if isinstance(data, str) else None

    def set_code(self, code: str | None) -> None:
        """Select the value with this code; None (or an unknown code) selects nothing."""
        self.setCurrentIndex(self.findData(code, CODE_ROLE) if code is not None else -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = typed_key(event)
        match = next((c for c in self._choices if c.key == key), None)
        if match is None:
            super().keyPressEvent(event)
            return
        self.set_code(match.code)
        event.accept()


class KeyedCheckList(QListWidget):
    """Checkable values; a value's key ticks or unticks it, Space toggles the current one."""

    changed = Signal()

    def __init__(self, choices: tuple[Choice, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        for choice in choices:
            item = QListWidgetItem(item_text(choice), self)
            item.setData(CODE_ROLE, choice.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def codes(self) -> tuple[str, ...]:
        return tuple(
            self.item(row).data(CODE_ROLE)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_codes(self, codes: tuple[str, ...] | list[str]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            checked = item.data(CODE_ROLE) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _toggle(self, row: int) -> None:
        item = self.item(row)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        self.setCurrentRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = typed_key(event)
        if key == " " and self.currentRow() >= 0:
            self._toggle(self.currentRow())
            event.accept()
            return
        row = next((i for i, c in enumerate(self._choices) if c.key == key), None)
        if row is None:
            super().keyPressEvent(event)
            return
        self._toggle(row)
        event.accept()
