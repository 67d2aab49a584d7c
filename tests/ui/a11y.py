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
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

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


INPUT_FIELDS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


def _is_part_of_another_field(widget: QWidget) -> bool:
    """The line edit inside an editable combo or a spin box is that field, not a second one."""
    parent = widget.parentWidget()
    return isinstance(parent, QComboBox | QAbstractSpinBox)


def input_fields(root: QWidget) -> list[QWidget]:
    """Visible, enabled input fields a Tab press reaches (check boxes carry their own text)."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if isinstance(widget, INPUT_FIELDS)
        and widget.isVisibleTo(root)
        and widget.isEnabled()
        and not (isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly())
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not _is_part_of_another_field(widget)
    ]


def label_of(widget: QWidget) -> str | None:
    """The text of the label tied to `widget` as assistive technology sees the relation."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return None
    for related, relation in interface.relations(QAccessible.RelationFlag.Label):
        if relation & QAccessible.RelationFlag.Label and related.text(QAccessible.Text.Name):
            return related.text(QAccessible.Text.Name)
    return None


def _untied_label_beside(widget: QWidget, root: QWidget) -> bool:
    """A visible label just left of or just above `widget` that is tied to nothing."""
    box = widget.rect().translated(widget.mapTo(root, widget.rect().topLeft()))
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or label.buddy() is not None or not visible_text(label):
            continue
        near = label.rect().translated(label.mapTo(root, label.rect().topLeft()))
        same_row = near.top() < box.bottom() and box.top() < near.bottom()
        left = same_row and 0 <= box.left() - near.right() <= NEAR
        same_column = near.left() < box.right() and box.left() < near.right()
        above = same_column and 0 <= box.top() - near.bottom() <= NEAR
        if left or above:
            return True
    return False


NEAR = 24  # px between a label and the field it names, as layouts space them


def unlabelled_fields(root: QWidget) -> list[str]:
    """Fields with no label relation, or whose name does not say their label's text."""
    found = []
    for widget in input_fields(root):
        label = label_of(widget)
        # Qt on Linux names a combo box by its current text (the label comes through the
        # relation); elsewhere its accessible name is what is read.
        name = (widget.accessibleName() or read_name(widget)).strip()
        if label is None and _untied_label_beside(widget, root):
            found.append(f"{type(widget).__name__} {name or widget.objectName()!r}: no label")
            continue
        if label is None:  # no visible label: its name stands alone (checked elsewhere)
            continue
        shown = label.strip().rstrip(":").strip()
        if shown.casefold() not in name.casefold():  # WCAG 2.5.3, label in name
            found.append(f"{type(widget).__name__} {name!r}: label reads {shown!r}")
    return found


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
