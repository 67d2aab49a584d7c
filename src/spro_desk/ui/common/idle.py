"""Idle time: what counts as the user being there (the desk's lock and the coordination's)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

USER_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Restarts a single-shot timer on every key, click, scroll or mouse move in the app."""

    def __init__(self, timer: QTimer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
