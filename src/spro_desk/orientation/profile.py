"""Who the agent is looking for a structure for: the visitor profile of orientation-rules.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from spro_desk.vocab import STATUTS, YOUTH_AGE_MAX, is_need


class ProfileError(ValueError):
    """A profile value outside the vocabularies; the message is French."""


@dataclass(frozen=True)
class VisitorProfile:
    commune: str
    statut: str
    besoins: tuple[str, ...]
    age: int | None = None
    handicap: bool = False
    at: datetime = field(default_factory=datetime.now)

    def __post_init__(self) -> None:
        if self.statut not in STATUTS:
            raise ProfileError(f"Statut « {self.statut} » inconnu : {', '.join(STATUTS)}.")
        if not self.besoins:
            raise ProfileError("Indiquez au moins un besoin (thématique data·inclusion).")
        unknown = [b for b in self.besoins if not is_need(b)]
        if unknown:
            raise ProfileError(f"Besoin inconnu : {', '.join(unknown)}.")
        if self.age is not None and not 0 <= self.age <= 120:
            raise ProfileError("L'âge doit être compris entre 0 et 120 ans.")

    @property
    def is_young_adult(self) -> bool:
        """16-25: the age of the missions locales' mandate."""
        return self.age is not None and 16 <= self.age <= YOUTH_AGE_MAX

    @property
    def is_young(self) -> bool:
        """Young people's practical questions go to Information Jeunesse."""
        if self.age is not None:
            return self.age <= 30
        return self.statut in {"scolaire", "etudiant", "apprenti", "decrocheur"}
