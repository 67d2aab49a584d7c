"""A password field whose typed characters never reach the accessibility bus.

Qt's QLineEdit in password mode masks what it paints, but its line control still builds each
accessibility event (text inserted, text updated) and its text interface from the real text:
with accessibility on, every digit of a PIN goes to any program listening on the desktop's
accessibility bus (AT-SPI on Linux, UI Automation on Windows). Here Qt only ever holds one
mask character per typed character; the secret lives in this Python object, handed to the
application through `text()`. A screen reader still hears how many characters were typed,
never which.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from spro_desk.ui.common.named_values import set_by_name

MASK = "\u2022"
_NEVER = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)


class SecretLineEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = ""
        self._rule: QValidator | None = None
        self.setEchoMode(QLineEdit.EchoMode.Password)
        # Copy, drag and the context menu would hand the masked text out, or paste around us.
        set_by_name(self, "contextMenuPolicy", "NoContextMenu")
        self.setDragEnabled(False)
        self.setAcceptDrops(False)

    # --- what the application reads and writes ----------------------------------------------

    def text(self) -> str:
        return self._secret

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._show(text or "", len(text or ""))

    def clear(self) -> None:
        self._show("", 0)

    def setValidator(self, validator: QValidator | None) -> None:
        """Checked against the real text here: Qt only ever sees mask characters."""
        self._rule = validator

    def validator(self) -> QValidator | None:  # type: ignore[override]
        return self._rule

    # --- typing -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not before the first paint (ui/common/named_values)

        if event.matches(QKeySequence.StandardKey.Paste):
            self._insert(QGuiApplication.clipboard().text())
        elif any(event.matches(key) for key in _NEVER):
            event.accept()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._erase(backwards=event.key() == Qt.Key.Key_Backspace)
        elif event.text() and event.text().isprintable():
            self._insert(event.text())
        else:
            super().keyPressEvent(event)  # moves, Enter, Tab, Escape: nothing typed

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString():
            self._insert(event.commitString())
        event.accept()

    def _span(self) -> tuple[int, int]:
        if self.hasSelectedText():
            start = self.selectionStart()
            return start, start + len(self.selectedText())
        return self.cursorPosition(), self.cursorPosition()

    def _insert(self, typed: str) -> None:
        typed = "".join(ch for ch in typed if ch.isprintable())
        start, end = self._span()
        candidate = self._secret[:start] + typed + self._secret[end:]
        if self.maxLength() and len(candidate) > self.maxLength():
            return
        if self._rule is not None:
            state = self._rule.validate(candidate, len(candidate))
            state = state[0] if isinstance(state, tuple) else state
            if state == QValidator.State.Invalid:
                return
        self._show(candidate, start + len(typed))
        self.textEdited.emit(MASK * len(candidate))

    def _erase(self, *, backwards: bool) -> None:
        start, end = self._span()
        if start == end:
            start, end = (max(0, start - 1), start) if backwards else (start, start + 1)
        self._show(self._secret[:start] + self._secret[end:], start)
        self.textEdited.emit(MASK * len(self._secret))

    def _show(self, secret: str, cursor: int) -> None:
        self._secret = secret
        super().setText(MASK * len(secret))
        self.setCursorPosition(min(cursor, len(secret)))
