"""Kept term rankings on disk, next to the desk database: a desk start has them at once.

Ranking the terms of the Annuaire in advance costs 7-16 s of a core after each start; the
rankings only change with the directory. So each term's whole ranking (its arrays' bytes,
compressed) is written to a side SQLite file, keyed by a fingerprint of the last import, and
read back in about a millisecond (`zlib` then `array.frombytes`). The first start after a
directory update pays once.

A ranking compresses well: in FTS5's order, runs of rows share their rank and word count, and
row ids grow within a run (national directory: 16 bytes a row in memory, ~2 on disk). So the
file can hold the ranking of every term an agent may type that FTS5 ranks slowly.

The file holds public directory data only (row ids, bm25 ranks, word counts): no personal
data, which the desk database itself keeps sealed in its columns. It is a cache: a file of
another directory, another format or another machine is emptied; a damaged one is deleted and
made again; a ranking whose sizes or checksum do not match is not used. Nothing here raises.

Writes happen off the UI thread (the background ranker), each thread on its own connection,
the file in WAL mode: a reader never waits for a writer.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import sys
import threading
import zlib
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spro_desk.directory.term_rankings import TermRanking

log = logging.getLogger(__name__)

SUFFIX = ".classements"
# The file's blobs stay under this many bytes (least recently used rankings dropped).
MAX_CACHE_BYTES = 64 * 1024 * 1024
# The arrays are stored as the machine lays them out: another layout is another format.
FORMAT = f"3 zlib {sys.byteorder} i{array('i').itemsize} q{array('q').itemsize}"
_WAIT_MS = 50
# zlib's fastest level: its output is within 1 % of the default's, in a quarter of the time.
_LEVEL = 1
_DETACHED = object()

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ranking (expression TEXT PRIMARY KEY, rows INTEGER NOT NULL, "
    "pk_type TEXT NOT NULL, pks BLOB NOT NULL, ranks BLOB NOT NULL, frequencies BLOB, "
    "checksum INTEGER NOT NULL, size INTEGER NOT NULL, used INTEGER NOT NULL)",
    # How many rows each prefix matches: what decides, at the first keys, which terms weigh.
    "CREATE TABLE IF NOT EXISTS prefix_count (prefix TEXT PRIMARY KEY, rows INTEGER NOT NULL)",
    # The rows matching a broad prefix (one byte a row id, 1: matches), compressed: a broad
    # term only filters, the services coming by name.
    "CREATE TABLE IF NOT EXISTS members (expression TEXT PRIMARY KEY, size INTEGER NOT NULL, "
    "mask BLOB NOT NULL, checksum INTEGER NOT NULL)",
)
_OURS = "(SELECT value FROM meta WHERE key = 'directory') = ?"
_READ = (
    "SELECT rows, pk_type, pks, ranks, frequencies, checksum FROM ranking "
    f"WHERE expression = ? AND {_OURS}"
)


def cache_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + SUFFIX)


def directory_fingerprint(driver_connection: Any) -> str:
    """What changes with each import: the last import's row and the full-text index's totals
    (row count and lengths), hashed. A backup restored then imported again gets the same
    import number, not the same time."""
    execute = driver_connection.execute
    last = execute(
        "SELECT pk, source, imported_at, services FROM directory_import ORDER BY pk DESC LIMIT 1"
    ).fetchone()
    totals = execute("SELECT block FROM service_fts_data WHERE id = 1").fetchone()
    top = execute("SELECT MAX(id) FROM service_fts_docsize").fetchone()
    return hashlib.sha256(repr((last, totals, top)).encode()).hexdigest()


def _checksum(expression: str, pks: bytes, ranks: bytes, frequencies: bytes | None) -> int:
    """Of the ranking and of the term it ranks (a damaged index must not lend another's)."""
    checksum = zlib.crc32(expression.encode())
    for part in (pks, ranks, frequencies or b""):
        checksum = zlib.crc32(part, checksum)
    return checksum


def _inflated(blob: Any) -> bytes | None:
    if blob is None:
        return None
    try:
        return zlib.decompress(blob)
    except (zlib.error, TypeError):
        return b"\x00"  # not what was written: its size tells it


def _decoded(expression: str, row: tuple[Any, ...]) -> TermRanking | None:
    """The stored ranking, or None when its sizes or checksum say it is not what was written."""
    rows, pk_type, pks_blob, ranks_blob, frequencies_blob, checksum = row
    if pk_type not in ("i", "q") or not isinstance(rows, int) or rows < 0:
        return None
    pks_bytes, ranks_bytes = _inflated(pks_blob), _inflated(ranks_blob)
    frequencies_bytes = _inflated(frequencies_blob)
    if pks_bytes is None or ranks_bytes is None:
        return None
    pks, ranks = array(pk_type), array("d")
    frequencies = None if frequencies_bytes is None else array("f")
    if (
        len(pks_bytes) != rows * pks.itemsize
        or len(ranks_bytes) != rows * ranks.itemsize
        or (frequencies_bytes is not None and len(frequencies_bytes) != rows * array("f").itemsize)
        or _checksum(expression, pks_bytes, ranks_bytes, frequencies_bytes) != checksum
    ):
        return None
    pks.frombytes(pks_bytes)
    ranks.frombytes(ranks_bytes)
    if frequencies is not None and frequencies_bytes is not None:
        frequencies.frombytes(frequencies_bytes)
    return TermRanking(pks, ranks, frequencies)


class RankingsCache:
    """The rankings file of one desk database, for one directory version at a time."""

    def __init__(self, path: Path | None, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._local = threading.local()
        # Bumped when the file is made again: each thread's connection is opened again.
        self._generation = 0
        # No directory before `attach` (not even None, the version of an empty desk).
        self._version: Any = _DETACHED
        self._fingerprint = ""
        # Expression -> (stored bytes, rows), read at attachment.
        self._index: dict[str, tuple[int, int]] = {}
        self._counts: dict[str, int] = {}
        self.loaded = 0

    def attach(self, version: Any, fingerprint: str) -> None:
        """Use the file for the directory `version` (off the UI thread: it may write)."""
        if self.path is None:
            return
        try:
            index, counts = self._open(fingerprint)
        except (sqlite3.Error, OSError):
            log.info("rankings cache unreadable, made again", exc_info=True)
            index, counts = self._remade(fingerprint)
        with self._lock:
            self._version, self._fingerprint, self._index = version, fingerprint, index
            self._counts = counts

    def counts(self, version: Any) -> dict[str, int]:
        """The stored prefix counts of the directory `version` (read at attachment)."""
        with self._lock:
            return dict(self._counts) if version == self._version else {}

    def store_counts(self, version: Any, counts: dict[str, int]) -> None:
        """Store prefix counts (background thread only), replacing the stored ones."""

        def write(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM prefix_count")
            connection.executemany("INSERT INTO prefix_count VALUES (?, ?)", sorted(counts.items()))

        if not self._store_if_ours(version, write, "prefix counts"):
            return
        with self._lock:
            if version == self._version:
                self._counts = dict(counts)

    def load_members(self, version: Any, expression: str) -> bytes | None:
        """The stored row mask of a broad prefix (any thread), None when absent or unsound."""
        fingerprint = self._fingerprint_for(version)
        if fingerprint is None:
            return None
        try:
            found = (
                self._connection()
                .execute(
                    f"SELECT size, mask, checksum FROM members WHERE expression = ? AND {_OURS}",
                    (expression, fingerprint),
                )
                .fetchall()
            )
        except sqlite3.Error:
            log.debug("mask not read from the cache", exc_info=True)
            return None
        if not found:
            return None
        size, blob, checksum = found[0]
        mask = _inflated(blob)
        if mask is None or len(mask) != size or _checksum(expression, mask, b"", None) != checksum:
            return None
        return mask

    def stored_members(self, version: Any) -> set[str]:
        """The expressions whose row masks are stored (background threads)."""
        fingerprint = self._fingerprint_for(version)
        if fingerprint is None:
            return set()
        try:
            rows = (
                self._connection()
                .execute(f"SELECT expression FROM members WHERE {_OURS}", (fingerprint,))
                .fetchall()
            )
        except sqlite3.Error:
            log.debug("masks not listed", exc_info=True)
            return set()
        return {expression for (expression,) in rows}

    def store_members(self, version: Any, expression: str, mask: bytes) -> None:
        """Store the row mask of a broad prefix (background threads only)."""
        row = (
            expression,
            len(mask),
            zlib.compress(mask, _LEVEL),
            _checksum(expression, mask, b"", None),
        )

        def write(connection: sqlite3.Connection) -> None:
            connection.execute("INSERT OR REPLACE INTO members VALUES (?, ?, ?, ?)", row)

        self._store_if_ours(version, write, "mask")

    def _store_if_ours(
        self, version: Any, write: Callable[[sqlite3.Connection], object], what: str
    ) -> bool:
        """Run `write` in a write transaction when the file is still `version`'s; whether it
        was written (a cache: a failure is logged, never raised)."""
        fingerprint = self._fingerprint_for(version)
        if fingerprint is None:
            return False
        try:
            with self._ours(fingerprint) as connection:
                if connection is None:
                    return False
                write(connection)
        except sqlite3.Error:
            log.debug("%s not written to the cache", what, exc_info=True)
            return False
        return True

    def terms(self, version: Any) -> list[tuple[str, int]]:
        """(expression, rows) of the stored rankings, most recently used first."""
        with self._lock:
            if version != self._version:
                return []
            return [(expression, rows) for expression, (_, rows) in self._index.items()]

    def holds(self, version: Any, expression: str) -> bool:
        with self._lock:
            return version == self._version and expression in self._index

    def load(self, version: Any, expression: str) -> TermRanking | None:
        """The stored ranking of `expression` (any thread), None when absent or unsound."""
        with self._lock:
            if version != self._version or expression not in self._index:
                return None
            fingerprint = self._fingerprint
        try:
            # fetchall: the statement is done, no read transaction left open on the file.
            found = self._connection().execute(_READ, (expression, fingerprint)).fetchall()
            row = found[0] if found else None
        except sqlite3.Error:
            log.debug("ranking not read from the cache", exc_info=True)
            row = None
        ranking = None if row is None else _decoded(expression, row)
        if ranking is None:
            with self._lock:
                self._index.pop(expression, None)
        else:
            self.loaded += 1
        return ranking

    def store(self, version: Any, expression: str, ranking: TermRanking) -> None:
        """Write `ranking` (background thread only), dropping the least recently used ones
        beyond `max_bytes`."""
        pks, ranks = ranking.pks.tobytes(), ranking.ranks.tobytes()
        frequencies = None if ranking.frequencies is None else ranking.frequencies.tobytes()
        checksum = _checksum(expression, pks, ranks, frequencies)
        pks, ranks = zlib.compress(pks, _LEVEL), zlib.compress(ranks, _LEVEL)
        frequencies = None if frequencies is None else zlib.compress(frequencies, _LEVEL)
        size = len(pks) + len(ranks) + len(frequencies or b"")
        with self._lock:
            if self.path is None or version != self._version or size > self.max_bytes:
                return
            fingerprint = self._fingerprint
        try:
            dropped = self._write(
                expression, fingerprint, (size, checksum), ranking, pks, ranks, frequencies
            )
        except sqlite3.Error:
            log.debug("ranking not written to the cache", exc_info=True)
            return
        if dropped is None:
            return
        with self._lock:
            if version == self._version:
                for gone in (*dropped, expression):
                    self._index.pop(gone, None)
                self._index = {expression: (size, len(ranking)), **self._index}

    def touch(self, version: Any, expression: str) -> None:
        """Mark a ranking used (background thread only): the last dropped when room lacks."""
        if not self.holds(version, expression):
            return
        try:
            with self._connection() as connection:
                connection.execute(
                    "UPDATE ranking SET used = (SELECT MAX(used) + 1 FROM ranking) "
                    "WHERE expression = ?",
                    (expression,),
                )
        except sqlite3.Error:
            log.debug("ranking use not written", exc_info=True)

    def _write(
        self,
        expression: str,
        fingerprint: str,
        sized: tuple[int, int],
        ranking: TermRanking,
        pks: bytes,
        ranks: bytes,
        frequencies: bytes | None,
    ) -> list[str] | None:
        size, checksum = sized
        with self._ours(fingerprint) as connection:
            if connection is None:
                return None  # made again for another directory meanwhile
            execute = connection.execute
            rows = execute(
                "SELECT expression, size FROM ranking WHERE expression != ? ORDER BY used DESC",
                (expression,),
            ).fetchall()
            total, dropped = size, []
            for other, other_size in rows:
                total += other_size
                if total > self.max_bytes:
                    dropped.append(other)
            if dropped:
                marks = ", ".join("?" for _ in dropped)
                execute(f"DELETE FROM ranking WHERE expression IN ({marks})", dropped)
            used = execute("SELECT COALESCE(MAX(used), 0) + 1 FROM ranking").fetchone()[0]
            execute(
                "INSERT OR REPLACE INTO ranking VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    expression,
                    len(ranking),
                    ranking.pks.typecode,
                    pks,
                    ranks,
                    frequencies,
                    checksum,
                    size,
                    used,
                ),
            )
        return dropped

    def _fingerprint_for(self, version: Any) -> str | None:
        """The file's directory fingerprint when `version` is the one attached, else None."""
        with self._lock:
            if self.path is None or version != self._version:
                return None
            return self._fingerprint

    @contextmanager
    def _ours(self, fingerprint: str) -> Iterator[sqlite3.Connection | None]:
        """A write transaction on the file; None when it was made again for another
        directory meanwhile (nothing to write then)."""
        with self._connection() as connection:
            execute = connection.execute
            execute("BEGIN IMMEDIATE")
            ours = execute(f"SELECT {_OURS}", (fingerprint,)).fetchone()[0] == 1
            yield connection if ours else None

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection (closed with the thread)."""
        assert self.path is not None
        local = self._local
        if getattr(local, "generation", None) != self._generation:
            if getattr(local, "connection", None) is not None:
                local.connection.close()
            connection = sqlite3.connect(self.path, timeout=_WAIT_MS / 1000, isolation_level=None)
            connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode, a power cut may lose the last writes (rankings made again), never
            # damage the file; and a commit does not wait for the disk.
            connection.execute("PRAGMA synchronous = NORMAL")
            local.connection, local.generation = connection, self._generation
        connection = local.connection
        assert isinstance(connection, sqlite3.Connection)
        return connection

    def _open(self, fingerprint: str) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
        connection = self._connection()
        with connection:
            execute = connection.execute
            execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA:
                execute(statement)
            meta = dict(execute("SELECT key, value FROM meta").fetchall())
            if meta != {"format": FORMAT, "directory": fingerprint}:
                execute("DELETE FROM ranking")
                execute("DELETE FROM prefix_count")
                execute("DELETE FROM members")
                execute("DELETE FROM meta")
                execute(
                    "INSERT INTO meta VALUES ('format', ?), ('directory', ?)",
                    (FORMAT, fingerprint),
                )
            rows = execute("SELECT expression, size, rows FROM ranking ORDER BY used DESC")
            index = {expression: (size, count) for expression, size, count in rows}
            counts = dict(execute("SELECT prefix, rows FROM prefix_count").fetchall())
            return index, counts

    def _remade(self, fingerprint: str) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
        """A damaged file deleted and made again; no cache (None path) when that fails."""
        assert self.path is not None
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
        self._generation += 1
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            return self._open(fingerprint)
        except (sqlite3.Error, OSError):
            log.warning("rankings cache disabled", exc_info=True)
            self.path = None
            return {}, {}
