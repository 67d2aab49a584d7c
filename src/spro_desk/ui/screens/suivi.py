"""The « Suivi » screen."""

from __future__ import annotations

from spro_desk.ui.screens.base import PlaceholderScreen


class SuiviScreen(PlaceholderScreen):
    name = "suivi"

    def title(self) -> str:
        return self.tr("Suivi")
