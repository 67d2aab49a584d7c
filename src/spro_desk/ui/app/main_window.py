"""The main window: one tab per screen; the directory tab shows the first-start panel while
the directory is empty.

The window can be shown before the database is open (`db=None`, see ui/common/startup.py): the
Accueil form is usable at once, and what needs the database attaches in `attach_database`.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from spro_desk.clock import now as clock_now
from spro_desk.ui.app.lazy_screens import LazyScreens
from spro_desk.ui.app.screens import ANNUAIRE, SCREEN_ORDER, Screen, screen_title
from spro_desk.ui.common.announce import announce
from spro_desk.ui.common.background import Runner, TaskRunner
from spro_desk.ui.common.confirm import AskUnsaved, ask_unsaved
from spro_desk.ui.common.context import Clock, DeskContext, OrientationRequest
from spro_desk.ui.common.errors import show_warning
from spro_desk.ui.common.focus import first_useful_control, focus_is_useful
from spro_desk.ui.common.folders import last_folder, remember_folder
from spro_desk.ui.common.formatting import directory_summary
from spro_desk.ui.common.geometry import fit_on_screen
from spro_desk.ui.common.named_values import set_by_name
from spro_desk.ui.common.startup import after_first_paint
from spro_desk.ui.common.status import ProgressIndicator
from spro_desk.ui.lock.guard import PrivacyGuard
from spro_desk.ui.synchronisation.rounds import SyncRounds

if TYPE_CHECKING:  # loaded with the database, after the first paint
    # Dialog classes: PySide6 sets each one up (its enums) on first use, not for the paint.
    from PySide6.QtWidgets import QDialog

    from spro_desk.directory.importer import ImportReport
    from spro_desk.geo import Geography
    from spro_desk.privacy.purge import PurgeReport
    from spro_desk.storage.engine import Database
    from spro_desk.ui.common.import_flow import DirectoryImportController
    from spro_desk.ui.directory.empty_state import EmptyStatePanel
    from spro_desk.ui.directory.view import DirectoryView

GEOMETRY_KEY = "main_window/geometry"
SPLITTER_KEY = "main_window/splitter"
DEFAULT_SIZE = (1280, 800)
MESSAGE_TIMEOUT_MS = 15_000


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database | None,
        *,
        settings: QSettings,
        runner: Runner | None = None,
        clock: Clock = clock_now,
        geo: Geography | None = None,
        startup_settings: dict[str, Any] | None = None,
        has_directory: bool = True,
        startup_agents: Sequence[tuple[str, str]] = (),
        startup_database: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`startup_agents`: the desk's accounts (id, name) read before the database opened
        (storage.quick_read); the window then opens on the lock screen, and checks a code
        typed there with sqlite3 in `startup_database` (the file) while the layer loads."""
        super().__init__(parent)
        self._db: Database | None = None
        self._settings = settings
        self._runner = runner or TaskRunner(self)
        self._closed = False
        self.ask_unsaved: AskUnsaved = ask_unsaved
        self.context = DeskContext(
            None, self._runner, settings, clock=clock, startup_settings=startup_settings or {}
        )
        if geo is not None:
            self.context.geo = geo
        self.importer: DirectoryImportController | None = None
        # Built the first time « Annuaire » is shown or asked for (see `directory_view`).
        self._directory_view: DirectoryView | None = None
        self._directory_has_services = False
        # The first-start panel, built only for a desk whose directory is empty.
        self._empty_state: EmptyStatePanel | None = None
        self._busy_label: str | None = None
        self.opening = QLabel(self.tr("Ouverture de la base de données…"))
        set_by_name(self.opening, "alignment", "AlignCenter")  # no `Qt` before the paint
        self._stack = QStackedWidget()
        # Named: the tab widget gives it the focus for a moment when the Annuaire is first
        # shown (the search screen is built then); a screen reader must never hear a nameless
        # pane (RGAA 7.1).
        self._stack.setAccessibleName(self._screen_title(ANNUAIRE))
        self._stack.addWidget(self.opening)
        self.screens = LazyScreens(
            self.context, tuple(n for n in SCREEN_ORDER if n != ANNUAIRE), self._screen_built
        )
        self._tabs: QTabWidget | None = None
        # The screen the tabs open on once built (kept here while they are not).
        self._wanted_screen = SCREEN_ORDER[0]
        locked_at_start = db is None and bool(startup_agents)
        if locked_at_start:
            # The lock screen is all the first paint shows: the tabs are built at the unlock
            # (or when something asks for them), not before the paint (~12 ms of CPU).
            self.setCentralWidget(QWidget())
        else:
            self.setCentralWidget(self.tabs)
        self.progress = ProgressIndicator()
        self.summary_label = QLabel()
        self.privacy = PrivacyGuard(self, self._runner)  # locking, idle time, purges
        self.privacy.set_screens(self.screens.built)
        self.privacy.set_screens_widget(self._screens_widget)
        self.sync_rounds = SyncRounds(self.context, self)  # rounds start with the database
        if db is None:  # the real start: QIcon's set-up and its 7 PNGs (~4 ms) wait for the paint
            window = weakref.ref(self)  # a window closed before its paint is not kept alive
            # One turn after it: the code field answers a key typed meanwhile first.
            after_first_paint(self, lambda: QTimer.singleShot(0, lambda: _give_icon(window())))
        else:
            _give_icon(self)
        self._build_status_bar()
        self._build_actions()
        self._connect()
        self._restore_geometry()
        if db is not None:
            self.attach_database(db)
            self.show_screen(ANNUAIRE if self.directory_is_empty else SCREEN_ORDER[0])
        else:
            self.import_action.setEnabled(False)
            self.summary_label.setText(self.opening.text())
            # Locked first: what the first paint shows is the lock screen alone; the screen
            # behind it is built once the agent has unlocked (`_lock_changed`).
            self.privacy.lock_at_start(startup_agents, startup_database)
            self.show_screen(SCREEN_ORDER[0] if has_directory else ANNUAIRE)

    @property
    def tabs(self) -> QTabWidget:
        """The screens' tabs, built the first time they are needed."""
        if self._tabs is None:
            self._tabs = self._build_tabs()
        return self._tabs

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Écrans de SPRO Desk"))
        # The tab bar, not the tab widget, takes the focus: it is what a screen reader announces.
        tabs.tabBar().setAccessibleName(self.tr("Écrans de SPRO Desk"))
        tabs.setDocumentMode(True)
        for name in SCREEN_ORDER:
            page = self._stack if name == ANNUAIRE else self.screens.page(name)
            tabs.addTab(page, self._screen_title(name))
        tabs.setCurrentIndex(SCREEN_ORDER.index(self._wanted_screen))
        tabs.currentChanged.connect(self._screen_changed)
        return tabs

    def _screens_widget(self) -> QWidget:
        """What the lock gives back to the window: the tabs (built now if they were not)."""
        return self.tabs

    def attach_database(self, db: Database) -> None:
        """Everything that reads or writes the desk's data, once the database is open."""
        from spro_desk.ui.common.collector import freeze_long_lived
        from spro_desk.ui.common.import_flow import DirectoryImportController

        self._db = db
        self.context.db = db
        from spro_desk.site.settings import apply_site_zone
        from spro_desk.ui.common.emoji_font import install_emoji_font

        apply_site_zone(self.context.site_settings.get)
        install_emoji_font()  # before the directory's text is shown; after the first paint
        self.importer = DirectoryImportController(db, self._runner, self)
        self._connect_importer(self.importer)
        self.import_action.setEnabled(True)
        for screen in self.screens.built():
            self._screen_built(screen)
        self.refresh_directory()
        self.sync_rounds.start()
        self.privacy.start(db)  # locked at once when the desk has accounts
        self.context.navigator.database_ready.emit()
        # A screen asked for while the database was opening is built now; one already built
        # (Accueil) refreshes through database_ready, without moving the agent's focus.
        self._build_current_screen()
        freeze_long_lived()

    def _build_current_screen(self) -> None:
        current = self.current_screen_name()
        if current != ANNUAIRE and current not in {s.name for s in self.screens.built()}:
            self._screen_changed(SCREEN_ORDER.index(current))

    def _lock_changed(self, locked: bool) -> None:
        if not locked:  # unlocked: the screen kept out of sight until now is built
            self._build_current_screen()

    @property
    def database_ready(self) -> bool:
        return self._db is not None

    @property
    def database_action_possible(self) -> bool:
        """The desk's first database action can run now, without waiting for the database
        layer: it is attached, or the lock screen (a desk in service's first screen, whose
        first action is an agent's code) checks codes with sqlite3 while it loads."""
        return self._db is not None or self.privacy.checks_codes_early

    @property
    def directory_view(self) -> DirectoryView | None:
        """The directory's search screen, built on first use: the window attaches its
        database without paying for a screen (and a first search) the agent has not opened."""
        if self._db is not None:
            self._ensure_directory_view(self._db)
        return self._directory_view

    def _ensure_directory_view(self, db: Database) -> DirectoryView:
        if self._directory_view is not None:
            return self._directory_view
        from spro_desk.ui.directory.view import DirectoryView

        view = DirectoryView(db, clock=self.context.clock, geo=self.context.geo)
        self._directory_view = view
        self._stack.addWidget(view)
        splitter = self._settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            view.splitter.restoreState(splitter)
        if self._directory_has_services:
            self._stack.setCurrentWidget(view)
            view.start()
        return view

    # --- construction -------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        set_by_name(self.summary_label, "textFormat", "PlainText")
        bar = self.statusBar()
        bar.setAccessibleName(self.tr("Barre d'état"))
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.sync_rounds.indicator)
        bar.addPermanentWidget(self.summary_label)

    def _action(self, text: str, shortcut: str, description: str) -> QAction:
        action = QAction(text, self)
        set_by_name(action, "shortcut", shortcut)
        action.setStatusTip(description)
        action.setToolTip(description)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            self.tr("&Importer un annuaire…"),
            "Ctrl+I",
            self.tr("Importer un export data·inclusion (dossier ou archive .zip)"),
        )
        self.quit_action = self._action(self.tr("&Quitter"), "Ctrl+Q", self.tr("Fermer SPRO Desk"))
        self.find_action = self._action(
            self.tr("&Rechercher dans l'annuaire"),
            "Ctrl+F",
            self.tr("Placer le curseur dans la zone de recherche"),
        )
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.privacy.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Édition"))
        edit_menu.addAction(self.find_action)
        go_menu = self.menuBar().addMenu(self.tr("&Aller à"))
        self.screen_actions: dict[str, QAction] = {}
        for number, name in enumerate(SCREEN_ORDER, start=1):
            title = self._screen_title(name)
            action = self._action(title, f"Ctrl+{number}", self.tr("Afficher l'écran %s") % title)
            action.triggered.connect(lambda _checked=False, n=name: self.show_screen(n))
            go_menu.addAction(action)
            self.screen_actions[name] = action
        # « À propos » (version, data sources, licences): F1, or the menu bar from the keyboard
        # (F10 or Alt, then the arrows). « Aide » has no mnemonic: every letter of it is taken
        # by a field of some screen, and a shared mnemonic would make both ambiguous.
        self.about_action = self._action(
            self.tr("À &propos de SPRO Desk…"),
            "F1",
            self.tr("Version, sources des données et licences des composants"),
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.menuBar().addMenu(self.tr("Aide")).addAction(self.about_action)

    def show_about(self) -> QDialog:
        from spro_desk.ui.about.dialog import AboutDialog

        data_dir = self._db.path.parent if self._db is not None else None
        from PySide6.QtCore import Qt

        dialog = AboutDialog(data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, not blocking: background work keeps reporting
        return dialog

    def _connect(self) -> None:
        self.import_action.triggered.connect(self.choose_directory_to_import)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self._focus_search)
        self.progress.cancel_requested.connect(self._cancel_import)
        navigator = self.context.navigator
        navigator.screen_requested.connect(self.show_screen)
        navigator.orientation_requested.connect(self._orient)
        self.sync_rounds.directory_installed.connect(self.refresh_directory)
        navigator.display_changed.connect(self._apply_display)
        self.privacy.locked_changed.connect(self._lock_changed)
        self.privacy.purge_done.connect(self._purged)

    def _purged(self, report: PurgeReport) -> None:
        """People erased by the purge leave every screen at once (Suivi's call card, Accueil's
        panel), not when the agent next moves."""
        if report.erased:
            self.context.navigator.contacts_changed.emit()

    def _apply_display(self) -> None:
        from spro_desk.ui.app.contrast import apply_display

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_display(app, self._settings)

    def _connect_importer(self, importer: DirectoryImportController) -> None:
        if self._empty_state is not None:
            self._empty_state.load_sample_requested.connect(importer.import_sample)
        importer.started.connect(self._import_started)
        importer.progressed.connect(self.progress.step)
        importer.succeeded.connect(self._import_succeeded)
        importer.failed.connect(self._import_failed)
        importer.confirmation_needed.connect(self._confirm_shrinking_import)
        importer.cancelled.connect(self._import_cancelled)
        importer.finished.connect(self._import_finished)

    # --- directory state ----------------------------------------------------------------------

    @property
    def directory_is_empty(self) -> bool:
        current = self._stack.currentWidget()
        return self._empty_state is not None and current is self._empty_state

    @property
    def empty_state(self) -> EmptyStatePanel:
        """The first-start panel (load the sample, import), built the first time it is needed."""
        if self._empty_state is None:
            from spro_desk.ui.directory.empty_state import EmptyStatePanel

            panel = EmptyStatePanel()
            self._empty_state = panel
            self._stack.addWidget(panel)
            panel.import_requested.connect(self.choose_directory_to_import)
            if self.importer is not None:
                panel.load_sample_requested.connect(self.importer.import_sample)
            panel.set_busy(self._busy_label)
        return self._empty_state

    def refresh_directory(self) -> None:
        """The directory screen when there is something to search, else the first-start panel."""
        from spro_desk.directory.catalog import directory_info

        if self._db is None:
            return
        info = directory_info(self._db)
        self.summary_label.setText(directory_summary(info))
        self._directory_has_services = bool(info.services)
        view = self._directory_view
        if not info.services:
            self._stack.setCurrentWidget(self.empty_state)
        elif view is not None:
            self._stack.setCurrentWidget(view)
            view.start()
        elif self.current_screen_name() == ANNUAIRE:
            self._ensure_directory_view(self._db)
        else:  # built when « Annuaire » is first shown
            self._stack.setCurrentWidget(self.opening)

    def offer_first_start(self, use_sample_if_empty: bool) -> None:
        """On an empty directory, load the sample at once if asked: never a blank screen."""
        if use_sample_if_empty and self.directory_is_empty and self.importer is not None:
            from spro_desk.site.sample import name_sample_site
            from spro_desk.site.settings import SiteSettings

            if self._db is not None:  # the assistant's site step, answered for a try-out
                name_sample_site(SiteSettings(self._db))
            self.importer.import_sample()

    @property
    def is_working(self) -> bool:
        """Whether background work is still under way (tests check nothing outlives a window)."""
        return self._runner.is_busy()

    def _focus_search(self) -> None:
        self.show_screen(ANNUAIRE)
        view = self.directory_view
        if not self.directory_is_empty and view is not None:
            view.focus_search()

    # --- screens ------------------------------------------------------------------------------

    def _screen_title(self, name: str) -> str:
        if name == ANNUAIRE:
            return self.tr("Annuaire")
        return screen_title(name)

    def current_screen_name(self) -> str:
        if self._tabs is None:
            return self._wanted_screen
        return SCREEN_ORDER[self._tabs.currentIndex()]

    def show_screen(self, name: str) -> None:
        if self._tabs is None:  # behind the lock: the tabs open there once built
            self._wanted_screen = name
        else:
            self._tabs.setCurrentIndex(SCREEN_ORDER.index(name))
        self._screen_changed(SCREEN_ORDER.index(name))

    def _screen_changed(self, index: int) -> None:
        name = SCREEN_ORDER[index]
        self.setWindowTitle(self.tr("SPRO Desk — %s") % self._screen_title(name))
        if self.privacy.is_locked:  # nothing is built, nor takes the focus, behind the lock
            return
        # Only Accueil works before the database is open; the others are built when it is.
        if name != ANNUAIRE and (self._db is not None or name == SCREEN_ORDER[0]):
            self.screens[name].activate()
        elif name == ANNUAIRE and self._directory_has_services and self._db is not None:
            view = self._ensure_directory_view(self._db)  # built on the first visit
            # Its commune filter offers the site's area first, as Accueil and Orientation do
            # (read at each visit: Paramètres may have changed it).
            from spro_desk.site.catchment import catchment_communes

            view.filter_bar.commune.prefer = catchment_communes(
                self.context.site.get, self.context.geo
            )
        self._land_on_screen(name)

    def _land_on_screen(self, name: str) -> None:
        """The screen's first useful control takes the focus, and its name is announced.

        The tab bar keeps the focus when the agent is moving along it (Ctrl+Tab, arrows).
        """
        from PySide6.QtCore import Qt  # not before the first paint: ui/common/named_values

        page = self.tabs.currentWidget()
        focused = QApplication.focusWidget()
        if focused is self.tabs.tabBar() or not self.isVisible():
            return
        if not focus_is_useful(page, focused):
            target = first_useful_control(page)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.tabs, self.tr("Écran %s") % self._screen_title(name))

    def _screen_built(self, screen: Screen) -> None:
        bind = getattr(screen, "bind_importer", None)
        if bind is not None and self.importer is not None:  # Paramètres imports with progress
            bind(self.importer, self.import_action)
        bind_rounds = getattr(screen, "bind_sync_rounds", None)
        if bind_rounds is not None:  # Synchronisation: « Envoyer maintenant » and the outcome
            bind_rounds(self.sync_rounds)
        bind_privacy = getattr(screen, "bind_privacy", None)
        if bind_privacy is not None and self._db is not None:  # purge, lock, agents' panels
            bind_privacy(self.privacy)

    def _orient(self, request: OrientationRequest) -> None:
        self.show_screen("orientation")
        load = getattr(self.screens["orientation"], "load_request", None)
        if load is not None:
            load(request)

    # --- importing ----------------------------------------------------------------------------

    def choose_directory_to_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        selected, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer un annuaire"),
            str(last_folder(self.context.qsettings, "import-annuaire")),
            self.tr("Export data·inclusion (*.zip *.json *.csv *.xlsx);;Tous les fichiers (*)"),
        )
        if selected and self.importer is not None:
            remember_folder(self.context.qsettings, "import-annuaire", selected)
            self.importer.import_path(Path(selected))

    def _import_started(self, label: str) -> None:
        self.import_action.setEnabled(False)
        self._busy_label = label
        if self._empty_state is not None:
            self._empty_state.set_busy(label)
        self.progress.begin(label)

    def _cancel_import(self) -> None:
        self.progress.cancelling()
        if self.importer is not None:
            self.importer.cancel()

    def _import_succeeded(self, report: ImportReport) -> None:
        from spro_desk.ui.common.import_flow import report_message

        self.refresh_directory()
        self.context.navigator.directory_changed.emit()
        self.statusBar().showMessage(report_message(report), MESSAGE_TIMEOUT_MS)

    def _import_failed(self, message: str) -> None:
        show_warning(self, self.tr("Import impossible"), message)

    def _confirm_shrinking_import(self, message: str, path: Path) -> None:
        """The agent has seen the difference: replacing is their call, keeping is the default."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Remplacer l'annuaire ?"),
            message + "\n\n" + self.tr("Remplacer quand même l'annuaire actuel ?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.importer is not None:
            self.importer.import_path(path, force=True)

    def _import_cancelled(self) -> None:
        message = self.tr("Import annulé : l'annuaire actuel est conservé.")
        self.statusBar().showMessage(message, MESSAGE_TIMEOUT_MS)

    def _import_finished(self) -> None:
        self.progress.end()
        self._busy_label = None
        if self._empty_state is not None:
            self._empty_state.set_busy(None)
        self.import_action.setEnabled(True)

    # --- lifetime -----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            fit_on_screen(self, DEFAULT_SIZE)

    def _save_geometry(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        if self._directory_view is not None:  # never built: the saved state stays as it was
            self._settings.setValue(SPLITTER_KEY, self._directory_view.splitter.saveState())
        self._settings.sync()

    def _unsaved_edits_settled(self) -> bool:
        """Paramètres edited but not saved (a catchment area typed, then the window closed):
        asked, saved or dropped as answered; False keeps the window open."""
        if self.privacy.is_locked:  # nobody signed in to answer for the edits
            return True
        screen = next((s for s in self.screens.built() if s.has_unsaved_edits()), None)
        if screen is None:
            return True
        answer = self.ask_unsaved(self, self.tr(
            "Les modifications de « {screen} » ne sont pas enregistrées. Les enregistrer avant "
            "de fermer ?").format(screen=screen.title()))  # fmt: skip
        if answer == "discard":
            return True
        if answer == "save" and screen.save_edits():
            return True
        self.show_screen(screen.name)  # cancelled, or a field refused: shown where it is
        return False

    def shutdown(self) -> None:
        """Stop timers and background work before the database closes; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._save_geometry()
        if self.importer is not None:
            self.importer.cancel()
        self.sync_rounds.shutdown()  # cuts a request in flight: closing never waits a timeout
        self.privacy.shutdown()
        self._runner.shutdown()
        if self._directory_view is not None:
            self._directory_view.shutdown()
        for screen in self.screens.built():
            screen.shutdown()
        self.progress.end()
        self.statusBar().clearMessage()  # also stops the status bar's own timeout timer

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and not self._unsaved_edits_settled():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)


def _give_icon(window: QWidget | None) -> None:
    from spro_desk.ui.common.icon import app_icon

    if window is not None and shiboken6.isValid(window):
        window.setWindowIcon(app_icon())
