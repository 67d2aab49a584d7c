"""Interface language: French source strings, optional translations, Qt's own dialogs in step."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from spro_desk.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "fr"
APP_CATALOG = "spro_desk"


def app_translations_dir() -> Path:
    return resource_path("translations")


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def interface_language(locale: QLocale) -> str:
    """The user's language when SPRO Desk is translated into it, French otherwise."""
    language = locale.name().split("_")[0]
    if language != SOURCE_LANGUAGE and (app_translations_dir() / _qm(language)).is_file():
        return language
    return SOURCE_LANGUAGE


def _qm(language: str) -> str:
    return f"{APP_CATALOG}_{language}.qm"


def _load(name: str, directory: str | Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, str(directory)):
        return translator
    log.info("No translation catalog %s in %s", name, directory)
    return None


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the catalogs for the interface language.

    Keep the returned list alive: a garbage-collected translator silently stops translating.
    Qt's catalog follows the interface language, not the system one, so that standard
    dialogs ("Annuler", "Ouvrir") match the rest of the window.
    """
    language = interface_language(locale or QLocale.system())
    # French needs no app catalog (it is the source language) but one may still be shipped.
    candidates = [
        _load(f"qtbase_{language}", qt_translations_dir()),
        _load(f"{APP_CATALOG}_{language}", app_translations_dir()),
    ]
    translators = [t for t in candidates if t is not None]
    for translator in translators:
        app.installTranslator(translator)
    if language == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
