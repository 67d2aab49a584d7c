"""The screens of the main window, in tab order (Ctrl+1 … Ctrl+6)."""

from spro_desk.ui.screens.accueil import AccueilScreen
from spro_desk.ui.screens.base import Screen
from spro_desk.ui.screens.dashboard import DashboardScreen
from spro_desk.ui.screens.orientation import OrientationScreen
from spro_desk.ui.screens.settings_screen import SettingsScreen
from spro_desk.ui.screens.suivi import SuiviScreen

ANNUAIRE = "annuaire"
# The directory tab is built by the main window itself (it switches to the first-start panel).
SCREEN_ORDER = ("accueil", ANNUAIRE, "orientation", "suivi", "tableau-de-bord", "parametres")
SCREEN_CLASSES: dict[str, type[Screen]] = {
    cls.name: cls
    for cls in (AccueilScreen, OrientationScreen, SuiviScreen, DashboardScreen, SettingsScreen)
}

__all__ = ["ANNUAIRE", "SCREEN_CLASSES", "SCREEN_ORDER", "Screen"]
