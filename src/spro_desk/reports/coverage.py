"""Coverage of the territory: white zones and contacts from elsewhere.

The territory is the EPCI of the filters when one is given, else their département, else the
catchment area of a single site that has one (its own dashboard), else the région(s) where the
selected sites are. A white zone is a commune (or an EPCI) of the territory
where no contact of the selected sites lives, over the period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spro_desk.geo.cog import Geography
from spro_desk.reports.filters import Filters, Site
from spro_desk.reports.table import Label


@dataclass
class Coverage:
    territory: str  # French label, e.g. "Centre-Val de Loire"
    communes: int  # communes of the territory
    communes_reached: int
    white_communes: list[Label] = field(default_factory=list)  # (code, name), by name
    epcis: int = 0
    epcis_reached: int = 0
    white_epcis: list[Label] = field(default_factory=list)
    contacts_outside: int = 0  # living in a known commune outside the territory
    contacts_unknown: int = 0  # no commune recorded (or an unknown code)


def territory_zones(
    geo: Geography, filters: Filters, sites: Sequence[Site]
) -> tuple[str, list[str]]:
    """The territory's label and its zones (EPCI or département codes)."""
    if filters.epci:
        return geo.zone_label(filters.epci), [filters.epci]
    if filters.departement:
        return geo.zone_label(filters.departement), [filters.departement]
    selected = [s for s in sites if s.matches(filters)] if filters.restricts_sites else sites
    if len(selected) == 1 and selected[0].catchment:
        zones = list(selected[0].catchment)
        return ", ".join(geo.zone_label(zone) for zone in zones), zones
    regions = sorted({s.region for s in selected if s.region})
    label = ", ".join(region.nom for code in regions if (region := geo.region(code)))
    return label, [d for code in regions for d in _departements_of_region(geo, code)]


def _departements_of_region(geo: Geography, region: str) -> list[str]:
    # Geography has no public list of départements yet; its table is read, never changed.
    departements = geo._departements
    return sorted(code for code, d in departements.items() if d.region == region)


def coverage(
    geo: Geography, filters: Filters, sites: Sequence[Site], by_commune: Mapping[str, int]
) -> Coverage:
    """`by_commune`: contacts by residence commune ("" for none), from the same query as the
    commune breakdown."""
    label, zones = territory_zones(geo, filters, sites)
    # Paris, Lyon and Marseille are one commune each, whether a contact was recorded in the
    # city or in one of its arrondissements (which the geography also lists).
    territory: set[str] = set()
    for zone in zones:
        territory |= {geo.city_of(code) for code in geo.communes_in_zone(zone)}
    label = label or "territoire inconnu"
    known = {code for code in by_commune if code and geo.commune(code) is not None}
    reached = {geo.city_of(code) for code in known if by_commune[code]}
    result = Coverage(label, len(territory), len(territory & reached))
    result.white_communes = sorted(
        ((code, geo.commune(code).nom) for code in territory - reached),  # type: ignore[union-attr]
        key=lambda item: (item[1], item[0]),
    )
    epci_of = {code: geo.commune(code).epci for code in territory}  # type: ignore[union-attr]
    epcis = {epci for epci in epci_of.values() if epci}
    reached_epcis = {epci_of[code] for code in territory & reached if epci_of.get(code)}
    result.epcis, result.epcis_reached = len(epcis), len(reached_epcis)
    result.white_epcis = sorted(
        ((code, geo.zone_label(code)) for code in epcis - reached_epcis),
        key=lambda item: (item[1], item[0]),
    )
    result.contacts_outside = sum(
        by_commune[code] for code in known if geo.city_of(code) not in territory
    )
    result.contacts_unknown = sum(n for code, n in by_commune.items() if code not in known)
    return result
