"""Keeping Python's cycle collector off the objects that live as long as the window, and off
the worker threads."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

_frozen = False


def freeze_long_lived() -> None:
    """Put every object alive now out of the collector's reach, once per process.

    Once the database is attached, the heap holds some 120,000 objects that last as long as the
    window (the geography, the modules, Qt's wrappers). Each full collection walked them all,
    40-80 ms landing on whichever keystroke happened to allocate last: a dozen of them while an
    agent types a few words in the Annuaire. Frozen, they are not walked again; what is made
    afterwards is collected as usual.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


class UiThreadCollector(QObject):
    """Python's cycle collector run by the UI thread only, never by a worker.

    Left automatic, a collection runs in whichever thread happens to allocate: a worker's
    database query then destroys the dialogs and widgets that became cyclic garbage on the UI
    thread, Qt objects deleted off their thread while the UI thread uses Qt (a segmentation
    fault seen under load). Automatic collection is turned off and a timer on the UI thread
    collects what is due, by the collector's own thresholds.
    """

    INTERVAL_MS = 200

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    @Slot()
    def collect_due(self) -> int:
        """A collection of the oldest generation due, as the automatic collector would run."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        if counts[0] <= thresholds[0]:
            return 0
        return gc.collect(max(g for g in range(3) if counts[g] > thresholds[g]))

    def stop(self) -> None:
        """Automatic collection back as it was found (tests: the next one starts clean)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
