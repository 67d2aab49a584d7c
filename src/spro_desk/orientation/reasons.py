"""Why a candidate is suggested: short reasons, each taken from a directory field.

French by default: the reasons are recorded as a referral's motif, which travels to the
coordination. `explain` also takes `words`, the window's translation of each French text
(marked for the catalogue, context "Reasons"; the vocabularies' and opening hours' texts
come through the same function), for the reasons an agent reads on screen.
"""

from __future__ import annotations

from spro_desk.directory.hours import Hours, Words, french
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
from spro_desk.vocab import QT_TRANSLATE_NOOP, STATUTS, need_label, publics

_ZONE_PHRASES = {
    "commune": QT_TRANSLATE_NOOP("Reasons", "couvre votre commune ({zone})"),
    "epci": QT_TRANSLATE_NOOP("Reasons", "couvre votre intercommunalité ({zone})"),
    "departement": QT_TRANSLATE_NOOP("Reasons", "couvre votre département ({zone})"),
    "france": QT_TRANSLATE_NOOP("Reasons", "ouvert à toute la France"),
}
_PROXIMITY_PHRASES = {
    COMMUNE: QT_TRANSLATE_NOOP("Reasons", "dans votre commune"),
    EPCI: QT_TRANSLATE_NOOP("Reasons", "dans votre intercommunalité"),
    DEPARTEMENT: QT_TRANSLATE_NOOP("Reasons", "dans votre département"),
}
_NATIONAL_ZONES = frozenset({"france", "99100"})
# The statuts of x_spro publics as a group of people, for « s'adresse aux … ».
STATUT_GROUPS = {
    "scolaire": QT_TRANSLATE_NOOP("Reasons", "élèves"),
    "etudiant": QT_TRANSLATE_NOOP("Reasons", "étudiants"),
    "apprenti": QT_TRANSLATE_NOOP("Reasons", "apprentis"),
    "decrocheur": QT_TRANSLATE_NOOP("Reasons", "jeunes sans diplôme ni emploi"),
    "demandeur-emploi": QT_TRANSLATE_NOOP("Reasons", "demandeurs d'emploi"),
    "salarie": QT_TRANSLATE_NOOP("Reasons", "salariés"),
    "cadre": QT_TRANSLATE_NOOP("Reasons", "cadres"),
    "independant": QT_TRANSLATE_NOOP("Reasons", "indépendants"),
    "benevole": QT_TRANSLATE_NOOP("Reasons", "bénévoles"),
    "retraite": QT_TRANSLATE_NOOP("Reasons", "retraités"),
    "famille": QT_TRANSLATE_NOOP("Reasons", "familles"),
}


def explain(
    candidate: Candidate, signals: Signals, context: RankingContext, words: Words = french
) -> list[str]:
    profile, geo = context.profile, context.geo
    reasons = [
        _zone_reason(candidate, profile, geo, words),
        _need_reason(candidate, context.needs, words),
        _public_reason(candidate, signals, profile, words),
        _network_reason(candidate, signals, words),
        _fees_reason(signals, words),
        _level_reason(signals, words),
        _place_reason(candidate, signals, words),
        _hours_reason(candidate, profile, words),
    ]
    return [r for r in reasons if r]


def _zone_reason(
    candidate: Candidate, profile: VisitorProfile, geo: Geography, words: Words
) -> str | None:
    if not candidate.has_service:
        if not candidate.contacts:
            return words(
                QT_TRANSLATE_NOOP(
                    "Reasons", "aucun service détaillé publié — contacter la structure"
                )
            )
        return words(
            QT_TRANSLATE_NOOP(
                "Reasons", "aucun service détaillé publié — contacter la structure : {contacts}"
            )
        ).format(contacts=", ".join(candidate.contacts))
    covering = [z for z in geo.zones_of_commune(profile.commune) if z in candidate.zones]
    if not candidate.zones:
        commune = geo.commune(candidate.summary.code_insee or "")
        where = (
            geo.zone_label(commune.departement)
            if commune
            else words(QT_TRANSLATE_NOOP("Reasons", "son département"))
        )
        return words(
            QT_TRANSLATE_NOOP(
                "Reasons", "sans zone précisée : ouvert au département où il se trouve ({where})"
            )
        ).format(where=where)
    if not covering:
        return None
    zone = covering[0]  # zones_of_commune lists the most specific first
    kind = geo.zone_kind(zone) or "france"
    return words(_ZONE_PHRASES[kind]).format(zone=geo.zone_label(zone))


def _need_reason(candidate: Candidate, needs: tuple[str, ...], words: Words) -> str | None:
    """The person's needs the service meets; one need asked as a category shows what of it."""
    met = [need for need in needs if matched_needs(candidate, (need,))]
    if len(met) > 1:
        return words(QT_TRANSLATE_NOOP("Reasons", "répond à vos besoins : {needs}")).format(
            needs=", ".join(need_label(need) for need in met)
        )
    matched = matched_needs(candidate, needs)
    if not matched:
        return None
    labels = [need_label(code) for code in matched[:2]]
    more = f" (+{len(matched) - 2})" if len(matched) > 2 else ""
    return words(QT_TRANSLATE_NOOP("Reasons", "propose : {needs}")).format(
        needs=", ".join(labels) + more
    )


def _public_reason(
    candidate: Candidate, signals: Signals, profile: VisitorProfile, words: Words
) -> str | None:
    if signals.public == EXCLUDED:
        return words(
            QT_TRANSLATE_NOOP("Reasons", "s'adresse aux {public} — pas à votre situation")
        ).format(public=_declared_public(candidate, words))
    if not candidate.has_service:
        return None
    ages = _ages_phrase(candidate, words)
    if profile.handicap and HANDICAP_PUBLIC in candidate.publics:
        return words(
            QT_TRANSLATE_NOOP("Reasons", "s'adresse aux personnes en situation de handicap")
        )
    if signals.public == EXPLICIT and candidate.spro_publics:
        statut = words(STATUTS[profile.statut]).lower()
        return (
            words(QT_TRANSLATE_NOOP("Reasons", "accueille le public « {public} »")).format(
                public=statut
            )
            + ages
        )
    if signals.public == EXPLICIT:
        return _publics_phrase(candidate.publics, words) + ages
    if signals.public == BROAD:
        return _publics_phrase(candidate.publics, words)
    return words(QT_TRANSLATE_NOOP("Reasons", "public non précisé"))


def _declared_public(candidate: Candidate, words: Words) -> str:
    if candidate.ages_inferred and candidate.age_min is not None:
        return words(QT_TRANSLATE_NOOP("Reasons", "{min}-{max} ans")).format(
            min=candidate.age_min, max=candidate.age_max
        )
    if candidate.spro_publics:
        groups = [words(STATUT_GROUPS.get(s, s)) for s in sorted(candidate.spro_publics)]
    else:  # data·inclusion's published labels, as published
        groups = [publics().get(p, p).lower() for p in sorted(candidate.publics)]
    if len(groups) == 1:
        return groups[0]
    return words(QT_TRANSLATE_NOOP("Reasons", "{items} et {last}")).format(
        items=", ".join(groups[:-1]), last=groups[-1]
    )


def _publics_phrase(codes: frozenset[str], words: Words) -> str:
    listed = ", ".join(publics().get(p, p) for p in sorted(codes)[:3]).lower()
    return words(QT_TRANSLATE_NOOP("Reasons", "public : {publics}")).format(publics=listed)


def _ages_phrase(candidate: Candidate, words: Words) -> str:
    if candidate.age_min is not None and candidate.age_max is not None:
        return words(QT_TRANSLATE_NOOP("Reasons", ", de {min} à {max} ans")).format(
            min=candidate.age_min, max=candidate.age_max
        )
    return ""


def _network_reason(candidate: Candidate, signals: Signals, words: Words) -> str | None:
    if not signals.designated:
        return None
    label = network_label(candidate.summary.reseau)
    inferred = _inference_phrase(candidate, words) if candidate.reseau_infere else ""
    if candidate.operateur_cep:
        template = QT_TRANSLATE_NOOP(
            "Reasons", "{network} : opérateur du conseil en évolution professionnelle"
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Reasons", "{network} : réseau de référence pour votre situation"
        )
    return words(template).format(network=label) + inferred


def _inference_phrase(candidate: Candidate, words: Words) -> str:
    if infer_network("", candidate.reseaux_porteurs) == candidate.summary.reseau:
        return words(
            QT_TRANSLATE_NOOP("Reasons", " (réseau déduit de ses réseaux porteurs data·inclusion)")
        )
    return words(QT_TRANSLATE_NOOP("Reasons", " (réseau déduit du nom « {name} »)")).format(
        name=candidate.summary.structure_nom
    )


def _fees_reason(signals: Signals, words: Words) -> str | None:
    if signals.free == PAID:
        return words(QT_TRANSLATE_NOOP("Reasons", "payant"))
    return words(QT_TRANSLATE_NOOP("Reasons", "gratuit")) if signals.free == FREE else None


def _level_reason(signals: Signals, words: Words) -> str | None:
    if not signals.level:
        return None
    return words(QT_TRANSLATE_NOOP("Reasons", "conseil et accompagnement individuel"))


def _place_reason(candidate: Candidate, signals: Signals, words: Words) -> str | None:
    if signals.remote_only:
        if _NATIONAL_ZONES & set(candidate.zones):
            return words(QT_TRANSLATE_NOOP("Reasons", "à distance, service national"))
        return words(QT_TRANSLATE_NOOP("Reasons", "possible à distance"))
    distance = signals.distance_km is not None and signals.distance_km >= 1
    where: str | None
    if distance:
        where = words(QT_TRANSLATE_NOOP("Reasons", "à {km} km")).format(
            km=f"{signals.distance_km:.0f}"
        )
    else:
        proximity = _PROXIMITY_PHRASES.get(signals.proximity)
        where = words(proximity) if proximity else None
    if signals.catchment and signals.proximity < EPCI:  # nearer than the area says it already
        area = words(QT_TRANSLATE_NOOP("Reasons", "dans la zone desservie par votre site"))
        # A distance adds to the area; « dans votre commune » is said by the area already.
        return f"{where}, {area}" if distance else area
    return where


def _hours_reason(candidate: Candidate, profile: VisitorProfile, words: Words) -> str | None:
    hours = Hours.parse(candidate.summary.horaires)
    if not hours.valid:
        return None
    status = hours.status(profile.at, candidate.summary.code_insee, words)
    return status[0].lower() + status[1:]
