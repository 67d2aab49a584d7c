"""The « Paramètres » screen."""

from __future__ import annotations

from spro_desk.ui.screens.base import PlaceholderScreen


class SettingsScreen(PlaceholderScreen):
    name = "parametres"

    def title(self) -> str:
        return self.tr("Paramètres")
