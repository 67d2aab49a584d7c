"""The coordination's window: registered desks, bundles received, alerts.

It opens instead of the desk's screens when the data folder is a coordinator's (see
`spro_desk.ui.common.mode`). The screens below are its tabs, in order (Ctrl+1, Ctrl+2 …): to add one
(an indicators dashboard…), write a `CoordinatorScreen` subclass and list it here.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QCoreApplication

from spro_desk.ui.coordination.base import CoordinatorScreen

POSTES = "postes"
ENVOIS = "envois"
ALERTES = "alertes"
TABLEAU = "tableau-de-bord"
PERIODES = "periodes"
JOURNAL = "journal"
COMPTES = "comptes"
ANNUAIRE = "annuaire"
SCREEN_ORDER: tuple[str, ...] = (
    POSTES, ENVOIS, ALERTES, TABLEAU, PERIODES, JOURNAL, ANNUAIRE, COMPTES
)  # fmt: skip
# name → (module, class); the class name is also the translation context of its title.
_LOCATIONS = {
    POSTES: ("spro_desk.ui.coordination.desks_screen", "DesksScreen"),
    ENVOIS: ("spro_desk.ui.coordination.bundles_screen", "BundlesScreen"),
    ALERTES: ("spro_desk.ui.coordination.alerts_screen", "AlertsScreen"),
    TABLEAU: ("spro_desk.ui.coordination.dashboard_screen", "CoordinatorDashboardScreen"),
    PERIODES: ("spro_desk.ui.coordination.periods_screen", "PeriodsScreen"),
    JOURNAL: ("spro_desk.ui.coordination.audit_screen", "AuditScreen"),
    ANNUAIRE: ("spro_desk.ui.coordination.directory_screen", "DirectoryScreen"),
    COMPTES: ("spro_desk.ui.coordination.accounts_screen", "AccountsScreen"),
}


def screen_class(name: str) -> type[CoordinatorScreen]:
    module, cls = _LOCATIONS[name]
    return getattr(import_module(module), cls)


def screen_title(name: str) -> str:
    """The tab title (same text and context as the screen's title())."""
    titles = {
        POSTES: QCoreApplication.translate("DesksScreen", "Postes"),
        ENVOIS: QCoreApplication.translate("BundlesScreen", "Envois reçus"),
        ALERTES: QCoreApplication.translate("AlertsScreen", "Alertes"),
        TABLEAU: QCoreApplication.translate("CoordinatorDashboardScreen", "Tableau de bord"),
        PERIODES: QCoreApplication.translate("PeriodsScreen", "Périodes publiées"),
        JOURNAL: QCoreApplication.translate("AuditScreen", "Journal"),
        ANNUAIRE: QCoreApplication.translate("DirectoryScreen", "Annuaire"),
        COMPTES: QCoreApplication.translate("AccountsScreen", "Comptes"),
    }
    return titles[name]


__all__ = [
    "ALERTES", "ANNUAIRE", "COMPTES", "ENVOIS", "JOURNAL", "PERIODES", "POSTES", "SCREEN_ORDER",
    "TABLEAU",
    "CoordinatorScreen", "screen_class", "screen_title",
]  # fmt: skip
