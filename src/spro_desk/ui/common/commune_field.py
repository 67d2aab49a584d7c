"""The one field for a commune, typed as a name or a postal code, kept as its INSEE code.

Accueil, the directory's filters, Orientation, Paramètres and the first-run assistant all use
it, with one label for a commune: ``Bourges (18000)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from spro_desk.ui.common.formatting import tooltip

if TYPE_CHECKING:  # the geography module loads with the database, after the first paint
    from spro_desk.geo import Commune, Geography

# The geography, or how to get it: the Accueil form is drawn before the communes are read
# (about 35 ms), which happens after the window's first paint or at the first keystroke here.
GeographySource: TypeAlias = "Geography | Callable[[], Geography]"

# Enough to tell homonyms apart without a popup taller than the screen at 200 %.
SUGGESTIONS = 10
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def commune_label(commune: Commune, typed: str = "") -> str:
    """``Bourges (18000)``, ``Saint-Paul (97460)`` as typed, ``Saint-Paul (974)``: the
    geography's label (the bilans name communes the same way)."""
    from spro_desk.geo.cog import commune_label as label  # loaded with the commune itself

    return label(commune, typed)


class CommuneField(QLineEdit):
    """Suggests communes as the agent types; the choice is settled on a pick, Enter, Tab or
    leaving the field (the best match of the text typed).

    While the agent is still typing, the previous commune stays in effect: a half-typed name
    must not change what other widgets show (`meant_code` says what the text stands for now).
    """

    commune_changed = Signal(object)  # the INSEE code, or None when cleared

    def __init__(self, geo: GeographySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geo_source = geo
        self._code: str | None = None
        self.prefer: frozenset[str] = frozenset()  # the site's catchment area comes first
        self._unsettled = False
        self._to_popup = False
        self._shown = ""  # the label of the commune chosen, as the field shows it
        self._suggestions = QStandardItemModel(self)
        self._completer = QCompleter(self._suggestions, self)
        # The geography already ranks the matches: show them as they come, unfiltered.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # overload pick
        self.setCompleter(self._completer)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Nom ou code postal"))
        self.textEdited.connect(self._text_edited)
        self.editingFinished.connect(self._editing_finished)

    @property
    def _geo(self) -> Geography:
        source = self._geo_source
        return source() if callable(source) else source

    # --- reading and setting ------------------------------------------------------------------

    def code(self) -> str | None:
        return self._code

    def value(self) -> str | None:
        """The INSEE code, or the text itself when it matches no commune (the domain says so)."""
        return self._code or (self.text().strip() or None)

    def meant_code(self) -> str | None:
        """The commune the text stands for now: the one chosen, else the best match typed."""
        text = self.text().strip()
        if not text or (self._code is not None and text == self._shown):
            return self._code if text else None
        best = self._geo.search_communes(text, 1, self.prefer)
        return best[0].code if best else None

    def is_unresolved(self) -> bool:
        """Text that names no known commune (the agent must correct it)."""
        return self._code is None and bool(self.text().strip())

    def set_code(self, code: str | None, label: str | None = None) -> None:
        """Show a commune without announcing it (loading a saved value); an unknown code is
        shown as it was stored. `label`: the commune's label as the text typed made it."""
        commune = self._geo.commune(code) if code else None
        self._code = commune.code if commune else None
        # The postal code typed stays in the field (« Saint-Paul (97460) »), not in the data.
        self._shown = (label or commune_label(commune)) if commune else ""
        self.setText(self._shown or (code or ""))

    def popup_visible(self) -> bool:
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def match_texts(self) -> list[str]:
        """The suggestions shown, in order."""
        return [self._suggestions.item(row).text() for row in range(self._suggestions.rowCount())]

    # --- behaviour ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # While the list of communes is open, Entrée picks one: it must not reach a screen's
        # own Entrée shortcut ("Suggérer"), which would leave the list open to eat the next key.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.popup_visible()
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier  # Ctrl+Entrée saves
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not enter or control or self.popup_visible():  # the list's own Entrée: its pick
            super().keyPressEvent(event)
            return
        before, typed = self._code, self._unsettled
        super().keyPressEvent(event)  # settles the commune (editingFinished)
        if typed or self._code != before:
            # The Entrée that chose the commune (in the list or typed) stops here: it used to
            # press the dialog's default button too (the first-run assistant's « Suivant »,
            # skipping the fields below the commune unseen).
            event.accept()

    def _text_edited(self, text: str) -> None:
        self._unsettled = True
        self._fill_suggestions(text)
        if not text.strip():
            self._choose(None)

    def _fill_suggestions(self, text: str) -> None:
        self._suggestions.clear()
        if not text.strip():
            return
        for commune in self._geo.search_communes(text, SUGGESTIONS, self.prefer):
            item = QStandardItem(commune_label(commune, text))
            item.setData(commune.code, CODE_ROLE)
            self._suggestions.appendRow(item)

    def _picked(self, index: QModelIndex) -> None:
        code, label = index.data(CODE_ROLE), index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(code, str):
            self._choose(code, label if isinstance(label, str) else None)

    def _editing_finished(self) -> None:
        # Showing the suggestions takes the focus from the field, and QLineEdit reports that as
        # the end of editing: settling then would write « Bordeaux (33000) » over « Bo » while
        # the agent is still typing « Bourges ».
        if not self._to_popup:
            self.settle()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._to_popup = event.reason() == Qt.FocusReason.PopupFocusReason
        try:
            super().focusOutEvent(event)
        finally:
            self._to_popup = False
        # Qt reports the end of editing once per change: the one the popup took is not
        # repeated when Tab really leaves the field.
        if self._unsettled and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.settle()

    def settle(self) -> None:
        """Take the best match for the typed text (Enter, Tab or leaving the field)."""
        self._unsettled = False
        text = self.text().strip()
        if not text:
            self._choose(None)
            return
        if self._code is not None and text == self._shown:
            return
        best = self._geo.search_communes(text, 1, self.prefer)
        if best:
            self._choose(best[0].code, commune_label(best[0], text))
            return
        self.setToolTip(tooltip(self.tr("Aucune commune ne correspond à ce texte.")))
        if self._code is not None:
            self._code = None
            self.commune_changed.emit(None)

    def _choose(self, code: str | None, label: str | None = None) -> None:
        changed = code != self._code
        self.setToolTip("")
        if code is not None:
            self.set_code(code, label)
        self._code = code
        if changed:
            self.commune_changed.emit(code)
