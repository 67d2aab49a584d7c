"""Kept term rankings stored next to the desk database: the next start reads them, bit for bit
FTS5's, and a file of another directory or a damaged one is never used."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from spro_desk.directory.rankings_cache import RankingsCache, cache_path, directory_fingerprint
from spro_desk.directory.search import DirectorySearch
from spro_desk.directory.term_rankings import TermRanking, rank_term, read_bm25
from spro_desk.storage.engine import Database

from conftest import CVL, import_smaller_directory

TYPED = ["conseil orientation", "mission loc", "accompagnement emploi", "form"]


def _prepared(db: Database) -> DirectorySearch:
    """A search as the Annuaire starts it, its work in advance over."""
    search = DirectorySearch(db, forgiving=False)
    search.count_letters_in_background().join(timeout=60)
    assert search.wait_prepared(60)
    return search


def _fts5(db: Database, text: str) -> list[tuple[int, float]]:
    expression = " ".join(f'"{word}"*' for word in text.split())
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? ORDER BY rank, rowid",
            (expression,),
        ).all()
    return [(pk, round(-rank, 3)) for pk, rank in rows]


def _typed(search: DirectorySearch) -> None:
    for text in TYPED:
        search.ranked(text, limit=1000)
    search.rank_in_advance_done(timeout=60)


def _same_as_fts5(db: Database, search: DirectorySearch) -> None:
    for text in TYPED:
        assert search.ranked(text, limit=1000) == _fts5(db, text)[:1000], text


def test_a_second_start_reads_the_rankings_instead_of_making_them(cvl_db: Database) -> None:
    first = _prepared(cvl_db)
    _typed(first)
    assert first._ranker.ranked > 0 and first._ranker.read == 0
    assert cache_path(cvl_db.path).is_file()

    second = _prepared(cvl_db)
    assert second._ranker.read > 0 and second._ranker.ranked == 0  # no FTS5 ranking
    _same_as_fts5(cvl_db, second)
    assert second._ranker.ranked == 0
    # The typed terms of the first start too: read on the UI thread, not ranked.
    assert second._cache.loaded >= second._ranker.read
    with cvl_db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        model = read_bm25(driver, 1_000_000)
        for expression, ranking in second._kept.items(second._version):
            fresh = rank_term(driver, expression, model)
            assert list(ranking.pks) == list(fresh.pks), expression
            assert list(ranking.ranks) == list(fresh.ranks), expression  # bit for bit
            assert list(ranking.frequencies or []) == list(fresh.frequencies or []), expression


def test_an_import_makes_the_stored_rankings_unused(cvl_db: Database, tmp_path: Path) -> None:
    _typed(_prepared(cvl_db))
    import_smaller_directory(cvl_db, tmp_path)

    after = _prepared(cvl_db)
    assert after._ranker.read == 0
    _same_as_fts5(cvl_db, after)
    assert after._cache.loaded == 0


def test_a_damaged_or_foreign_file_is_made_again(cvl_db: Database) -> None:
    _typed(_prepared(cvl_db))
    path = cache_path(cvl_db.path)
    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], b"not a database" * 100, b""):
        path.write_bytes(damaged)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        search = _prepared(cvl_db)
        _same_as_fts5(cvl_db, search)
        assert search._ranker.ranked > 0
    # Made again: the next start reads it.
    assert _prepared(cvl_db)._ranker.ranked == 0


def test_a_ranking_whose_bytes_changed_is_not_used(cvl_db: Database) -> None:
    _typed(_prepared(cvl_db))
    with sqlite3.connect(cache_path(cvl_db.path)) as connection:
        changed = connection.execute(
            "UPDATE ranking SET ranks = zeroblob(length(ranks)) WHERE rows > 0"
        ).rowcount
        assert changed > 0
    search = _prepared(cvl_db)
    _same_as_fts5(cvl_db, search)
    assert search._ranker.read == 0 and search._cache.loaded == 0


def test_the_file_stays_within_its_bound(tmp_path: Path) -> None:
    from array import array

    cache = RankingsCache(tmp_path / "x.classements", max_bytes=10_000)
    cache.attach(1, "directory")
    # Rows that do not compress (the file holds rankings compressed): ~3,200 bytes each.
    noise = random.Random(13)
    pks = array("i", noise.sample(range(1 << 30), 200))
    ranks = array("d", [-noise.random() for _ in range(200)])
    ranking = TermRanking(pks, ranks, array("f", [noise.random() for _ in range(200)]))
    for n in range(10):
        cache.store(1, f'"t{n}"*', ranking)
    assert [e for e, _ in cache.terms(1)] == ['"t9"*', '"t8"*', '"t7"*']
    with sqlite3.connect(tmp_path / "x.classements") as connection:
        assert connection.execute("SELECT SUM(size) FROM ranking").fetchone()[0] <= 10_000
    loaded = cache.load(1, '"t9"*')
    assert loaded is not None and list(loaded.pks) == list(pks)
    assert list(loaded.ranks) == list(ranks)
    assert cache.load(1, '"t0"*') is None and cache.load(2, '"t9"*') is None
    # Another directory: the stored rankings are dropped.
    other = RankingsCache(tmp_path / "x.classements")
    other.attach(2, "another directory")
    assert other.terms(2) == [] and other.load(2, '"t9"*') is None


def test_a_term_typed_before_the_background_reads_it_is_read_on_the_ui_thread(
    cvl_db: Database,
) -> None:
    _typed(_prepared(cvl_db))
    search = DirectorySearch(cvl_db, forgiving=False)
    with cvl_db.engine.connect() as connection:
        version = search._directory_version(connection)
        driver = connection.connection.driver_connection
        search._cache.attach(version, directory_fingerprint(driver))  # no ranking asked
    assert search.ranked("mission emploi", limit=1000) == _fts5(cvl_db, "mission emploi")
    assert search._cache.loaded == 2  # both terms read here
    search.rank_in_advance_done(timeout=60)
    assert search._ranker.ranked == 0 and search._ranker.read == 0


def test_a_search_never_attached_writes_no_file(cvl_db: Database) -> None:
    """The orientation screen's search, or the command line's: rankings kept in memory only."""
    search = DirectorySearch(cvl_db, forgiving=False)
    assert search.ranked("mission emploi", limit=1000) == _fts5(cvl_db, "mission emploi")
    search.rank_in_advance_done(timeout=60)
    assert not cache_path(cvl_db.path).exists()


def test_the_prefix_counts_are_stored_with_the_rankings(cvl_db: Database) -> None:
    first = _prepared(cvl_db)
    assert first._letters is not None
    second = DirectorySearch(cvl_db, forgiving=False)
    with cvl_db.engine.connect() as connection:
        version = second._directory_version(connection)
        driver = connection.connection.driver_connection
        second._cache.attach(version, directory_fingerprint(driver))
    stored = second._cache.counts(version)
    assert stored == first._letters[1] and set("abcmz") <= set(stored)
    for prefix in ("m", "c", "mo", "l"):
        assert stored[prefix] == len(_fts5(cvl_db, prefix)), prefix


def test_an_import_from_the_command_line_leaves_the_search_prepared(tmp_path: Path) -> None:
    """`spro-desk directory import` does the Annuaire's work in advance: the desk's next start
    reads every ranking instead of making one while the agent types."""
    from spro_desk.cli.main import main
    from spro_desk.paths import database_path

    assert main(["--data-dir", str(tmp_path), "directory", "import", str(CVL), "--json"]) == 0
    db = Database(database_path(tmp_path))
    try:
        assert cache_path(db.path).is_file()
        start = _prepared(db)
        assert start._ranker.read > 0 and start._ranker.ranked == 0
        _same_as_fts5(db, start)
    finally:
        db.close()


def _attached(db: Database) -> tuple[DirectorySearch, object]:
    search = DirectorySearch(db, forgiving=False)
    with db.engine.connect() as connection:
        version = search._directory_version(connection)
        search._cache.attach(
            version, directory_fingerprint(connection.connection.driver_connection)
        )
    return search, version


def test_every_prefix_an_agent_may_type_is_stored_in_advance(cvl_db: Database) -> None:
    """Not a chosen few: each prefix of each word of the index matching from 2 % (at least
    100 rows) to half of the rows is ranked once the search is prepared, whatever the word."""
    from spro_desk.directory import search as module

    _prepared(cvl_db)
    search, version = _attached(cvl_db)
    with cvl_db.engine.connect() as connection:
        vocabulary = search._words_of_directory(connection)
        rows = search._rows
        low = max(rows * module.ADVANCE_SHARE, module._ADVANCE_LEAST)
        prefixes = {vocabulary.widest_equivalent(w[:n]) for w in vocabulary.sorted
                    for n in range(2, len(w) + 1)}  # fmt: skip
        expected = set()
        for prefix in prefixes:
            count = connection.exec_driver_sql(module._PREFIX_COUNT, (f'"{prefix}"*',)).scalar()
            if low <= count < rows * module.BROAD_SHARE:
                expected.add(prefix)
    assert len(expected) > 20
    assert {p for p in expected if not search._cache.holds(version, f'"{p}"*')} == set()


def test_broad_terms_filter_through_their_stored_row_masks(cvl_db: Database) -> None:
    _prepared(cvl_db)
    search, version = _attached(cvl_db)
    stored = search._cache.stored_members(version)
    assert {'"m"*', '"e"*', '"de"*', '"co"*', '"j"*'} <= stored
    mask = search._cache.load_members(version, '"co"*')
    assert mask is not None and {pk for pk, byte in enumerate(mask) if byte} == {
        pk for pk, _ in _fts5(cvl_db, "co")
    }
    unprepared = DirectorySearch(cvl_db, forgiving=False)  # checks the words on the text
    for text in ("de co", "m", "conseil e", "mission j"):
        assert search.ranked(text, limit=1000) == unprepared.ranked(text, limit=1000), text
    assert {'"de"*', '"co"*', '"m"*', '"e"*', '"j"*'} <= set(search._masks[1])
    assert unprepared._masks[1].keys() <= {'"co"*', '"de"*'}  # made there, not read
