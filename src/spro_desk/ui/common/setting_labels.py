"""Translatable wording of the declared settings: labels, sections and choices.

The declaration (spro_desk.site.settings) carries French labels as domain data; the screen
shows these translatable ones instead, and falls back to the declaration's for a new setting.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spro_desk.site.settings import SYSTEM_LANGUAGE, SettingSpec
from spro_desk.ui.common.labels import CANAUX, labels_of


# Language names are written in their own language, whatever the interface language.
def language_names() -> dict[str, str]:
    return {
        SYSTEM_LANGUAGE: QCoreApplication.translate("Settings", "Langue de l'ordinateur"),
        "fr": "Français",
        "en": "English",
    }


def setting_label(spec: SettingSpec) -> str:
    labels = {
        "site.nom": QCoreApplication.translate("Settings", "Nom du site"),
        "site.reseau": QCoreApplication.translate("Settings", "Réseau"),
        "site.commune": QCoreApplication.translate("Settings", "Commune du site"),
        "site.zone": QCoreApplication.translate("Settings", "Zone desservie"),
        "site.adresse": QCoreApplication.translate("Settings", "Adresse du site"),
        "site.telephone": QCoreApplication.translate("Settings", "Téléphone du site"),
        "site.canal_defaut": QCoreApplication.translate("Settings", "Canal par défaut"),
        "site.permanences": QCoreApplication.translate("Settings", "Lieux de permanence"),
        "site.fuseau": QCoreApplication.translate("Settings", "Fuseau horaire"),
        "agents": QCoreApplication.translate("Settings", "Agents"),
        "agent.courant": QCoreApplication.translate("Settings", "Agent en poste"),
        "langue": QCoreApplication.translate("Settings", "Langue"),
        "sync.url": QCoreApplication.translate(
            "Settings", "Adresse du dossier de synchronisation (https://…)"
        ),
        "sync.utilisateur": QCoreApplication.translate("Settings", "Identifiant"),
        "sync.secret": QCoreApplication.translate(
            "Settings", "Mot de passe ou jeton d'application"
        ),
        "datainclusion.url": QCoreApplication.translate(
            "Settings", "Adresse de l'API data·inclusion"
        ),
        "datainclusion.jeton": QCoreApplication.translate(
            "Settings", "Jeton d'accès à l'API data·inclusion"
        ),
        "datainclusion.region": QCoreApplication.translate(
            "Settings", "Code de la région (INSEE) à télécharger"
        ),
    }
    return labels.get(spec.key, spec.label)


def section_title(key: str) -> str:
    """The form section a setting belongs to, from the first part of its key."""
    prefix = key.split(".", 1)[0]
    titles = {
        "site": QCoreApplication.translate("Settings", "Site"),
        "agents": QCoreApplication.translate("Settings", "Agents"),
        "agent": QCoreApplication.translate("Settings", "Agents"),
        "langue": QCoreApplication.translate("Settings", "Langue"),
        "sync": QCoreApplication.translate("Settings", "Synchronisation (WebDAV, Nextcloud)"),
    }
    return titles.get(prefix, QCoreApplication.translate("Settings", "Autres réglages"))


def network_names() -> dict[str, str]:
    from spro_desk.directory.networks import NETWORK_LABELS

    return {"": QCoreApplication.translate("Settings", "— Aucun —"), **NETWORK_LABELS}


def zone_names() -> dict[str, str]:
    from spro_desk.clock import SITE_ZONES, computer_zone_name

    computer = QCoreApplication.translate("Settings", "Celui de l'ordinateur ({zone})")
    return {"": computer.format(zone=computer_zone_name()), **SITE_ZONES}


def choice_labels(spec: SettingSpec) -> dict[str, str]:
    """A label for each allowed value; codes without one are shown as they are."""
    # The channels' translated labels, not the domain's French ones.
    known = {
        "site.canal_defaut": labels_of(CANAUX),
        "langue": language_names(),
        "site.reseau": network_names(),
        "site.fuseau": zone_names(),
    }.get(spec.key, {})
    return {code: known.get(code, code) for code in spec.choices}


def setting_hint(spec: SettingSpec) -> str:
    """A line under the field when the setting needs explaining."""
    hints = {
        "langue": QCoreApplication.translate(
            "Settings", "La langue prend effet au prochain démarrage de SPRO Desk."
        ),
        "site.commune": QCoreApplication.translate(
            "Settings", "Tapez le nom ou le code postal, puis choisissez dans la liste."
        ),
        "site.permanences": QCoreApplication.translate(
            "Settings", "Lieux où le site tient des permanences, proposés à l'accueil."
        ),
        "site.fuseau": QCoreApplication.translate(
            "Settings",
            "Jours et heures du site : écran, statistiques et exports. Outre-mer : choisissez "
            "le territoire.",
        ),
        "agents": QCoreApplication.translate(
            "Settings", "Personnes qui enregistrent les contacts sur ce poste."
        ),
    }
    return hints.get(spec.key, "")
