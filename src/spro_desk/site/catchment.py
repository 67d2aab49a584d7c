"""The site's catchment area (« zone desservie »): the communes it serves.

Chosen in Paramètres as communes, EPCI or départements; by default the département of the
site's commune. It decides which communes the completers offer first, which communes the
dashboard's coverage counts, and what « near » means for the suggestions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spro_desk.geo import Geography

ZONE_KEY = "site.zone"
COMMUNE_KEY = "site.commune"


def catchment_zones(get: Callable[[str], Any], geo: Geography) -> tuple[str, ...]:
    """The zone codes chosen, else the département of the site's commune; () when unknown."""
    chosen = get(ZONE_KEY) or []
    zones = tuple(code for code in chosen if isinstance(code, str) and geo.is_known_zone(code))
    if zones:
        return zones
    commune = geo.commune(get(COMMUNE_KEY) or "")
    return (commune.departement,) if commune is not None else ()


def communes_of(zones: Iterable[str], geo: Geography) -> frozenset[str]:
    found: set[str] = set()
    for zone in zones:
        found |= geo.communes_in_zone(zone)
    return frozenset(found)


def catchment_communes(get: Callable[[str], Any], geo: Geography) -> frozenset[str]:
    """Every commune of the catchment area (INSEE codes)."""
    return communes_of(catchment_zones(get, geo), geo)


def catchment_label(get: Callable[[str], Any], geo: Geography) -> str:
    zones = catchment_zones(get, geo)
    return ", ".join(geo.zone_label(zone) for zone in zones)
