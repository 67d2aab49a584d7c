"""Search-as-you-type latency: DirectorySearch against the raw ranked FTS5 query, same file."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from support import Figure, milliseconds, percentile

from spro_desk.directory.search import DirectorySearch, SearchFilters, match_expression

OURS = "DirectorySearch.search"
RAW = "raw FTS5, ORDER BY rank"
RAW_SQL = "SELECT rowid FROM service_fts WHERE service_fts MATCH ? ORDER BY rank LIMIT 50"
# The raw form of what DirectorySearch runs without filters since faac8c3 (rowid tie-break,
# sorted by SQLite instead of FTS5): separates the cost of the Python layer from the SQL's.
RAW_TIE_BREAK = "raw FTS5, ORDER BY rank, rowid"
RAW_TIE_BREAK_SQL = (
    "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? ORDER BY rank, rowid LIMIT 50"
)
LIMIT = 50
SEARCH_RATIO_TARGET = 1.5  # our p95 at most 1.5 times the raw FTS5 p95
COMMUNE_P95_TARGET_MS = 20.0
# Names agents type in full (networks, services) whatever the directory holds.
FIXED_QUERIES = (
    "france travail", "cio", "conseil en évolution", "mission locale", "cap emploi", "apec",
    "information jeunesse", "bilan de compétences", "vae", "cité des métiers",
    "transitions pro", "chambre de métiers", "france services", "e2c", "point relais",
)  # fmt: skip
BROWSE_SHARE = 6  # one commune-filtered query in BROWSE_SHARE has no text at all


@dataclass(frozen=True)
class Latencies:
    label: str
    samples: list[tuple[float, str]]  # (milliseconds, what was asked)

    @property
    def times(self) -> list[float]:
        return [ms for ms, _ in self.samples]

    def p(self, fraction: float) -> float:
        return percentile(self.times, fraction)

    def describe(self) -> str:
        slowest = ", ".join(f"{what!r} {ms:.1f}" for ms, what in sorted(self.samples)[-5:][::-1])
        return (
            f"{self.label}: {len(self.samples)} queries, p50 {self.p(0.5):.2f} ms, "
            f"p95 {self.p(0.95):.2f} ms, max {max(self.times):.2f} ms; slowest (ms): {slowest}"
        )


def directory_names(database: Path) -> dict[str, list[str]]:
    """Distinct service, structure and commune names of the imported directory."""
    queries = {
        "service": "SELECT DISTINCT nom FROM service",
        "structure": "SELECT DISTINCT nom FROM structure",
        "commune": "SELECT DISTINCT commune FROM structure WHERE commune IS NOT NULL",
    }
    connection = sqlite3.connect(database)
    try:
        return {
            kind: sorted(row[0] for row in connection.execute(sql) if row[0])
            for kind, sql in queries.items()
        }
    finally:
        connection.close()


def structure_communes(database: Path) -> list[str]:
    """COG codes where the directory has structures: communes with services nearby."""
    connection = sqlite3.connect(database)
    try:
        sql = "SELECT DISTINCT code_insee FROM structure WHERE code_insee IS NOT NULL"
        return sorted(row[0] for row in connection.execute(sql))
    finally:
        connection.close()


def typed_prefixes(name: str, max_words: int) -> list[str]:
    """What the search box holds after each keystroke while typing the first words of `name`."""
    lowered = " ".join(name.lower().split()[:max_words])
    return [lowered[:end] for end in range(1, len(lowered) + 1)]


def sample_queries(names: dict[str, list[str]], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    queries = list(FIXED_QUERIES)
    kinds = sorted(kind for kind, values in names.items() if values)
    while len(queries) < count:
        name = rng.choice(names[rng.choice(kinds)])
        queries.extend(typed_prefixes(name, rng.randint(1, 3)))
    return [q for q in queries[:count] if match_expression(q) is not None]


def commune_workload(queries: list[str], communes: list[str], seed: int) -> list[tuple[str, str]]:
    """(text, commune) pairs: the typed queries plus some browsing with the commune alone."""
    rng = random.Random(seed)
    pairs = [(text, rng.choice(communes)) for text in queries]
    pairs.extend(("", rng.choice(communes)) for _ in range(len(queries) // BROWSE_SHARE))
    rng.shuffle(pairs)
    return pairs


def open_raw(database: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to the same file: no pragma, no SQLAlchemy, no Python rows."""
    return sqlite3.connect(database)


def measure_text_search(
    search: DirectorySearch, raw: sqlite3.Connection, queries: list[str]
) -> dict[str, Latencies]:
    """Latencies of ours and of both raw queries over `queries`, after a warm-up pass.

    The contenders take turns going first from one query to the next, so that a drift of
    the machine's speed affects them alike.
    """
    expression = {text: match_expression(text) for text in queries}
    contenders: dict[str, Callable[[str], object]] = {
        OURS: lambda text: search.search(text, limit=LIMIT),
        RAW: lambda text: raw.execute(RAW_SQL, (expression[text],)).fetchall(),
        RAW_TIE_BREAK: lambda text: raw.execute(RAW_TIE_BREAK_SQL, (expression[text],)).fetchall(),
    }
    for text in queries:
        for run in contenders.values():
            run(text)
    names = list(contenders)
    samples: dict[str, list[tuple[float, str]]] = {name: [] for name in names}
    for index, text in enumerate(queries):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            run = contenders[name]
            samples[name].append((milliseconds(lambda r=run, t=text: r(t)), text))
    return {name: Latencies(name, values) for name, values in samples.items()}


def measure_commune_search(search: DirectorySearch, pairs: list[tuple[str, str]]) -> Latencies:
    def near(text: str, commune: str) -> Callable[[], object]:
        return lambda: search.search(text, SearchFilters(commune=commune), limit=LIMIT)

    for text, commune in pairs:  # warm-up
        near(text, commune)()
    samples = [(milliseconds(near(text, commune)), f"{text}|{commune}") for text, commune in pairs]
    return Latencies("search + commune filter", samples)


def search_figures(text: dict[str, Latencies], commune: Latencies) -> list[Figure]:
    ours, raw, same = text[OURS], text[RAW], text[RAW_TIE_BREAK]
    ratio = ours.p(0.95) / raw.p(0.95)
    return [
        Figure("search p50 (DirectorySearch)", ours.p(0.5), "ms", "-", None, raw.p(0.5),
               ours.p(0.5) / raw.p(0.5)),
        Figure("search p95 (DirectorySearch)", ours.p(0.95), "ms",
               f"≤ {SEARCH_RATIO_TARGET:g}× raw FTS5 p95", ratio <= SEARCH_RATIO_TARGET,
               raw.p(0.95), ratio),
        Figure("search p95 vs raw with rowid tie-break", ours.p(0.95), "ms", "-", None,
               same.p(0.95), ours.p(0.95) / same.p(0.95)),
        Figure("search + commune p50", commune.p(0.5), "ms", "-", None),
        Figure("search + commune p95", commune.p(0.95), "ms",
               f"< {COMMUNE_P95_TARGET_MS:g} ms", commune.p(0.95) < COMMUNE_P95_TARGET_MS),
    ]  # fmt: skip
