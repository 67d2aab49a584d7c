"""The « Accueil » screen."""

from __future__ import annotations

from spro_desk.ui.screens.base import PlaceholderScreen


class AccueilScreen(PlaceholderScreen):
    name = "accueil"

    def title(self) -> str:
        return self.tr("Accueil")
