"""Suggestion latency over the generator's orientation scenarios, at a fixed moment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from search_bench import Latencies
from support import Figure, milliseconds

from spro_desk.orientation.profile import ProfileError, VisitorProfile
from spro_desk.orientation.suggest import Suggester

# A Wednesday morning: most structures are open, some only on other days.
MOMENT = datetime(2026, 11, 18, 10, 0)
SUGGEST_P95_TARGET_MS = 50.0
PASSES = 2


@dataclass(frozen=True)
class Scenario:
    id: str
    profile: VisitorProfile


def scenario_visitors(path: Path) -> list[dict[str, Any]]:
    """The `visiteur` part of each scenario of scenarios.json, with its id."""
    return [{"id": s["id"], **s["visiteur"]} for s in json.loads(path.read_text("utf-8"))]


def profile_of(visitor: dict[str, Any]) -> VisitorProfile:
    return VisitorProfile(
        commune=visitor["commune"],
        statut=visitor["statut"],
        besoins=(visitor["besoin"],),
        age=visitor.get("age"),
        handicap=bool(visitor.get("handicap")),
        at=MOMENT,
    )


def runnable_scenarios(
    suggester: Suggester, visitors: list[dict[str, Any]]
) -> tuple[list[Scenario], list[str]]:
    """Scenarios the suggester accepts, and why the others were left out."""
    kept, skipped = [], []
    for visitor in visitors:
        try:
            profile = profile_of(visitor)
            suggester.suggest(profile)  # also the warm-up pass
        except ProfileError as error:
            skipped.append(f"{visitor['id']} ({visitor['commune']}): {error}")
            continue
        kept.append(Scenario(visitor["id"], profile))
    return kept, skipped


def measure_suggestions(suggester: Suggester, scenarios: list[Scenario]) -> Latencies:
    samples = [
        (milliseconds(lambda p=scenario.profile: suggester.suggest(p)), scenario.id)
        for _ in range(PASSES)
        for scenario in scenarios
    ]
    return Latencies("Suggester.suggest", samples)


def suggest_figures(latencies: Latencies) -> list[Figure]:
    return [
        Figure("suggest p50", latencies.p(0.5), "ms", "-", None),
        Figure(
            "suggest p95",
            latencies.p(0.95),
            "ms",
            f"< {SUGGEST_P95_TARGET_MS:g} ms",
            latencies.p(0.95) < SUGGEST_P95_TARGET_MS,
        ),
    ]
