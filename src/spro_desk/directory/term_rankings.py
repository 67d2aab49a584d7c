"""Whole bm25 rankings of single search terms, kept to rank queries of several terms in Python.

FTS5's bm25 adds up what each phrase of a query scores, and a phrase's score depends on the
phrase alone (its weight on how many rows it matches, not on the other phrases). So the rank
of `"france"* "tr"*` for a row is, bit for bit, the rank of `"france"*` plus the rank of
`"tr"*`, added in the query's order as bm25 adds them. Ranking a term costs FTS5 ~1.1 µs per
matching row, whatever the other terms: with each term's whole ranking kept, a query of
several terms becomes an intersection and a sum, without FTS5.

bm25 itself is computed here too, bit for bit as FTS5 computes it (`Bm25`; each rank read
from FTS5 is recomputed and compared before a ranking is derived from it): a row's score for
a prefix depends only on the weighted count of its words starting with the prefix and on the
row's length. So the ranking of "fran" follows from the kept ranking of "fr" (or of "france")
and the few rows holding the words of one and not of the other: the keys of a word being
typed do not each cost FTS5 a pass over tens of thousands of rows.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import os
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy.exc import SQLAlchemyError

from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

# At most this many ranked rows are kept, over all terms (16 bytes each: ~40 MB).
MAX_KEPT_ROWS = 2_500_000
# Rows fetched from SQLite at once by the background thread (the GIL is held meanwhile).
_FETCH = 2048
# The background thread yields the processor to the UI thread when both want it.
_BACKGROUND_NICENESS = 10
_RANK_ALL = "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? ORDER BY rank, rowid"


# FTS5's bm25 constants (fts5_aux.c).
K1 = 1.2
B = 0.75
_FLOOR_IDF = 1e-6
_RANK_UNORDERED = "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ?"


@dataclass(frozen=True)
class Bm25:
    """FTS5's bm25 for one phrase, in the same floating-point operations, in the same order."""

    rows: int
    avgdl: float
    # K1 * (1 - B + B * length / avgdl) of each row, by rowid (0.0: no such row).
    norms: array[float]

    def idf(self, hits: int) -> float:
        idf = math.log((self.rows - hits + 0.5) / (hits + 0.5))
        return idf if idf > 0.0 else _FLOOR_IDF

    def rank(self, idf: float, frequency: float, pk: int) -> float:
        return -(idf * ((frequency * (K1 + 1.0)) / (frequency + self.norms[pk])))

    def frequency(self, idf: float, rank: float, pk: int) -> float | None:
        """The weighted count of matching words behind `rank` (None when none gives it)."""
        if not 0 <= pk < len(self.norms):
            return None
        score, norm = -rank, self.norms[pk]
        try:
            frequency = float(round(score * norm / ((K1 + 1.0) * idf - score)))
        except (ZeroDivisionError, OverflowError, ValueError):  # not a rank of this model
            return None
        return frequency if frequency > 0 and self.rank(idf, frequency, pk) == rank else None


def read_bm25(driver_connection: Any, most_rows: int) -> Bm25 | None:
    """The index's row count, mean length and row lengths (None: an index too sparse)."""
    execute = driver_connection.execute
    block = execute("SELECT block FROM service_fts_data WHERE id = 1").fetchone()
    top = execute("SELECT MAX(id) FROM service_fts_docsize").fetchone()[0]
    if block is None or top is None or top > most_rows:
        return None
    totals = _varints(block[0])
    rows = max(totals[0], 1)
    avgdl = float(sum(totals[1:])) / float(rows)
    norms = array("d", bytes(8 * (top + 1)))
    for pk, sizes in execute("SELECT id, sz FROM service_fts_docsize"):
        length = sum(sizes) if max(sizes, default=0) < 0x80 else sum(_varints(sizes))
        norms[pk] = K1 * (1 - B + B * length / avgdl)
    return Bm25(rows, avgdl, norms)


def _varints(data: bytes) -> list[int]:
    """SQLite's varints (7 bits a byte, high bit: more follows), as FTS5 writes sizes."""
    values, value = [], 0
    for byte in data:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value = 0
    return values


@dataclass(frozen=True)
class TermRanking:
    """Every row matching one phrase, in FTS5's order (rank, then rowid), with its rank and,
    when the model reproduces FTS5's rank, its weighted count of matching words."""

    pks: array[int]
    ranks: array[float]
    frequencies: array[float] | None = None

    def __len__(self) -> int:
        return len(self.pks)


def rank_term(driver_connection: Any, expression: str, model: Bm25 | None) -> TermRanking:
    """FTS5's whole ranking of one phrase (SQLite sorts it without the GIL)."""
    cursor = driver_connection.execute(_RANK_ALL, (expression,))
    pks: array[int] = array("q")
    ranks: array[float] = array("d")
    while rows := cursor.fetchmany(_FETCH):
        pks.extend(row[0] for row in rows)
        ranks.extend(row[1] for row in rows)
    return TermRanking(_compact(pks), ranks, _frequencies(model, pks, ranks))


def _frequencies(model: Bm25 | None, pks: array[int], ranks: array[float]) -> array[float] | None:
    if model is None or not pks:
        return None
    idf = model.idf(len(pks))
    found = list(map(model.frequency, itertools.repeat(idf), ranks, pks))
    # Counts are small whole numbers: exact in 4 bytes.
    return array("f", found) if None not in found else None  # type: ignore[arg-type]


def _frequencies_of(driver_connection: Any, phrase: str, model: Bm25) -> dict[int, float] | None:
    """Each matching row's weighted count of the words of `phrase`, from FTS5's rank."""
    rows = driver_connection.execute(_RANK_UNORDERED, (phrase,)).fetchall()
    idf = model.idf(len(rows))
    found = {pk: model.frequency(idf, rank, pk) for pk, rank in rows}
    return None if None in found.values() else found  # type: ignore[return-value]


def derive(
    driver_connection: Any,
    model: Bm25,
    kept: TermRanking,
    phrases: list[str],
    sign: float,
) -> TermRanking | None:
    """The ranking of a prefix whose words are those of `kept` minus (sign -1) or plus (+1)
    the words of `phrases`, computed as FTS5 would rank it."""
    if kept.frequencies is None:
        return None
    told: dict[int, float] = {}
    for phrase in phrases:
        found = _frequencies_of(driver_connection, phrase, model)
        if found is None:
            return None
        for pk, frequency in found.items():
            told[pk] = told.get(pk, 0.0) + frequency
    rows = _rescored(model, kept, told, sign)
    rows.sort()  # nearly in order already: Timsort runs through it
    return TermRanking(
        _compact(array("q", map(itemgetter(1), rows))),
        array("d", map(itemgetter(0), rows)),
        array("f", map(itemgetter(2), rows)),
    )


def _rescored(
    model: Bm25, kept: TermRanking, told: dict[int, float], sign: float
) -> list[tuple[float, int, float]]:
    """(rank, pk, count) of every row of the derived prefix, unordered."""
    assert kept.frequencies is not None
    hits = len(kept)
    changed: dict[int, float] = {}
    for pk, frequency in zip(kept.pks, kept.frequencies, strict=True):
        if pk in told:
            changed[pk] = frequency + sign * told[pk]
    for pk, frequency in told.items():
        if pk not in changed:  # a row without the kept prefix's words (sign is 1)
            changed[pk] = frequency
            hits += 1
    hits -= sum(1 for frequency in changed.values() if frequency <= 0)
    idf, norms, factor = model.idf(hits), model.norms, K1 + 1.0
    # The same operations as Bm25.rank, inlined: this runs for tens of thousands of rows.
    rows = [
        (-(idf * ((frequency * factor) / (frequency + norms[pk]))), pk, frequency)
        for pk, frequency in zip(kept.pks, kept.frequencies, strict=True)
        if pk not in told
    ]
    rows.extend(
        (-(idf * ((frequency * factor) / (frequency + norms[pk]))), pk, frequency)
        for pk, frequency in changed.items()
        if frequency > 0
    )
    return rows


def _compact(pks: array[int]) -> array[int]:
    """Row ids in 4 bytes each when they fit (they do below 2**31 services)."""
    try:
        return array("i", pks)
    except OverflowError:
        return pks


def rank_lookup(ranking: TermRanking) -> dict[int, float]:
    return dict(zip(ranking.pks, ranking.ranks, strict=True))


def combined(
    rankings: list[TermRanking],
    lookup: Callable[[int], dict[int, float]] | None = None,
) -> list[tuple[float, int]]:
    """(rank, pk) of the rows in every ranking, unordered; the rank adds the terms' ranks
    in the query's order, as bm25 does (no `sum()`: Python 3.12's compensates rounding).
    The smallest ranking is walked, the others looked up (`lookup(i)`: ranking i as a dict,
    kept by the caller for the next keys, which often type the same words)."""
    if len(rankings) == 1:
        only = rankings[0]
        return list(zip(only.ranks, only.pks, strict=True))
    smallest = min(range(len(rankings)), key=lambda i: len(rankings[i]))
    lookups = [
        None if i == smallest else (lookup(i) if lookup is not None else rank_lookup(r))
        for i, r in enumerate(rankings)
    ]
    walked = rankings[smallest]
    if len(rankings) == 2:
        other = lookups[1 - smallest]
        assert other is not None
        if smallest == 0:
            return [
                (rank + other[pk], pk)
                for pk, rank in zip(walked.pks, walked.ranks, strict=True)
                if pk in other
            ]
        return [
            (other[pk] + rank, pk)
            for pk, rank in zip(walked.pks, walked.ranks, strict=True)
            if pk in other
        ]
    return list(_combined_many(walked, smallest, lookups))


def _combined_many(
    walked: TermRanking, smallest: int, lookups: list[dict[int, float] | None]
) -> Iterator[tuple[float, int]]:
    for pk, own in zip(walked.pks, walked.ranks, strict=True):
        total = 0.0
        for lookup in lookups:
            if lookup is None:
                total += own
                continue
            rank = lookup.get(pk)
            if rank is None:
                break
            total += rank
        else:
            yield total, pk


def best_first(rows: list[tuple[float, int]], wanted: int) -> Iterator[tuple[int, float]]:
    """`rows` in FTS5's order (rank, then pk): the first `wanted` picked, the rest sorted
    only when asked for."""
    first = heapq.nsmallest(wanted, rows) if wanted < len(rows) // 4 else sorted(rows)
    yield from ((pk, rank) for rank, pk in first)
    if len(first) < len(rows):
        yield from ((pk, rank) for rank, pk in sorted(rows)[len(first) :])


class TermRankings:
    """The whole rankings of the last terms used, per imported directory, bounded in rows.

    Filled by a background thread (the UI thread ranks with FTS5 meanwhile), read by both."""

    def __init__(self, max_rows: int = MAX_KEPT_ROWS) -> None:
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._kept: OrderedDict[str, TermRanking] = OrderedDict()
        self._rows = 0
        self._version: Any = None

    def get(self, version: Any, expression: str) -> TermRanking | None:
        with self._lock:
            if version != self._version:
                return None
            ranking = self._kept.get(expression)
            if ranking is not None:
                self._kept.move_to_end(expression)
            return ranking

    def items(self, version: Any) -> list[tuple[str, TermRanking]]:
        with self._lock:
            return list(self._kept.items()) if version == self._version else []

    def __contains__(self, key: tuple[Any, str]) -> bool:
        version, expression = key
        with self._lock:
            return version == self._version and expression in self._kept

    def put(self, version: Any, expression: str, ranking: TermRanking) -> bool:
        """Keep `ranking`, forgetting the least recently used; False when it is too large."""
        if len(ranking) > self.max_rows:
            return False
        with self._lock:
            if version != self._version:
                self._kept.clear()
                self._rows = 0
                self._version = version
            old = self._kept.pop(expression, None)
            self._rows -= len(old) if old is not None else 0
            while self._kept and self._rows + len(ranking) > self.max_rows:
                _, dropped = self._kept.popitem(last=False)
                self._rows -= len(dropped)
            self._kept[expression] = ranking
            self._rows += len(ranking)
        return True

    @property
    def rows(self) -> int:
        return self._rows


class RankingStore(Protocol):
    """Where rankings outlive the process (rankings_cache.RankingsCache)."""

    def holds(self, version: Any, expression: str) -> bool: ...

    def load(self, version: Any, expression: str) -> TermRanking | None: ...

    def store(self, version: Any, expression: str, ranking: TermRanking) -> None: ...

    def touch(self, version: Any, expression: str) -> None: ...


class BackgroundRanker:
    """Ranks terms off the UI thread into `TermRankings`: those the UI asked for first, then
    those asked for in advance (with their word counts, which derivations need, once the bm25
    model is read; counted afterwards for those ranked before).
    A ranking stored on disk is read rather than made; one made is stored, with the rankings
    the UI thread made (`save`)."""

    def __init__(
        self,
        db: Database,
        kept: TermRankings,
        model: Callable[[Any], Bm25 | None],
        store: RankingStore | None = None,
    ) -> None:
        self._db = db
        self._kept = kept
        self._model = model
        self._store = store
        self._lock = threading.Lock()
        self._asked: list[tuple[Any, str]] = []
        self._later: list[tuple[Any, str]] = []
        self._saves: list[tuple[Any, str]] = []
        self._counts: list[tuple[Any, str]] = []
        self._thread: threading.Thread | None = None
        # How the rankings came: read from the store, or ranked by FTS5 (benchmarks, tests).
        self.read = 0
        self.ranked = 0

    def ask(self, version: Any, expressions: list[str], *, urgent: bool) -> None:
        jobs = [(version, e) for e in expressions if (version, e) not in self._kept]
        if not jobs:
            return
        with self._lock:
            if urgent:
                self._asked = [job for job in jobs if job not in self._asked] + self._asked
            else:
                self._later.extend(jobs)
            self._start()

    def save(self, version: Any, expression: str) -> None:
        """Have the kept ranking of `expression`, made on the calling thread, stored."""
        if self._store is None:
            return
        with self._lock:
            self._saves.append((version, expression))
            self._start()

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="rankings", daemon=True)
            self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _next(self) -> tuple[Any, str, str] | None:
        with self._lock:
            queues = (("asked", self._asked), ("later", self._later), ("save", self._saves))
            for kind, queue in queues:
                if queue:
                    version, expression = queue.pop(0)
                    return version, expression, kind
            if self._counts:
                version, expression = self._counts.pop(0)
                return version, expression, "counts"
            self._thread = None
            return None

    def _run(self) -> None:
        _lower_priority()
        try:
            with self._db.engine.connect() as connection:
                driver = connection.connection.driver_connection
                while (job := self._next()) is not None:
                    self._do(driver, *job)
        except (SQLAlchemyError, sqlite3.Error):  # closed meanwhile: ranked when typed
            log.debug("terms not ranked in advance", exc_info=True)
            with self._lock:
                self._thread = None

    def _do(self, driver: Any, version: Any, expression: str, kind: str) -> None:
        model = self._model(version)
        if kind in ("counts", "save"):
            ranking = self._kept.get(version, expression)
            if ranking is None:
                return
            if model is not None and ranking.frequencies is None:
                counts = _frequencies(model, ranking.pks, ranking.ranks)
                ranking = replace(ranking, frequencies=counts)
                self._kept.put(version, expression, ranking)
            store = self._store
            if store is not None and (
                ranking.frequencies is not None or not store.holds(version, expression)
            ):
                store.store(version, expression, ranking)
            return
        if (version, expression) in self._kept:
            return
        ranking = self._store.load(version, expression) if self._store is not None else None
        if ranking is not None:
            self.read += 1
            assert self._store is not None
            self._store.touch(version, expression)
        else:
            # With their word counts at once: counting them later would store them twice.
            ranking = rank_term(driver, expression, model)
            self.ranked += 1
            if self._store is not None:  # now: the desk may close before the word counts
                self._store.store(version, expression, ranking)
        self._kept.put(version, expression, ranking)
        if ranking.frequencies is None:  # or the model was not read yet
            with self._lock:
                self._counts.append((version, expression))


def _lower_priority() -> None:
    """On Linux a thread has its own niceness: the UI thread keeps the processor first."""
    setpriority: Callable[[int, int, int], None] | None = getattr(os, "setpriority", None)
    if setpriority is None:
        return
    try:
        setpriority(os.PRIO_PROCESS, threading.get_native_id(), _BACKGROUND_NICENESS)
    except OSError:
        log.debug("background thread priority unchanged", exc_info=True)
