"""The coordination's window: one tab per screen of spro_desk.ui.coordination.SCREEN_ORDER."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from spro_desk.agents.coordination_accounts import has_coordinator_accounts
from spro_desk.agents.coordination_roles import (
    CoordinationPermission,
    can,
    coordination_session,
    denied_message,
)
from spro_desk.clock import now as clock_now
from spro_desk.geo import Geography
from spro_desk.storage.engine import Database
from spro_desk.ui.common.background import Runner, TaskRunner
from spro_desk.ui.common.errors import show_fatal
from spro_desk.ui.common.geometry import fit_on_screen
from spro_desk.ui.common.service_results import Clock
from spro_desk.ui.common.startup import open_database_or_explain
from spro_desk.ui.coordination import (
    ENVOIS,
    POSTES,
    SCREEN_ORDER,
    CoordinatorScreen,
    screen_class,
)
from spro_desk.ui.coordination.collection import AutoCollection
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.exports import CoordinatorExports
from spro_desk.ui.coordination.idle_lock import IdleLock

log = logging.getLogger(__name__)

GEOMETRY_KEY = "coordinator_window/geometry"
DEFAULT_SIZE = (1280, 800)
MESSAGE_TIMEOUT_MS = 20_000


class CoordinatorWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        data_dir: Path,
        *,
        settings: QSettings,
        runner: Runner | None = None,
        clock: Clock = clock_now,
        geo: Geography | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._runner = runner or TaskRunner(self)
        self._closed = False
        self.context = CoordinatorContext(db, data_dir, self._runner, settings, clock=clock)
        if geo is not None:
            self.context.geo = geo
        # Each screen is light until shown (it reads the database in activate()): all are
        # built now, so the menus can list their actions.
        self.screens: dict[str, CoordinatorScreen] = {
            name: screen_class(name)(self.context) for name in SCREEN_ORDER
        }
        self.exports = CoordinatorExports(self.context, self)
        self.collection = AutoCollection(self.context, self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Écrans de la coordination"))
        self.tabs.tabBar().setAccessibleName(self.tr("Écrans de la coordination"))
        self.tabs.setDocumentMode(True)
        for screen in self.screens.values():
            self.tabs.addTab(screen, screen.title())
        self.stack = QStackedWidget()  # the tabs, or the lock panel (idle_lock)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.idle_lock = IdleLock(self, db, self.stack)
        self.statusBar().setAccessibleName(self.tr("Barre d'état"))
        self._show_who()
        self._build_menus()
        self._apply_role()
        self._connect()
        self._restore_geometry()
        self.show_screen(SCREEN_ORDER[0])
        self.idle_lock.start()

    # --- construction -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        for action in self.exports.menu_actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quitter"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        for screen in self.screens.values():
            if screen.menu_actions():
                menu = self.menuBar().addMenu(screen.menu_title())
                for action in screen.menu_actions():
                    menu.addAction(action)
        collect_menu = self.menuBar().addMenu(self.tr("Co&llecte"))
        collect_menu.addAction(self.collection.action)
        go_menu = self.menuBar().addMenu(self.tr("&Aller à"))
        self.screen_actions: dict[str, QAction] = {}
        for number, (name, screen) in enumerate(self.screens.items(), start=1):
            action = QAction(screen.title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(self.tr("Afficher l'écran %s") % screen.title())
            action.triggered.connect(lambda _checked=False, n=name: self.show_screen(n))
            go_menu.addAction(action)
            self.screen_actions[name] = action

    def _connect(self) -> None:
        navigator = self.context.navigator
        navigator.screen_requested.connect(self.show_screen)
        navigator.message.connect(self.show_message)
        navigator.data_changed.connect(self.idle_lock.rearm)
        self.tabs.currentChanged.connect(self._screen_changed)

    def _show_who(self) -> None:
        """Who is signed in, always in sight (a shared computer, a screen-reader user)."""
        account = coordination_session(self.context.db).account
        if account is None:
            return
        self.who = QLabel(
            self.tr("Connecté·e : {name} ({role})").format(
                name=account.nom, role=account.role_label
            )
        )
        self.who.setAccessibleName(self.tr("Compte connecté"))
        self.statusBar().addPermanentWidget(self.who)

    def _apply_role(self) -> None:
        """Grey out what the signed-in role may not do, saying which role may; the domain
        refuses it regardless (revoking and handling alerts are refused when tried)."""
        account = coordination_session(self.context.db).account
        if account is None:
            return
        desks, bundles = self.screens[POSTES], self.screens[ENVOIS]
        rules: list[tuple[QAction | None, CoordinationPermission]] = [
            (getattr(desks, "register_action", None), CoordinationPermission.MANAGE_DESKS),
            (getattr(bundles, "import_files_action", None), CoordinationPermission.IMPORT),
            (getattr(bundles, "import_folder_action", None), CoordinationPermission.IMPORT),
            (self.exports.acknowledge_action, CoordinationPermission.IMPORT),
            (self.collection.action, CoordinationPermission.IMPORT),
        ]
        for action, permission in rules:
            if action is not None and not can(account.role, permission):
                action.setEnabled(False)
                action.setToolTip(denied_message(permission, account.role))

    # --- screens ------------------------------------------------------------------------------

    def current_screen_name(self) -> str:
        return SCREEN_ORDER[self.tabs.currentIndex()]

    def show_screen(self, name: str) -> None:
        index = SCREEN_ORDER.index(name)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)  # currentChanged activates it
        else:
            self._screen_changed(index)

    def _screen_changed(self, index: int) -> None:
        screen = self.screens[SCREEN_ORDER[index]]
        self.setWindowTitle(self.tr("SPRO Desk — Coordination — %s") % screen.title())
        screen.activate()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_TIMEOUT_MS)

    # --- lifetime -----------------------------------------------------------------------------

    @property
    def is_working(self) -> bool:
        return self._runner.is_busy()

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            fit_on_screen(self, DEFAULT_SIZE)

    def shutdown(self) -> None:
        """Stop background work before the database closes; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        self.idle_lock.stop()
        self.collection.stop()
        for screen in self.screens.values():
            screen.shutdown()
        self._runner.shutdown()
        self.statusBar().clearMessage()  # also stops the status bar's own timeout timer

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def open_coordinator_database(data_dir: Path) -> Database | None:
    """The coordination's database, or None after saying in French why it cannot be opened."""
    from spro_desk.storage.dialects import DatabaseUrlError, database_url_from

    try:  # a regional team's server, named by SPRO_DESK_DATABASE_URL; else the folder's file
        url = database_url_from(None)
    except DatabaseUrlError as error:
        show_fatal(str(error))
        return None
    result = open_database_or_explain(data_dir, url)  # the desk's checks and messages too
    if isinstance(result, str):
        show_fatal(result)
        return None
    return result


def signed_in(db: Database, parent: QWidget | None = None) -> bool:
    """Whether the window may open: nobody to sign in yet (no account), or someone did."""
    if not has_coordinator_accounts(db):
        return True
    from spro_desk.ui.coordination.sign_in import SignInDialog

    return SignInDialog(db, parent).exec() == QDialog.DialogCode.Accepted


def run_coordinator_window(app: QApplication, data_dir: Path) -> int:
    """Show the coordination's window until it closes; returns the exit status."""
    db = open_coordinator_database(data_dir)
    if db is None:
        return 1
    from spro_desk.site.settings import SiteSettings, apply_site_zone

    apply_site_zone(SiteSettings(db).get)  # the region's days are the coordinator site's days
    try:
        if not signed_in(db):
            return 0
        window = CoordinatorWindow(db, data_dir, settings=QSettings())
        window.show()
        status = app.exec()
        # quit() can end the loop without a close event: stop background work regardless.
        window.shutdown()
        return status
    finally:
        db.close()
