"""What an import found: counts, rejected rows and warnings; and its cancellation.

Apart from the importer so that the writer, which the importer drives, can name them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

HOURS_KINDS = ("non_structures", "non_renseignes", "sans_jours_feries")


class ImportCancelled(Exception):
    """The agent cancelled the import: nothing was changed."""


@dataclass(frozen=True)
class RowIssue:
    file: str
    index: int
    id: str | None
    message: str


@dataclass
class ImportReport:
    source: str
    imported_at: datetime
    structures: int = 0
    services: int = 0
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    structures_without_service: int = 0
    # Rows whose hours cannot say "open": text, form placeholders, no public-holiday rule.
    hours: dict[str, int] = field(default_factory=lambda: dict.fromkeys(HOURS_KINDS, 0))

    def as_json(self) -> dict[str, Any]:
        return {
            "structures": self.structures,
            "services": self.services,
            "structures_sans_service": self.structures_without_service,
            "horaires": dict(self.hours),
            "rejected": [
                {"file": r.file, "index": r.index, "id": r.id, "reason": r.message}
                for r in self.rejected
            ],
            "warnings": [
                {"file": w.file, "index": w.index, "id": w.id, "message": w.message}
                for w in self.warnings
            ],
        }
