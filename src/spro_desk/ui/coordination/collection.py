"""The window's switch for the automatic collection (spro_desk.sync.watch): while it is on, a
pass runs at once and then at the interval saved with `coordinator watch --save`, in a
thread of its own; the screens catch up after each pass that imported something."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from spro_desk.agents.coordination_accounts import Permission, require_coordination
from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.sync.watch import Collector, PassReport, WatchError, saved_settings, watch
from spro_desk.ui.coordination.context import CoordinatorContext

log = logging.getLogger(__name__)


class AutoCollection(QObject):
    passed = Signal(object)  # a PassReport, on the UI thread
    failed = Signal(str)  # why the collection stopped, French

    def __init__(self, context: CoordinatorContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.action = QAction(self.tr("Collecte &automatique"), self)
        self.action.setCheckable(True)
        self.action.setToolTip(
            self.tr(
                "Relever les envois du serveur WebDAV et du dossier réglés, les importer et "
                "renvoyer les accusés de réception, à intervalle régulier."
            )
        )
        self.action.toggled.connect(self._toggled)
        self.passed.connect(self._passed)
        self.failed.connect(self._failed)
        self._collector: Collector | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        if self.running:
            return
        try:
            require_coordination(self.context.db, Permission.IMPORT)
            settings = saved_settings(self.context.db, self.context.data_dir)
            if settings is None:
                raise WatchError(
                    "La collecte n'est pas encore réglée : enregistrez le serveur WebDAV ou le "
                    "dossier à surveiller avec « spro-desk coordinator watch --save … »."
                )
            self._collector = Collector(self.context.db, self.context.data_dir, settings)
        except (CoordinationDenied, WatchError) as refusal:
            self._refuse(str(refusal))
            return
        collector = self._collector
        self._thread = threading.Thread(
            target=self._run, args=(collector,), name="collecte", daemon=True
        )
        self._thread.start()
        self.context.navigator.message.emit(
            self.tr("Collecte automatique en marche : %s.") % settings.describe()
        )

    def _run(self, collector: Collector) -> None:
        try:
            watch(collector, on_pass=self.passed.emit)
        except Exception as error:  # the thread must tell, not die silently
            log.error("The automatic collection stopped", exc_info=error)
            self.failed.emit(str(error) or type(error).__name__)

    def stop(self, wait: float = 30.0) -> None:
        """Ends after the file in hand; safe to call when it is not running."""
        if self._collector is not None:
            self._collector.stop()
        if self._thread is not None:
            self._thread.join(wait)
        self._collector = self._thread = None
        if self.action.isChecked():
            self.action.setChecked(False)

    def _refuse(self, text: str) -> None:
        self.action.blockSignals(True)
        self.action.setChecked(False)
        self.action.blockSignals(False)
        self.context.navigator.message.emit(text)

    def _passed(self, report: PassReport) -> None:
        if report.imported or report.refused:
            self.context.navigator.data_changed.emit()
        if report.errors:
            text = self.tr("Collecte : %s") % report.errors[0]
        else:
            text = self.tr("Collecte : %d envoi(s) importé(s), %d refusé(s), %d renvoi(s).") % (
                len(report.imported),
                len(report.refused),
                len(report.pushed),
            )
        self.context.navigator.message.emit(text)

    def _failed(self, text: str) -> None:
        self._collector = self._thread = None
        self._refuse(self.tr("Collecte automatique arrêtée : %s") % text)
