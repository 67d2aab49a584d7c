"""The « Tableau de bord » screen."""

from __future__ import annotations

from spro_desk.ui.screens.base import PlaceholderScreen


class DashboardScreen(PlaceholderScreen):
    name = "tableau-de-bord"

    def title(self) -> str:
        return self.tr("Tableau de bord")
