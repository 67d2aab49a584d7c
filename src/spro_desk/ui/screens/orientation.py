"""The « Orientation » screen."""

from __future__ import annotations

from spro_desk.ui.screens.base import PlaceholderScreen


class OrientationScreen(PlaceholderScreen):
    name = "orientation"

    def title(self) -> str:
        return self.tr("Orientation")
