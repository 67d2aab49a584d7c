"""A line edit that finds a commune by name or postal code and keeps its INSEE code."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from spro_desk.geo import Commune, Geography
from spro_desk.ui.common.formatting import tooltip

# Enough to tell homonyms apart without a popup taller than the screen at 200 %.
SUGGESTIONS = 10
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def commune_label(commune: Commune) -> str:
    """``Bourges (18000)``: the postal code tells homonyms apart."""
    postal = commune.codes_postaux[0] if commune.codes_postaux else commune.departement
    return f"{commune.nom} ({postal})"


class CommuneField(QLineEdit):
    """Suggests communes as the agent types; the choice is settled on a pick, Enter or Tab.

    While the agent is still typing, the previous commune stays in effect: a half-typed name
    must not change what other widgets show.
    """

    commune_changed = Signal(object)  # the INSEE code, or None when cleared

    def __init__(self, geo: Geography, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geo = geo
        self._code: str | None = None
        self.prefer: frozenset[str] = frozenset()  # the site's catchment area comes first
        self._suggestions = QStandardItemModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[QModelIndex].connect(self._picked)
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Nom ou code postal"))
        self.textEdited.connect(self._text_edited)
        self.editingFinished.connect(self.settle)

    # --- reading and setting ------------------------------------------------------------------

    def code(self) -> str | None:
        return self._code

    def is_unresolved(self) -> bool:
        """Text that names no known commune (the agent must correct it)."""
        return self._code is None and bool(self.text().strip())

    def set_code(self, code: str | None) -> None:
        """Show a commune without announcing it (loading a saved value)."""
        commune = self._geo.commune(code) if code else None
        self._code = commune.code if commune else None
        self.setText(commune_label(commune) if commune else "")

    # --- behaviour ----------------------------------------------------------------------------

    def _text_edited(self, text: str) -> None:
        self._fill_suggestions(text)
        if not text.strip():
            self._choose(None)

    def _fill_suggestions(self, text: str) -> None:
        self._suggestions.clear()
        for commune in self._geo.search_communes(text, SUGGESTIONS, self.prefer):
            item = QStandardItem(commune_label(commune))
            item.setData(commune.code, CODE_ROLE)
            self._suggestions.appendRow(item)

    def _picked(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if isinstance(code, str):
            self._choose(code)

    def settle(self) -> None:
        """Take the best match for the typed text (Enter, Tab or leaving the field)."""
        text = self.text().strip()
        if not text:
            self._choose(None)
            return
        current = self._geo.commune(self._code) if self._code else None
        if current is not None and text == commune_label(current):
            return
        best = self._geo.search_communes(text, 1, self.prefer)
        if best:
            self._choose(best[0].code)
            return
        self.setToolTip(tooltip(self.tr("Aucune commune ne correspond à ce texte.")))
        if self._code is not None:
            self._code = None
            self.commune_changed.emit(None)

    def _choose(self, code: str | None) -> None:
        changed = code != self._code
        self.setToolTip("")
        if code is not None:
            self.set_code(code)
        self._code = code
        if changed:
            self.commune_changed.emit(code)
