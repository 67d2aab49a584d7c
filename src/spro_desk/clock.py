"""The site's time zone: one clock for the screen, the stored days and every export.

SPRO desks work in metropolitan France and overseas (Antilles, Guyane, La Réunion, Mayotte,
Pacific). A desk's days are its own calendar days: a walk-in at 23:30 in Saint-Denis de La
Réunion belongs to that evening, whatever the clock of the computer or of the coordinator.
The zone is a site setting (`site.fuseau`, empty: the computer's zone), applied once to the
process when the database opens (`use_zone`); moments are stored in UTC and read through here.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # zoneinfo (and sysconfig under it) loads for a site that names its zone
    from zoneinfo import ZoneInfo

# The zones of the French territories with SPRO desks, as the settings offer them.
SITE_ZONES: dict[str, str] = {
    "Europe/Paris": "France métropolitaine et Corse",
    "America/Guadeloupe": "Guadeloupe",
    "America/Martinique": "Martinique",
    "America/Cayenne": "Guyane",
    "Indian/Reunion": "La Réunion",
    "Indian/Mayotte": "Mayotte",
    "America/Miquelon": "Saint-Pierre-et-Miquelon",
    "America/St_Barthelemy": "Saint-Barthélemy",
    "America/Marigot": "Saint-Martin",
    "Pacific/Noumea": "Nouvelle-Calédonie",
    "Pacific/Tahiti": "Polynésie française (Tahiti)",
    "Pacific/Marquesas": "Polynésie française (Marquises)",
    "Pacific/Gambier": "Polynésie française (Gambier)",
    "Pacific/Wallis": "Wallis-et-Futuna",
}

# The overseas départements and collectivités (INSEE codes) and their zone.
_ZONE_OF_DEPARTEMENT = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}

# Communes of Polynésie française off Tahiti's clock (INSEE codes): the Marquesas keep
# UTC−9:30 and the Gambier UTC−9, as the tz database has them.
_ZONE_OF_COMMUNE = {
    **dict.fromkeys(("98718", "98723", "98731", "98746", "98756", "98757"), "Pacific/Marquesas"),
    "98719": "Pacific/Gambier",
}

# None: the computer's own zone, as the C library knows it (daylight saving included).
_zone: tzinfo | None = None


class UnknownZoneError(ValueError):
    """A zone name the tz database does not know; the message is French."""


def zone_named(name: str) -> ZoneInfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownZoneError(f"Fuseau horaire inconnu : « {name} ».") from None


def zone_of_departement(departement: str) -> str:
    """The zone a site in that département most likely keeps (Paris for metropolitan ones)."""
    return _ZONE_OF_DEPARTEMENT.get(departement, "Europe/Paris")


def use_zone(name: str | None) -> None:
    """The site's zone from now on; empty or None: the computer's."""
    global _zone
    _zone = zone_named(name) if name else None


def site_zone() -> tzinfo | None:
    return _zone


def zone_name() -> str:
    """The IANA name of the site's zone; empty when it follows the computer."""
    return str(_zone) if _zone is not None else ""


def computer_zone_name() -> str:
    """What the computer's zone is called, for the settings' « follow the computer » choice."""
    configured = os.environ.get("TZ", "").lstrip(":")
    if configured and "/" in configured and not configured.startswith("/"):
        return configured
    system = Path(configured or "/etc/localtime")
    with contextlib.suppress(OSError):
        target = str(system.resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    offset = datetime.now().astimezone().strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def local(moment: datetime) -> datetime:
    """An aware moment in the site's zone; a naive one is already the site's wall clock."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_zone) if _zone is not None else moment.astimezone()
    return moment.astimezone(_zone)


def wall_clock(moment: datetime) -> datetime:
    """The naive wall-clock time an agent reads in the site's zone."""
    return local(moment).replace(tzinfo=None)


def now() -> datetime:
    """The site's wall clock now, naive (what the form's « Date et heure » shows)."""
    return wall_clock(datetime.now(UTC))


def today() -> date:
    return now().date()


def day_of(moment: datetime) -> date:
    """The site's calendar day of a stored moment (naive stored moments are UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return local(aware).date()


# --- another place's clock: a partner's opening hours are its own wall clock -----------------


def zone_of_commune(code_insee: str | None) -> str | None:
    """The zone a commune keeps, from its département (INSEE code); None when not known."""
    if not code_insee or len(code_insee) < 3:
        return None
    if code_insee in _ZONE_OF_COMMUNE:
        return _ZONE_OF_COMMUNE[code_insee]
    overseas = code_insee.startswith(("97", "98"))
    return zone_of_departement(code_insee[:3] if overseas else code_insee[:2])


def _site_zone_name() -> str:
    return zone_name() or _computer_zone_name()


@functools.cache
def _computer_zone_name() -> str:
    # Read once: the ranking asks for every candidate, and a desk's computer keeps its zone.
    return computer_zone_name()


@functools.lru_cache(maxsize=64)
def _other_zone(place: str, site: str) -> tzinfo | None:
    # A clock that is no French territory's (a test machine on UTC) keeps reading every
    # partner's hours on the site's clock, as before zones were known.
    if place == site or site not in SITE_ZONES:
        return None
    return zone_named(place)


def place_zone(code_insee: str | None) -> tzinfo | None:
    """The zone of a place (a partner's commune) when it is not the site's; None otherwise."""
    place = zone_of_commune(code_insee)
    return None if place is None else _other_zone(place, _site_zone_name())


def partner_clock(moment: datetime, code_insee: str | None) -> datetime:
    """The site's wall-clock `moment` (naive) as the wall clock of a place in that commune."""
    zone = place_zone(code_insee)
    if zone is None:
        return moment
    return local(moment).astimezone(zone).replace(tzinfo=None)


def site_clock(moment: datetime, code_insee: str | None) -> datetime:
    """A wall-clock `moment` (naive) of a place in that commune, on the site's wall clock."""
    zone = place_zone(code_insee)
    if zone is None:
        return moment
    return wall_clock(moment.replace(tzinfo=zone))


def partner_clocks(moment: datetime) -> Callable[[str | None], datetime]:
    """`partner_clock(moment, code_insee)` for many partners (a search's rows): each zone is
    converted once, and a site on a clock no French territory keeps converts nothing."""
    site = _site_zone_name()
    if site not in SITE_ZONES:
        return lambda _code_insee: moment
    moments: dict[str | None, datetime] = {site: moment, None: moment}

    def at(code_insee: str | None) -> datetime:
        place = zone_of_commune(code_insee)
        if place not in moments:
            moments[place] = partner_clock(moment, code_insee)
        return moments[place]

    def mainland(code_insee: str | None) -> datetime:
        # A mainland desk: only overseas communes keep another clock (one prefix test a row).
        if code_insee and code_insee.startswith(("97", "98")):
            return at(code_insee)
        return moment

    return mainland if site == "Europe/Paris" else at
