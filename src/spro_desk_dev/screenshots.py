"""Documentation screenshots of the real window, rendered offscreen (used by tools/screenshots.py).

Everything that varies between runs is pinned (clock, import date, window size, settings, the
week of activity) so that regenerating the images only changes them when the interface changes.
The widgets are driven the way an agent drives them (keys typed into the focused widget) and
the data is the synthetic sample directory plus a fictitious week at a CIO: no real person.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import chdir, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.directory.importer import import_directory
from spro_desk.orientation.slip import build_slip
from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.accueil.screen import AccueilScreen
from spro_desk.ui.app.contrast import apply_contrast_outlines, high_contrast_palette
from spro_desk.ui.app.i18n import install_translators, remove_translators
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.app.start import APP_NAME, ORGANISATION
from spro_desk.ui.common.background import ImmediateRunner
from spro_desk.ui.common.import_flow import sample_directory
from spro_desk.ui.orientation.referral_flow import sender
from spro_desk.ui.orientation.screen import OrientationScreen
from spro_desk.ui.orientation.slip_pdf import page_layout, render_slip_pdf, slip_document

# A Thursday morning outside school holidays and after the sample's last update: most services
# are open, so the statuses read naturally, and Monday to Thursday give the dashboard a week.
SCREENSHOT_NOW = datetime(2026, 11, 19, 10, 15)
IMPORTED_AT = datetime(2026, 11, 16, 7, 30, tzinfo=UTC)
WINDOW_SIZE = (1280, 800)
TIME_ZONE = "Europe/Paris"
# Offscreen Qt finds no fonts on a bare system; DejaVu is on most Linux machines.
FALLBACK_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts"))
# The fiche de liaison is rendered at screen resolution: an A4 page is 827 × 1169 pixels.
SLIP_DPI = 100
SCALED_FACTOR = "2"
WAIT_MS = 5_000
ANIMATIONS_MS = 500

SITE = {
    "site.nom": "CIO de Bourges",
    "site.reseau": "cio",
    "site.commune": "18033",
    # A number of ARCEP's range for fiction (02 61 91): the fiche shows whom to call back.
    "site.adresse": "12 rue de l'Exemple, 18000 Bourges",
    "site.telephone": "02 61 91 12 34",
    "site.canal_defaut": "accueil-physique",
    "site.permanences": ["Mairie de Sancerre", "Lycée Henri-Brisson, Vierzon"],
    "agents": ["Claire", "Samir"],
    "agent.courant": "Claire",
}

CIO = "spro-annuaire--cio-de-bourges--1"
CIO_DOC = "spro-annuaire--cio-de-bourges--2"
MISSION_LOCALE = "spro-annuaire--mission-locale-ca-bourges-plus--1"
CEJ = "spro-annuaire--mission-locale-ca-bourges-plus--2"
FRANCE_TRAVAIL = "spro-annuaire--france-travail-bourges--1"
CEP = "spro-annuaire--avenir-actifs-cher--1"
CAP_EMPLOI = "spro-annuaire--cap-emploi-cher--1"
BIJ_ETRANGER = "spro-annuaire--bureau-information-jeunesse-de-bourges--2"
CMA = "spro-annuaire--chambre-de-metiers-et-de-l-artisanat-cher--1"
CCI = "spro-annuaire--cci-cher--1"
VAE = "spro-annuaire--point-relais-conseil-vae-bourges--1"

# The consented person of the sample week: a fictitious name, never a real one.
EXAMPLE_PERSON = PersonalDataInput(nom="Camille Exemple", telephone="06 00 00 00 00")
EXAMPLE_RDV = datetime(2026, 11, 24, 9, 30)


@dataclass(frozen=True)
class Visit:
    """One fictitious contact of the sample week, with its referral if any."""

    day: int  # of November 2026: 16 is the Monday of the pinned week, 19 (Thursday) today
    at: str
    statut: str
    tranche_age: str
    commune: str | None
    besoins: tuple[str, ...]
    reponses: tuple[str, ...] = ("information-orale",)
    canal: str = "accueil-physique"
    sexe: str = "non-renseigne"
    service: str | None = None
    rdv: datetime | None = None
    outcome: str | None = None
    consented: bool = False

    @property
    def moment(self) -> datetime:
        hour, minute = (int(part) for part in self.at.split(":"))
        return datetime(2026, 11, self.day, hour, minute)


# fmt: off
SAMPLE_WEEK: tuple[Visit, ...] = (
    Visit(9, "10:00", "demandeur-emploi", "26-44", "18033", ("trouver-un-emploi",),
          service=CAP_EMPLOI, rdv=datetime(2026, 11, 12, 14, 0)),  # last week, overdue
    Visit(16, "09:10", "scolaire", "16-17", "18033", ("choisir-un-metier",), sexe="femme"),
    Visit(16, "09:40", "etudiant", "18-25", "18205", ("se-former",), ("documentation",),
          sexe="homme", service=CIO_DOC),
    Visit(16, "10:25", "demandeur-emploi", "26-44", "18279", ("trouver-un-emploi",),
          service=FRANCE_TRAVAIL, rdv=datetime(2026, 11, 17, 9, 0), outcome="honore"),
    Visit(16, "14:05", "decrocheur", "18-25", "18033", ("choisir-un-metier", "se-former"),
          sexe="homme", service=MISSION_LOCALE, rdv=datetime(2026, 11, 18, 10, 0),
          outcome="honore"),
    Visit(16, "15:30", "salarie", "45-54", "18141", ("se-former",), canal="telephone",
          service=CEP),
    Visit(16, "16:10", "famille", "non-renseigne", "18033", ("choisir-un-metier",),
          ("documentation", "information-orale")),
    Visit(17, "09:05", "scolaire", "moins-16", "18033", ("choisir-un-metier",),
          ("outil-numerique",), sexe="homme"),
    Visit(17, "09:50", "demandeur-emploi", "45-54", "18197", ("creer-une-entreprise",),
          sexe="femme", service=CCI),
    Visit(17, "11:15", "apprenti", "18-25", "18033", ("trouver-un-emploi",), sexe="homme",
          service=CMA, rdv=datetime(2026, 11, 18, 14, 0), outcome="non-honore"),
    Visit(17, "14:40", "etudiant", "18-25", "18033", ("souvrir-a-linternational",),
          canal="courriel", service=BIJ_ETRANGER),
    Visit(17, "16:20", "salarie", "26-44", "18033", ("se-former",), sexe="femme",
          service=VAE, rdv=datetime(2026, 11, 23, 10, 0)),
    Visit(18, "09:30", "decrocheur", "16-17", "18279", ("choisir-un-metier",),
          canal="permanence", service=CEJ, rdv=datetime(2026, 11, 18, 15, 0)),  # overdue
    Visit(18, "10:45", "scolaire", "16-17", "18033", ("se-former",), ("atelier-collectif",),
          sexe="femme"),
    Visit(18, "14:10", "demandeur-emploi", "55-plus", "18033", ("preparer-sa-candidature",),
          sexe="homme", service=FRANCE_TRAVAIL),
    Visit(18, "15:55", "autre", "non-renseigne", None, ("mobilite",), canal="telephone"),
    Visit(19, "08:40", "scolaire", "16-17", "18033", ("choisir-un-metier",), sexe="homme",
          service=CIO, rdv=datetime(2026, 11, 20, 14, 0)),
    Visit(19, "09:05", "demandeur-emploi", "26-44", "18033", ("trouver-un-emploi",),
          sexe="femme", service=CAP_EMPLOI, rdv=EXAMPLE_RDV, consented=True),
    Visit(19, "09:30", "etudiant", "18-25", "18205", ("se-former",), ("documentation",)),
    Visit(19, "09:50", "salarie", "26-44", "18015", ("se-former", "choisir-un-metier"),
          canal="telephone", service=CEP),
    Visit(19, "10:05", "famille", "non-renseigne", "18033", ("choisir-un-metier",),
          ("documentation",)),
)
# fmt: on


def prepare_environment() -> None:
    """Platform plugin, font folder and time zone; read when the application object is created.

    The desk is in France: times (import date, rendez-vous) read the same on every machine.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = TIME_ZONE
    if hasattr(time, "tzset"):  # not on Windows
        time.tzset()
    if "QT_QPA_FONTDIR" not in os.environ:
        found = next((d for d in FALLBACK_FONT_DIRS if d.is_dir()), None)
        if found is not None:
            os.environ["QT_QPA_FONTDIR"] = str(found)


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    prepare_environment()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION)
    return QApplication(sys.argv)


# --- data ---------------------------------------------------------------------------------------


def seed_week(db: Database) -> None:
    """The site's settings and the fictitious week of SAMPLE_WEEK (contacts and referrals)."""
    site = SiteSettings(db)
    for key, value in SITE.items():
        site.set(key, value)
    contacts = ContactService(db)
    for visit in SAMPLE_WEEK:
        data = ContactInput(
            canal=visit.canal,
            statut=visit.statut,
            tranche_age=visit.tranche_age,
            sexe=visit.sexe,
            commune=visit.commune,
            besoins=visit.besoins,
            reponses=visit.reponses,
            lieu="Lycée Henri-Brisson, Vierzon" if visit.canal == "permanence" else None,
            occurred_at=visit.moment,
            agent=str(SITE["agent.courant"]),
            site=str(SITE["site.nom"]),
            personal=EXAMPLE_PERSON if visit.consented else None,
            consent=ConsentInput(agent=str(SITE["agent.courant"])) if visit.consented else None,
        )
        if visit.service is None:
            contacts.record(data)
            continue
        _contact_id, referral_id = contacts.record_with_referral(
            data, visit.service, rdv_at=visit.rdv
        )
        if visit.outcome is not None:
            contacts.set_referral_status(referral_id, visit.outcome)


def build_databases(root: Path) -> tuple[Path, Path]:
    """The sample directory alone, and the same with the sample week: built once, then copied."""
    directory = root / "template-annuaire.sqlite"
    db = Database(directory)
    sample = sample_directory()
    try:
        # A relative path: Paramètres shows the source without this machine's folders.
        with chdir(sample.parent):
            import_directory(db, Path(sample.name), now=IMPORTED_AT)
    finally:
        db.close()
    week = root / "template-semaine.sqlite"
    _copy_database(directory, week)
    db = Database(week)
    try:
        seed_week(db)
    finally:
        db.close()
    return directory, week


def _copy_database(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


# --- driving the window -------------------------------------------------------------------------


def pump() -> None:
    """Deliver pending events, for at most 50 ms."""
    QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle_animations() -> None:
    """Let fades end (a line edit's clear button fades in): the same pixels on every run."""
    deadline = time.monotonic() + ANIMATIONS_MS / 1000
    while time.monotonic() < deadline:
        pump()
        time.sleep(0.01)


def wait_until(condition: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
    """Process events until `condition` holds; a screenshot of a half-ready window is an error."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the window never reached the expected state ({condition})")
        pump()
        time.sleep(0.005)


def press(
    key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One key, where a real keyboard sends it: an open popup, else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    if target is None:
        raise RuntimeError("nothing has the keyboard focus")
    if isinstance(key, str):
        QTest.keyClicks(target, key, modifier)
    else:
        QTest.keyClick(target, key, modifier)
    pump()


def type_text(text: str) -> None:
    for char in text:
        press(char)


def focus(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    wait_until(widget.hasFocus)


@contextmanager
def opened_window(database: Path | None, data_dir: Path) -> Iterator[MainWindow]:
    """A real main window over a copy of `database` (None: an empty one), shown and active."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "desk.sqlite"
    if database is not None:
        _copy_database(database, path)
    db = Database(path)
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        db, settings=settings, runner=ImmediateRunner(), clock=lambda: SCREENSHOT_NOW
    )
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        window.activateWindow()
        wait_until(window.isActiveWindow)
        yield window
    finally:
        window.close()
        window.deleteLater()
        pump()
        db.close()


def save(window: MainWindow, target: Path) -> Path:
    settle_animations()
    if not window.grab().save(str(target)):
        raise OSError(f"cannot write {target}")
    return target


# --- the screens --------------------------------------------------------------------------------


def accueil_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """A walk-in being recorded from the keyboard; today's contacts in the list beside it."""
    with opened_window(database, data_dir) as window:
        window.show_screen("accueil")
        screen = window.screens["accueil"]
        assert isinstance(screen, AccueilScreen)
        form = screen.form
        wait_until(form.statut.hasFocus)
        press("J")  # statut: jeune sorti sans diplôme
        press(Qt.Key.Key_Tab)  # to the needs
        press("3")  # Trouver un emploi
        press("R", Qt.KeyboardModifier.AltModifier)  # to the responses
        press("D")  # tick Documentation remise
        focus(form.tranche_age)
        press("3")  # 18-25 ans
        press(Qt.Key.Key_Tab)
        press("H")  # homme
        focus(form.commune)
        type_text("vierz")
        wait_until(form.commune.popup_visible)
        press(Qt.Key.Key_Return)  # picks Vierzon (18)
        return save(window, target)


def directory_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """A search with a commune and a thématique filter; the first result's detail beside it."""
    with opened_window(database, data_dir) as window:
        window.show_screen("annuaire")
        view = window.directory_view
        assert view is not None  # built by show_screen
        filters = view.filter_bar
        focus(filters.commune)
        type_text("vierzon")
        press(Qt.Key.Key_Return)
        filters.thematique.set_code("trouver-un-emploi")
        focus(view.search_box)
        type_text("accompagnement")
        wait_until(lambda: not view._search_timer.isActive())  # the debounce has fired
        press(Qt.Key.Key_Return)  # to the results: the first one is selected
        wait_until(lambda: view.table.selectionModel().hasSelection())
        return save(window, target)


def orientation_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """A profile typed from scratch and its ranked suggestions with their reasons."""
    with opened_window(database, data_dir) as window:
        window.show_screen("orientation")
        screen = window.screens["orientation"]
        assert isinstance(screen, OrientationScreen)
        profile = screen.profile
        focus(profile.commune)
        type_text("18100")  # Vierzon's postal code
        # Tab, not Entrée: Entrée in the profile runs « Suggérer » before the completion list
        # takes the commune, and leaves the list open (reported).
        press(Qt.Key.Key_Tab)
        focus(profile.statut)
        type_text("dem")  # the combo box finds « Demandeur d'emploi »
        focus(profile.age)
        profile.age.selectAll()
        type_text("34")
        focus(profile.handicap)
        press(Qt.Key.Key_Space)
        focus(profile.needs.filter_box)
        type_text("trouver un emploi")
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Space)
        press(Qt.Key.Key_Return)  # Entrée in the profile suggests
        wait_until(lambda: screen.model.rowCount() > 0)
        return save(window, target)


def suivi_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """The referrals of the week, the overdue rendez-vous first."""
    with opened_window(database, data_dir) as window:
        window.show_screen("suivi")
        return save(window, target)


def dashboard_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """This week of the CIO, as its own dashboard shows it (charts drawn one per turn)."""
    with opened_window(database, data_dir) as window:
        window.show_screen("tableau-de-bord")
        view = window.screens["tableau-de-bord"].view  # type: ignore[attr-defined]
        wait_until(lambda: view.settled)
        return save(window, target)


def settings_screen(database: Path, data_dir: Path, target: Path) -> Path:
    with opened_window(database, data_dir) as window:
        window.show_screen("parametres")
        return save(window, target)


def synchronisation_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """The week exported on a stick and acknowledged, one visit waiting, a WebDAV folder set."""
    from spro_desk_dev.synchronisation_demo import prepare_synchronised_desk

    _copy_database(database, data_dir / "desk.sqlite")
    db = Database(data_dir / "desk.sqlite")
    try:
        exported_at = datetime(2026, 11, 18, 17, 30, tzinfo=UTC)
        prepare_synchronised_desk(db, data_dir, data_dir.parent / "coordination-cle", exported_at,
                                  SCREENSHOT_NOW)  # fmt: skip
    finally:
        db.close()
    with opened_window(None, data_dir) as window:
        window.show_screen("synchronisation")
        return save(window, target)


def first_start_screen(data_dir: Path, target: Path) -> Path:
    with opened_window(None, data_dir) as window:
        return save(window, target)


def lock_screen(database: Path, data_dir: Path, target: Path) -> Path:
    """The desk locked after the idle time: no personal data on screen, the agent's code asked."""
    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.security.crypto import KdfCost

    with opened_window(database, data_dir) as window:
        fast = KdfCost(time_cost=1, memory_kib=8192, parallelism=1)  # a picture, not a vault
        create_agent(window.context.database, "Camille Martin", "48291573", Role.RESPONSABLE,
                     cost=fast)  # fmt: skip
        window.privacy.lock()
        wait_until(lambda: window.privacy.is_locked)
        return save(window, target)


def about_dialog(database: Path, data_dir: Path, target: Path) -> Path:
    with opened_window(database, data_dir) as window:
        dialog = window.show_about()
        wait_until(dialog.isVisible)
        settle_animations()
        if not dialog.grab().save(str(target)):
            raise OSError(f"cannot write {target}")
        dialog.close()
        return target


def first_run_pages(data_dir: Path, out: Path) -> list[Path]:
    """The first-run assistant of a new data folder: its role page and its site page."""
    from spro_desk.geo import geography
    from spro_desk.ui.first_run.wizard import FirstRunWizard

    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(data_dir / "desk.sqlite")
    wizard = FirstRunWizard(db, data_dir, geography(), runner=ImmediateRunner())
    paths = []
    try:
        wizard.resize(900, 640)
        wizard.show()
        wait_until(wizard.isVisible)
        for name in ("premier-demarrage-role", "premier-demarrage-site"):
            settle_animations()
            target = out / f"{name}.png"
            if not wizard.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            paths.append(target)
            wizard.next()
            pump()
    finally:
        wizard.close()
        wizard.deleteLater()
        pump()
        db.close()
    return paths


def high_contrast_directory_screen(database: Path, data_dir: Path, target: Path) -> Path:
    app = _application()
    previous = app.palette()
    app.setPalette(high_contrast_palette())
    previous_sheet = apply_contrast_outlines(app)  # as run_app does for such a palette
    try:
        return directory_screen(database, data_dir, target)
    finally:
        app.setStyleSheet(previous_sheet)
        app.setPalette(previous)


# --- the coordination ---------------------------------------------------------------------------


def coordinator_screens(root: Path, out: Path) -> list[Path]:
    """Postes, Envois reçus right after importing this week's drop folder, Alertes, Périodes
    publiées, Journal, Annuaire and Comptes, over a fictitious region built with the real
    services (spro_desk_dev.coordination_demo)."""
    from spro_desk.ui.coordination import (
        ALERTES,
        ANNUAIRE,
        COMPTES,
        ENVOIS,
        JOURNAL,
        PERIODES,
        POSTES,
    )
    from spro_desk.ui.coordination.bundles_screen import BundlesScreen
    from spro_desk.ui.coordination.window import CoordinatorWindow
    from spro_desk_dev import coordination_demo as demo

    region = demo.build_demo_region(root)
    db = Database(database_path(region.coordinator_dir))
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    window = CoordinatorWindow(
        db,
        region.coordinator_dir,
        settings=settings,
        runner=ImmediateRunner(),
        clock=lambda: SCREENSHOT_NOW,
    )
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        window.activateWindow()
        wait_until(window.isActiveWindow)
        since = demo.now_as_stored()
        envois = window.screens[ENVOIS]
        assert isinstance(envois, BundlesScreen)
        envois.importer.import_folder(region.drop_folder)
        demo.redate(db, since, demo.THIS_WEEK)
        shots = []
        screens = (
            (POSTES, "postes"),
            (ENVOIS, "envois"),
            (ALERTES, "alertes"),
            (PERIODES, "periodes"),
            (JOURNAL, "journal"),
            (ANNUAIRE, "annuaire"),
            (COMPTES, "comptes"),
        )
        for name, file in screens:
            window.show_screen(name)
            shots.append(save(window, out / f"coordination-{file}.png"))  # type: ignore[arg-type]
        return shots
    finally:
        window.close()
        window.deleteLater()
        pump()
        db.close()
        region.close()


def coordinator_dashboard_screens(root: Path, out: Path) -> list[Path]:
    """The coordination's « Tableau de bord » over a year of a fictitious region (the bilan's
    generator, seeded: 24 sites named « Site 0001 »…), seen on 10 January of the next year: the
    overview, then Contacts → by network → the sites of the largest network."""
    from spro_desk.ui.common.dashboard.periods import LAST_YEAR
    from spro_desk.ui.coordination import TABLEAU
    from spro_desk.ui.coordination.dashboard_screen import PRESET_KEY
    from spro_desk.ui.coordination.window import CoordinatorWindow
    from spro_desk_dev.synthetic import generate

    root.mkdir(parents=True, exist_ok=True)
    db = Database(root / "coordination.sqlite")
    connection = sqlite3.connect(db.path)
    dataset = generate(connection, desks=24, contacts=12_000, referrals=3_000, seed=24,
                       keep=False)  # fmt: skip
    connection.close()
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(PRESET_KEY, LAST_YEAR)  # the year generated
    window = CoordinatorWindow(db, root, settings=settings, runner=ImmediateRunner(),
                               clock=lambda: dataset.as_of)  # fmt: skip
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        window.activateWindow()
        wait_until(window.isActiveWindow)
        window.show_screen(TABLEAU)
        view = window.screens[TABLEAU].view  # type: ignore[attr-defined]
        wait_until(lambda: view.settled)
        shots = [save(window, out / "coordination-tableau-de-bord.png")]  # type: ignore[arg-type]
        view.summary.buttons["contacts"].click()
        networks = view.current_breakdown()
        view.drill(networks, networks.rows[0].code)
        wait_until(lambda: view.settled)
        shots.append(save(window, out / "coordination-tableau-de-bord-detail.png"))  # type: ignore[arg-type]
        return shots
    finally:
        window.close()
        window.deleteLater()
        pump()
        db.close()


# --- the fiche de liaison -------------------------------------------------------------------------


def slip_page(database: Path, work: Path, target: Path) -> Path:
    """First page of a real fiche de liaison PDF, as a PNG image."""
    db = Database(database)
    try:
        slip = build_slip(
            db, CAP_EMPLOI, rdv_at=EXAMPLE_RDV, person=EXAMPLE_PERSON,
            issued_at=SCREENSHOT_NOW, besoins=("trouver-un-emploi",),
            sender=sender(SiteSettings(db)),
        )  # fmt: skip
    finally:
        db.close()
    if slip is None:
        raise RuntimeError(f"{CAP_EMPLOI} is not in the sample directory")
    issuer = str(SITE["site.nom"])
    pdf = render_slip_pdf(slip, work / "fiche-de-liaison.pdf", "A4", issuer)
    if _pdf_page_with_poppler(pdf, target):
        return target
    # No PDF renderer here: the same QTextDocument, laid out on an A4 page.
    layout = page_layout("A4")
    page = layout.fullRectPixels(SLIP_DPI)
    body = layout.paintRectPixels(SLIP_DPI)
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(SLIP_DPI / 0.0254))
    image.setDotsPerMeterY(round(SLIP_DPI / 0.0254))
    image.fill(QColor("#ffffff"))
    document = slip_document(slip, "A4", issuer)
    document.documentLayout().setPaintDevice(image)
    document.setPageSize(QSizeF(body.width(), body.height()))
    painter = QPainter(image)
    painter.translate(body.topLeft())
    document.drawContents(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"cannot write {target}")
    return target


def _pdf_page_with_poppler(pdf: Path, target: Path) -> bool:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return False
    stem = target.with_suffix("")
    command = [pdftoppm, "-png", "-r", str(SLIP_DPI), "-f", "1", "-l", "1", "-singlefile",
               str(pdf), str(stem)]  # fmt: skip
    return subprocess.run(command, capture_output=True).returncode == 0 and target.is_file()


# --- 200 % scaling --------------------------------------------------------------------------------


def scaled_accueil(output_dir: Path) -> Path:
    """The Accueil at 200 %: a fresh process, since Qt reads the scale factor at start."""
    target = output_dir / "accueil-200.png"
    environment = dict(os.environ, QT_SCALE_FACTOR=SCALED_FACTOR)
    command = [sys.executable, "-m", "spro_desk_dev.screenshots", "--scaled-accueil", str(target)]
    subprocess.run(command, env=environment, check=True)
    return target


def _capture_scaled_accueil(target: Path) -> None:
    app = _application()
    translators = install_translators(app)
    try:
        with tempfile.TemporaryDirectory(prefix="spro-desk-screens-") as temp:
            root = Path(temp)
            _directory, week = build_databases(root)
            accueil_screen(week, root / "accueil", target)
    finally:
        remove_translators(app, translators)


# --- all of them ----------------------------------------------------------------------------------


def capture(output_dir: Path) -> list[Path]:
    """Write every screenshot into `output_dir`; returns their paths."""
    app = _application()
    translators = install_translators(app)
    output_dir.mkdir(parents=True, exist_ok=True)
    out = output_dir
    try:
        with tempfile.TemporaryDirectory(prefix="spro-desk-screens-") as temp:
            root = Path(temp)
            directory, week = build_databases(root)
            paths = [
                accueil_screen(week, root / "accueil", out / "accueil.png"),
                directory_screen(week, root / "annuaire", out / "annuaire.png"),
                orientation_screen(directory, root / "orientation", out / "orientation.png"),
                suivi_screen(week, root / "suivi", out / "suivi.png"),
                dashboard_screen(week, root / "tableau", out / "tableau-de-bord.png"),
                settings_screen(week, root / "parametres", out / "parametres.png"),
                synchronisation_screen(week, root / "sync", out / "synchronisation.png"),
                first_start_screen(root / "vide", out / "premier-demarrage.png"),
                *first_run_pages(root / "assistant", out),
                # The directory alone: the week's database was sealed to another folder's key.
                lock_screen(directory, root / "verrou", out / "verrouillage.png"),
                about_dialog(week, root / "a-propos", out / "a-propos.png"),
                slip_page(week, root, out / "fiche-de-liaison.png"),
                high_contrast_directory_screen(
                    week, root / "contraste", out / "annuaire-contraste.png"
                ),
                *coordinator_screens(root / "coordination", out),
                *coordinator_dashboard_screens(root / "coordination-bilan", out),
            ]
    finally:
        remove_translators(app, translators)
    paths.append(scaled_accueil(output_dir))
    return paths


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One screenshot in a process of its own.")
    parser.add_argument("--scaled-accueil", type=Path, required=True, metavar="PNG")
    args = parser.parse_args(argv)
    prepare_environment()
    _capture_scaled_accueil(args.scaled_accueil)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
