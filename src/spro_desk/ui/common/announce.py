"""Status messages that a screen reader speaks: one path for every status, error, count and
confirmation (RGAA 7.5).

A label's text changing is not spoken by Orca or NVDA unless the label has the focus; Qt's
announcement event (Qt 6.8+) asks the screen reader to speak a text at once. Errors interrupt
(assertive), the rest waits for the current speech (polite). Every message is also left on
screen in a label whose text is what assistive technology reads: no accessible name over it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from spro_desk.ui.common.named_values import set_by_name


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Ask assistive technology to speak `text` now, on behalf of `source`."""
    if not text.strip():
        return
    # Imported here: PySide6 sets QAccessible up (8 enum classes, ~4 ms) on its first use, and
    # the first paint (a label, the lock screen) announces nothing.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if not QAccessible.isActive():
        return  # no screen reader listening: building the event would cost for nothing
    event = QAccessibleAnnouncementEvent(source, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


class StatusLabel(QLabel):
    """A message line: shows the text and announces it; an error is tied to its field.

    The field tied to an error carries it as its accessible description until the next
    message, so a screen reader repeats it when the agent comes back to the field.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> None:
        super().__init__(text, parent)
        set_by_name(self, "textFormat", "PlainText")  # the text may come from outside
        self.setWordWrap(wrap)
        self._described: QWidget | None = None
        self._description = ""

    def set_message(
        self, text: str, *, error: bool = False, field: QWidget | None = None, focus: bool = False
    ) -> None:
        """Show and announce `text`; with `field`, the error describes it (and takes the focus
        with `focus`)."""
        self._untie()
        # The same text again is a refresh (a hint re-checked at each keystroke), not news:
        # said once. An error that takes the focus (a wrong code again) is said each time.
        repeated = text == self.text() and not focus
        self.setText(text)
        if field is not None and text:
            self._described, self._description = field, field.accessibleDescription()
            field.setAccessibleDescription(text)
            if focus:
                field.setFocus()  # Qt::OtherFocusReason
        if not repeated:
            announce(self, text, assertive=error)

    def clear(self) -> None:
        """Empty the line; the field an error described gets its own description back."""
        self._untie()
        super().clear()

    def _untie(self) -> None:
        if self._described is not None and shiboken6.isValid(self._described):
            self._described.setAccessibleDescription(self._description)
            self._described = None
