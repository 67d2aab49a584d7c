"""The contact being typed, kept aside so that a crash or a power cut does not lose it.

Only the anonymous fields are kept (in the desk's QSettings): the personal ones exist only
under a consent, in the database, and never in a file in clear.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer

DRAFT_KEY = "accueil/brouillon"
SAVE_EVERY_MS = 1500


class DraftKeeper(QObject):
    def __init__(
        self,
        settings: QSettings,
        state: Callable[[], dict[str, object] | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._state = state
        self._saved: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(SAVE_EVERY_MS)
        self._timer.timeout.connect(self.save)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def save(self) -> None:
        """Write the state if it changed; a None state (nothing typed) removes the draft."""
        state = self._state()
        text = json.dumps(state, sort_keys=True) if state is not None else None
        if text == self._saved:
            return
        if text is None:
            self._settings.remove(DRAFT_KEY)
        else:
            self._settings.setValue(DRAFT_KEY, text)
        self._settings.sync()  # on disk now: the point is to survive a crash
        self._saved = text

    def clear(self) -> None:
        self._settings.remove(DRAFT_KEY)
        self._settings.sync()
        self._saved = None

    def pending(self) -> dict[str, object] | None:
        """The draft left by a previous session, if any."""
        text = self._settings.value(DRAFT_KEY)
        try:
            state = json.loads(text) if isinstance(text, str) else None
        except ValueError:
            return None
        return state if isinstance(state, dict) else None
