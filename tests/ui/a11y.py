"""What assistive technology gets from Qt: the events it is sent and the names it reads.

Qt hands every accessibility event to one update handler (the platform bridge: AT-SPI on Linux,
UI Automation on Windows). `AccessibilityEvents` installs its own handler through Qt's C++ API
(`QAccessible::installUpdateHandler`, which PySide6 does not wrap) and records each event the
application sends: an announcement reaching it is what a screen reader would speak.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QColor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"


def _qt_gui() -> ctypes.CDLL:
    lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    return ctypes.CDLL(str(lib) if lib.exists() else "libQt6Gui.so.6")


@dataclass
class AccessibilityEvents:
    """Announcements (text, assertive) and other events, in the order Qt sent them."""

    announcements: list[tuple[str, bool]] = field(default_factory=list)
    kinds: list[QAccessible.Event] = field(default_factory=list)

    def _record(self, pointer: int) -> None:
        event = shiboken6.wrapInstance(pointer, QAccessibleEvent)
        kind = event.type()
        if kind == QAccessible.Event.Announcement:
            announcement = shiboken6.wrapInstance(pointer, QAccessibleAnnouncementEvent)
            assertive = announcement.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            self.announcements.append((announcement.message(), assertive))
        # Never event.object(): a wrapper made while a widget is being built would keep the
        # base class's type for the rest of the widget's life.
        self.kinds.append(kind)

    def spoken(self) -> list[str]:
        return [text for text, _assertive in self.announcements]

    def heard(self, fragment: str) -> bool:
        return any(fragment in text for text in self.spoken())

    def clear(self) -> None:
        self.announcements.clear()
        self.kinds.clear()


def listen(events: AccessibilityEvents) -> Iterator[AccessibilityEvents]:
    """Activate Qt's accessibility with `events` as the bridge; restored afterwards."""
    install = _qt_gui()[_INSTALL]
    install.restype = ctypes.c_void_p
    install.argtypes = [_HANDLER]
    callback = _HANDLER(events._record)
    previous = install(callback)
    QAccessible.setActive(True)
    try:
        yield events
    finally:
        QAccessible.setActive(False)
        install.argtypes = [ctypes.c_void_p]
        install(previous)


# --- names ---------------------------------------------------------------------------------


def visible_text(label: QLabel) -> str:
    """What the label shows: rich text as plain text, without its mnemonic marks."""
    text = label.text()
    if label.textFormat() != Qt.TextFormat.PlainText and QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    elif label.buddy() is not None:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip()


def read_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def hidden_labels(root: QWidget) -> list[str]:
    """Visible labels whose text assistive technology does not read (a name replaces it)."""
    hidden = []
    for label in root.findChildren(QLabel):
        text = visible_text(label)
        if not label.isVisibleTo(root) or not text:
            continue
        name = read_name(label).strip()
        if name != text and " ".join(name.split()) != " ".join(text.split()):
            hidden.append(f"{text[:50]!r} read as {name[:50]!r}")
    return hidden


def top_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


# --- contrast ------------------------------------------------------------------------------


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    red, green, blue = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def blended(front: QColor, back: QColor) -> QColor:
    """`front` as drawn over `back` (Qt's default placeholder is the text at half opacity)."""
    alpha = front.alphaF()
    mix = [
        f * alpha + b * (1 - alpha)
        for f, b in zip(front.getRgbF()[:3], back.getRgbF()[:3], strict=True)
    ]
    return QColor.fromRgbF(*mix)


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21, of `first` drawn over `second`."""
    first = blended(first, second)
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
