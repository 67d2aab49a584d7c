"""Rank the directory for a visitor, with the reasons, per orientation-rules.md.

Loading is here; the signals and their order are in `ranking` (`Signals.sort_key`), the
designated operators in `mandates`, the French reasons in `reasons`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.hours import Words, french
from spro_desk.geo import Geography, geography
from spro_desk.orientation.candidates import Candidate, directory_facts, load_candidates
from spro_desk.orientation.mandates import designated_networks
from spro_desk.orientation.profile import ProfileError, VisitorProfile
from spro_desk.orientation.ranking import RankingContext, Signals, matched_needs, rank_first
from spro_desk.orientation.reasons import explain
from spro_desk.orientation.shortlist import (
    candidate_index,
    load_shortlist,
    ready_index,
    shortlist,
)
from spro_desk.storage.engine import Database
from spro_desk.vocab import thematiques


@dataclass(frozen=True)
class Suggestion:
    summary: ServiceSummary
    signals: Signals
    reasons: list[str] = field(default_factory=list)  # French: recorded as the motif
    has_service: bool = True
    # The same reasons in the words the Suggester was given (the window's); empty: French.
    shown_reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        result = self.summary.result_json(self.signals.score(), self.reasons)
        if not self.has_service:
            result["service_id"] = None
            result["service_nom"] = None
        result["service_publie"] = self.has_service
        return result


def requested_codes(besoins: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(besoins))


def profile_json(profile: VisitorProfile) -> dict[str, Any]:
    """The profile a list was ranked for, as the CLI's --json shows it beside the results."""
    return {
        "commune": profile.commune,
        "statut": profile.statut,
        "besoins": list(requested_codes(profile.besoins)),
        "age": profile.age,
        "handicap": profile.handicap,
        "moment": profile.at.isoformat(timespec="minutes"),
    }


class Suggester:
    """Suggests services (and structures without services) of one desk's directory."""

    def __init__(
        self,
        db: Database,
        geo: Geography | None = None,
        catchment: frozenset[str] = frozenset(),
        words: Words = french,
    ) -> None:
        self.db = db
        self.geo = geo or geography()
        self.catchment = catchment  # the communes the site serves: near, for its people
        self.words = words  # how the reasons are shown (a window's language)

    def prepare(self) -> None:
        """Build the directory's index of candidates if its latest import has none yet (~1.5 s
        nationally): suggestions then load only what can reach their first places. A window
        calls it off the request, when Orientation shows and after each import; the command
        line, one request per process, does not (the index would cost it more than it saves).
        """
        with self.db.engine.connect() as connection:
            candidate_index(connection, str(self.db.path))

    def suggest(self, profile: VisitorProfile, limit: int = 10) -> list[Suggestion]:
        zones = self.geo.zones_of_commune(profile.commune)
        if not zones:
            raise ProfileError(f"Commune « {profile.commune} » inconnue (code INSEE attendu).")
        needs = requested_codes(profile.besoins)
        designated = designated_networks(profile, needs)
        limit = max(1, limit)
        with self.db.engine.connect() as connection:
            facts = directory_facts(connection, str(self.db.path))
            origin = facts.commune_centres.get(profile.commune)
            context = RankingContext(profile, needs, designated, self.geo, origin, self.catchment)
            structures = facts.structure_candidates(designated)
            index = ready_index(connection, str(self.db.path))
            if index is None:  # not prepared (yet): every candidate
                candidates = load_candidates(connection, zones, needs) + structures
            else:  # only the candidates that can reach the first `limit`
                found = shortlist(index, context, zones, structures, limit)
                candidates = load_shortlist(connection, found)
        return suggestions_for(candidates, context, limit, self.words)


def suggestions_for(
    candidates: list[Candidate],
    context: RankingContext,
    limit: int = 10,
    words: Words = french,
) -> list[Suggestion]:
    """Rank candidates (from the directory or built by hand) and explain the first `limit`,
    in French and, for `words` other than French, in those words too."""
    return [
        Suggestion(
            c.summary,
            signals,
            explain(c, signals, context),
            c.has_service,
            explain(c, signals, context, words) if words is not french else [],
        )
        for signals, c in rank_first(candidates, context, max(1, limit))
    ]


__all__ = [
    "Suggester",
    "Suggestion",
    "VisitorProfile",
    "matched_needs",
    "profile_json",
    "suggestions_for",
    "thematiques",
]
