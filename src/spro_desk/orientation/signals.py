"""What ranks a candidate service (its signals) and which requested needs it answers.

Below both the ranking (`suggest`) and its explanation (`reasons`), which read the same facts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spro_desk.orientation.candidates import Candidate
from spro_desk.vocab import category_of, is_category


@dataclass(frozen=True)
class Signals:
    """The comparable signals of one candidate, most important first."""

    need: int
    public: int
    network: int
    level: int
    proximity: int
    distance_km: float | None
    availability: int
    rotation: int

    def sort_key(self) -> tuple[float, ...]:
        distance = self.distance_km if self.distance_km is not None else math.inf
        return (
            -self.need, -self.public, -self.network, -self.level, -self.proximity,
            distance, -self.availability, self.rotation,
        )  # fmt: skip

    def score(self) -> float:
        """One number for display and JSON: the weights mirror the order of the signals."""
        return float(
            self.need * 10**6 + self.public * 10**5 + self.network * 10**4
            + self.level * 10**3 + self.proximity * 10**2 + self.availability * 10
        )  # fmt: skip


def matched_needs(candidate: Candidate, besoins: tuple[str, ...]) -> list[str]:
    """The sub-thématiques of the service that answer one of the requested needs."""
    matched = []
    for need in besoins:
        if is_category(need):
            matched.extend(sorted(t for t in candidate.thematiques if category_of(t) == need))
        elif need in candidate.thematiques:
            matched.append(need)
    return list(dict.fromkeys(matched))
