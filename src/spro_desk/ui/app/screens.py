"""The screens of the main window, in tab order (Ctrl+1 … Ctrl+7).

A screen's module is imported, and the screen built, the first time it is shown: the window
opens on one screen without paying for the others (the fiche de liaison's print support…).
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QCoreApplication

from spro_desk.ui.common.screen import Screen

ANNUAIRE = "annuaire"
# The directory tab is built by the main window itself (it switches to the first-start panel).
SCREEN_ORDER = (
    "accueil", ANNUAIRE, "orientation", "suivi", "tableau-de-bord", "parametres", "synchronisation",
)  # fmt: skip
# name → (module, class); the class name is also the translation context of its title.
_LOCATIONS = {
    "accueil": ("spro_desk.ui.accueil.screen", "AccueilScreen"),
    "orientation": ("spro_desk.ui.orientation.screen", "OrientationScreen"),
    "suivi": ("spro_desk.ui.suivi.screen", "SuiviScreen"),
    "tableau-de-bord": ("spro_desk.ui.dashboard.screen", "DashboardScreen"),
    "parametres": ("spro_desk.ui.settings.screen", "SettingsScreen"),
    "synchronisation": ("spro_desk.ui.synchronisation.screen", "SynchronisationScreen"),
}


def screen_class(name: str) -> type[Screen]:
    module, cls = _LOCATIONS[name]
    return getattr(import_module(module), cls)


def screen_title(name: str) -> str:
    """The tab title, without building the screen (same text and context as its title())."""
    titles = {
        "accueil": QCoreApplication.translate("AccueilScreen", "Accueil"),
        "orientation": QCoreApplication.translate("OrientationScreen", "Orientation"),
        "suivi": QCoreApplication.translate("SuiviScreen", "Suivi"),
        "tableau-de-bord": QCoreApplication.translate("DashboardScreen", "Tableau de bord"),
        "parametres": QCoreApplication.translate("SettingsScreen", "Paramètres"),
        "synchronisation": QCoreApplication.translate("SynchronisationScreen", "Synchronisation"),
    }
    return titles[name]


__all__ = ["ANNUAIRE", "SCREEN_ORDER", "Screen", "screen_class", "screen_title"]
