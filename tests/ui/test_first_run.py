"""The first-run assistant: a new desk or coordination set up offline, through real widgets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot

from spro_desk.agents.accounts import list_agents
from spro_desk.directory.catalog import directory_info
from spro_desk.geo import geography
from spro_desk.paths import database_path
from spro_desk.resources import resource_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator_identity import SIGNING_KEY_FILE as COORDINATOR_SIGNING_KEY
from spro_desk.sync.identity import SIGNING_KEY_FILE, load_identity
from spro_desk.ui.first_run import (
    COORDINATOR_KEY_FILE,
    DESK_KEY_FILE,
    folder_looks_new,
    run_first_run,
)
from spro_desk.ui.first_run.setup import (
    FirstRunChoices,
    Role,
    SetupRefused,
    SiteChoice,
    apply_choices,
    needs_first_run,
)
from spro_desk.ui.first_run.wizard import (
    AGENT,
    DIRECTORY,
    IMPORT,
    ROLE,
    SITE,
    SUMMARY,
    FirstRunWizard,
)

from .conftest import IMPORT_TIMEOUT_MS

SAMPLE_SERVICES = 679
BOURGES = "18033"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "donnees"
    folder.mkdir()
    return folder


@pytest.fixture
def desk_db(data_dir: Path) -> Iterator[Database]:
    database = Database(database_path(data_dir))
    yield database
    database.close()


@pytest.fixture
def wizard(qtbot: QtBot, desk_db: Database, data_dir: Path) -> Iterator[FirstRunWizard]:
    shown = FirstRunWizard(desk_db, data_dir, geography())
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    if shown.isVisible():
        shown.reject()


def _next(qtbot: QtBot, wizard: FirstRunWizard, expected: int) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"« {button.text()} » disabled on page {wizard.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == expected


def _fill_site(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    page = wizard.site_page
    qtbot.keyClicks(page.name, "CIO de Bourges")
    page.network.setCurrentIndex(page.network.findData("cio"))
    qtbot.keyClicks(page.commune, "Bourges")  # typed, not picked: Suivant settles it
    qtbot.keyClicks(page.places.entry, "Mairie de Vierzon")
    qtbot.keyClick(page.places.entry, Qt.Key.Key_Return)


def _fill_agent(qtbot: QtBot, wizard: FirstRunWizard, pin: str = "48219063") -> None:
    page = wizard.agent_page
    qtbot.keyClicks(page.name, "Claire")
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClicks(page.confirmation, pin)


def _set_up_without_directory(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    """From the site page on: the first agent, the directory left for later, the summary, then
    the set-up applied."""
    _next(qtbot, wizard, AGENT)
    _fill_agent(qtbot, wizard)
    _next(qtbot, wizard, DIRECTORY)
    wizard.directory_page.later.setChecked(True)
    _next(qtbot, wizard, SUMMARY)
    _next(qtbot, wizard, IMPORT)


def _wait_for_import(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.import_page.running, timeout=IMPORT_TIMEOUT_MS)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)


def test_a_desk_is_set_up_with_the_sample_directory(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, data_dir: Path
) -> None:
    assert needs_first_run(desk_db, data_dir)
    _next(qtbot, wizard, SITE)
    _fill_site(qtbot, wizard)
    _next(qtbot, wizard, AGENT)
    assert wizard.site_page.commune.code() == BOURGES
    _fill_agent(qtbot, wizard)
    _next(qtbot, wizard, DIRECTORY)
    _next(qtbot, wizard, SUMMARY)
    summary = wizard.summary_page
    assert str(data_dir) in summary.data_text.text()
    assert "backups/" in summary.backup_text.text()
    assert "CIO de Bourges" in summary.choices_text.text()
    assert load_identity(desk_db) is None  # nothing written before « Créer »
    _next(qtbot, wizard, IMPORT)
    _wait_for_import(qtbot, wizard)

    assert wizard.applied
    site = SiteSettings(desk_db)
    assert site.get("site.nom") == "CIO de Bourges"
    assert site.get("site.reseau") == "cio"
    assert site.get("site.commune") == BOURGES
    assert site.get("site.permanences") == ["Mairie de Vierzon"]
    identity = load_identity(desk_db)
    assert identity is not None
    assert (identity.site_nom, identity.reseau, identity.commune) == (
        "CIO de Bourges", "cio", BOURGES)  # fmt: skip
    assert (data_dir / SIGNING_KEY_FILE).is_file()
    assert directory_info(desk_db).services == SAMPLE_SERVICES
    assert [(a.nom, a.role) for a in list_agents(desk_db)] == [("Claire", "responsable-de-site")]
    assert not needs_first_run(desk_db, data_dir)
    assert not folder_looks_new(data_dir)


def test_a_coordination_skips_the_site_and_gets_its_keys(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, data_dir: Path
) -> None:
    wizard.role_page.coordinator.setChecked(True)
    _next(qtbot, wizard, AGENT)
    _fill_agent(qtbot, wizard)
    _next(qtbot, wizard, DIRECTORY)
    assert not wizard.directory_page.snapshot.isVisible()  # it publishes; it never installs
    wizard.directory_page.later.setChecked(True)
    _next(qtbot, wizard, SUMMARY)
    assert "keys/" in wizard.summary_page.backup_text.text()
    _next(qtbot, wizard, IMPORT)
    _wait_for_import(qtbot, wizard)
    assert (data_dir / COORDINATOR_SIGNING_KEY).is_file()
    assert load_identity(desk_db) is None
    assert directory_info(desk_db).services == 0
    assert not folder_looks_new(data_dir)


def test_a_desk_installs_the_directory_published_by_its_coordination(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, tmp_path: Path
) -> None:
    from spro_desk.sync.coordinator_identity import init_coordinator, signed_identity_file
    from spro_desk.sync.directory_update import installed_snapshot, publish_directory

    coordination = tmp_path / "coordination"
    init_coordinator(coordination)
    identity_file = tmp_path / "usb" / "coordination.json"
    identity_file.parent.mkdir()
    identity_file.write_text(json.dumps(signed_identity_file(coordination)), "utf-8")
    snapshot = tmp_path / "usb" / "annuaire.spro-dir"
    coordinator_db = Database(database_path(coordination))
    try:
        publish_directory(coordinator_db, coordination, resource_path("sample-directory"), snapshot)
    finally:
        coordinator_db.close()

    _next(qtbot, wizard, SITE)
    _fill_site(qtbot, wizard)
    _next(qtbot, wizard, AGENT)
    _fill_agent(qtbot, wizard)
    _next(qtbot, wizard, DIRECTORY)
    page = wizard.directory_page
    page.snapshot.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # two files needed
    page.snapshot_path.set_path(snapshot)
    page.identity_path.set_path(identity_file)
    _next(qtbot, wizard, SUMMARY)
    _next(qtbot, wizard, IMPORT)
    _wait_for_import(qtbot, wizard)
    installed = installed_snapshot(desk_db)
    assert installed is not None and installed.version >= 1
    assert directory_info(desk_db).services == SAMPLE_SERVICES


def test_a_wrong_pin_or_commune_keeps_next_disabled(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _next(qtbot, wizard, SITE)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.site_page.name, "PIJ")
    wizard.site_page.network.setCurrentIndex(wizard.site_page.network.findData("cio"))
    qtbot.keyClicks(wizard.site_page.commune, "zzzzqx")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == SITE  # no such commune: the page says so
    assert "zzzzqx" in wizard.site_page.problem.text()
    wizard.site_page.commune.clear()
    qtbot.keyClicks(wizard.site_page.commune, "Vierzon")
    _next(qtbot, wizard, AGENT)
    agent = wizard.agent_page
    qtbot.keyClicks(agent.name, "Samir")
    qtbot.keyClicks(agent.pin, "123456")
    assert "8" in agent.hint.text() and not next_button.isEnabled()  # too short
    agent.pin.clear()
    qtbot.keyClicks(agent.pin, "12345678")
    assert "facile" in agent.hint.text()  # the accounts' own rule: no run of digits
    agent.pin.clear()
    qtbot.keyClicks(agent.pin, "92ab713564")  # letters are refused by the field itself
    assert agent.pin.text() == "92713564"
    qtbot.keyClicks(agent.confirmation, "92713565")
    assert not next_button.isEnabled()
    assert "identiques" in agent.hint.text()
    agent.confirmation.clear()
    qtbot.keyClicks(agent.confirmation, "92713564")
    assert next_button.isEnabled()


def test_leaving_before_create_changes_nothing(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, data_dir: Path
) -> None:
    _next(qtbot, wizard, SITE)
    _fill_site(qtbot, wizard)
    _next(qtbot, wizard, AGENT)
    wizard.reject()
    assert not wizard.applied
    assert needs_first_run(desk_db, data_dir)
    assert folder_looks_new(data_dir)
    assert not (data_dir / "keys").exists()


def test_refused_choices_change_nothing(desk_db: Database, data_dir: Path) -> None:
    choices = FirstRunChoices(
        role=Role.DESK,
        agent_name="Claire",
        agent_pin="12",
        site=SiteChoice(nom="CIO", reseau="cio", commune="99999"),
    )
    with pytest.raises(SetupRefused) as refused:
        apply_choices(desk_db, data_dir, choices)
    assert "commune" in str(refused.value) and "chiffres" in str(refused.value)
    assert needs_first_run(desk_db, data_dir)
    assert SiteSettings(desk_db).get("site.nom") == ""


def test_the_network_is_picked_in_the_list_and_a_typed_one_sets_nothing_up(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, data_dir: Path
) -> None:
    # A network typed freely (« PIJ ») used to pass the site page, then make « Créer » raise
    # with the desk's keys already written: a half set-up folder the assistant never reopens.
    _next(qtbot, wizard, SITE)
    page = wizard.site_page
    assert not page.network.isEditable()  # a list, as in Paramètres: one spelling per network
    page.network.setFocus()
    qtbot.keyClicks(page.network, "Mis")  # typing picks in the list
    assert page.network_code() == "mission-locale"
    typed = FirstRunChoices(
        role=Role.DESK, agent_name="Claire", agent_pin="48219063",
        site=SiteChoice(nom="PIJ de Saint-Denis", reseau="PIJ", commune="97411"),
    )  # fmt: skip
    with pytest.raises(SetupRefused, match="Choisissez le réseau du site dans la liste"):
        apply_choices(desk_db, data_dir, typed)
    assert needs_first_run(desk_db, data_dir)
    assert not (data_dir / SIGNING_KEY_FILE).exists()


def test_the_summary_names_the_network_not_its_code(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _next(qtbot, wizard, SITE)
    _fill_site(qtbot, wizard)
    wizard.site_page.network.setCurrentIndex(wizard.site_page.network.findData("mission-locale"))
    _next(qtbot, wizard, AGENT)
    _fill_agent(qtbot, wizard)
    _next(qtbot, wizard, DIRECTORY)
    _next(qtbot, wizard, SUMMARY)
    text = wizard.summary_page.choices_text.text()
    assert "Poste d'accueil : CIO de Bourges (Mission locale)" in text, text


def test_a_tahiti_site_gives_its_own_phone_number(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, data_dir: Path
) -> None:
    """The assistant proposes Tahiti's zone for Papeete, then refused the site's own number
    « 40 12 34 56 » (« tapez un numéro français à 10 chiffres »)."""
    _next(qtbot, wizard, SITE)
    page = wizard.site_page
    qtbot.keyClicks(page.name, "Mission locale de Papeete")
    page.network.setCurrentIndex(page.network.findData("mission-locale"))
    qtbot.keyClicks(page.commune, "Papeete")
    page.commune.settle()
    assert page.choice().fuseau == "Pacific/Tahiti"
    qtbot.keyClicks(page.phone, "40 41 22 33")
    _set_up_without_directory(qtbot, wizard)
    assert SiteSettings(desk_db).get("site.telephone") == "40 41 22 33"


def test_the_sites_address_and_phone_are_asked_for_the_fiche(
    qtbot: QtBot, wizard: FirstRunWizard, desk_db: Database, data_dir: Path
) -> None:
    # The page says its fields go on the fiche de liaison, which names the site's address and
    # phone for the partner to call back: they were only in Paramètres, so day one's fiches
    # carried neither.
    _next(qtbot, wizard, SITE)
    _fill_site(qtbot, wizard)
    page = wizard.site_page
    qtbot.keyClicks(page.address, "12 rue Moyenne, 18000 Bourges")
    qtbot.keyClicks(page.phone, "12")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == SITE  # a phone nobody can dial is said at once
    assert "Téléphone « 12 » invalide" in page.problem.text()
    page.phone.clear()
    qtbot.keyClicks(page.phone, "0248123456")
    _set_up_without_directory(qtbot, wizard)
    settings = SiteSettings(desk_db)
    assert settings.get("site.adresse") == "12 rue Moyenne, 18000 Bourges"
    assert settings.get("site.telephone") == "02 48 12 34 56"


def test_enter_in_the_commune_list_picks_the_commune_and_stays_on_the_page(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    # Entrée chose the commune and also pressed « Suivant »: the address, phone, time zone
    # and places below were skipped unseen.
    _next(qtbot, wizard, SITE)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    page = wizard.site_page
    qtbot.keyClicks(page.name, "Mission locale de Saint-Denis")
    page.network.setCurrentIndex(page.network.findData("mission-locale"))
    field = page.commune
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for key in "Saint-Denis":
        qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return)
    assert field.code() == "97411"
    assert wizard.currentId() == SITE
    assert wizard.site_page.choice().fuseau == "Indian/Reunion"  # proposed, and seen


def test_a_bad_coordination_identity_refuses_the_whole_setup(
    desk_db: Database, data_dir: Path, tmp_path: Path
) -> None:
    forged = tmp_path / "coordination.json"
    forged.write_text(json.dumps({"format": "spro-desk-coordinator/1"}), "utf-8")
    choices = FirstRunChoices(
        role=Role.DESK,
        agent_name="Claire",
        agent_pin="48219063",
        site=SiteChoice(nom="CIO", reseau="cio", commune=BOURGES),
        coordinator_identity=forged,
    )
    with pytest.raises(SetupRefused, match="coordinateur"):
        apply_choices(desk_db, data_dir, choices)
    assert needs_first_run(desk_db, data_dir)
    assert not (data_dir / SIGNING_KEY_FILE).exists()


def test_a_configured_folder_never_shows_the_assistant(desk_db: Database, data_dir: Path) -> None:
    SiteSettings(desk_db).set("site.nom", "Mission locale de Vierzon")
    assert not folder_looks_new(data_dir)
    assert run_first_run(desk_db, data_dir).done  # returns at once: no window to answer


def test_the_quick_check_names_the_key_files() -> None:
    assert DESK_KEY_FILE == SIGNING_KEY_FILE
    assert COORDINATOR_KEY_FILE == COORDINATOR_SIGNING_KEY


def test_every_field_has_a_name_and_every_label_a_buddy(wizard: FirstRunWizard) -> None:
    for page in (wizard.site_page, wizard.agent_page, wizard.directory_page):
        for label in page.findChildren(QLabel):
            if "&" in label.text():
                assert label.buddy() is not None, label.text()
                assert label.buddy().accessibleName(), label.text()
    for field in (wizard.role_page.desk, wizard.role_page.coordinator):
        assert "&" in field.text()
    assert wizard.currentId() == ROLE


UNLOCK_TICKS = 200  # of 50 ms: the first agent's sign-in has 10 s


@pytest.fixture
def isolated_settings(tmp_path: Path) -> None:
    # run_app uses the default QSettings: keep it out of the user's real configuration.
    for format_ in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format_, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def _run_app_polled(data_dir: Path, poll: Callable[[QTimer], None]) -> int:
    """`run_app` on `data_dir`, with `poll(timer)` called every 50 ms (it stops the timer once
    done); every window closed after IMPORT_TIMEOUT_MS whatever happens."""
    from spro_desk.ui import run_app

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: poll(timer))
    timer.start()
    watchdog = QTimer()  # never hang the test run
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QApplication.closeAllWindows)
    watchdog.start(IMPORT_TIMEOUT_MS)
    try:
        return run_app(data_dir, use_sample_if_empty=False)
    finally:
        timer.stop()
        watchdog.stop()


@pytest.mark.usefixtures("isolated_settings")
def test_a_new_folder_starts_with_the_assistant_then_opens_the_desk(
    qapp: QApplication, tmp_path: Path
) -> None:
    from spro_desk.ui.app.main_window import MainWindow

    data_dir = tmp_path / "nouveau"
    seen: dict[str, object] = {}
    ticks = [0]  # polls since the desk's window showed its directory
    bot = QtBot(qapp)

    def drive(timer: QTimer) -> None:
        # Only visible windows: an earlier test may have left a closed one not yet deleted.
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        wizards = [w for w in shown if isinstance(w, FirstRunWizard)]
        if wizards and "wizard" not in seen:
            seen["wizard"] = True
            wizard = wizards[0]
            _next(bot, wizard, SITE)
            _fill_site(bot, wizard)
            _next(bot, wizard, AGENT)
            _fill_agent(bot, wizard)
            _next(bot, wizard, DIRECTORY)
            _next(bot, wizard, SUMMARY)
            _next(bot, wizard, IMPORT)
            _wait_for_import(bot, wizard)
        windows = [w for w in shown if isinstance(w, MainWindow)]
        if windows and not windows[0].directory_is_empty:
            ticks[0] += 1
            # She has just chosen her code: the desk opens signed in, not on the lock screen
            # asking for it again (Argon2id checks it first: a few tenths of a second).
            if windows[0].privacy.is_locked and ticks[0] < UNLOCK_TICKS:
                return
            seen["window"] = windows[0].windowTitle()
            seen["locked"] = windows[0].privacy.is_locked
            seen["screen"] = windows[0].current_screen_name()
            timer.stop()
            windows[0].close()
            windows[0].deleteLater()  # later tests look for the app's one MainWindow

    status = _run_app_polled(data_dir, drive)
    assert status == 0
    assert seen.get("wizard") and "window" in seen
    assert seen["locked"] is False
    assert seen["screen"] == "accueil"  # as the assistant's last page says
    assert not folder_looks_new(data_dir)


@pytest.mark.usefixtures("isolated_settings")
def test_leaving_the_assistant_quits_without_setting_anything_up(
    qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "nouveau"

    def leave(timer: QTimer) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, FirstRunWizard) and widget.isVisible():
                widget.reject()
                timer.stop()

    assert _run_app_polled(data_dir, leave) == 0
    assert folder_looks_new(data_dir)


def test_no_two_controls_of_a_page_share_a_mnemonic(
    qapp: QApplication, desk_db: Database, data_dir: Path, qtbot: QtBot
) -> None:
    from collections import Counter

    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton

    from spro_desk.ui.app.i18n import install_translators, remove_translators

    translators = install_translators(qapp, QLocale(QLocale.Language.French))  # « &Suivant > »
    try:
        shown = FirstRunWizard(desk_db, data_dir, geography())
        qtbot.addWidget(shown)
        shown.show()
        for page_id in (ROLE, SITE, AGENT, DIRECTORY, SUMMARY, IMPORT):
            page = shown.page(page_id)
            shown.setStartId(page_id)
            shown.restart()
            texts = [
                widget.text()
                for widget in [*page.findChildren(QLabel), *shown.findChildren(QAbstractButton)]
                if widget.isVisible() and widget.isEnabled() and "&" in widget.text()
            ]
            keys = [QKeySequence.mnemonic(text).toString() for text in texts]
            shared = [key for key, count in Counter(keys).items() if key and count > 1]
            assert not shared, f"page {page_id}: {shared} in {texts}"
        shown.reject()
    finally:
        remove_translators(qapp, translators)


def test_a_second_start_during_the_assistant_brings_the_assistant_forward(
    qapp: QApplication, tmp_path: Path
) -> None:
    """A double click too many while the assistant is open: the second start found the folder
    taken but nobody listening (the first one listened once its desk's window was open), and
    quit with nothing shown; the assistant stayed minimised or behind."""
    import os
    import subprocess
    import sys

    data_dir = tmp_path / "nouveau"
    seen: dict[str, object] = {}

    def drive(timer: QTimer) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        wizards = [w for w in shown if isinstance(w, FirstRunWizard)]
        if not wizards:
            return
        wizard = wizards[0]
        if "second" not in seen:
            wizard.showMinimized()
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            seen["second"] = subprocess.Popen(
                [sys.executable, "-m", "spro_desk", "--data-dir", str(data_dir)],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            return
        second = seen["second"]
        assert isinstance(second, subprocess.Popen)
        if second.poll() is None:
            return
        ticks = int(seen.get("ticks", 0)) + 1  # the request it wrote may take a turn or two
        seen["ticks"] = ticks
        if wizard.isMinimized() and ticks < 20:
            return
        seen["err"] = second.communicate()[1]
        seen["minimised"] = wizard.isMinimized()
        timer.stop()
        wizard.reject()  # she leaves the assistant: nothing is set up

    status = _run_app_polled(data_dir, drive)
    assert status == 0
    assert "SPRO Desk est déjà ouvert sur ce dossier de données" in str(seen["err"])
    assert seen["minimised"] is False
