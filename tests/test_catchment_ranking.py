"""Issue 18: the site's catchment area (« zone desservie ») decides what « near » means.

Two agencies of the same network, equally far in the département: the one in the area the
site serves comes first, with a reason saying so; choose another area and the order follows.
"""

from __future__ import annotations

from datetime import datetime

from spro_desk.geo import geography
from spro_desk.orientation.candidates import Candidate, structure_candidate
from spro_desk.orientation.mandates import designated_networks
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.ranking import RankingContext
from spro_desk.orientation.suggest import Suggestion, suggestions_for
from spro_desk.site.catchment import catchment_communes
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database

BOURGES, VIERZON, SAINT_AMAND = "18033", "18279", "18197"
AREA_REASON = "dans la zone desservie par votre site"
NEED = ("trouver-un-emploi",)


def _agency(name: str, commune: str) -> Candidate:
    return structure_candidate(structure_id=name, nom=name, reseau="france-travail",
                               code_insee=commune, horaires="Mo-Fr 09:00-12:00")  # fmt: skip


AGENCIES = [_agency("ft-vierzon", VIERZON), _agency("ft-saint-amand", SAINT_AMAND)]


def _ranked(person: str, area: frozenset[str]) -> list[Suggestion]:
    profile = VisitorProfile(commune=person, statut="demandeur-emploi", besoins=NEED, age=40,
                             at=datetime(2026, 3, 11, 10, 0))  # fmt: skip
    designated = designated_networks(profile, NEED)
    context = RankingContext(profile, NEED, designated, geography(), None, area)
    return suggestions_for(AGENCIES, context)


def _order(suggestions: list[Suggestion]) -> list[str]:
    return [s.summary.structure_id for s in suggestions]


def _area(db: Database, *zones: str) -> frozenset[str]:
    settings = SiteSettings(db)
    settings.set("site.commune", BOURGES)
    settings.set("site.zone", list(zones))
    return catchment_communes(settings.get, geography())


def test_the_agency_in_the_catchment_area_comes_first_and_says_why(db: Database) -> None:
    geo = geography()
    saint_amand_epci = geo.commune(SAINT_AMAND).epci  # type: ignore[union-attr]
    vierzon_epci = geo.commune(VIERZON).epci  # type: ignore[union-attr]
    assert saint_amand_epci and vierzon_epci and saint_amand_epci != vierzon_epci

    south = _ranked(BOURGES, _area(db, BOURGES, saint_amand_epci))
    assert _order(south) == ["ft-saint-amand", "ft-vierzon"]
    assert AREA_REASON in south[0].reasons and AREA_REASON not in south[1].reasons

    north = _ranked(BOURGES, _area(db, BOURGES, vierzon_epci))
    assert _order(north) == ["ft-vierzon", "ft-saint-amand"]
    assert AREA_REASON in north[0].reasons


def test_a_person_from_outside_the_area_is_not_sent_to_it_first(db: Database) -> None:
    geo = geography()
    vierzon_epci = geo.commune(VIERZON).epci  # type: ignore[union-attr]
    # The site serves Vierzon's intercommunality; the person lives in Saint-Amand.
    ranked = _ranked(SAINT_AMAND, _area(db, vierzon_epci))
    assert _order(ranked)[0] == "ft-saint-amand"  # their own commune
    assert all(AREA_REASON not in s.reasons for s in ranked)


def test_the_default_area_is_the_sites_departement(db: Database) -> None:
    area = _area(db)  # nothing chosen: the Cher, where the site is
    assert {BOURGES, VIERZON, SAINT_AMAND} <= area
    ranked = _ranked(BOURGES, area)
    # Both agencies are in the area: it does not tell them apart; each says it is in it.
    assert {s.summary.structure_id for s in ranked} == {"ft-vierzon", "ft-saint-amand"}
    assert all(AREA_REASON in s.reasons for s in ranked)
