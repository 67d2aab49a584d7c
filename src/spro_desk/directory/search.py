"""Search the cached directory: full text (accents, case and word endings ignored) + filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from spro_desk.directory.catalog import ServiceSummary, summaries
from spro_desk.directory.hours import Hours
from spro_desk.directory.rows import FIELD_SEPARATOR
from spro_desk.geo import Geography, geography
from spro_desk.storage.engine import Database
from spro_desk.text import words
from spro_desk.vocab import STATUTS, publics

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
    return " ".join(f'"{term}"*' for term in query_terms(text)) or None


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

    def __init__(self, db: Database, geo: Geography | None = None) -> None:
        self.db = db
        self.geo = geo or geography()

    def search(
        self,
        text: str = "",
        filters: SearchFilters | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[SearchHit]:
        """One page of results, best first; `offset` skips the pages already shown."""
        filters = filters or SearchFilters()
        limit, offset = max(1, min(limit, 1000)), max(0, offset)
        with self.db.engine.connect() as connection:
            if filters.open_at is None:
                ranked = self._ranked(connection, text, filters, limit, offset)
            else:
                ranked = self._ranked_open(connection, text, filters, limit + offset)[offset:]
            found = summaries(connection, [pk for pk, _ in ranked])
        return [
            SearchHit(found[pk], score, self._reasons(found[pk], filters))
            for pk, score in ranked
            if pk in found
        ]

    def _ranked(
        self, connection: Connection, text: str, filters: SearchFilters, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        clauses = filter_clauses(filters, self.geo)
        expression = match_expression(text)
        if expression is not None and clauses:
            direct = self._ranked_directly(connection, text, clauses, limit, offset)
            if direct is not None:
                return direct
        if expression is None:
            where = " AND ".join(f"pk IN ({sql})" for sql, _ in clauses) or "1"
            sql = f"SELECT pk, 0.0 FROM service WHERE {where} ORDER BY nom, pk LIMIT ? OFFSET ?"
            params = [p for _, ps in clauses for p in ps]
        elif not clauses:
            # rowid as a tie-break keeps pages stable (and lets SQLite's sorter do the work)
            sql = (
                "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? "
                "ORDER BY rank, rowid LIMIT ? OFFSET ?"
            )
            params = [expression]
        else:
            # MATERIALIZED keeps SQLite from pushing the filter into FTS5 as one rowid lookup
            # per candidate, each of which would merge the prefix's doclists again.
            where = " AND ".join(f"pk IN ({sql})" for sql, _ in clauses) or "1"
            sql = (
                "WITH m AS MATERIALIZED (SELECT rowid AS pk, rank FROM service_fts "
                f"WHERE service_fts MATCH ?) SELECT pk, rank FROM m WHERE {where} "
                "ORDER BY rank, pk LIMIT ? OFFSET ?"
            )
            params = [expression, *(p for _, ps in clauses for p in ps)]
        rows = connection.exec_driver_sql(sql, (*params, limit, offset)).all()
        return [(pk, round(-rank, 3)) for pk, rank in rows]

    def _ranked_directly(
        self,
        connection: Connection,
        text: str,
        clauses: list[tuple[str, list[Any]]],
        limit: int,
        offset: int,
    ) -> list[tuple[int, float]] | None:
        """Rank the filtered services in Python; None when the filters leave too many."""
        where = " AND ".join(f"pk IN ({sql})" for sql, _ in clauses)
        params = [p for _, ps in clauses for p in ps]
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
        while len(kept) < limit:
            batch = self._ranked(connection, text, filters, _OPEN_AT_BATCH, offset)
            if not batch:
                break
            found = summaries(connection, [pk for pk, _ in batch])
            kept.extend(
                (pk, score)
                for pk, score in batch
                if Hours.parse(found[pk].horaires).is_open(filters.open_at)
            )
            offset += _OPEN_AT_BATCH
        return kept[:limit]

    def _reasons(self, summary: ServiceSummary, filters: SearchFilters) -> list[str]:
        reasons = []
        if filters.commune is not None:
            label = self.geo.zone_label(filters.commune)
            reasons.append(f"accessible aux habitants de {label}")
        if filters.open_at is not None:
            reasons.append(Hours.parse(summary.horaires).status_fr(filters.open_at))
        return reasons
