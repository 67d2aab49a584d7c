"""What every screen of the window shares: the database, the clock, the background runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from spro_desk.clock import now as clock_now
from spro_desk.ui.common.background import Runner

if TYPE_CHECKING:  # the database layer loads after the window is shown (see ui/common/startup.py)
    from spro_desk.contacts.service import ContactService
    from spro_desk.geo import Geography
    from spro_desk.site.settings import SiteSettings, StartupSettings
    from spro_desk.storage.engine import Database

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class OrientationRequest:
    """A visitor to find a structure for, from the contact being recorded or from scratch."""

    contact_id: str | None = None
    commune: str | None = None
    statut: str | None = None
    age: int | None = None
    handicap: bool = False
    besoins: tuple[str, ...] = ()
    # The band recorded at Accueil: never turned into an exact age (vocab.age_band_range).
    tranche_age: str | None = None


class Navigator(QObject):
    """Cross-screen requests; the main window switches tabs and hands the request over."""

    orientation_requested = Signal(object)  # OrientationRequest
    screen_requested = Signal(str)  # a screen name of spro_desk.ui.app.screens.SCREEN_NAMES
    contacts_changed = Signal()  # a contact or referral was recorded, edited or deleted
    directory_changed = Signal()  # a directory import finished
    database_ready = Signal()  # the database opened after the window was shown
    display_changed = Signal()  # Paramètres › Affichage: the contrast mode was changed


def _load_geography() -> Geography:
    from spro_desk.geo import geography

    return geography()


@dataclass
class DeskContext:
    """`db` is None while the window's first paint happens before the database is open.

    Until then `site` answers from the settings read at start and `contacts` is unavailable:
    screens check `ready` (the Accueil form can be filled in meanwhile).
    """

    db: Database | None
    runner: Runner
    qsettings: QSettings
    clock: Clock = clock_now
    navigator: Navigator = field(default_factory=Navigator)
    startup_settings: dict[str, Any] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return self.db is not None

    @cached_property
    def geo(self) -> Geography:  # assignable: tests hand in a prepared geography
        return _load_geography()

    @property
    def database(self) -> Database:
        if self.db is None:
            raise RuntimeError("the database is not open yet")
        return self.db

    @property
    def contacts(self) -> ContactService:
        from spro_desk.contacts.service import ContactService

        return ContactService(self.database, self.geo)

    @property
    def site_settings(self) -> SiteSettings:
        """The settings to change, once the database is open."""
        from spro_desk.site.settings import SiteSettings  # not before the first paint

        return SiteSettings(self.database)

    @property
    def site(self) -> SiteSettings | StartupSettings:
        from spro_desk.site.settings import SiteSettings, StartupSettings

        if self.db is None:
            return StartupSettings(self.startup_settings)
        return SiteSettings(self.db)
