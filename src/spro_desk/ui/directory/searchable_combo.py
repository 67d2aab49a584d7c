"""A combo box the agent can type into: any part of a label matches, accents and case aside."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from spro_desk.text import fold, words

# Labels such as "Difficultés administratives ou juridiques › …" are long: the popup may be
# wider than the field, within reason (in characters, so that it follows the font size).
MAX_POPUP_CHARS = 70
_POPUP_MARGIN_CHARS = 4
# Characters a combo shows before eliding: its popup still lists whole labels.
MIN_CONTENTS = 10


def compact(combo: QComboBox) -> None:
    """Let a combo with long labels shrink with the window instead of widening it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MIN_CONTENTS)


# Each choice's label folded (accents and case removed): what typed words are matched against.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 7


def _filter_pattern(text: str) -> QRegularExpression:
    """A pattern holding every typed word, in any order ("metier decouvrir")."""
    lookaheads = "".join(f"(?=.*{QRegularExpression.escape(word)})" for word in words(text))
    return QRegularExpression(f"^{lookaheads}")


class SearchableCombo(QComboBox):
    """Editable combo whose typed text filters the choices; the current item is always a choice.

    Item data holds the code of each choice (None for "all").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        compact(self)
        self._filter = QSortFilterProxyModel(self)
        self._filter.setSourceModel(self.model())
        self._filter.setFilterRole(FOLDED_ROLE)
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self._line()
        line.textEdited.connect(self._filter_choices)
        line.editingFinished.connect(self.settle)

    def _line(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # the combo box is editable
        return line

    def set_choices(self, choices: list[tuple[str, str | None]]) -> None:
        """Replace the choices, (label, code) pairs; the first one becomes current."""
        self.blockSignals(True)
        self.clear()
        for row, (label, code) in enumerate(choices):
            self.addItem(label, code)
            self.setItemData(row, fold(label), FOLDED_ROLE)
        self.blockSignals(False)
        self.setCurrentIndex(0)
        self._widen_popups()

    def code(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def set_code(self, code: str | None) -> None:
        row = self.findData(code) if code is not None else 0
        self.setCurrentIndex(max(row, 0))

    def settle(self) -> None:
        """Make the typed text a choice: the exact label, else the first match, else undo."""
        text = self._line().text()
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            row = exact
        elif not text.strip():
            row = 0
        else:
            self._filter_choices(text)
            first = self._filter.index(0, 0)
            row = self._filter.mapToSource(first).row() if first.isValid() else self.currentIndex()
        # The filter is emptied after Qt's own handling of a picked completion, which reads
        # the row through it (emptied at once, « logement » + Entrée gave the first row).
        QTimer.singleShot(0, self, lambda: self._filter_choices(""))
        self.setCurrentIndex(row)
        self._line().setText(self.itemText(row))

    def _filter_choices(self, text: str) -> None:
        self._filter.setFilterRegularExpression(_filter_pattern(text))

    def _widen_popups(self) -> None:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                      default=0)  # fmt: skip
        char = metrics.averageCharWidth()
        width = min(longest + _POPUP_MARGIN_CHARS * char, MAX_POPUP_CHARS * char)
        self.view().setMinimumWidth(width)
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.setMinimumWidth(width)
