"""What every screen of the window shares: the database, the clock, the background runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, QSettings, Signal

from spro_desk.contacts.service import ContactService
from spro_desk.geo import Geography, geography
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.background import Runner
from spro_desk.ui.models import Clock


@dataclass(frozen=True)
class OrientationRequest:
    """A visitor to find a structure for, from the contact being recorded or from scratch."""

    contact_id: str | None = None
    commune: str | None = None
    statut: str | None = None
    age: int | None = None
    handicap: bool = False
    besoins: tuple[str, ...] = ()


class Navigator(QObject):
    """Cross-screen requests; the main window switches tabs and hands the request over."""

    orientation_requested = Signal(object)  # OrientationRequest
    screen_requested = Signal(str)  # a screen name of spro_desk.ui.screens.SCREEN_NAMES
    contacts_changed = Signal()  # a contact or referral was recorded, edited or deleted
    directory_changed = Signal()  # a directory import finished


@dataclass
class DeskContext:
    db: Database
    runner: Runner
    qsettings: QSettings
    clock: Clock = datetime.now
    geo: Geography = field(default_factory=geography)
    navigator: Navigator = field(default_factory=Navigator)

    @property
    def contacts(self) -> ContactService:
        return ContactService(self.db, self.geo)

    @property
    def site(self) -> SiteSettings:
        return SiteSettings(self.db)
