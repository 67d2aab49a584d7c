"""Who the agent is looking for a structure for: the visitor profile of orientation-rules.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from spro_desk.text import WordedError
from spro_desk.vocab import (
    STATUTS,
    TRANCHES_AGE,
    YOUTH_AGE_MAX,
    age_band_range,
    age_problem,
    is_need,
)


class ProfileError(WordedError):
    """A profile value outside the vocabularies; the message is French."""


@dataclass(frozen=True)
class VisitorProfile:
    commune: str
    statut: str
    besoins: tuple[str, ...]
    age: int | None = None
    handicap: bool = False
    at: datetime = field(default_factory=datetime.now)
    # When only the band is known: eligibility is judged on the band's whole range.
    tranche_age: str | None = None

    def __post_init__(self) -> None:
        if self.statut not in STATUTS:
            raise ProfileError(f"Statut « {self.statut} » inconnu : {', '.join(STATUTS)}.")
        if not self.besoins:
            raise ProfileError("Indiquez au moins un besoin (thématique data·inclusion).")
        unknown = [b for b in self.besoins if not is_need(b)]
        if unknown:
            raise ProfileError(f"Besoin inconnu : {', '.join(unknown)}.")
        if self.age is not None:
            # Bounds only: the statut's own minimum is the form's check (profile_panel), a
            # profile from elsewhere (CLI, tests) may carry any plausible age.
            problem = age_problem(self.age, None)
            if problem is not None:
                raise ProfileError(problem.template, **problem.values)
        if self.tranche_age is not None and self.tranche_age not in TRANCHES_AGE:
            raise ProfileError(f"Tranche d'âge « {self.tranche_age} » inconnue.")

    @property
    def ages(self) -> tuple[int, int] | None:
        """The person's possible ages: the exact one, else the band's, else unknown."""
        if self.age is not None:
            return self.age, self.age
        return age_band_range(self.tranche_age)

    @property
    def is_young_adult(self) -> bool:
        """16-25: the age of the missions locales' mandate (the whole band must be in it)."""
        ages = self.ages
        return ages is not None and ages[0] >= 16 and ages[1] <= YOUTH_AGE_MAX

    @property
    def is_young(self) -> bool:
        """Young people's practical questions go to Information Jeunesse."""
        ages = self.ages
        if ages is not None and (ages[1] <= 30 or ages[0] > 30):
            return ages[1] <= 30
        return self.statut in {"scolaire", "etudiant", "apprenti", "decrocheur"}
