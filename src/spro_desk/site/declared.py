"""The desk's settings declared as data (keys, kinds, defaults, checks) and how a value is
stored; below both `settings` (reading and writing them) and `secrets` (sealing a secret one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spro_desk.clock import SITE_ZONES
from spro_desk.directory.networks import NETWORK_LABELS
from spro_desk.site.basics import SYSTEM_LANGUAGE  # re-exported with the settings
from spro_desk.text import WordedError
from spro_desk.vocab import CANAUX, QT_TRANSLATE_NOOP

# What the settings screen shows for a stored secret; saving it back leaves the secret as it is.
SECRET_KEPT = "\u2022" * 8


class SettingError(WordedError):
    """A value the setting does not accept; the message is French."""


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    # "text", "choice", "commune", "list", "zones" (a list of commune, EPCI or département
    # codes), "url", "phone", "secret" (a password: never shown)
    kind: str
    label: str
    choices: tuple[str, ...] = ()
    # False: kept for compatibility (read by the app) but no longer edited in Paramètres, where
    # the agents' accounts panel is the one list of agents.
    shown: bool = True

    def check(self, value: Any, zone: str | None = None) -> Any:
        """`value` as stored; a French SettingError if it cannot be. `zone`: the site's time
        zone being saved with it, when it changes (a phone is read as dialled there)."""
        if self.kind in ("list", "zones"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SettingError(f"{self.label} : une liste de textes est attendue.")
            values = [v.strip() for v in value if v.strip()]
            return self._checked_zones(values) if self.kind == "zones" else values
        if value is None:
            return None
        if not isinstance(value, str):
            raise SettingError(f"{self.label} : un texte est attendu.")
        if self.kind == "choice" and value not in self.choices:
            raise SettingError(f"{self.label} : « {value} » n'est pas un choix possible.")
        if self.kind == "url" and value.strip():
            return self._checked_url(value)
        if self.kind == "phone" and value.strip():
            return self._checked_phone(value, zone)
        return value.strip()

    def _checked_zones(self, codes: list[str]) -> list[str]:
        from spro_desk.geo import geography  # the COG is read when a zone is saved

        geo = geography()
        for code in codes:
            if not geo.is_known_zone(code) or geo.zone_kind(code) == "france":
                raise SettingError(
                    QT_TRANSLATE_NOOP(
                        "DomainErrors",
                        "{label} : « {code} » n'est ni une commune, ni un EPCI, ni un "
                        "département (code INSEE ou SIREN attendu).",
                    ),
                    label=self.label,
                    code=code,
                )
        return list(dict.fromkeys(codes))

    def _checked_phone(self, value: str, zone: str | None) -> str:
        from spro_desk.coordinates import CoordinateError, format_phone

        try:
            return format_phone(value, zone)
        except CoordinateError as error:
            raise SettingError(
                QT_TRANSLATE_NOOP("DomainErrors", "{label} : {reason}"),
                label=self.label,
                reason=error,
            ) from None

    def _checked_url(self, value: str) -> str:
        from spro_desk.site.urls import check_url  # loaded when an address is saved

        try:
            return check_url(value)
        except ValueError as error:
            raise SettingError(f"{self.label} : {error}") from None


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("site.nom", "", "text", "Nom du site"),
    # A list, as in the first-run assistant: statistics must not fragment across spellings.
    SettingSpec("site.reseau", "", "choice", "Réseau", ("", *NETWORK_LABELS)),
    SettingSpec("site.commune", None, "commune", "Commune du site"),
    # Communes, EPCI or départements served (site/catchment.py); empty: the site's département.
    SettingSpec("site.zone", [], "zones", "Zone desservie"),
    # Printed on the fiche de liaison: the partner knows who sent the person and calls back.
    SettingSpec("site.adresse", "", "text", "Adresse du site"),
    SettingSpec("site.telephone", "", "phone", "Téléphone du site"),
    SettingSpec(
        "site.canal_defaut", "accueil-physique", "choice", "Canal par défaut", tuple(CANAUX)
    ),
    SettingSpec("site.permanences", [], "list", "Lieux de permanence"),
    # The site's days and times (spro_desk.clock); empty: the computer's zone.
    SettingSpec("site.fuseau", "", "choice", "Fuseau horaire", ("", *SITE_ZONES)),
    SettingSpec("agents", [], "list", "Agents", shown=False),
    SettingSpec("agent.courant", None, "text", "Agent en poste", shown=False),
    SettingSpec("langue", SYSTEM_LANGUAGE, "choice", "Langue", (SYSTEM_LANGUAGE, "fr", "en")),
    # The WebDAV folder the desk sends its bundles to (empty: export to a USB stick only).
    SettingSpec("sync.url", "", "url", "Adresse du dossier de synchronisation (https://…)"),
    SettingSpec("sync.utilisateur", "", "text", "Identifiant de synchronisation"),
    SettingSpec("sync.secret", "", "secret", "Mot de passe ou jeton d'application"),
    # The coordinator fetches its region's directory from the data·inclusion API v1; the token
    # is a secret setting, sealed to the desk key like the WebDAV password.
    SettingSpec(
        "datainclusion.url",
        "https://api.data.inclusion.gouv.fr",
        "url",
        "Adresse de l'API data·inclusion",
    ),
    SettingSpec("datainclusion.jeton", "", "secret", "Jeton d'accès à l'API data·inclusion"),
    SettingSpec("datainclusion.region", "", "text", "Code de la région (INSEE) à télécharger"),
)
_BY_KEY = {spec.key: spec for spec in SETTINGS}


def spec(key: str) -> SettingSpec:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise SettingError(f"Réglage inconnu : {key}.") from None


# A setting's record is {"v": value}: the same table keeps other records (identity, sync state).
VALUE_FIELD = "v"


def as_record(value: Any) -> dict[str, Any]:
    """The record a setting's value is stored as (also for settings not declared here)."""
    return {VALUE_FIELD: value}
