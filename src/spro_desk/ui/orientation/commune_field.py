"""A commune typed by name, postal code or INSEE code, completed as the agent types."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from spro_desk.geo import Commune, Geography

COMPLETIONS = 10


def commune_label(commune: Commune) -> str:
    postal = commune.codes_postaux[0] if commune.codes_postaux else ""
    place = f"{commune.nom} ({postal})" if postal else commune.nom
    return f"{place} · {commune.code}"


class CommuneField(QLineEdit):
    """Holds the INSEE code of the commune the text stands for, or None."""

    commune_changed = Signal()

    def __init__(self, geo: Geography, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geo = geo
        self._code: str | None = None
        self.prefer: frozenset[str] = frozenset()  # the site's catchment area comes first
        self._by_label: dict[str, str] = {}
        self._list = QStringListModel(self)
        self._completer = QCompleter(self._list, self)
        # The geography already ranks the matches: show them as they come, unfiltered.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self._completer)
        self._completer.activated[str].connect(self._chosen)
        self.textEdited.connect(self._typed)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Nom, code postal ou code INSEE"))

    def event(self, event: QEvent) -> bool:
        # While the list of communes is open, Entrée picks one: it must not reach the screen's
        # own Entrée shortcut ("Suggérer"), which would leave the list open to eat the next key.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self._completer.popup().isVisible()
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Leaving the field settles what was typed ("18100") on the commune it stands for.
        super().focusOutEvent(event)
        if self._code is None and not self._completer.popup().isVisible():
            best = self.code()
            if best is not None:
                self.set_code(best)

    def code(self) -> str | None:
        """The commune meant: the one picked, else the best match of what was typed."""
        if self._code is None:
            text = self.text().strip()
            if text in self._by_label:
                return self._by_label[text]
            found = self._geo.search_communes(text, 1, self.prefer) if text else []
            return found[0].code if found else None
        return self._code

    def set_code(self, code: str | None) -> None:
        commune = self._geo.commune(code) if code else None
        self._code = commune.code if commune else None
        self.setText(commune_label(commune) if commune else "")
        self.commune_changed.emit()

    def _typed(self, text: str) -> None:
        self._code = None
        typed = text.strip()
        matches = self._geo.search_communes(typed, COMPLETIONS, self.prefer) if typed else []
        self._by_label = {commune_label(c): c.code for c in matches}
        self._list.setStringList(list(self._by_label))
        self.commune_changed.emit()

    def _chosen(self, label: str) -> None:
        self._code = self._by_label.get(label)
        self.commune_changed.emit()
