"""The commune of residence: typed as a name or a postal code, stored as its INSEE code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import QWidget

from spro_desk.ui.accueil.completion import CompletingLineEdit, Match

if TYPE_CHECKING:  # the geography module loads with the database, after the first paint
    from spro_desk.geo import Commune, Geography

# The geography, or how to get it: the Accueil form is drawn before the communes are read
# (about 35 ms), which happens after the window's first paint or at the first keystroke here.
GeographySource: TypeAlias = "Geography | Callable[[], Geography]"


def commune_text(commune: Commune) -> str:
    return f"{commune.nom} ({commune.departement})"


class CommuneField(CompletingLineEdit):
    """Leaving the field with a name typed but not picked takes the best match, shown as such."""

    def __init__(self, geo: GeographySource, parent: QWidget | None = None) -> None:
        self._geo_source = geo
        self._code: str | None = None
        self.prefer: frozenset[str] = frozenset()  # the site's catchment area comes first
        super().__init__(self._search_communes, parent)
        self.chosen.connect(lambda code, _shown: self.set_code(code))
        self.textEdited.connect(self._forget)
        self.editingFinished.connect(self.settle)

    @property
    def _geo(self) -> Geography:
        source = self._geo_source
        return source() if callable(source) else source

    def _search_communes(self, text: str) -> list[Match]:
        return [
            (f"{commune_text(c)} — {', '.join(c.codes_postaux[:3])}", c.code)
            for c in self._geo.search_communes(text, limit=12, prefer=self.prefer)
        ]

    def code(self) -> str | None:
        return self._code

    def value(self) -> str | None:
        """The INSEE code, or the text itself when it matches no commune (the domain says so)."""
        return self._code or (self.text().strip() or None)

    def set_code(self, code: str | None) -> None:
        commune = self._geo.commune(code) if code else None
        self._code = commune.code if commune else None
        self.setText(commune_text(commune) if commune else (code or ""))

    def _forget(self, _text: str) -> None:
        self._code = None

    def settle(self) -> None:
        if self._code is None and self.text().strip():
            self.take_first_match()
