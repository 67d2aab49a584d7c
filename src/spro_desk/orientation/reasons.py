"""Why a candidate is suggested: short French reasons, each taken from a directory field."""

from __future__ import annotations

from spro_desk.directory.hours import Hours
from spro_desk.directory.networks import infer_network, network_label
from spro_desk.geo import Geography
from spro_desk.orientation.candidates import Candidate
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.ranking import (
    BROAD,
    COMMUNE,
    DEPARTEMENT,
    EPCI,
    EXCLUDED,
    EXPLICIT,
    FREE,
    HANDICAP_PUBLIC,
    PAID,
    RankingContext,
    Signals,
    matched_needs,
)
from spro_desk.vocab import STATUTS, need_label, publics

_ZONE_PHRASES = {
    "commune": "couvre votre commune ({})",
    "epci": "couvre votre intercommunalité ({})",
    "departement": "couvre votre département ({})",
    "france": "ouvert à toute la France",
}
_PROXIMITY_PHRASES = {
    COMMUNE: "dans votre commune",
    EPCI: "dans votre intercommunalité",
    DEPARTEMENT: "dans votre département",
}
_NATIONAL_ZONES = frozenset({"france", "99100"})
# The statuts of x_spro publics as a group of people, for « s'adresse aux … ».
STATUT_GROUPS = {
    "scolaire": "élèves",
    "etudiant": "étudiants",
    "apprenti": "apprentis",
    "decrocheur": "jeunes sans diplôme ni emploi",
    "demandeur-emploi": "demandeurs d'emploi",
    "salarie": "salariés",
    "cadre": "cadres",
    "independant": "indépendants",
    "benevole": "bénévoles",
    "retraite": "retraités",
    "famille": "familles",
}


def explain(candidate: Candidate, signals: Signals, context: RankingContext) -> list[str]:
    profile, geo = context.profile, context.geo
    reasons = [
        _zone_reason(candidate, profile, geo),
        _need_reason(candidate, context.needs),
        _public_reason(candidate, signals, profile),
        _network_reason(candidate, signals),
        _fees_reason(signals),
        _level_reason(signals),
        _place_reason(candidate, signals),
        _hours_reason(candidate, profile),
    ]
    return [r for r in reasons if r]


def _zone_reason(candidate: Candidate, profile: VisitorProfile, geo: Geography) -> str | None:
    if not candidate.has_service:
        contacts = f" : {', '.join(candidate.contacts)}" if candidate.contacts else ""
        return f"aucun service détaillé publié — contacter la structure{contacts}"
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


def _need_reason(candidate: Candidate, needs: tuple[str, ...]) -> str | None:
    """The person's needs the service meets; one need asked as a category shows what of it."""
    met = [need for need in needs if matched_needs(candidate, (need,))]
    if len(met) > 1:
        return "répond à vos besoins : " + ", ".join(need_label(need) for need in met)
    matched = matched_needs(candidate, needs)
    if not matched:
        return None
    labels = [need_label(code) for code in matched[:2]]
    more = f" (+{len(matched) - 2})" if len(matched) > 2 else ""
    return "propose : " + ", ".join(labels) + more


def _public_reason(candidate: Candidate, signals: Signals, profile: VisitorProfile) -> str | None:
    if signals.public == EXCLUDED:
        return f"s'adresse aux {_declared_public(candidate, profile)} — pas à votre situation"
    if not candidate.has_service:
        return None
    ages = _ages_phrase(candidate)
    if profile.handicap and HANDICAP_PUBLIC in candidate.publics:
        return "s'adresse aux personnes en situation de handicap"
    if signals.public == EXPLICIT and candidate.spro_publics:
        return f"accueille le public « {STATUTS[profile.statut].lower()} »{ages}"
    if signals.public == EXPLICIT:
        return f"public : {_publics_text(candidate.publics)}{ages}"
    if signals.public == BROAD:
        return f"public : {_publics_text(candidate.publics)}"
    return "public non précisé"


def _declared_public(candidate: Candidate, profile: VisitorProfile) -> str:
    if candidate.ages_inferred and candidate.age_min is not None:
        return f"{candidate.age_min}-{candidate.age_max} ans"
    if candidate.spro_publics:
        groups = [STATUT_GROUPS.get(s, s) for s in sorted(candidate.spro_publics)]
    else:
        groups = [publics().get(p, p).lower() for p in sorted(candidate.publics)]
    return groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " et " + groups[-1]


def _publics_text(codes: frozenset[str]) -> str:
    return ", ".join(publics().get(p, p) for p in sorted(codes)[:3]).lower()


def _ages_phrase(candidate: Candidate) -> str:
    if candidate.age_min is not None and candidate.age_max is not None:
        return f", de {candidate.age_min} à {candidate.age_max} ans"
    return ""


def _network_reason(candidate: Candidate, signals: Signals) -> str | None:
    if not signals.designated:
        return None
    label = network_label(candidate.summary.reseau)
    inferred = _inference_phrase(candidate) if candidate.reseau_infere else ""
    if candidate.operateur_cep:
        return f"{label} : opérateur du conseil en évolution professionnelle{inferred}"
    return f"{label} : réseau de référence pour votre situation{inferred}"


def _inference_phrase(candidate: Candidate) -> str:
    if infer_network("", candidate.reseaux_porteurs) == candidate.summary.reseau:
        return " (réseau déduit de ses réseaux porteurs data·inclusion)"
    return f" (réseau déduit du nom « {candidate.summary.structure_nom} »)"


def _fees_reason(signals: Signals) -> str | None:
    if signals.free == PAID:
        return "payant"
    return "gratuit" if signals.free == FREE else None


def _level_reason(signals: Signals) -> str | None:
    return "conseil et accompagnement individuel" if signals.level else None


def _place_reason(candidate: Candidate, signals: Signals) -> str | None:
    if signals.remote_only:
        national = _NATIONAL_ZONES & set(candidate.zones)
        return "à distance, service national" if national else "possible à distance"
    where: str | None
    if signals.distance_km is not None and signals.distance_km >= 1:
        where = f"à {signals.distance_km:.0f} km"
    else:
        where = _PROXIMITY_PHRASES.get(signals.proximity)
    if signals.catchment and signals.proximity < EPCI:  # nearer than the area says it already
        area = "dans la zone desservie par votre site"
        return f"{where}, {area}" if where and where.startswith("à ") else area
    return where


def _hours_reason(candidate: Candidate, profile: VisitorProfile) -> str | None:
    hours = Hours.parse(candidate.summary.horaires)
    if not hours.valid:
        return None
    status = hours.status_fr(profile.at, candidate.summary.code_insee)
    return status[0].lower() + status[1:]
