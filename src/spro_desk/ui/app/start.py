"""Starting the desktop application: Qt, language, crash reporting, main window, database.

The window is shown before the database layer is even imported (ui/common/startup.py): it opens as
fast as a bare Qt window would, and the database attaches a moment later.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from spro_desk.paths import database_path, ensure_private_dir, os_reason
from spro_desk.storage.quick_read import StartupSnapshot, read_startup_snapshot
from spro_desk.ui.app.contrast import apply_display, recheck_display
from spro_desk.ui.app.i18n import (
    LANGUAGE_SETTING,
    chosen_language,
    desk_language,
    install_translators,
    remove_translators,
)
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.errors import install_excepthook, show_fatal
from spro_desk.ui.common.startup import (
    ACCUEIL_STEPS,
    DatabaseOpener,
    after_first_paint,
    open_database_or_explain,
)

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database
    from spro_desk.ui.app.single_instance import InstanceGuard

log = logging.getLogger(__name__)

APP_NAME = "SPRO Desk"
ORGANISATION = "SPRO"
LOG_FILE = "spro-desk.log"
LOG_MAX_BYTES = 1_000_000


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION)
    return QApplication(sys.argv)


def _configure_logging(data_dir: Path) -> None:
    """A log file next to the data, unless the caller (CLI, tests) already set logging up.

    Best effort: a folder that cannot be written is reported when the database opens.
    """
    from logging.handlers import RotatingFileHandler  # socket, pickle…: not before the window

    root = logging.getLogger()
    if root.handlers:
        return
    try:
        logs = ensure_private_dir(data_dir / "logs")
        handler = RotatingFileHandler(
            logs / LOG_FILE, maxBytes=LOG_MAX_BYTES, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_database(data_dir: Path) -> Database | None:
    """The desk database, or None after telling the agent in French why it cannot be opened."""
    result = open_database_or_explain(data_dir)
    if isinstance(result, str):
        show_fatal(result)
        return None
    return result


def apply_desk_language(
    app: QCoreApplication, db: Database, translators: list[QTranslator]
) -> list[QTranslator]:
    """Switch to the language chosen in Paramètres, if the desk chose one.

    Returns the translators now installed (keep them alive). Until the database is open only
    the system locale is known, and the messages about an unusable database follow it.
    """
    preferred = desk_language(db)
    if preferred is None:
        return translators
    remove_translators(app, translators)
    return install_translators(app, preferred=preferred)


# Imported in the background once the database is attached: the single-instance server's
# QtNetwork, and the Annuaire screen, built on its first visit.
AFTER_ATTACH_MODULES = (
    "PySide6.QtNetwork",
    "spro_desk.ui.directory.view",
    "spro_desk.ui.accueil.screen",  # built when the desk is unlocked
)

# What the first paint needs from the database (storage.quick_read reads them with sqlite3).
STARTUP_SETTINGS = (LANGUAGE_SETTING, "site.canal_defaut", "site.permanences", "site.fuseau")


def run_app(
    data_dir: Path, *, use_sample_if_empty: bool, smoke_quit_after_ms: int | None = None
) -> int:
    """Run the desktop application until its window closes; returns the exit status.

    `smoke_quit_after_ms`: quit that long after the first window is usable (the installer's
    smoke test and the start benchmark, through the hidden `--smoke-quit-after`).
    """
    if smoke_quit_after_ms is not None:
        from spro_desk.ui.app.smoke import quit_when_usable

        quit_when_usable(smoke_quit_after_ms)
    app = _application()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    from spro_desk.ui.common.collector import UiThreadCollector

    UiThreadCollector(app)  # parented: as long as the application
    from spro_desk.ui.app.single_instance import InstanceGuard

    try:
        guard = InstanceGuard(data_dir)  # makes the folder: its lock is the first file there
    except OSError as error:
        return _tell_folder_unusable(app, data_dir, error)
    if not guard.acquire():
        return _tell_folder_taken(app, data_dir, guard)
    try:
        database = database_path(data_dir)
        if database.exists() and not os.access(database, os.W_OK):
            return _tell_database_read_only(app, database)
        return _run_app(app, data_dir, use_sample_if_empty, guard)
    finally:
        guard.release()


def _tell_folder_taken(app: QApplication, data_dir: Path, guard: InstanceGuard) -> int:
    """A second start on a folder in use: the running window came forward, or, when it could
    not, a window of this start says so and what to do (a double-click sees no terminal)."""
    from spro_desk.ui.app.single_instance import Taken

    if guard.taken is Taken.RAISED:
        print(
            "SPRO Desk est déjà ouvert sur ce dossier de données : sa fenêtre passe au premier "
            "plan.",
            file=sys.stderr,
        )
        return 0
    snapshot = read_startup_snapshot(database_path(data_dir), (LANGUAGE_SETTING,))
    translators = install_translators(
        app, preferred=chosen_language(snapshot.settings.get(LANGUAGE_SETTING))
    )
    try:
        title, text = _folder_taken_message(data_dir, unwritable=guard.taken is Taken.UNWRITABLE)
        print(text, file=sys.stderr)
        from PySide6.QtWidgets import QMessageBox

        from spro_desk.ui.common.errors import message_box

        message_box(None, QMessageBox.Icon.Warning, title, text).exec()
    finally:
        remove_translators(app, translators)
    return 1 if guard.taken is Taken.UNWRITABLE else 0


def _tell_folder_unusable(app: QApplication, data_dir: Path, error: OSError) -> int:
    """The data folder cannot be made (a file in its place, a USB key or a network drive not
    there, no right to write): said in a window, as the icon's start has no terminal."""
    translators = install_translators(app)
    try:
        text = QCoreApplication.translate(
            "App",
            "Le dossier de données ({folder}) ne peut pas être créé ni ouvert ({error}).\n\n"
            "Vérifiez que le disque où il se trouve est branché et que votre compte a le "
            "droit d'y écrire, ou choisissez un autre dossier (--data-dir ou "
            "SPRO_DESK_DATA_DIR), puis relancez SPRO Desk.",
        ).format(folder=data_dir, error=os_reason(error, _os_words))
        print(text, file=sys.stderr)
        show_fatal(text)
    finally:
        remove_translators(app, translators)
    return 1


def _tell_database_read_only(app: QApplication, database: Path) -> int:
    """A database file the account may not write (copied from a read-only medium, given the
    read-only attribute, another account's): said before an agent types a walk-in that could
    not be saved."""
    translators = install_translators(app)
    try:
        text = QCoreApplication.translate(
            "App",
            "Le fichier de la base de données ({file}) est en lecture seule : SPRO Desk ne "
            "pourrait rien y enregistrer.\n\nRendez à votre compte le droit d'écrire dans ce "
            "fichier (ses propriétés, ou la personne qui gère l'ordinateur), puis relancez "
            "SPRO Desk.",
        ).format(file=database)
        print(text, file=sys.stderr)
        show_fatal(text)
    finally:
        remove_translators(app, translators)
    return 1


def _os_words(text: str) -> str:
    return QCoreApplication.translate("OsErrors", text)


def _folder_taken_message(data_dir: Path, *, unwritable: bool) -> tuple[str, str]:
    folder = str(Path(data_dir).expanduser().resolve())
    if unwritable:
        return QCoreApplication.translate("App", "SPRO Desk ne peut pas démarrer"), (
            QCoreApplication.translate(
                "App",
                "SPRO Desk ne peut pas écrire dans son dossier de données ({folder}) : il ne "
                "peut pas y noter qu'il est ouvert.\n\nVérifiez que ce dossier n'est pas en "
                "lecture seule et que votre compte a le droit d'y écrire, puis relancez "
                "SPRO Desk.",
            ).format(folder=folder)
        )
    return QCoreApplication.translate("App", "SPRO Desk est déjà ouvert"), (
        QCoreApplication.translate(
            "App",
            "SPRO Desk est déjà ouvert sur ce dossier de données ({folder}), mais sa fenêtre "
            "n'a pas pu passer au premier plan : elle termine peut-être son démarrage.\n\n"
            "Attendez quelques secondes, puis cherchez la fenêtre de SPRO Desk dans la barre "
            "des tâches. Une seule fenêtre à la fois peut utiliser ce dossier : si elle "
            "n'apparaît pas ou ne répond plus, fermez votre session (ou redémarrez "
            "l'ordinateur), puis relancez SPRO Desk.",
        ).format(folder=folder)
    )


def _run_app(
    app: QApplication, data_dir: Path, use_sample_if_empty: bool, guard: InstanceGuard
) -> int:
    snapshot = read_startup_snapshot(database_path(data_dir), STARTUP_SETTINGS)
    preferred = chosen_language(snapshot.settings.get(LANGUAGE_SETTING))
    translators = install_translators(app, preferred=preferred)
    # Before the first widget: installed later, it would re-polish the whole window (~25 ms).
    styles: list[str] = []  # the style to restore once the focus style is in (`_after_paint`)
    # The system's contrast preference and the style's palette as at the last start: asking
    # for them builds enums (`Qt`, `QStyle`: ~40 ms) that the lock screen's first paint does
    # without; `_after_paint` asks again.
    previous_palette, previous_sheet = apply_display(app, QSettings(), remembered=True)
    previous_hook = install_excepthook()
    sign_in: tuple[str, str] | None = None  # the assistant's first agent, signed in at once
    try:
        if not use_sample_if_empty:  # a new data folder opens the first-run assistant (issue 7)
            from spro_desk.ui.first_run import first_run_snapshot, folder_looks_new

            if folder_looks_new(data_dir):  # the assistant's window: all set before it shows
                _after_paint(app, styles)
                # A second start meanwhile brings the assistant forward, as it would the desk.
                guard.listen()
                guard.raise_requested.connect(_bring_assistant_forward)
            after_setup = first_run_snapshot(data_dir, snapshot, STARTUP_SETTINGS)
            if after_setup is None:  # the agent left the assistant: nothing was set up
                return 0
            snapshot, sign_in = after_setup
        from spro_desk.site.basics import apply_site_zone

        apply_site_zone(snapshot.settings.get)  # the first paint shows the site's time
        from spro_desk.ui.common.mode import is_coordinator

        if is_coordinator(data_dir):  # a coordinator's folder (`coordinator init`): its window
            from spro_desk.ui.coordination.window import run_coordinator_window

            _after_paint(app, styles)
            guard.listen()
            return run_coordinator_window(app, data_dir)
        return _run_window(
            app, data_dir, snapshot, use_sample_if_empty, guard, styles, sign_in=sign_in
        )
    finally:
        sys.excepthook = previous_hook
        remove_translators(app, translators)
        if styles:
            app.setStyle(styles[0])
        app.setStyleSheet(previous_sheet)
        app.setPalette(previous_palette)


def _bring_assistant_forward() -> None:
    from spro_desk.ui.app.single_instance import bring_forward

    assistant = QApplication.activeModalWidget()
    if assistant is not None:
        bring_forward(assistant)


def _run_window(
    app: QApplication,
    data_dir: Path,
    snapshot: StartupSnapshot,
    use_sample_if_empty: bool,
    guard: InstanceGuard,
    styles: list[str],
    *,
    sign_in: tuple[str, str] | None = None,
) -> int:
    """`sign_in`: the agent the first-run assistant has just created, with the code she
    chose there: checked as the lock screen would, without asking her for it again."""
    from spro_desk.ui.app.single_instance import bring_forward

    window = MainWindow(
        None,
        settings=QSettings(),
        startup_settings=snapshot.settings,
        has_directory=snapshot.has_directory,
        startup_agents=snapshot.agents,
        startup_database=database_path(data_dir),
    )
    guard.raise_requested.connect(lambda: bring_forward(window))
    running = [True]

    def attach(db: Database) -> None:
        if running[0]:  # not when the window closed while the database was opening
            window.attach_database(db)
            from spro_desk.ui.app.resilience import start_resilience  # the storage layer is loaded

            start_resilience(window, window.context)  # integrity check, then daily backups
            window.privacy.start_app_duties()  # first account if none, purge now and daily
            window.offer_first_start(use_sample_if_empty)

    screens_locked = screens_locked_query(window)
    # Loaded in the background once the database is attached: on a locked desk, the Accueil
    # screen's reads first (the screen the unlock builds), then QtNetwork and the screens.
    after_attach = (ACCUEIL_STEPS if screens_locked else ()) + AFTER_ATTACH_MODULES

    def listen(_db: Database) -> None:
        # QtNetwork loads on the opener's thread once the database is attached (a start in the
        # meantime still finds the folder locked and says so, it only cannot raise this
        # window); the UI thread then only opens the server. Queued: a first-account dialog
        # opened on attaching must not hold it back, and the attached window paints first.
        QTimer.singleShot(0, lambda: opener.import_then(after_attach, guard.listen))

    def refuse(message: str) -> None:
        window.hide()
        show_fatal(message)
        app.exit(1)

    # Not the window's child: it outlives a closed window. The log file is set up on its
    # thread too: the UI thread only draws and answers the agent.
    opener = DatabaseOpener(
        data_dir,
        first=lambda: _configure_logging(data_dir),
        screens_locked=screens_locked,
    )
    opener.opened.connect(listen)  # first: its timer is posted even if attaching blocks
    opener.opened.connect(attach)
    opener.failed.connect(refuse)
    window.show()

    def after_paint() -> None:
        if running[0]:  # not once the loop has ended (a test's next loop would run it)
            _after_paint(app, styles)

    first_agent = [sign_in]  # handed to the lock guard once, on the first turn

    def started() -> None:
        opener.start()
        if first_agent[0] is not None:
            window.privacy.unlock(*first_agent[0])
            first_agent[0] = None
        # A turn later: the first paint's "usable" check (bench/ui_start_probe.py) and a key
        # already typed are answered first.
        QTimer.singleShot(0, window, after_paint)

    after_first_paint(window, started)
    try:
        status = app.exec()
    finally:
        running[0] = False
        # quit() can end the loop without a close event: stop background work regardless.
        window.shutdown()
        opener.wait()
        _release(window, opener)
    return status


def screens_locked_query(window: MainWindow) -> Callable[[], bool] | None:
    """For the database opener (`DatabaseOpener(screens_locked=…)`): None when the window
    opened on its screens, else whether they are still behind the lock screen, safe to ask
    from the opener's thread (an agent may unlock with a code checked early meanwhile)."""
    if not window.privacy.is_locked:
        return None
    unlocked = threading.Event()  # set on the UI thread, read on the opener's
    window.privacy.locked_changed.connect(lambda locked: None if locked else unlocked.set())
    return lambda: not unlocked.is_set()


def _after_paint(app: QApplication, styles: list[str]) -> None:
    """What the lock screen's first paint does without, set one turn after it.

    The focus style: Qt calls its Python overrides with every style option, and PySide6 then
    builds the enums of `QStyle` and of its ~25 option classes at once (~30 ms); Fusion's own
    mark frames the focused code field meanwhile. The marks that follow the keyboard and the
    system's contrast preference need the `Qt` namespace's ~90 enums, also built at once
    (~30 ms). The palette is applied again if that preference or the style's palette changed
    since the last start.
    """
    from spro_desk.ui.app.focus_style import install_focus_style

    if not styles:
        styles.append(install_focus_style(app))
    recheck_display(app, QSettings())


def _release(window: MainWindow, opener: DatabaseOpener) -> None:
    """Close the database and free the window: closures and helpers refer to it, and a
    process that runs the app again (tests, a restore) must not find the old one around."""
    for signal in (opener.opened, opener.failed):
        with contextlib.suppress(RuntimeError, TypeError):  # the window may be gone already
            signal.disconnect()
    if shiboken6.isValid(window):
        window.hide()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if opener.database is not None:
        opener.database.close()
