"""The English catalog: complete, up to date with the code, compiled, and chosen at start."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui.app import start as app_module
from spro_desk.ui.app.i18n import desk_language, install_translators, remove_translators
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.app.screens import SCREEN_ORDER

from .conftest import WindowFactory

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_TABS = [
    "Front desk", "Directory", "Referral", "Follow-up", "Dashboard", "Settings", "Synchronisation",
]  # fmt: skip
# "Aide" has no mnemonic in French (every letter is taken by a field somewhere): nor in English.
ENGLISH_MENUS = ["&File", "&Edit", "&Go to", "Help"]
# {name}, %s, %d, %n, %1…: what .format() or % fills in must survive translation.
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%[sdn]|%\d")
# A mnemonic is one "&" before a character other than "&" ("&&" is a literal ampersand).
MNEMONIC = re.compile(r"&([^&\s])")


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _catalog_messages() -> list[ET.Element]:
    return list(ET.parse(tool.CATALOG).getroot().iter("message"))


@pytest.fixture
def restored_locale() -> Iterator[None]:
    """install_translators sets the default QLocale: put the previous one back."""
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def english(qapp: QApplication, restored_locale: None) -> Iterator[None]:
    """The English catalog installed for one test; French comes back after."""
    translators = install_translators(qapp, preferred="en")
    yield
    remove_translators(qapp, translators)


# --- (a) the catalog is complete -------------------------------------------------------------


def test_every_message_is_translated() -> None:
    assert tool.unfinished(tool.CATALOG) == []
    for message in _catalog_messages():
        translation = message.find("translation")
        assert translation is not None and (translation.text or "").strip(), message.findtext(
            "source"
        )
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished")


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for message in _catalog_messages():
        source = message.findtext("source", "")
        translation = message.findtext("translation", "")
        assert Counter(PLACEHOLDER.findall(source)) == Counter(PLACEHOLDER.findall(translation)), (
            source
        )
        assert len(MNEMONIC.findall(source)) == len(MNEMONIC.findall(translation)), source


def test_the_catalog_targets_british_english_from_french() -> None:
    root = ET.parse(tool.CATALOG).getroot()
    assert root.get("sourcelanguage") == "fr_FR"
    assert root.get("language") == "en_GB"
    assert not (tool.TRANSLATIONS / "spro_desk.ts").exists()  # the old template is gone


# --- (c) the catalog is up to date with the code, and compiled from it -----------------------


def test_the_catalog_holds_exactly_the_messages_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    tool.extract(fresh)
    in_code, in_catalog = tool.messages(fresh), tool.messages(tool.CATALOG)
    missing, stale = sorted(in_code - in_catalog), sorted(in_catalog - in_code)
    hint = "run python tools/update_translations.py and translate what it lists"
    assert not missing, f"{hint}; not in the catalog: {missing}"
    assert not stale, f"{hint}; no longer in the code: {stale}"


def test_the_shipped_qm_is_compiled_from_the_catalog(tmp_path: Path) -> None:
    # Compared message by message, not byte for byte: another lrelease may lay bytes out anew.
    compiled = tmp_path / "spro_desk_en.qm"
    tool.compile_catalog(tool.CATALOG, compiled)
    shipped, fresh = QTranslator(), QTranslator()
    assert shipped.load(str(tool.COMPILED)) and fresh.load(str(compiled))
    stale = [
        (context, source)
        for context, source in tool.messages(tool.CATALOG)
        if shipped.translate(context, source) != fresh.translate(context, source)
    ]
    assert not stale, "run python tools/update_translations.py"


# --- (b) a real window speaks English --------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_the_window_speaks_english(cvl_db: Database, make_window: WindowFactory) -> None:
    window = make_window(cvl_db)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ENGLISH_TABS
    assert [action.text() for action in window.menuBar().actions()] == ENGLISH_MENUS
    window.show_screen("annuaire")
    assert window.windowTitle() == "SPRO Desk — Directory"
    assert window.import_action.text() == "&Import a directory…"
    assert window.directory_view.model.headerData(0, Qt.Orientation.Horizontal) == "Service"
    assert "organisations" in window.summary_label.text()


@pytest.mark.usefixtures("english")
def test_no_french_source_text_is_left_on_screen(
    cvl_db: Database, make_window: WindowFactory
) -> None:
    """Every source string shown by a widget went through the catalog (right context)."""
    window = make_window(cvl_db)
    translated = {
        message.findtext("source", ""): message.findtext("translation", "")
        for message in _catalog_messages()
    }
    # Words spelt the same in both languages are not a sign of a missing translation.
    french_only = {source for source, english in translated.items() if source != english}
    left = set()
    for name in SCREEN_ORDER:
        window.show_screen(name)
        for widget in window.findChildren(QWidget):
            if widget.isVisible():
                left |= {text for text in _texts(widget) if text in french_only}
    assert not left


@pytest.mark.usefixtures("english")
def test_english_mnemonics_do_not_collide(cvl_db: Database, make_window: WindowFactory) -> None:
    window = make_window(cvl_db)
    menus = [action.text() for action in window.menuBar().actions()]
    for name in SCREEN_ORDER:
        window.show_screen(name)
        texts = menus + [
            text
            for widget in window.tabs.currentWidget().findChildren(QWidget)
            if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton)
            for text in (widget.text(),)
        ]
        keys = [QKeySequence.mnemonic(text).toString() for text in texts if MNEMONIC.search(text)]
        repeated = [key for key, count in Counter(keys).items() if count > 1]
        assert not repeated, f"{name}: {repeated}"


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    for getter in ("text", "title", "placeholderText"):
        method = getattr(widget, getter, None)
        if callable(method):
            try:
                value = method()
            except TypeError:  # a method of that name with arguments
                continue
            if isinstance(value, str):
                texts.append(value)
    return [text for text in texts if text]


# --- (d) the desk's setting chooses the language ---------------------------------------------


def _desk(data_dir: Path, language: str | None) -> Database:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(database_path(data_dir))
    if language is not None:
        SiteSettings(db).set("langue", language)
    return db


@pytest.mark.usefixtures("restored_locale")
def test_the_langue_setting_selects_english(qapp: QApplication, tmp_path: Path) -> None:
    db = _desk(tmp_path, "en")
    system = install_translators(qapp, QLocale(QLocale.Language.French))
    assert QCoreApplication.translate("MainWindow", "Annuaire") == "Annuaire"
    translators = app_module.apply_desk_language(qapp, db, system)
    try:
        assert desk_language(db) == "en"
        assert QCoreApplication.translate("MainWindow", "Annuaire") == "Directory"
        # Qt's own strings stay in English (no French Qt catalog left behind).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QLocale().language() == QLocale.Language.English
    finally:
        remove_translators(qapp, translators)
        db.close()
    assert QCoreApplication.translate("MainWindow", "Annuaire") == "Annuaire"


@pytest.mark.usefixtures("restored_locale")
def test_the_langue_setting_beats_the_system_locale(qapp: QApplication, tmp_path: Path) -> None:
    db = _desk(tmp_path, "fr")
    system = install_translators(qapp, QLocale(QLocale.Language.English))
    assert QCoreApplication.translate("MainWindow", "Annuaire") == "Directory"
    translators = app_module.apply_desk_language(qapp, db, system)
    try:
        assert QCoreApplication.translate("MainWindow", "Annuaire") == "Annuaire"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
        assert QLocale().language() == QLocale.Language.French
    finally:
        remove_translators(qapp, translators)
        db.close()


@pytest.mark.usefixtures("restored_locale")
def test_without_a_setting_the_system_locale_decides(qapp: QApplication, tmp_path: Path) -> None:
    db = _desk(tmp_path, None)
    assert desk_language(db) is None
    system = install_translators(qapp, QLocale(QLocale.Language.English))
    translators = app_module.apply_desk_language(qapp, db, system)
    try:
        assert translators is system
        assert QCoreApplication.translate("MainWindow", "Annuaire") == "Directory"
    finally:
        remove_translators(qapp, translators)
        db.close()


@pytest.mark.usefixtures("restored_locale")
def test_an_untranslated_system_language_falls_back_to_french(qapp: QApplication) -> None:
    translators = install_translators(qapp, QLocale(QLocale.Language.German), preferred="de")
    try:
        assert QCoreApplication.translate("MainWindow", "Annuaire") == "Annuaire"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        remove_translators(qapp, translators)


@pytest.fixture
def isolated_settings(tmp_path: Path) -> None:
    # run_app uses the default QSettings: keep it out of the user's real configuration.
    for format_ in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format_, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.mark.usefixtures("isolated_settings", "restored_locale")
def test_run_app_starts_in_the_desk_language(qapp: QApplication, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _desk(data_dir, "en").close()
    seen: dict[str, str] = {}
    timer = QTimer()
    timer.setInterval(50)

    def close_when_shown() -> None:
        # Only visible ones: an earlier test may leave a closed window not yet deleted.
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if windows:
            seen["title"] = windows[0].windowTitle()
            timer.stop()
            windows[0].close()
            windows[0].deleteLater()

    timer.timeout.connect(close_when_shown)
    timer.start()
    # If the window never shows, end the event loop rather than hang the test run.
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(qapp.quit)
    watchdog.start(10_000)
    assert app_module.run_app(data_dir, use_sample_if_empty=False) == 0
    timer.stop()
    watchdog.stop()
    assert seen == {"title": "SPRO Desk — Directory"}
    # Everything run_app installed is gone: the next tests see French again.
    assert QCoreApplication.translate("MainWindow", "Annuaire") == "Annuaire"


@pytest.mark.usefixtures("restored_locale")
def test_the_file_dialog_has_no_english_label_left_in_french(qapp: QApplication) -> None:
    """Qt 6's « &Look in: » and « Files of &type: » are missing from PySide6's qtbase_fr."""
    from PySide6.QtWidgets import QFileDialog

    translators = install_translators(qapp, QLocale(QLocale.Language.French), preferred="fr")
    dialog = QFileDialog(None, "Enregistrer", str(ROOT), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    try:
        texts = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
        english = {t for t in texts if re.search(r"Look in|Files of|File name|type:", t)}
        assert not english, english
        assert {"&Voir dans :", "&Type de fichier :"} <= texts, texts
    finally:
        dialog.deleteLater()
        remove_translators(qapp, translators)
