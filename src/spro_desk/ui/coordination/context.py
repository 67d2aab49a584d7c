"""What the coordination's screens share: database, data folder (keys), clock, runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from spro_desk.clock import now as clock_now
from spro_desk.geo import Geography, geography
from spro_desk.storage.engine import Database
from spro_desk.ui.common.background import Runner
from spro_desk.ui.common.service_results import Clock


class CoordinatorNavigator(QObject):
    """Cross-screen news; the window switches tabs and shows messages."""

    screen_requested = Signal(str)  # a name of spro_desk.ui.coordination.SCREEN_ORDER
    data_changed = Signal()  # a desk registered or revoked, bundles imported
    message = Signal(str)  # one French line for the status bar


@dataclass
class CoordinatorContext:
    db: Database
    data_dir: Path  # holds the coordinator's private keys: decrypting, signing
    runner: Runner
    qsettings: QSettings
    clock: Clock = clock_now
    geo: Geography = field(default_factory=geography)
    navigator: CoordinatorNavigator = field(default_factory=CoordinatorNavigator)

    def commune_name(self, code: str) -> str:
        commune = self.geo.commune(code)
        return commune.nom if commune is not None else code
