"""The application's icon (its own module: the window sets it without loading « À propos »)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from spro_desk.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The signpost icon at every size it ships in (PNG: no SVG plugin in the build)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"spro-desk-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
