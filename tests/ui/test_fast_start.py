"""The window paints before the database layer is imported, and the database attaches after.

Cold start is measured in bench/bench_ui.py; these tests keep its design from eroding: a
module imported on the way to the first paint that pulls in SQLAlchemy (or the data·inclusion
schema) would silently put half a second back on every start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.storage.quick_read import read_startup_snapshot
from spro_desk.ui.app.main_window import MainWindow

from .conftest import WindowFactory

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "data_inclusion", "pydantic", "cryptography")
# Screens a desk with a directory does not show at its first paint: built on their first visit.
NOT_SHOWN = ("spro_desk.ui.directory.view", "spro_desk.ui.directory.empty_state")
# OpenSSL's library (hashlib): the single-instance guard names its server with it only once the
# database is attached, or when the folder is taken.
NOT_NEEDED = ("_hashlib", "PySide6.QtNetwork")
# Widget classes the first paint does not use. PySide6 sets a class up (its enums) on first
# use; a plain QWidget made by Qt (a scroll area's viewport) reaching Python makes it set up
# every QWidget subclass at once (~16 ms in a fresh process, bench/start_costs.py).
UNUSED_CLASSES = ("QWizard", "QMdiArea", "QGraphicsView", "QCalendarWidget")

FIRST_PAINT = """
import json, sys
UNUSED = UNUSED_CLASSES
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from spro_desk.cli.parser import build_parser
build_parser().parse_args([])
import spro_desk.ui.app.start
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.app.single_instance import InstanceGuard
app = QApplication([])
guard = InstanceGuard(sys.argv[2])
assert guard.acquire()
agents = json.loads(sys.argv[3])
window = MainWindow(None, settings=QSettings(sys.argv[1], QSettings.Format.IniFormat),
                    startup_settings={"site.canal_defaut": "telephone"}, has_directory=True,
                    startup_agents=[tuple(agent) for agent in agents])
window.show()
app.processEvents()
widgets = vars(sys.modules["PySide6.QtWidgets"])
print(json.dumps({"screen": window.current_screen_name(),
                  "shown": type(window.centralWidget()).__name__,
                  "loaded": sorted(m for m in sys.modules if m.split(".")[0] in sys.argv[4:]
                                   or m in sys.argv[4:]),
                  "set_up": sorted(name for name in UNUSED if name in widgets)}))
guard.release()
""".replace("UNUSED_CLASSES", repr(UNUSED_CLASSES))


def _first_paint(tmp_path: Path, agents: list[list[str]], names: tuple[str, ...]) -> dict:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    folder = tmp_path / "data"
    arguments = [str(tmp_path / "s.ini"), str(folder), json.dumps(agents), *names]
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, *arguments],
        env=environment, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_paint_imports_no_database_layer(tmp_path: Path) -> None:
    seen = _first_paint(tmp_path, [], (*HEAVY, *NOT_SHOWN, *NOT_NEEDED))
    assert seen["screen"] == "accueil" and seen["shown"] == "QTabWidget"
    assert seen["loaded"] == [], "imported before the first paint"
    assert seen["set_up"] == [], "widget classes set up for nothing before the first paint"


# Behind the lock screen of a desk with accounts: built once an agent has unlocked.
BEHIND_THE_LOCK = ("spro_desk.ui.accueil", "spro_desk.ui.common.commune_field")


def test_a_locked_first_paint_builds_nothing_behind_the_lock(tmp_path: Path) -> None:
    """A desk with accounts paints its lock screen alone: neither the database layer nor the
    Accueil screen (its form, its completer) is loaded for it."""
    names = (*HEAVY, *NOT_SHOWN, *NOT_NEEDED, *BEHIND_THE_LOCK)
    seen = _first_paint(tmp_path, [["a1", "Claire"], ["a2", "Samir"]], names)
    assert seen["shown"] == "LockScreen"
    assert seen["loaded"] == [], "imported before the first paint"
    assert seen["set_up"] == []


def test_the_startup_read_needs_only_sqlite(db: Database) -> None:
    SiteSettings(db).set("langue", "en")
    SiteSettings(db).set("site.permanences", ["Mairie de Vierzon"])
    snapshot = read_startup_snapshot(db.path, ("langue", "site.permanences", "site.nom"))
    assert snapshot.settings == {"langue": "en", "site.permanences": ["Mairie de Vierzon"]}
    assert snapshot.has_directory is False
    assert snapshot.agents == ()  # no account yet: the window opens on Accueil
    assert read_startup_snapshot(db.path.parent / "absent.sqlite", ("langue",)).settings == {}


def test_the_form_works_before_the_database_and_keeps_its_input(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = MainWindow(
        None, settings=settings, startup_settings={"site.canal_defaut": "telephone"}
    )
    qtbot.addWidget(window)
    window.show()
    accueil = window.screens["accueil"]
    assert not window.database_ready and window.current_screen_name() == "accueil"
    assert accueil.form.canal.code() == "telephone"  # from the startup read
    qtbot.keyClicks(accueil.form.statut, "e")  # the agent starts typing at once
    chosen = accueil.form.statut.code()
    assert chosen is not None
    window.show_screen("suivi")  # other screens wait for the database
    assert "suivi" not in {s.name for s in window.screens.built()}
    window.show_screen("accueil")
    accueil.form.statut.setFocus(Qt.FocusReason.OtherFocusReason)
    assert window.focusWidget() is accueil.form.statut

    db = Database(database_path(tmp_path / "data"))
    try:
        window.attach_database(db)
        assert window.database_ready and window.directory_view is not None
        assert accueil.form.statut.code() == chosen  # the typed value survived
        assert window.focusWidget() is accueil.form.statut  # the focus did not jump
        accueil.record()
        assert len(ContactService(db).list()) == 1
        assert accueil.feedback.text().startswith("Contact enregistré")
        window.show_screen("suivi")
        assert "suivi" in {s.name for s in window.screens.built()}
    finally:
        window.close()
        db.close()


def test_a_save_pressed_before_the_database_layer_is_ready_is_recorded_once_it_is(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """Ctrl+Entrée while the database layer loads: a busy cursor and « Ouverture de la
    base… », then the contact is recorded once the database attaches — once, however many
    times the agent pressed, with what the form held by then."""
    window = MainWindow(None, settings=settings, startup_settings={})
    qtbot.addWidget(window)
    window.show()
    accueil = window.screens["accueil"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    accueil.form.statut.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(accueil.form.statut, Qt.Key.Key_E)
    chosen = accueil.form.statut.code()
    assert chosen is not None
    for _press in range(2):
        qtbot.keyClick(accueil.form.statut, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert accueil.feedback.text().startswith("Ouverture de la base")
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
    assert accueil.form.statut.code() == chosen  # kept, not recorded yet

    db = Database(database_path(tmp_path / "data"))
    try:
        window.attach_database(db)
        recorded = ContactService(db).list()
        assert [c.statut for c in recorded] == [chosen]  # recorded, once
        assert QApplication.overrideCursor() is None
        assert accueil.feedback.text().startswith("Contact enregistré")
        assert accueil.today.model.rowCount() == 1
        assert accueil.form.statut.code() is None  # a blank form for the next person
    finally:
        window.close()
        db.close()


def test_a_save_waiting_for_the_database_survives_closing_the_window(
    qtbot: QtBot, settings: QSettings
) -> None:
    window = MainWindow(None, settings=settings, startup_settings={})
    qtbot.addWidget(window)
    window.show()
    accueil = window.screens["accueil"]
    qtbot.keyClicks(accueil.form.statut, "e")
    accueil.record()
    assert QApplication.overrideCursor() is not None
    window.close()
    assert QApplication.overrideCursor() is None  # no busy cursor left behind
    assert accueil.draft.pending() is not None  # what was typed is in the draft


FEATURE_SCAN = """
import json, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtCore
if sys.argv[2] == "app":
    import spro_desk.ui  # turns the scan off before its own modules are imported
import uses_qt  # a module that names PySide6, imported after PySide6
feature = sys.modules["PySide6.support.feature"]
print(json.dumps(feature.pyside_feature_dict.get("uses_qt")))
"""


def test_pysides_feature_scan_is_off_once_the_interface_is_imported(tmp_path: Path) -> None:
    """PySide reads the source of each module imported after it (bench/start_costs.py: 8–11 ms
    of the start); the interface package turns that off. Without it, a module naming PySide6
    is marked 0 ("scanned, may select features"); with it, -1 (ignored, as when frozen)."""
    (tmp_path / "uses_qt.py").write_text("import PySide6.QtCore\n")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    marks = {}
    for case in ("plain", "app"):
        done = subprocess.run(
            [sys.executable, "-c", FEATURE_SCAN, str(tmp_path), case],
            env=environment, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        marks[case] = json.loads(done.stdout.strip().splitlines()[-1])
    assert marks == {"plain": 0, "app": -1}


def test_the_annuaire_is_built_on_its_first_visit(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Attaching the database builds no screen the agent has not opened, nor runs its first
    search; Ctrl+2 builds the Annuaire with its results, its name and the focus in its box."""
    from spro_desk.ui.directory.empty_state import EmptyStatePanel
    from spro_desk.ui.directory.view import DirectoryView

    window = make_window(cvl_db)
    assert window.current_screen_name() == "accueil"
    assert window.findChild(DirectoryView) is None
    assert window.findChild(EmptyStatePanel) is None  # the directory is not empty
    assert " services" in window.summary_label.text()  # the status bar knows it already
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.findChild(DirectoryView)
    assert view is not None and view.isVisible()
    assert window.current_screen_name() == "annuaire"
    assert view.model.rowCount() > 0
    assert view.search_box.hasFocus()
    assert view.search_box.accessibleName() == "Rechercher dans l'annuaire"
    window.show_screen("accueil")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.findChildren(DirectoryView) == [view]  # built once
    qtbot.waitUntil(view.search_box.hasFocus)


DESK_OPENING = """
import json, sys
from pathlib import Path
from spro_desk.ui.common.startup import ACCUEIL_STEPS, WARM_MODULES, _prepare, run_steps
run_steps(WARM_MODULES + ACCUEIL_STEPS)
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
db = Database(Path(sys.argv[1]))
_prepare(db)
ContactService(db).list()
from sqlmodel import SQLModel
tables = SQLModel.metadata.tables
defined = [name for name in ("registered_desk", "coordinator_account", "merged_contact",
                             "structure", "service") if name in tables]
print(json.dumps(sorted(m for m in sys.argv[2:] if m in sys.modules) + defined))
db.close()
"""


def test_a_desk_opens_its_database_without_the_coordinations_tables_nor_alembic(
    db: Database,
) -> None:
    """What the opener's thread loads for a desk whose schema is current: the coordination's
    table classes (storage.coordination_tables) and Alembic stay out of it, and the
    directory's search, which loads after the attachment with the Annuaire."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    unwanted = (
        "spro_desk.storage.coordination_tables",
        "alembic",
        "data_inclusion",
        "spro_desk.directory.search",
    )
    done = subprocess.run(
        [sys.executable, "-c", DESK_OPENING, str(db.path), *unwanted],
        env=environment, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


OPENER = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from spro_desk.ui.common.startup import ACCUEIL_STEPS, DatabaseOpener

def loaded():
    cog = sys.modules.get("spro_desk.geo.cog")
    return {
        "contacts": "spro_desk.contacts.service" in sys.modules,
        "geography": bool(cog is not None and cog._SHARED),
    }

app = QApplication([])
seen = {}
screens_locked = {"locked": lambda: True, "unlocked": lambda: False}.get(sys.argv[2])
opener = DatabaseOpener(Path(sys.argv[1]), screens_locked=screens_locked)

def done():
    seen["after"] = loaded()
    app.quit()

def opened(_db):
    seen["attached"] = loaded()
    opener.import_then(ACCUEIL_STEPS, done)

opener.opened.connect(opened)
opener.failed.connect(lambda message: (seen.update(failed=message), app.quit()))
opener.start()
app.exec()
opener.wait()
if opener.database is not None:
    opener.database.close()
print(json.dumps(seen))
"""


def test_a_locked_window_attaches_the_database_before_the_accueils_reads(
    tmp_path: Path,
) -> None:
    """A desk opening on its lock screen attaches the database without what only the screens
    behind the lock read (today's contacts, the communes' geography): loaded right after, on
    the opener's thread. A desk opening on Accueil, or unlocked by a code checked early
    before the database opened, has them when the database attaches."""
    data_dir = tmp_path / "donnees"
    data_dir.mkdir()
    Database(database_path(data_dir)).close()
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    seen = {}
    for case in ("locked", "unlocked", "accueil"):
        done = subprocess.run(
            [sys.executable, "-c", OPENER, str(data_dir), case],
            env=environment, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        seen[case] = json.loads(done.stdout.strip().splitlines()[-1])
    ready = {"contacts": True, "geography": True}
    assert seen["locked"] == {"attached": {"contacts": False, "geography": False}, "after": ready}
    assert seen["unlocked"] == {"attached": ready, "after": ready}
    assert seen["accueil"] == {"attached": ready, "after": ready}


def test_the_opener_hears_of_an_unlock_before_the_database_opens(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    """The window tells the opener's thread whether its screens are still behind the lock: a
    code checked early (before the database is attached) brings Accueil back, which reads
    today's contacts and the geography on attaching: the opener then loads them first."""
    from spro_desk.ui.app.start import screens_locked_query
    from test_privacy_support import AGENT_PIN

    from .lock_support import desk_with_agents, locked_window, type_code

    _claire, samir = desk_with_agents(db)
    window = locked_window(qtbot, db, settings, db.path)
    try:
        screens_locked = screens_locked_query(window)
        assert screens_locked is not None
        outcome: list[bool] = []
        thread = threading.Thread(target=lambda: outcome.append(screens_locked()))
        thread.start()
        thread.join()
        assert outcome == [True]
        type_code(qtbot, window, samir, AGENT_PIN)
        qtbot.waitUntil(lambda: not window.privacy.is_locked)
        assert not window.database_ready
        assert screens_locked() is False
    finally:
        window.close()
    unlocked = MainWindow(None, settings=settings)  # a desk without accounts: no lock
    qtbot.addWidget(unlocked)
    assert screens_locked_query(unlocked) is None


def test_loading_asked_after_the_opener_was_waited_for_is_dropped(
    qapp: QApplication, tmp_path: Path
) -> None:
    """A window closing right after its database attached: the timer posted on attaching
    (`start._run_window`'s `listen`) fires after the opener was waited for. Nothing is loaded
    and nothing is raised (CI once saw « TaskRunner is shut down » in the event loop)."""
    from spro_desk.ui.common.startup import DatabaseOpener

    opener = DatabaseOpener(tmp_path)
    opener.wait()
    called: list[bool] = []
    switch_interval = sys.getswitchinterval()
    opener.import_then(("json",), lambda: called.append(True))
    qapp.processEvents()
    assert called == []
    assert sys.getswitchinterval() == switch_interval  # not left at the loading's interval
