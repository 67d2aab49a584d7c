"""Search the cached directory: full text (accents, case and word endings ignored) + filters."""

from __future__ import annotations

import functools
import itertools
import logging
import sqlite3
import threading
import time
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from spro_desk.clock import partner_clocks
from spro_desk.collector import collector_paused
from spro_desk.directory.catalog import ServiceSummary, summaries
from spro_desk.directory.hours import Hours
from spro_desk.directory.networks import ACRONYMS
from spro_desk.directory.rankings_cache import RankingsCache, cache_path, directory_fingerprint
from spro_desk.directory.rows import FIELD_SEPARATOR
from spro_desk.directory.term_rankings import (
    BackgroundRanker,
    Bm25,
    TermRanking,
    TermRankings,
    best_first,
    combined,
    derive,
    rank_lookup,
    rank_term,
    read_bm25,
)
from spro_desk.geo import Geography, geography
from spro_desk.storage.engine import Database
from spro_desk.text import words
from spro_desk.vocab import STATUTS, publics

log = logging.getLogger(__name__)

MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40
# Up to this many services left by the filters, their folded text is matched directly: the
# cost follows the candidates, not the whole index (a one-letter prefix merges thousands of
# terms in FTS5, again for every candidate row it is asked about).
DIRECT_MATCH_LIMIT = 5000
# Weights of the fields of search_text (name, structure, description, commune), as in the
# bm25 rank of the full-text index.
FIELD_WEIGHTS = (10.0, 6.0, 1.0, 3.0)
# How many ranked candidates to read per pass when "open at" filters in Python.
_OPEN_AT_BATCH = 400
# FTS5's bm25 floors the weight (IDF) of a term found in at least half of the indexed rows at
# 1e-6: such a term only filters, its share of any score is below the 3 decimals shown. Ranking
# it costs a pass over nearly every row (a one-letter prefix matches almost all of them), so it
# is matched on search_text instead, after the other terms are ranked.
BROAD_SHARE = 0.5
# How many candidates are checked at once for broad terms, at first and at most.
_CHECK_BATCH = 128
_CHECK_BATCH_MAX = 8192
_BROAD_COUNTS_KEPT = 4096
_WORDS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.service_fts_words "
    "USING fts5vocab(main, service_fts, row)"
)
_PREFIX_COUNT = "SELECT COUNT(*) FROM service_fts WHERE service_fts MATCH ?"
_PREFIX_ROWS = "SELECT rowid FROM service_fts WHERE service_fts MATCH ?"
# bm25 rankings kept for the next keys, and how many rows each holds at least (ranking costs
# the same for 4,000 rows as for 100: reading them is what grows).
_RANKINGS_KEPT = 8
_KEPT_RANKING = 4096
# A broad term in this share of the rows is checked row by row rather than read from the index.
_EVERYWHERE = 0.9
# Every prefix in at least this share of the rows (not broad) is ranked in advance, off the UI
# thread, and stored (rankings_cache): FTS5 ranks 2-3 µs a matching row, so the first time an
# agent types a word of 2 % of the national directory (~2,000 rows) costs the UI thread ~6 ms,
# one of 15 % 40-70 ms. Whatever the word: all of them are ranked, not a chosen few.
ADVANCE_SHARE = 0.02
# ... but not terms of fewer rows than this, whatever the directory (FTS5 ranks them in ~1 ms).
_ADVANCE_LEAST = 100
# At most this many rows ranked in advance (~2 bytes each on disk, compressed).
_ADVANCE_MOST_ROWS = 12_000_000
# Stored rankings read into memory at the start, the most recently used first (the others are
# read when typed, ~1 ms each): the terms an agent typed before, not every prepared one.
_START_READ_ROWS = 500_000
# Rows of the kept rankings' dicts (see combined) kept for the next keys (~100 bytes each).
_LOOKUP_ROWS = 150_000
# Row masks of broad terms kept in memory (one byte a row: ~100 kB each on the national one).
_MASKS_KEPT = 48
# prepare_search(): the national directory takes about 50 s of CPU; a bound for a very slow machine
PREPARE_TIMEOUT_S = 600.0
# A prefix's ranking is derived from a kept one when the words told apart hold at most this
# share of its rows (beyond, ranking it with FTS5 costs about as much).
_DERIVE_SHARE = 0.4
# Forgiven matches read at once while they are filtered.
_FORGIVEN_BATCH = 1024
# A term matching at most this many rows is ranked whole on the UI thread (~5 ms).
_RANKED_HERE = 4000
# Beyond this row id, the row lengths are not kept for bm25 in Python (8 bytes an id).
_MOST_ROW_IDS = 4_000_000
# Words this long may carry one typo (one letter missing, extra, wrong or two swapped).
TYPO_MIN_LENGTH = 5
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_LAST_CHARACTER = "\U0010ffff"


@dataclass(frozen=True)
class SearchFilters:
    commune: str | None = None
    thematiques: tuple[str, ...] = ()
    public: str | None = None
    mode_accueil: str | None = None
    reseau: str | None = None
    open_at: datetime | None = None


@dataclass(frozen=True)
class SearchHit:
    summary: ServiceSummary
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return self.summary.result_json(self.score, self.reasons)


def query_terms(text: str) -> list[str]:
    return [w[:MAX_WORD_LENGTH] for w in words(text[:2000])][:MAX_QUERY_WORDS]


def match_expression(text: str) -> str | None:
    """An FTS5 query that can never be a syntax error: each word quoted, prefix-matched.

    Folding to \\w+ words drops quotes, stars, parentheses and lone dashes; quoting each word
    turns operators such as NEAR, AND or NOT into plain words.
    """
    return prefix_expression(query_terms(text)) or None


def prefix_expression(terms: list[str]) -> str:
    """Folded terms as an FTS5 query: each one quoted, prefix-matched, all required."""
    return " ".join(f'"{term}"*' for term in terms)


def one_edit_variants(term: str) -> set[str]:
    """Every word one edit away from `term` (Damerau: deletion, insertion, change, swap)."""
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    variants |= {a + c + b for a, b in splits for c in _ALPHABET}
    variants.discard(term)
    return variants


def _shared_start(a: str, b: str) -> str:
    length = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    return a[: min(len(a), len(b)) if length is None else length]


class Vocabulary:
    """The words of the full-text index: a set for typos, sorted for "is it a prefix", and
    how many rows hold each (when known)."""

    def __init__(self, words: Iterable[str], found: dict[str, int] | None = None) -> None:
        self.sorted = sorted(words)
        self.words = frozenset(self.sorted)
        found = found or {}
        # Rows holding the words before each position, summed (the last one: all of them).
        self._rows_before = array(
            "q", itertools.accumulate((found.get(w, 0) for w in self.sorted), initial=0)
        )

    def told_apart(self, shorter: str, longer: str) -> tuple[list[str], int]:
        """FTS5 phrases for the words starting with `shorter` and not with `longer` (which
        starts with `shorter`), and how many rows hold these words at most."""
        phrases: list[str] = []
        most = 0
        for i in range(len(shorter), len(longer)):
            stem = longer[:i]
            at = bisect_left(self.sorted, stem)
            end = bisect_left(self.sorted, stem + _LAST_CHARACTER, at)
            while at < end:
                word = self.sorted[at]
                after = at + 1
                if word == stem:
                    phrases.append(f'"{stem}"')
                else:
                    branch = stem + word[i]
                    after = bisect_left(self.sorted, branch + _LAST_CHARACTER, at, end)
                    if branch == longer[: i + 1]:
                        at = after
                        continue
                    phrases.append(f'"{branch}"*')
                most += self._rows_before[after] - self._rows_before[at]
                at = after
        return phrases, most

    def phrase(self, word: str) -> str:
        """FTS5's phrase for the word alone: as a prefix when no longer word starts with it
        (the same rows, the same ranking: the one kept or stored for the prefix)."""
        at = bisect_left(self.sorted, word)
        alone = at + 1 == len(self.sorted) or not self.sorted[at + 1].startswith(word)
        return f'"{word}"*' if alone and self.sorted[at : at + 1] == [word] else f'"{word}"'

    def rows_of(self, word: str) -> int | None:
        """How many rows hold `word` (None: not a word of the index)."""
        at = bisect_left(self.sorted, word)
        if self.sorted[at : at + 1] != [word]:
            return None
        return self._rows_before[at + 1] - self._rows_before[at]

    def starts_a_word(self, prefix: str) -> bool:
        at = bisect_left(self.sorted, prefix)
        return at < len(self.sorted) and self.sorted[at].startswith(prefix)

    def widest_equivalent(self, prefix: str) -> str:
        """The longest prefix that starts exactly the same words as `prefix` (itself when it
        starts none): FTS5 matches and scores both the same, as a prefix query reads the
        doclists of the words it starts and nothing else."""
        first = bisect_left(self.sorted, prefix)
        end = bisect_left(self.sorted, prefix + _LAST_CHARACTER, first)
        if first == end:
            return prefix
        # The sorted words' first and last share what all of them share.
        return _shared_start(self.sorted[first], self.sorted[end - 1])


def forgiving_groups(
    terms: list[str], vocabulary: Vocabulary | None
) -> list[list[tuple[str, ...]]]:
    """For each term, what may stand for it: itself (a prefix), the words of the acronym's
    full name, the directory's words one typo away. Empty when nothing is forgiven.

    A term that starts some word is being typed, not mistyped: it is left alone. No
    `vocabulary` means every term starts some word (the exact search found services)."""
    groups: list[list[tuple[str, ...]]] = []
    forgiven = False
    for term in terms:
        group: list[tuple[str, ...]] = [(term,)]
        if term in ACRONYMS:
            group.append(ACRONYMS[term])
        if (
            vocabulary is not None
            and len(term) >= TYPO_MIN_LENGTH
            and not vocabulary.starts_a_word(term)
        ):
            group.extend((v,) for v in sorted(one_edit_variants(term) & vocabulary.words))
        forgiven = forgiven or len(group) > 1
        groups.append(group)
    return groups if forgiven else []


def forgiving_expression(groups: list[list[tuple[str, ...]]]) -> str:
    def alternative(words: tuple[str, ...], first: bool) -> str:
        if len(words) == 1:
            return f'"{words[0]}"*' if first else f'"{words[0]}"'
        return "(" + " AND ".join(f'"{w}"' for w in words) + ")"

    # FTS5 needs an explicit AND between parenthesised groups.
    return " AND ".join(
        "(" + " OR ".join(alternative(w, i == 0) for i, w in enumerate(group)) + ")"
        for group in groups
    )


def direct_score(terms: list[str], search_text: str) -> float:
    """Every term must start a word of some field; the score adds the best field's weight."""
    fields = search_text.split(FIELD_SEPARATOR)
    total = 0.0
    for term in terms:
        needle = " " + term
        best = max(
            (w for w, f in zip(FIELD_WEIGHTS, fields, strict=False) if needle in f), default=0
        )
        if not best:
            return 0.0
        total += best
    return total


def _tag_clause(kind: str, values: tuple[str, ...]) -> tuple[str, list[Any]]:
    marks = ", ".join("?" for _ in values)
    sql = f"SELECT service_pk FROM service_tag WHERE kind = ? AND value IN ({marks})"
    return sql, [kind, *values]


def _public_kind(public: str) -> str:
    return "statut" if public in STATUTS and public not in publics() else "public"


def filter_clauses(filters: SearchFilters, geo: Geography) -> list[tuple[str, list[Any]]]:
    """Sub-selects of service pks, one per active filter (all must hold)."""
    clauses = []
    if filters.commune is not None:
        zones = geo.zones_of_commune(filters.commune) or (filters.commune,)
        clauses.append(_tag_clause("zone", tuple(zones)))
    if filters.thematiques:
        clauses.append(_tag_clause("thematique", tuple(filters.thematiques)))
    if filters.public:
        clauses.append(_tag_clause(_public_kind(filters.public), (filters.public,)))
    if filters.mode_accueil:
        clauses.append(_tag_clause("mode", (filters.mode_accueil,)))
    if filters.reseau:
        clauses.append(_tag_clause("reseau", (filters.reseau,)))
    return clauses


class DirectorySearch:
    """Search-as-you-type over one desk database."""

    def __init__(self, db: Database, geo: Geography | None = None, forgiving: bool = True) -> None:
        self.db = db
        self.geo = geo or geography()
        self.forgiving = forgiving
        self._vocabulary: tuple[Any, Vocabulary] | None = None
        # Per imported directory: how many rows each term matches, and the services by name.
        self._version: Any = None
        self._matching: dict[str, int] = {}
        self._rows = 0
        self._by_name: array[int] | None = None
        # The last bm25 rankings read, by match expression: (version, rows asked, ranking).
        self._rankings: dict[str, tuple[Any, int, list[tuple[int, float]]]] = {}
        self._preparing: threading.Thread | None = None
        # The services passing the last filters: (their key, the services).
        self._filtered: tuple[Any, frozenset[int]] | None = None
        # Counted by another thread: (version, rows matching each letter as a prefix).
        self._letters: tuple[Any, dict[str, int]] | None = None
        # Whole rankings of single terms, made by another thread (see term_rankings).
        self._kept = TermRankings()
        # The same rankings on disk, for the next starts (see rankings_cache).
        self._cache = RankingsCache(cache_path(db.path) if db.is_sqlite else None)
        self._ranker = BackgroundRanker(db, self._kept, self._model_for, self._cache)
        # bm25 as FTS5 computes it, read by another thread: (version, model or None).
        self._model: tuple[Any, Bm25 | None] | None = None
        # Kept rankings as dicts, by (version, expression), for the next keys (see combined).
        self._lookups: OrderedDict[tuple[Any, str], dict[int, float]] = OrderedDict()
        self._lookup_rows = 0
        # The rows matching broad terms, by expression (see _members): (version, masks).
        self._masks: tuple[Any, OrderedDict[str, bytes]] = (None, OrderedDict())

    def _model_for(self, version: Any) -> Bm25 | None:
        model = self._model
        return model[1] if model is not None and model[0] == version else None

    def _directory_version(self, connection: Connection) -> Any:
        """The last import's key: what is cached below is read again after an import."""
        version = connection.exec_driver_sql("SELECT MAX(pk) FROM directory_import").scalar()
        if version != self._version:
            self._version = version
            self._matching = {}
            self._by_name = None
            self._rows = connection.exec_driver_sql(
                "SELECT COUNT(*) FROM service_fts_docsize"
            ).scalar_one()
        return version

    def count_letters_in_background(self) -> threading.Thread:
        """Count, off the calling thread, the rows matching each letter or digit as a prefix:
        the first letter of a word is typed often, and counting it merges thousands of words
        (~20 ms a letter on the national directory). Then read the index's words."""
        thread = threading.Thread(target=self._count_letters, name="letters", daemon=True)
        thread.start()
        self._preparing = thread
        return thread

    def wait_prepared(self, timeout: float) -> bool:
        """Wait for the work done in advance (letters, words, rankings); False on timeout."""
        deadline = time.monotonic() + timeout
        if self._preparing is not None:
            self._preparing.join(timeout)
        self._ranker.join(max(0.0, deadline - time.monotonic()))
        return time.monotonic() < deadline

    def _count_letters(self) -> None:
        try:
            with self.db.engine.connect() as connection:
                version = connection.exec_driver_sql(
                    "SELECT MAX(pk) FROM directory_import"
                ).scalar()
                driver = connection.connection.driver_connection
                stored = self._read_stored_rankings(version, directory_fingerprint(driver))
                if all(letter in stored for letter in _ALPHABET):
                    self._letters = (version, stored)  # the first keys need them
                # The index's words let the next keys of a word reuse its ranking (see
                # _widest_terms); reading them costs 0.1-0.2 s, here off the UI thread.
                vocabulary = self._words_of_directory(connection)
                self._model = (version, read_bm25(driver, _MOST_ROW_IDS))
                counted = self._rank_in_advance(connection, version, vocabulary, stored)
                run = connection.exec_driver_sql
                counts = {
                    letter: counted.get(letter)
                    or run(_PREFIX_COUNT, (f'"{letter}"*',)).scalar_one()
                    for letter in _ALPHABET
                }
                # Every prefix counted, letters included: the next starts read them at once.
                counts = {**counted, **counts}
                if stored != counts:
                    self._cache.store_counts(version, counts)
                self._letters = (version, counts)
        except (SQLAlchemyError, sqlite3.Error):  # closed meanwhile: done when typed
            log.debug("letters or words not read in advance", exc_info=True)

    def _read_stored_rankings(self, version: Any, fingerprint: str) -> dict[str, int]:
        """Have the background ranker read the rankings stored by the last starts (the most
        recently used first, up to _START_READ_ROWS rows: the others are read when typed),
        before anything else: reading one costs about a millisecond, making it up to a second.
        Returns the prefix counts stored with them (counting them all again takes seconds)."""
        self._cache.attach(version, fingerprint)
        room, chosen = min(self._kept.max_rows, _START_READ_ROWS), []
        for expression, rows in self._cache.terms(version):
            if rows <= room:
                chosen.append(expression)
                room -= rows
        self._ranker.ask(version, chosen, urgent=False)
        return self._cache.counts(version)

    def _rank_in_advance(
        self,
        connection: Connection,
        version: Any,
        vocabulary: Vocabulary,
        known: dict[str, int] | None = None,
    ) -> dict[str, int]:
        """Ask the background ranker for every term that would cost the UI thread more than a
        few milliseconds when typed first: each prefix of a word matching at least 2 % of the
        rows (and not broad), stored ones excepted (they are read when typed). Returns the rows
        matching each prefix counted to choose them."""
        run = connection.exec_driver_sql
        run(_WORDS_TABLE)
        rows = run("SELECT COUNT(*) FROM service_fts_docsize").scalar_one()
        low, high = max(rows * ADVANCE_SHARE, _ADVANCE_LEAST), rows * BROAD_SHARE
        # A prefix matches at most the rows of its words together: only those may be counted.
        most: dict[str, int] = {}
        for term, found in run("SELECT term, doc FROM temp.service_fts_words").all():
            for end in range(1, len(term) + 1):
                most[term[:end]] = most.get(term[:end], 0) + found
        prefixes = {
            p if len(p) == 1 else vocabulary.widest_equivalent(p)
            for p, found in most.items()
            if found >= low
        }
        known = known or {}
        counts = {
            p: known[p] if p in known else run(_PREFIX_COUNT, (f'"{p}"*',)).scalar_one()
            for p in prefixes
        }
        # The forgiving search ranks whole words (a typo's corrections): those of at least
        # `low` rows, as FTS5's phrase for the word alone, broad ones included.
        whole = {
            vocabulary.phrase(word): found
            for word, found in run("SELECT term, doc FROM temp.service_fts_words").all()
            if found >= low
        }
        wanted = {prefix_expression([p]): n for p, n in counts.items() if low <= n < high}
        chosen, room = [], _ADVANCE_MOST_ROWS
        for expression, found in sorted({**whole, **wanted}.items(), key=lambda item: -item[1]):
            if found <= room:
                room -= found
                if not self._cache.holds(version, expression):
                    chosen.append(expression)
        self._ranker.ask(version, chosen, urgent=False)
        self._store_broad_masks(connection, version, [p for p, n in counts.items() if n >= high])
        return counts

    def _store_broad_masks(self, connection: Connection, version: Any, broad: list[str]) -> None:
        """Store the row masks of the broad prefixes not stored yet (~20-100 ms each here,
        instead of on the key that first needs one)."""
        if self._cache.path is None:
            return
        held = self._cache.stored_members(version)
        for prefix in sorted(broad):
            expression = prefix_expression([prefix])
            if expression not in held:
                self._cache.store_members(version, expression, self._mask_of(connection, prefix))

    def _mask_of(self, connection: Connection, term: str) -> bytes:
        """One byte per row id, 1 where the row matches `term` as a prefix (the driver's own
        cursor: ~50,000 keys for "co", read in C)."""
        driver = connection.connection.driver_connection
        assert driver is not None
        top = driver.execute("SELECT MAX(id) FROM service_fts_docsize").fetchone()[0] or 0
        mask = bytearray(top + 1)
        for (pk,) in driver.execute(_PREFIX_ROWS, (prefix_expression([term]),)):
            if pk <= top:
                mask[pk] = 1
        return bytes(mask)

    def _members(self, connection: Connection, term: str, *, make: bool) -> bytes | None:
        """The row mask of a broad term: kept, stored by the work in advance (read in ~0.2 ms),
        or, when `make`, read from the index and kept for the next keys."""
        version = self._directory_version(connection)
        if self._masks[0] != version:
            self._masks = (version, OrderedDict())
        masks, expression = self._masks[1], prefix_expression([term])
        mask = masks.get(expression)
        if mask is None:
            mask = self._cache.load_members(version, expression)
            if mask is None and make:
                mask = self._mask_of(connection, term)
            if mask is None:
                return None
            if len(masks) >= _MASKS_KEPT:
                masks.popitem(last=False)
            masks[expression] = mask
        masks.move_to_end(expression)
        return mask

    def rank_in_background(self, terms: list[str]) -> None:
        """Have these folded terms' whole rankings made off the calling thread and kept."""
        with self.db.engine.connect() as connection:
            version = self._directory_version(connection)
        self._ranker.ask(version, [prefix_expression([t]) for t in terms], urgent=True)

    def rank_in_advance_done(self, timeout: float | None = None) -> None:
        """Wait for the background ranker (tests, benchmarks)."""
        self._ranker.join(timeout)

    def is_broad(self, connection: Connection, term: str) -> bool:
        """Whether bm25 gives `term` (a prefix) no weight: it matches half the rows or more."""
        version = self._directory_version(connection)
        count = self._known_count(term, version)
        if count is None:
            # A longer prefix matches fewer rows: the word typed so far was counted already.
            shorter = self._known_count(term[:-1], version) if len(term) > 1 else None
            if shorter is not None and shorter < self._rows * BROAD_SHARE:
                return False
            count = self._counted(connection, term)
        return self._rows > 0 and count >= self._rows * BROAD_SHARE

    def _counted(self, connection: Connection, term: str) -> int:
        """How many rows `term` matches as a prefix, counted by the index (1-3 ms) and kept."""
        count: int = connection.exec_driver_sql(_PREFIX_COUNT, (f'"{term}"*',)).scalar_one()
        if len(self._matching) >= _BROAD_COUNTS_KEPT:
            self._matching.clear()
        self._matching[term] = count
        return count

    def _known_count(self, term: str, version: Any) -> int | None:
        count = self._matching.get(term)
        letters = self._letters
        if count is None and letters is not None and letters[0] == version:
            count = letters[1].get(term)
        return count

    def _services_by_name(self, connection: Connection) -> array[int]:
        """Every service pk in (name, pk) order, read once per imported directory: the order
        of the empty search and of searches made only of broad terms."""
        self._directory_version(connection)
        if self._by_name is None:
            pks = connection.exec_driver_sql("SELECT pk FROM service ORDER BY nom, pk")
            self._by_name = array("q", (row[0] for row in pks))
        return self._by_name

    def _words_of_directory(self, connection: Connection) -> Vocabulary:
        """The indexed words, read once per imported directory (for typo tolerance)."""
        version = connection.exec_driver_sql("SELECT MAX(pk) FROM directory_import").scalar()
        if self._vocabulary is None or self._vocabulary[0] != version:
            connection.exec_driver_sql(_WORDS_TABLE)
            found: dict[str, int] = dict(
                connection.exec_driver_sql("SELECT term, doc FROM temp.service_fts_words").all()
            )
            self._vocabulary = (version, Vocabulary(found, found))
        return self._vocabulary[1]

    def search(
        self,
        text: str = "",
        filters: SearchFilters | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[SearchHit]:
        """One page of results, best first; `offset` skips the pages already shown."""
        filters = filters or SearchFilters()
        ranked = self.ranked(text, filters, limit, offset)
        found = self._summaries([pk for pk, _ in ranked])
        return [
            SearchHit(found[pk], score, self._reasons(found[pk], filters))
            for pk, score in ranked
            if pk in found
        ]

    def ranked(
        self,
        text: str = "",
        filters: SearchFilters | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[tuple[int, float]]:
        """The keys and scores of one page of results, best first (what `search` returns
        without reading the rows: `summaries` reads them when they are shown)."""
        filters = filters or SearchFilters()
        limit, offset = max(1, min(limit, 1000)), max(0, offset)
        with self.db.engine.connect() as connection, collector_paused():
            if filters.open_at is None:
                return self._ranked(connection, text, filters, limit, offset)
            return self._ranked_open(connection, text, filters, limit + offset)[offset:]

    def summaries(self, pks: list[int]) -> list[ServiceSummary]:
        """The rows of these keys, in their order (keys no longer in the directory skipped)."""
        found = self._summaries(pks)
        return [found[pk] for pk in pks if pk in found]

    def _summaries(self, pks: list[int]) -> dict[int, ServiceSummary]:
        with self.db.engine.connect() as connection:
            return summaries(connection, pks)

    def _ranked(
        self, connection: Connection, text: str, filters: SearchFilters, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """Exact matches first; forgiven ones (acronyms, one typo) fill the page after them."""
        wanted = limit + offset
        exact = self._ranked_exact(connection, text, filters, wanted, 0)
        terms = query_terms(text)
        if len(exact) >= wanted or not self.forgiving or not terms:
            return exact[offset:wanted]
        # Reading the index's words costs 0.1-0.2 s on the national directory: only when a
        # typo may be forgiven, i.e. when nothing matched exactly.
        vocabulary = None if exact else self._words_of_directory(connection)
        groups = forgiving_groups(terms, vocabulary)
        if not groups:
            return exact[offset:wanted]
        seen = {pk for pk, _ in exact}
        more = self._ranked_forgiving(connection, groups, filters, wanted + len(exact))
        merged = exact + [(pk, score) for pk, score in more if pk not in seen]
        return merged[offset:wanted]

    def _ranked_forgiving(
        self,
        connection: Connection,
        groups: list[list[tuple[str, ...]]],
        filters: SearchFilters,
        limit: int,
    ) -> list[tuple[int, float]]:
        clauses = filter_clauses(filters, self.geo)
        # The services of the filters are read once for the keys typed under them (SQLite
        # built them again for each query, ~100 ms for Paris); the matches, in FTS5's order,
        # are kept as they pass.
        allowed = self._filtered_pks(connection, clauses) if clauses else None
        kept = self._forgiven_from_kept(connection, groups, limit)
        if kept is not None:
            passing = (item for item in kept if allowed is None or item[0] in allowed)
            return list(itertools.islice(passing, limit))
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor = driver.execute(
            "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? "
            "ORDER BY rank, rowid" + (" LIMIT ?" if allowed is None else ""),
            (forgiving_expression(groups), *(() if allowed is not None else (limit,))),
        )
        found: list[tuple[int, float]] = []
        while len(found) < limit and (rows := cursor.fetchmany(_FORGIVEN_BATCH)):
            found.extend(
                (pk, round(-rank, 3)) for pk, rank in rows if allowed is None or pk in allowed
            )
        return found[:limit]

    def _forgiven_from_kept(
        self, connection: Connection, groups: list[list[tuple[str, ...]]], wanted: int
    ) -> Iterator[tuple[int, float]] | None:
        """The forgiven matches, best first, from the kept rankings of each phrase of the
        forgiving query (FTS5's answer: bm25 adds up each phrase a row holds, in the query's
        order); None when one is not kept yet (the background ranker is asked for it) or when
        an alternative is several words (an acronym's: FTS5 may count such a phrase in a row
        that its AND does not match)."""
        if any(len(words) > 1 for group in groups for words in group):
            return None
        version = self._directory_version(connection)
        vocabulary = self._vocabulary[1] if self._vocabulary is not None else None
        if self._vocabulary is None or self._vocabulary[0] != version or vocabulary is None:
            return None
        # The typed term as the widest prefix starting the same words: the one kept.
        phrases = [
            [
                prefix_expression([vocabulary.widest_equivalent(w)])
                if i == 0
                else vocabulary.phrase(w)
                for i, (w,) in enumerate(g)
            ]
            for g in groups
        ]
        rankings: dict[str, TermRanking] = {}
        missing = []
        for expression in {e for group in phrases for e in group}:
            ranking = self._phrase_ranking(connection, version, vocabulary, expression)
            if ranking is None:
                missing.append(expression)
            else:
                rankings[expression] = ranking
        if missing:
            self._ranker.ask(version, missing, urgent=True)
            return None
        in_order = [rankings[e] for group in phrases for e in group]
        holding = [ranking for ranking in in_order if len(ranking)]
        ordered: Iterable[tuple[int, float]]
        if len(phrases) == 1 and len(holding) == 1:  # one word forgiven: its ranking as it is
            ordered = zip(holding[0].pks, holding[0].ranks, strict=True)
        else:
            groups_rankings = [[rankings[e] for e in group] for group in phrases]
            ordered = best_first(_forgiven_rows(groups_rankings, holding), wanted)
        return ((pk, round(-rank, 3)) for pk, rank in ordered)

    def _phrase_ranking(
        self, connection: Connection, version: Any, vocabulary: Vocabulary, expression: str
    ) -> TermRanking | None:
        """A phrase's whole ranking: kept, stored, or made here when it is cheap."""
        ranking = self._kept_or_stored(version, expression)
        if ranking is not None:
            return ranking
        if expression.endswith("*"):
            maker = self._ranking_maker(connection, version, expression[1:-2])
        else:
            rows = vocabulary.rows_of(expression[1:-1])
            driver = connection.connection.driver_connection
            model = self._model_for(version)
            maker = (
                (lambda: rank_term(driver, expression, model))
                if rows is not None and rows <= _RANKED_HERE
                else None
            )
        if maker is None or (ranking := maker()) is None:
            return None
        self._kept.put(version, expression, ranking)
        self._ranker.save(version, expression)
        return ranking

    def _ranked_exact(
        self, connection: Connection, text: str, filters: SearchFilters, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        clauses = filter_clauses(filters, self.geo)
        expression = match_expression(text)
        if expression is not None and clauses:
            direct = self._ranked_directly(connection, text, clauses, limit, offset)
            if direct is not None:
                return direct
            return self._ranked_filtered(connection, text, clauses, limit, offset)
        if expression is None and not clauses:
            by_name = self._services_by_name(connection)
            return [(pk, 0.0) for pk in by_name[offset : offset + limit]]
        if expression is None:
            where, params = _pk_filter(clauses)
            sql = f"SELECT pk, 0.0 FROM service WHERE {where} ORDER BY nom, pk LIMIT ? OFFSET ?"
        else:
            return self._ranked_unfiltered(connection, query_terms(text), limit, offset)
        rows = connection.exec_driver_sql(sql, (*params, limit, offset)).all()
        return [(pk, round(-rank, 3)) for pk, rank in rows]

    def _ranked_filtered(
        self,
        connection: Connection,
        text: str,
        clauses: list[tuple[str, list[Any]]],
        limit: int,
        offset: int,
    ) -> list[tuple[int, float]]:
        """Many services left by the filters: the rows of the unfiltered search that pass
        them (the services of the filters read once, see _filtered_pks; SQLite built them
        again for each key, ~100 ms for Paris). Broad terms alone list the services by name,
        as without filters (bm25 scores them all 0.000), rather than FTS5 ranking every row
        matching `m` to keep those of Paris."""
        terms = self._widest_terms(connection, query_terms(text))
        broad = [term for term in terms if self.is_broad(connection, term)]
        ranked = [term for term in terms if term not in broad]
        allowed = self._filtered_pks(connection, clauses)
        candidates: Iterable[tuple[int, float]]
        if ranked:
            wanted = limit + offset
            kept = self._kept_candidates(connection, ranked, wanted)
            if kept is None:
                # Enough ranked rows at once for `wanted` of them to pass the filters.
                share = max(len(allowed), 1) / max(self._rows, 1)
                kept = self._ranked_candidates(connection, ranked, int(wanted / share) + 1)
            candidates = (item for item in kept if item[0] in allowed)
        else:
            by_name = self._services_by_name(connection)
            candidates = ((pk, 0.0) for pk in by_name if pk in allowed)
        if broad:
            candidates = self._with_words(connection, candidates, broad)
        return list(itertools.islice(candidates, offset, offset + limit))

    def _filtered_pks(
        self, connection: Connection, clauses: list[tuple[str, list[Any]]]
    ) -> frozenset[int]:
        """The services passing the filters, read once while they stay the same (an agent
        types several keys under one filter)."""
        key = (self._directory_version(connection), tuple((q, tuple(p)) for q, p in clauses))
        if self._filtered is None or self._filtered[0] != key:
            where, params = _pk_filter(clauses)
            sql = f"SELECT pk FROM service WHERE {where}"
            self._filtered = (key, frozenset(connection.exec_driver_sql(sql, params).scalars()))
        return self._filtered[1]

    def _ranked_unfiltered(
        self, connection: Connection, terms: list[str], limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """bm25 over the terms that carry weight; broad terms only filter (see BROAD_SHARE)."""
        terms = self._widest_terms(connection, terms)
        broad = [term for term in terms if self.is_broad(connection, term)]
        ranked = [term for term in terms if term not in broad]
        candidates: Iterable[tuple[int, float]]
        if not ranked:
            candidates = self._by_name_matching(connection, broad)
        else:
            from_kept = self._kept_candidates(connection, ranked, limit + offset)
            if from_kept is not None:
                candidates = from_kept
            elif not broad:
                return self._bm25(connection, prefix_expression(ranked), limit + offset)[offset:]
            else:
                candidates = self._ranked_candidates(connection, ranked, limit + offset)
            if broad:
                candidates = self._with_words(connection, candidates, broad)
        kept = itertools.islice(candidates, offset, None)
        return list(itertools.islice(kept, limit))

    def _kept_candidates(
        self, connection: Connection, terms: list[str], wanted: int
    ) -> Iterator[tuple[int, float]] | None:
        """The rows matching every term, best first, from the terms' kept rankings (the same
        order and scores as FTS5 ranking them together); None while one is not kept yet: the
        background ranker is asked for it."""
        version = self._directory_version(connection)
        expressions = [prefix_expression([term]) for term in terms]
        rankings = [self._kept_or_stored(version, expression) for expression in expressions]
        makers = {
            i: self._ranking_maker(connection, version, term)
            for i, term in enumerate(terms)
            if rankings[i] is None
        }
        missing = [expressions[i] for i, maker in makers.items() if maker is None]
        if missing:
            self._ranker.ask(version, missing, urgent=True)
            return None
        for i, maker in makers.items():
            assert maker is not None
            rankings[i] = made = maker()
            if made is None:
                return None
            self._kept.put(version, expressions[i], made)
            self._ranker.save(version, expressions[i])
        kept = [ranking for ranking in rankings if ranking is not None]
        if len(kept) == 1:
            ordered: Iterable[tuple[int, float]] = zip(kept[0].pks, kept[0].ranks, strict=True)
        else:
            lookup = functools.partial(self._rank_lookup, version, expressions, kept)
            ordered = best_first(combined(kept, lookup), wanted)
        return ((pk, round(-rank, 3)) for pk, rank in ordered)

    def _rank_lookup(
        self, version: Any, expressions: list[str], rankings: list[TermRanking], i: int
    ) -> dict[int, float]:
        """Ranking i as a dict, kept for the next keys (~1 ms per 10,000 rows to make): the
        words typed before the one being typed are looked up again at each of its keys."""
        key = (version, expressions[i])
        found = self._lookups.get(key)
        if found is None or len(found) != len(rankings[i]):
            found = rank_lookup(rankings[i])
            self._lookups[key] = found
            self._lookup_rows += len(found)
            while self._lookup_rows > _LOOKUP_ROWS and len(self._lookups) > 1:
                _, dropped = self._lookups.popitem(last=False)
                self._lookup_rows -= len(dropped)
        self._lookups.move_to_end(key)
        return found

    def _kept_or_stored(self, version: Any, expression: str) -> TermRanking | None:
        """The kept ranking of `expression`, or the one stored by an earlier start, read here
        (~1 ms) when the background ranker has not read it yet."""
        ranking = self._kept.get(version, expression)
        if ranking is None:
            ranking = self._cache.load(version, expression)
            if ranking is not None:
                self._kept.put(version, expression, ranking)
        return ranking

    def _ranking_maker(
        self, connection: Connection, version: Any, term: str
    ) -> Callable[[], TermRanking | None] | None:
        """How to make the ranking of `term` (a prefix) at little cost, if there is a way:
        FTS5 ranks a term of few rows; otherwise it follows from the kept ranking of a shorter
        or longer prefix, when few rows hold the words of one and not of the other."""
        driver = connection.connection.driver_connection
        model = self._model_for(version)
        count = self._known_count(term, version)
        if count is None:  # a narrow word's next key (see is_broad): few rows, likely
            count = self._counted(connection, term)
        if count <= _RANKED_HERE:
            return lambda: rank_term(driver, prefix_expression([term]), model)
        vocabulary = self._vocabulary
        if model is None or vocabulary is None or vocabulary[0] != version:
            return None
        chosen = None
        for expression, ranking in self._kept.items(version):
            other = expression[1:-2]  # '"fr"*'
            if ranking.frequencies is None:  # its word counts are not made yet
                continue
            if term.startswith(other):
                phrases, most = vocabulary[1].told_apart(other, term)
                sign = -1.0
            elif other.startswith(term):
                phrases, most = vocabulary[1].told_apart(term, other)
                sign = 1.0
            else:
                continue
            if most <= len(ranking) * _DERIVE_SHARE and (chosen is None or most < chosen[0]):
                chosen = (most, ranking, phrases, sign)
        if chosen is None:
            return None
        _, source, phrases, sign = chosen
        return lambda: derive(driver, model, source, phrases, sign)

    def _widest_terms(self, connection: Connection, terms: list[str]) -> list[str]:
        """Each term as the longest prefix starting the same words of the index, when they were
        read in advance: "inf" to "informatio" all stand for "information" in the national
        directory, whose ranking (~1 µs a matching row in FTS5) is then made once for them."""
        version = self._directory_version(connection)
        vocabulary = self._vocabulary
        if vocabulary is None or vocabulary[0] != version:
            return terms
        return [vocabulary[1].widest_equivalent(term) for term in terms]

    def _by_name_matching(
        self, connection: Connection, terms: list[str]
    ) -> Iterator[tuple[int, float]]:
        """Every row scores 0.000 for bm25: the services come by name, as with an empty search.

        Each term's matching rows come from its row mask (stored in advance, or read from the
        index and kept). A term found nearly everywhere ("de") or a letter alone without a
        stored mask (the index has no prefix index for it: reading its matches merges thousands
        of words) is checked on search_text as the services come instead."""
        by_name: Iterable[int] = self._services_by_name(connection)
        candidates = ((pk, 0.0) for pk in by_name)
        return self._with_words(connection, candidates, terms, make=True)

    def _with_words(
        self,
        connection: Connection,
        candidates: Iterable[tuple[int, float]],
        terms: list[str],
        *,
        make: bool = False,
    ) -> Iterator[tuple[int, float]]:
        """The candidates, in their order, matching every (broad) term as a prefix: through
        the terms' row masks when there are, checked on search_text otherwise."""
        masks, unmasked = [], []
        for term in terms:
            everywhere = len(term) == 1 or self._matching.get(term, 0) >= self._rows * _EVERYWHERE
            mask = self._members(connection, term, make=make and not everywhere)
            if mask is None:
                unmasked.append(term)
            else:
                masks.append(mask)
        if masks:
            size = min(len(mask) for mask in masks)
            if len(masks) == 1:
                only = masks[0]
                candidates = (item for item in candidates if item[0] < size and only[item[0]])
            else:
                candidates = (
                    item
                    for item in candidates
                    if item[0] < size and all(mask[item[0]] for mask in masks)
                )
        if not unmasked:
            return iter(candidates)
        return self._checked_on_text(connection, candidates, unmasked)

    def _ranked_candidates(
        self, connection: Connection, terms: list[str], wanted: int
    ) -> Iterator[tuple[int, float]]:
        """The rows matching `terms`, best first; read again, longer, when more are asked."""
        expression = prefix_expression(terms)
        size, done = 4 * wanted + 64, 0
        while True:
            rows = self._bm25(connection, expression, size)
            yield from rows[done:]
            if len(rows) < size:
                return
            done, size = len(rows), size * 4

    def _bm25(self, connection: Connection, expression: str, size: int) -> list[tuple[int, float]]:
        """The first `size` matches of `expression`, best first, with their scores.

        The last rankings are kept: the next key often ranks the same words again (a space
        typed, or a broad term that only filters, as in "mission l")."""
        version = self._directory_version(connection)
        kept = self._rankings.get(expression)
        if kept is not None and kept[0] == version and (kept[1] >= size or len(kept[2]) < kept[1]):
            return kept[2][:size]
        wanted, size = size, max(size, _KEPT_RANKING)
        # rowid as a tie-break keeps pages stable (and lets SQLite's sorter do the work)
        # The driver's own cursor: SQLAlchemy's rows cost ~1 µs each, 4 ms for these.
        driver = connection.connection.driver_connection
        assert driver is not None
        rows = driver.execute(
            "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? "
            "ORDER BY rank, rowid LIMIT ?",
            (expression, size),
        ).fetchall()
        ranking = [(pk, round(-rank, 3)) for pk, rank in rows]
        if len(self._rankings) >= _RANKINGS_KEPT:
            self._rankings.pop(next(iter(self._rankings)))
        self._rankings[expression] = (version, size, ranking)
        return ranking[:wanted]

    def _checked_on_text(
        self, connection: Connection, candidates: Iterable[tuple[int, float]], terms: list[str]
    ) -> Iterator[tuple[int, float]]:
        """The candidates, in their order, whose folded fields have words starting with every
        term. SQLite checks a batch at a time (search_text never crosses into Python); batches
        grow, as services of one network share their words and come in long runs."""
        words_in = " AND ".join("instr(search_text, ?) > 0" for _ in terms)
        sql = "SELECT pk FROM service WHERE pk IN (SELECT value FROM json_each(?)) AND " + words_in
        spaced = [" " + term for term in terms]
        pending = iter(candidates)
        size = _CHECK_BATCH
        while batch := list(itertools.islice(pending, size)):
            pks = "[" + ",".join(str(pk) for pk, _ in batch) + "]"
            kept = set(connection.exec_driver_sql(sql, (pks, *spaced)).scalars())
            yield from ((pk, score) for pk, score in batch if pk in kept)
            size = min(size * 2, _CHECK_BATCH_MAX)

    def _ranked_directly(
        self,
        connection: Connection,
        text: str,
        clauses: list[tuple[str, list[Any]]],
        limit: int,
        offset: int,
    ) -> list[tuple[int, float]] | None:
        """Rank the filtered services in Python; None when the filters leave too many."""
        where, params = _pk_filter(clauses)
        rows = connection.exec_driver_sql(
            f"SELECT pk, search_text, nom FROM service WHERE {where} LIMIT ?",
            (*params, DIRECT_MATCH_LIMIT + 1),
        ).all()
        if len(rows) > DIRECT_MATCH_LIMIT:
            return None
        terms = query_terms(text)
        scored = [(pk, direct_score(terms, folded), nom) for pk, folded, nom in rows]
        scored = [item for item in scored if item[1] > 0]
        scored.sort(key=lambda item: (-item[1], item[2], item[0]))
        return [(pk, score) for pk, score, _ in scored[offset : offset + limit]]

    def _ranked_open(
        self, connection: Connection, text: str, filters: SearchFilters, limit: int
    ) -> list[tuple[int, float]]:
        assert filters.open_at is not None
        kept: list[tuple[int, float]] = []
        offset = 0
        # Each row's hours are its own clock; one conversion per zone, none on a site whose
        # zone is every row's.
        partner_at = partner_clocks(filters.open_at)
        while len(kept) < limit:
            batch = self._ranked(connection, text, filters, _OPEN_AT_BATCH, offset)
            if not batch:
                break
            found = summaries(connection, [pk for pk, _ in batch])
            kept.extend(
                (pk, score)
                for pk, score in batch
                if Hours.parse(found[pk].horaires).is_open(partner_at(found[pk].code_insee))
            )
            offset += _OPEN_AT_BATCH
        return kept[:limit]

    def _reasons(self, summary: ServiceSummary, filters: SearchFilters) -> list[str]:
        reasons = []
        if filters.commune is not None:
            label = self.geo.zone_label(filters.commune)
            reasons.append(f"accessible aux habitants de {label}")
        if filters.open_at is not None:
            reasons.append(
                Hours.parse(summary.horaires).status_fr(filters.open_at, summary.code_insee)
            )
        return reasons


def _forgiven_rows(
    groups: list[list[TermRanking]], holding: list[TermRanking]
) -> list[tuple[float, int]]:
    """(rank, pk) of the rows holding a phrase of every group; the rank adds, in the query's
    order, the rank of each phrase (`holding`: those matching some row) the row holds (0.0 for
    the others, as bm25 adds them)."""
    members: set[int] | None = None
    for group in groups:
        rows = set().union(*(r.pks for r in group))
        members = rows if members is None else members & rows
    lookups = [dict(zip(r.pks, r.ranks, strict=True)) for r in holding]
    found = []
    for pk in members or ():
        total = 0.0
        for lookup in lookups:
            total += lookup.get(pk, 0.0)
        found.append((total, pk))
    return found


def _pk_filter(clauses: list[tuple[str, list[Any]]]) -> tuple[str, tuple[Any, ...]]:
    """The filters' clauses as one WHERE on `service.pk` ("1": no filter) and its parameters."""
    where = " AND ".join(f"pk IN ({sql})" for sql, _ in clauses) or "1"
    return where, tuple(p for _, ps in clauses for p in ps)


def prepare_search(db: Database, timeout: float = PREPARE_TIMEOUT_S) -> bool:
    """Do now the work the Annuaire does in advance at its start (prefix counts, the rankings
    of the terms costliest to type), stored next to the database (rankings_cache): after an
    import outside the window, the desk's next start then finds it done instead of ranking
    while the agent types. False when `timeout` ran out (what is done is kept)."""
    search = DirectorySearch(db)
    search.count_letters_in_background()
    return search.wait_prepared(timeout)
