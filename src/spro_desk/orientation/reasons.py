"""Why a service is suggested: short French reasons, each taken from a directory field."""

from __future__ import annotations

from spro_desk.directory.hours import Hours
from spro_desk.directory.networks import network_label
from spro_desk.geo import Geography
from spro_desk.orientation.candidates import Candidate
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.signals import Signals, matched_needs
from spro_desk.vocab import STATUTS, need_label, publics

_ZONE_PHRASES = {
    "commune": "couvre votre commune ({})",
    "epci": "couvre votre intercommunalité ({})",
    "departement": "couvre votre département ({})",
    "france": "ouvert à toute la France",
}
_PROXIMITY_PHRASES = {
    3: "dans votre commune",
    2: "dans votre intercommunalité",
    1: "dans votre département",
}


def explain(
    candidate: Candidate,
    signals: Signals,
    profile: VisitorProfile,
    besoins: tuple[str, ...],
    geo: Geography,
) -> list[str]:
    reasons = [
        _zone_reason(candidate, profile, geo),
        _need_reason(matched_needs(candidate, besoins)),
        _public_reason(candidate, signals, profile),
        _network_reason(candidate, signals),
        _level_reason(candidate, signals),
        _place_reason(candidate, signals),
        _hours_reason(candidate, profile),
    ]
    return [r for r in reasons if r]


def _zone_reason(candidate: Candidate, profile: VisitorProfile, geo: Geography) -> str | None:
    covering = [z for z in geo.zones_of_commune(profile.commune) if z in candidate.zones]
    if not candidate.zones:
        commune = geo.commune(candidate.summary.code_insee or "")
        where = geo.zone_label(commune.departement) if commune else "son département"
        return f"sans zone précisée : ouvert au département où il se trouve ({where})"
    if not covering:
        return None
    zone = covering[0]  # zones_of_commune lists the most specific first
    kind = geo.zone_kind(zone) or "france"
    return _ZONE_PHRASES[kind].format(geo.zone_label(zone))


def _need_reason(matched: list[str]) -> str | None:
    if not matched:
        return None
    labels = [need_label(code) for code in matched[:2]]
    more = f" (+{len(matched) - 2})" if len(matched) > 2 else ""
    return "propose : " + ", ".join(labels) + more


def _public_reason(candidate: Candidate, signals: Signals, profile: VisitorProfile) -> str | None:
    if signals.public == 0:
        return None
    ages = _ages_phrase(candidate)
    if profile.handicap and "personnes-en-situation-de-handicap" in candidate.publics:
        return "s'adresse aux personnes en situation de handicap"
    if signals.public == 2 and candidate.spro_publics is not None:
        return f"accueille le public « {STATUTS[profile.statut].lower()} »{ages}"
    if signals.public == 2:
        specific = [publics().get(p, p) for p in sorted(candidate.publics)]
        return f"public : {', '.join(specific[:3]).lower()}{ages}"
    return "ouvert à tous les publics" if "tous-publics" in candidate.publics else "public : actifs"


def _ages_phrase(candidate: Candidate) -> str:
    if candidate.age_min is not None and candidate.age_max is not None:
        return f", de {candidate.age_min} à {candidate.age_max} ans"
    return ""


def _network_reason(candidate: Candidate, signals: Signals) -> str | None:
    label = network_label(candidate.summary.reseau)
    inferred = " (réseau déduit du nom et des réseaux porteurs)" if candidate.reseau_infere else ""
    if signals.network and candidate.operateur_cep:
        return f"{label} : opérateur du conseil en évolution professionnelle{inferred}"
    if signals.network:
        return f"{label} : réseau de référence pour cette situation{inferred}"
    return None


def _level_reason(candidate: Candidate, signals: Signals) -> str | None:
    return "conseil et accompagnement individuel" if signals.level else None


def _place_reason(candidate: Candidate, signals: Signals) -> str | None:
    if candidate.remote and signals.proximity == 3 and signals.distance_km is None:
        return "possible à distance"
    if signals.distance_km is not None and signals.distance_km >= 1:
        return f"à {signals.distance_km:.0f} km"
    return _PROXIMITY_PHRASES.get(signals.proximity)


def _hours_reason(candidate: Candidate, profile: VisitorProfile) -> str | None:
    hours = Hours.parse(candidate.summary.horaires)
    if not hours.valid:
        return None
    status = hours.status_fr(profile.at)
    return status[0].lower() + status[1:]
