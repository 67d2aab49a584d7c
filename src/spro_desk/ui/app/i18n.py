"""Interface language: French source strings, an English catalog, Qt's own dialogs in step.

The language is the one chosen in Paramètres (desk setting ``langue``) when the desk has chosen
one, else the system locale's when SPRO Desk is translated into it, else French.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from spro_desk.resources import resource_path
from spro_desk.site.basics import SYSTEM_LANGUAGE

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "fr"
# Qt writes its own strings in English: an English interface needs no Qt catalog.
QT_SOURCE_LANGUAGE = "en"
APP_CATALOG = "spro_desk"
# Qt 6 strings missing from the qtbase catalog PySide6 ships (the file dialog's « &Look in: »):
# installed after qtbase, so it is looked up first.
QT_EXTRA_CATALOG = "qtbase_extra"
LANGUAGE_SETTING = "langue"
# The locale each interface language formats dates and numbers with (the catalogs' targets).
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def app_translations_dir() -> Path:
    return resource_path("translations")


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def is_available(language: str) -> bool:
    """French always; another language when its compiled catalog is shipped."""
    return language == SOURCE_LANGUAGE or (app_translations_dir() / _qm(language)).is_file()


def interface_language(locale: QLocale, preferred: str | None = None) -> str:
    """`preferred` when SPRO Desk speaks it, else the locale's language if so, else French."""
    for language in (preferred, locale.name().split("_")[0]):
        if language and is_available(language):
            return language
    return SOURCE_LANGUAGE


def desk_language(db: Database) -> str | None:
    """The language chosen in Paramètres; None leaves it to the computer's language."""
    from spro_desk.site.settings import SiteSettings  # the declaration: after the first paint

    return chosen_language(SiteSettings(db).get(LANGUAGE_SETTING))


def chosen_language(setting: object) -> str | None:
    """The `langue` setting's value as a language code; None for the computer's language."""
    return setting if isinstance(setting, str) and setting != SYSTEM_LANGUAGE else None


def _qm(language: str) -> str:
    return f"{APP_CATALOG}_{language}.qm"


def _load(name: str, directory: str | Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, str(directory)):
        return translator
    log.info("No translation catalog %s in %s", name, directory)
    return None


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, *, preferred: str | None = None
) -> list[QTranslator]:
    """Install the catalogs for the interface language (see `interface_language`).

    Keep the returned list alive: a garbage-collected translator silently stops translating.
    Qt's catalog follows the interface language, not the system one, so that standard
    dialogs ("Annuler", "Ouvrir") match the rest of the window.
    """
    language = interface_language(locale or QLocale.system(), preferred)
    candidates = [
        # French needs no app catalog (it is the source language) but one may still be shipped.
        _load(f"{APP_CATALOG}_{language}", app_translations_dir()),
    ]
    if language != QT_SOURCE_LANGUAGE:
        candidates.append(_load(f"qtbase_{language}", qt_translations_dir()))
        candidates.append(_load(f"{QT_EXTRA_CATALOG}_{language}", app_translations_dir()))
    translators = [t for t in candidates if t is not None]
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(LOCALES.get(language, language)))
    log.info("Interface language: %s", language)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
