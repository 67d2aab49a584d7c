"""Render resources/icons/spro-desk.svg to the PNG sizes and the Windows .ico that ship.

Run once after changing the SVG (the outputs are committed: the build never needs QtSvg)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_ENTRY_SIZE = 16


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(images: dict[int, QImage], path: Path) -> None:
    """A .ico holding PNG-compressed images (Windows Vista and later read them)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs: list[bytes] = []
    for size in sorted(images):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        images[size].save(buffer, "PNG")
        blobs.append(bytes(data))
    header = struct.pack("<HHH", 0, 1, len(blobs))  # reserved, type 1 = icon, image count
    offset = len(header) + ICO_ENTRY_SIZE * len(blobs)
    entries = b""
    for size, blob in zip(sorted(images), blobs, strict=True):
        side = size if size < 256 else 0  # 0 means 256 in the ICO directory
        # width, height, palette, reserved, colour planes, bits per pixel, size, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "spro-desk.svg"))
    if not renderer.isValid():
        print("spro-desk.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(str(ICONS / f"spro-desk-{size}.png"), "PNG")
    write_ico(images, ICONS / "spro-desk.ico")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
