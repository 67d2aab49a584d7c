"""Whole bm25 rankings of single search terms, kept to rank queries of several terms in Python.

FTS5's bm25 adds up what each phrase of a query scores, and a phrase's score depends on the
phrase alone (its weight on how many rows it matches, not on the other phrases). So the rank
of `"france"* "tr"*` for a row is, bit for bit, the rank of `"france"*` plus the rank of
`"tr"*`, added in the query's order as bm25 adds them. Ranking a term costs FTS5 ~1.1 µs per
matching row, whatever the other terms: with each term's whole ranking kept, a query of
several terms becomes an intersection and a sum, without FTS5.
"""

from __future__ import annotations

import heapq
import logging
import os
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

# At most this many ranked rows are kept, over all terms (16 bytes each: ~26 MB).
MAX_KEPT_ROWS = 1_600_000
# Rows fetched from SQLite at once by the background thread (the GIL is held meanwhile).
_FETCH = 2048
# The background thread yields the processor to the UI thread when both want it.
_BACKGROUND_NICENESS = 10
_RANK_ALL = "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? ORDER BY rank, rowid"


@dataclass(frozen=True)
class TermRanking:
    """Every row matching one phrase, in FTS5's order (rank, then rowid), with its rank."""

    pks: array[int]
    ranks: array[float]

    def __len__(self) -> int:
        return len(self.pks)

    def first(self, count: int) -> list[tuple[int, float]]:
        return list(zip(self.pks[:count], self.ranks[:count], strict=True))


def rank_term(driver_connection: Any, expression: str) -> TermRanking:
    """FTS5's whole ranking of one phrase (SQLite sorts it without the GIL)."""
    cursor = driver_connection.execute(_RANK_ALL, (expression,))
    pks: array[int] = array("q")
    ranks: array[float] = array("d")
    while rows := cursor.fetchmany(_FETCH):
        pks.extend(row[0] for row in rows)
        ranks.extend(row[1] for row in rows)
    return TermRanking(pks, ranks)


def combined(rankings: list[TermRanking]) -> list[tuple[float, int]]:
    """(rank, pk) of the rows in every ranking, unordered; the rank adds the terms' ranks
    in the query's order, as bm25 does (no `sum()`: Python 3.12's compensates rounding)."""
    if len(rankings) == 1:
        only = rankings[0]
        return list(zip(only.ranks, only.pks, strict=True))
    smallest = min(range(len(rankings)), key=lambda i: len(rankings[i]))
    lookups = [
        None if i == smallest else dict(zip(r.pks, r.ranks, strict=True))
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


class BackgroundRanker:
    """Ranks terms off the UI thread, those the UI asked for first, into `TermRankings`."""

    def __init__(self, db: Database, kept: TermRankings) -> None:
        self._db = db
        self._kept = kept
        self._lock = threading.Lock()
        self._asked: list[tuple[Any, str]] = []
        self._later: list[tuple[Any, str]] = []
        self._thread: threading.Thread | None = None

    def ask(self, version: Any, expressions: list[str], *, urgent: bool) -> None:
        jobs = [(version, e) for e in expressions if (version, e) not in self._kept]
        if not jobs:
            return
        with self._lock:
            if urgent:
                self._asked = [job for job in jobs if job not in self._asked] + self._asked
            else:
                self._later.extend(jobs)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="rankings", daemon=True)
                self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _next(self) -> tuple[Any, str] | None:
        with self._lock:
            queue = self._asked or self._later
            if not queue:
                self._thread = None
                return None
            return queue.pop(0)

    def _run(self) -> None:
        _lower_priority()
        try:
            with self._db.engine.connect() as connection:
                driver = connection.connection.driver_connection
                while (job := self._next()) is not None:
                    version, expression = job
                    if job in self._kept:
                        continue
                    self._kept.put(version, expression, rank_term(driver, expression))
        except (SQLAlchemyError, sqlite3.Error):  # closed meanwhile: ranked when typed
            log.debug("terms not ranked in advance", exc_info=True)
            with self._lock:
                self._thread = None


def _lower_priority() -> None:
    """On Linux a thread has its own niceness: the UI thread keeps the processor first."""
    setpriority: Callable[[int, int, int], None] | None = getattr(os, "setpriority", None)
    if setpriority is None:
        return
    try:
        setpriority(os.PRIO_PROCESS, threading.get_native_id(), _BACKGROUND_NICENESS)
    except OSError:
        log.debug("background thread priority unchanged", exc_info=True)
