"""Directory search: accents, prefixes, filters, and no error on any text typed."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spro_desk.directory.search import (
    DirectorySearch,
    SearchFilters,
    Vocabulary,
    match_expression,
)
from spro_desk.directory.term_rankings import (
    TermRanking,
    TermRankings,
    combined,
    derive,
    rank_term,
    read_bm25,
)
from spro_desk.storage.engine import Database

from conftest import import_smaller_directory


def _structures(hits) -> set[str]:
    return {h.summary.structure_nom for h in hits}


def test_accents_and_case_are_ignored(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    with_accents = search.search("Châteauroux", limit=100)
    without = search.search("CHATEAUROUX", limit=100)
    assert with_accents and [h.summary.pk for h in with_accents] == [h.summary.pk for h in without]


def test_prefixes_match_as_you_type(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    for typed in ("mis", "missi", "mission loc"):
        hits = search.search(typed, limit=10)
        assert hits and all("Mission locale" in h.summary.structure_nom for h in hits[:3]), typed


def test_structure_names_descriptions_and_communes_are_searched(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    assert "CIO de Bourges" in _structures(search.search("cio bourges"))
    assert search.search("psychologue")  # only in descriptions
    assert all(h.summary.commune for h in search.search("vierzon"))


def test_commune_filter_uses_epci_and_departement_zones(cvl_db: Database) -> None:
    hits = DirectorySearch(cvl_db).search("", SearchFilters(commune="18031"), limit=1000)
    names = _structures(hits)
    assert "CIO de Bourges" in names  # its zone lists the EPCI of Blet
    assert "Cap emploi Cher" in names  # zone: the département 18
    assert not any("Loiret" in n for n in names)


def test_thematique_filter_by_category_or_sub_thematique(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    category = search.search("", SearchFilters(thematiques=("souvrir-a-linternational",)), 500)
    sub = search.search(
        "", SearchFilters(thematiques=("trouver-un-emploi--maintien-dans-lemploi",)), 500
    )
    assert category and {h.summary.reseau for h in category} == {"information-jeunesse"}
    assert sub and {h.summary.reseau for h in sub} == {"cap-emploi"}


def test_public_mode_and_network_filters(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    cadres = search.search("", SearchFilters(public="cadre", reseau="apec"), 50)
    assert cadres and all(h.summary.reseau == "apec" for h in cadres)
    remote = search.search("", SearchFilters(mode_accueil="a-distance"), 1000)
    assert remote and all("a-distance" in h.summary.modes_accueil for h in remote)
    handicap = search.search("", SearchFilters(public="personnes-en-situation-de-handicap"), 500)
    assert handicap and {h.summary.reseau for h in handicap} == {"cap-emploi"}


def test_open_at_a_given_moment(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    saturday = search.search("", SearchFilters(open_at=datetime(2026, 11, 21, 10, 0)), 1000)
    wednesday = search.search("", SearchFilters(open_at=datetime(2026, 11, 18, 10, 0)), 1000)
    assert 0 < len(saturday) < len(wednesday)
    armistice = search.search("", SearchFilters(open_at=datetime(2026, 11, 11, 10, 0)), 1000)
    # Hours without a PH rule say nothing of public holidays: "to be confirmed", never open.
    assert all("PH" in (h.summary.horaires or "") for h in armistice)
    assert all("PH off" not in (h.summary.horaires or "") for h in armistice)


def test_hostile_queries_become_plain_words() -> None:
    assert match_expression('"NEAR(a b)" AND -x* OR') == '"near"* "a"* "b"* "and"* "x"* "or"*'
    assert match_expression("- * \" ' 🚀") is None


HOSTILE = st.one_of(
    st.text(),
    st.sampled_from(['"', "*", "NEAR", "AND", "OR NOT", "-", "^", "(", "a:b", "🚀", "\x00"]),
    st.text(alphabet='"*-^():NEAR ANDOR🚀éà', max_size=50),
    st.just("a" * 10_000),
    st.just("mission " * 2_000),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=HOSTILE)
def test_search_never_raises_on_any_text(cvl_db: Database, text: str) -> None:
    hits = DirectorySearch(cvl_db).search(text, SearchFilters(commune="18033"), limit=5)
    assert isinstance(hits, list) and len(hits) <= 5


def test_filtered_search_finds_the_same_services_either_way(
    cvl_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few candidates are matched directly, many go through FTS5: same services found."""
    from spro_desk.directory import search as module

    search = DirectorySearch(cvl_db)
    cases = [("m", "18033"), ("mission loc", "37261"), ("conseil", "45234"), ("cio", "36044")]
    direct = [
        {h.summary.pk for h in search.search(t, SearchFilters(commune=c), 1000)} for t, c in cases
    ]
    monkeypatch.setattr(module, "DIRECT_MATCH_LIMIT", 0)
    indexed = [
        {h.summary.pk for h in search.search(t, SearchFilters(commune=c), 1000)} for t, c in cases
    ]
    assert direct == indexed
    assert all(direct)


@pytest.mark.parametrize("text", ["", "conseil", "m"])
def test_pages_follow_each_other_without_overlap(cvl_db: Database, text: str) -> None:
    search = DirectorySearch(cvl_db)
    whole = [h.summary.pk for h in search.search(text, limit=120)]
    pages = [
        h.summary.pk for start in (0, 40, 80) for h in search.search(text, limit=40, offset=start)
    ]
    assert pages == whole and len(set(pages)) == len(pages)


def _fts5_ranking(db: Database, text: str) -> list[tuple[int, float]]:
    """What FTS5's bm25 says of every term, as the search ranked before broad terms."""
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? ORDER BY rank, rowid",
            (match_expression(text),),
        ).all()
    return [(pk, round(-rank, 3)) for pk, rank in rows]


def test_terms_in_half_the_directory_are_broad(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    with cvl_db.engine.connect() as connection:
        broad = {t for t in ("m", "e", "de", "co", "j", "la", "mission", "b", "cio")
                 if search.is_broad(connection, t)}  # fmt: skip
    assert broad == {"m", "e", "de", "co", "j"}


@pytest.mark.parametrize("ranked_here", [0, 4000])
@pytest.mark.parametrize("text", ["mission l", "conseil en e", "cio b", "accompagnement j"])
def test_broad_terms_filter_without_changing_the_scores(
    cvl_db: Database, text: str, ranked_here: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FTS5 gives a term in half the rows a weight of 1e-6: the same services come, with the
    same scores in the same order (only services tied on their score may swap) — whether FTS5
    ranks the terms together or each term's whole ranking is kept and summed."""
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "_RANKED_HERE", ranked_here)
    hits = DirectorySearch(cvl_db, forgiving=False).search(text, limit=1000)
    reference = _fts5_ranking(cvl_db, text)
    assert hits and len(hits) == len(reference)
    assert {h.summary.pk for h in hits} == {pk for pk, _ in reference}
    assert [h.score for h in hits] == [score for _, score in reference]


@pytest.mark.parametrize("text", ["m", "de co", "e j"])
def test_a_search_of_broad_terms_lists_its_services_by_name(cvl_db: Database, text: str) -> None:
    search = DirectorySearch(cvl_db, forgiving=False)
    hits = search.search(text, limit=1000)
    reference = _fts5_ranking(cvl_db, text)
    assert {h.summary.pk for h in hits} == {pk for pk, _ in reference} and hits
    # Every score is 0.000 for bm25 too: the empty search's order, restricted to the matches.
    assert {h.score for h in hits} == {0.0} == {score for _, score in reference}
    matching = {h.summary.pk for h in hits}
    by_name = [h.summary.pk for h in search.search("", limit=1000) if h.summary.pk in matching]
    assert [h.summary.pk for h in hits] == by_name


def test_broad_terms_are_counted_again_after_an_import(cvl_db: Database, tmp_path: Path) -> None:
    search = DirectorySearch(cvl_db, forgiving=False)
    with cvl_db.engine.connect() as connection:
        assert search.is_broad(connection, "co")
    assert len(search.search("co", limit=1000)) == 456
    # A smaller directory: the first services of the same structures.
    import_smaller_directory(cvl_db, tmp_path)
    reference = _fts5_ranking(cvl_db, "co")
    hits = search.search("co", limit=1000)
    assert {h.summary.pk for h in hits} == {pk for pk, _ in reference}
    assert 0 < len(hits) < 456


def test_the_index_words_are_read_only_when_a_typo_may_be_forgiven(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    found = search.search("conseil en orientation", limit=1000)
    assert 0 < len(found) < 1000 and search._vocabulary is None  # nothing to forgive
    assert search.search("consiel en orientation", limit=1000)  # one typo: words read
    assert search._vocabulary is not None


def test_letters_are_counted_in_advance_as_the_index_counts_them(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    search.count_letters_in_background().join(timeout=30)
    assert search._letters is not None
    with cvl_db.engine.connect() as connection:
        for letter in "mejbq":
            counted = search._letters[1][letter]
            assert counted == len(_fts5_ranking(cvl_db, letter))
            assert search.is_broad(connection, letter) == (counted * 2 >= 679)
        assert "m" not in search._matching  # the advance count was used


def test_a_longer_prefix_of_a_narrow_one_is_not_counted_again(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db)
    with cvl_db.engine.connect() as connection:
        assert not search.is_broad(connection, "missi")
        assert not search.is_broad(connection, "missio")
        assert search.is_broad(connection, "co") and not search.is_broad(connection, "con")
    assert "missi" in search._matching and "missio" not in search._matching
    assert "con" in search._matching  # "co" is broad: "con" may be too, it is counted


@pytest.fixture
def fts5_ranks_every_term(monkeypatch: pytest.MonkeyPatch) -> None:
    """No term small enough to be ranked whole on the calling thread: FTS5 ranks them."""
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "_RANKED_HERE", 0)


@pytest.mark.usefixtures("fts5_ranks_every_term")
def test_the_next_key_reuses_the_ranking_of_the_same_words(cvl_db: Database) -> None:
    search = DirectorySearch(cvl_db, forgiving=False)
    first = search.search("conseil", limit=1000)
    assert list(search._rankings) == ['"conseil"*']
    ranking = search._rankings['"conseil"*']
    # A space, then a broad letter: the same words are ranked, the ranking is read once.
    assert [h.summary.pk for h in search.search("conseil ", limit=1000)] == [
        h.summary.pk for h in first
    ]
    narrowed = search.search("conseil e", limit=1000)
    assert search._rankings == {'"conseil"*': ranking}
    assert {h.summary.pk for h in narrowed} == {pk for pk, _ in _fts5_ranking(cvl_db, "conseil e")}
    # Pages come from the same ranking.
    pages = [
        h.summary.pk for o in (0, 30, 60) for h in search.search("conseil", limit=30, offset=o)
    ]
    assert pages == [h.summary.pk for h in first[:90]]


@pytest.mark.usefixtures("fts5_ranks_every_term")
@pytest.mark.parametrize("typed", ["conse", "orientat", "accompagnem j", "missio loca"])
def test_a_prefix_ranks_as_the_widest_one_starting_the_same_words(
    cvl_db: Database, typed: str
) -> None:
    """Once the index's words are read, "conse" is ranked as "conseil" (the same words start
    both): the same services and scores as FTS5 gives the prefix typed, one ranking for both."""
    search = DirectorySearch(cvl_db, forgiving=False)
    search.count_letters_in_background().join(timeout=30)
    assert search._vocabulary is not None
    hits = search.search(typed, limit=1000)
    reference = _fts5_ranking(cvl_db, typed)
    assert hits and len(hits) == len(reference)
    assert {h.summary.pk for h in hits} == {pk for pk, _ in reference}
    assert [h.score for h in hits] == [score for _, score in reference]
    with cvl_db.engine.connect() as connection:
        widest = search._widest_terms(connection, typed.split())
    assert widest != typed.split()
    assert [h.summary.pk for h in search.search(" ".join(widest), limit=1000)] == [
        h.summary.pk for h in hits
    ]


def test_the_widest_prefix_starts_exactly_the_same_words() -> None:
    vocabulary = Vocabulary(["information", "informations", "infirmier", "zone"])
    assert vocabulary.widest_equivalent("info") == "information"
    assert vocabulary.widest_equivalent("inf") == "inf"  # infirmier too
    assert vocabulary.widest_equivalent("infi") == "infirmier"
    assert vocabulary.widest_equivalent("informations") == "informations"
    assert vocabulary.widest_equivalent("zz") == "zz"  # starts nothing: left alone


def _fts5_ranks(db: Database, expression: str) -> dict[int, float]:
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ?", (expression,)
        ).all()
    return dict(rows)


def _kept(search: DirectorySearch, terms: list[str]) -> None:
    search.rank_in_background(terms)
    search.rank_in_advance_done(timeout=30)
    assert all(search._kept.get(search._version, f'"{t}"*') is not None for t in terms)


@pytest.mark.parametrize(
    "terms",
    [["mission", "loc"], ["conseil", "orientation"], ["accompagnement", "emploi", "orientation"],
     ["orientation", "orientation"], ["cio", "bourges"], ["emploi", "accompagnement"]],
)  # fmt: skip
def test_a_query_ranks_as_the_sum_of_its_terms_rankings(cvl_db: Database, terms: list[str]) -> None:
    """bm25 adds up its phrases: the kept single-term ranks, added in the query's order, are
    bit for bit FTS5's rank of the whole query, on every row it matches and on no other."""
    search = DirectorySearch(cvl_db, forgiving=False)
    _kept(search, terms)
    rankings = [search._kept.get(search._version, f'"{t}"*') for t in terms]
    summed = {pk: rank for rank, pk in combined([r for r in rankings if r is not None])}
    assert summed and summed == _fts5_ranks(cvl_db, match_expression(" ".join(terms)) or "")


@pytest.mark.parametrize(
    "text",
    ["mission loc", "conseil orientation", "accompagnement emploi orient", "cio bourges",
     "conseil conseil", "formation prof", "mission l", "conseil en e"],
)  # fmt: skip
def test_kept_rankings_give_fts5s_order_and_scores(cvl_db: Database, text: str) -> None:
    """The same services, scores and order (rowid breaking ties) as FTS5 ranking the query,
    without FTS5 ranking anything: the terms' rankings are kept."""
    search = DirectorySearch(cvl_db, forgiving=False)
    with cvl_db.engine.connect() as connection:
        ranked = [t for t in text.split() if not search.is_broad(connection, t)]
    _kept(search, ranked)
    hits = search.ranked(text, limit=1000)
    assert search._rankings == {}  # FTS5 was not asked to rank
    reference = _fts5_ranking(cvl_db, " ".join(ranked))
    if ranked == text.split():
        assert hits == reference[:1000]
    else:  # broad terms filter (see test_broad_terms_filter_without_changing_the_scores)
        with_broad = _fts5_ranking(cvl_db, text)
        assert {pk for pk, _ in hits} == {pk for pk, _ in with_broad}
        assert hits == [(pk, score) for pk, score in reference if pk in dict(hits)]
    pages = [pk for o in (0, 7, 14) for pk, _ in search.ranked(text, limit=7, offset=o)]
    assert pages == [pk for pk, _ in hits[:21]]


@pytest.mark.parametrize(
    "text, filters",
    [("mision locale", None), ("pij", None), ("ml orientation", None), ("consiel", None),
     ("mission loc", SearchFilters(commune="18033")), ("conseil", SearchFilters(reseau="cio")),
     ("orientation", SearchFilters(thematiques=("souvrir-a-linternational",)))],
)  # fmt: skip
def test_kept_rankings_change_no_answer(
    cvl_db: Database, text: str, filters: SearchFilters | None
) -> None:
    """Typos, acronyms and filters find what they found without kept rankings."""
    fresh = DirectorySearch(cvl_db).search(text, filters, limit=1000)
    search = DirectorySearch(cvl_db)
    _kept(search, ["mission", "locale", "loc", "pij", "ml", "orientation", "conseil", "consiel"])
    again = search.search(text, filters, limit=1000)
    assert fresh and [(h.summary.pk, h.score) for h in again] == [
        (h.summary.pk, h.score) for h in fresh
    ]


def test_kept_rankings_are_bounded_and_forget_the_oldest() -> None:
    from array import array

    def ranking(size: int) -> TermRanking:
        return TermRanking(array("q", range(size)), array("d", [-1.0] * size))

    kept = TermRankings(max_rows=10)
    assert kept.put(1, "a", ranking(4)) and kept.put(1, "b", ranking(4))
    assert kept.get(1, "a") is not None  # used: "b" is now the oldest
    assert kept.put(1, "c", ranking(4))
    assert kept.get(1, "b") is None and kept.get(1, "a") and kept.get(1, "c")
    assert kept.rows == 8
    assert not kept.put(1, "d", ranking(11))  # larger than the whole room
    assert kept.get(2, "a") is None  # another directory
    assert kept.put(2, "e", ranking(1)) and kept.rows == 1


def test_kept_rankings_are_dropped_after_an_import(cvl_db: Database, tmp_path: Path) -> None:
    search = DirectorySearch(cvl_db, forgiving=False)
    _kept(search, ["conseil", "orientation"])
    assert search.ranked("conseil orientation", limit=1000)
    import_smaller_directory(cvl_db, tmp_path)
    hits = search.ranked("conseil orientation", limit=1000)
    assert hits == _fts5_ranking(cvl_db, "conseil orientation")


def _vocabulary(db: Database) -> Vocabulary:
    search = DirectorySearch(db)
    with db.engine.connect() as connection:
        return search._words_of_directory(connection)


def test_bm25_computed_in_python_is_fts5s_bit_for_bit(cvl_db: Database) -> None:
    with cvl_db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        model = read_bm25(driver, 1_000_000)
        assert model is not None
        for term in ("conseil", "m", "orientation", "cio", "accompagnement", "bourges"):
            ranking = rank_term(driver, f'"{term}"*', model)
            assert ranking.frequencies is not None, term  # every rank recomputed exactly
            assert all(f == int(f) > 0 for f in ranking.frequencies)


@pytest.mark.parametrize(
    "kept, typed",
    [("con", "conseil"), ("conseil", "con"), ("co", "cons"), ("accompagnement", "acc"),
     ("f", "formation"), ("formation", "for"), ("em", "emploi"), ("jeunesse", "je"),
     ("pro", "professionnel"), ("information", "in")],
)  # fmt: skip
def test_a_prefix_ranking_derived_from_a_kept_one_is_fts5s(
    cvl_db: Database, kept: str, typed: str
) -> None:
    """'fran' from 'fr' (minus the words of 'fre', 'fri'…) or from 'france' (plus 'francais'…):
    the same rows, ranks and order as FTS5 ranking 'fran' itself."""
    vocabulary = _vocabulary(cvl_db)
    with cvl_db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        model = read_bm25(driver, 1_000_000)
        assert model is not None
        source = rank_term(driver, f'"{kept}"*', model)
        shorter, longer = sorted((kept, typed), key=len)
        phrases, most = vocabulary.told_apart(shorter, longer)
        assert phrases and most > 0
        derived = derive(driver, model, source, phrases, -1.0 if typed == longer else 1.0)
        reference = rank_term(driver, f'"{typed}"*', model)
    assert derived is not None and list(derived.ranks) != list(source.ranks)
    assert list(derived.pks) == list(reference.pks)
    assert list(derived.ranks) == list(reference.ranks)
    assert list(derived.frequencies or []) == list(reference.frequencies or [])


@pytest.mark.usefixtures("fts5_ranks_every_term")
def test_the_next_keys_of_a_word_derive_its_ranking(
    cvl_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "ADVANCE_SHARE", 0.99)  # nothing ranked in advance
    search = DirectorySearch(cvl_db, forgiving=False)
    search.count_letters_in_background().join(timeout=30)
    search.rank_in_advance_done(timeout=30)
    _kept(search, ["formation"])
    assert search._kept.get(search._version, '"form"*') is None
    hits = search.ranked("form", limit=1000)
    assert search._kept.get(search._version, '"form"*') is not None  # derived, kept
    assert hits == _fts5_ranking(cvl_db, "form")[:1000]
    assert "form" not in str(list(search._rankings))  # FTS5 did not rank it


@pytest.mark.parametrize("text", ["m", "de co", "e j"])
def test_broad_terms_under_a_filter_list_the_filtered_services_by_name(
    cvl_db: Database, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As without filters: the services FTS5 finds under the filter, all scoring 0.000, in the
    order of the empty search."""
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "DIRECT_MATCH_LIMIT", 0)  # the path of a large commune
    search = DirectorySearch(cvl_db, forgiving=False)
    filters = SearchFilters(commune="18033")
    hits = search.ranked(text, filters, limit=1000)
    with cvl_db.engine.connect() as connection:
        zones = tuple(search.geo.zones_of_commune("18033") or ("18033",))
        marks = ", ".join("?" for _ in zones)
        reference = set(
            connection.exec_driver_sql(
                "SELECT rowid FROM service_fts WHERE service_fts MATCH ? AND rowid IN "
                f"(SELECT service_pk FROM service_tag WHERE kind = 'zone' AND value IN ({marks}))",
                (match_expression(text), *zones),
            ).scalars()
        )
    assert hits and {pk for pk, _ in hits} == reference
    assert {score for _, score in hits} == {0.0}
    in_filter = [pk for pk, _ in search.ranked("", filters, limit=1000)]
    assert [pk for pk, _ in hits] == [pk for pk in in_filter if pk in reference]
    pages = [pk for o in (0, 5, 10) for pk, _ in search.ranked(text, filters, limit=5, offset=o)]
    assert pages == [pk for pk, _ in hits[:15]]


@pytest.mark.parametrize(
    "text, filters",
    [("cio", SearchFilters(commune="18033")), ("mission l", SearchFilters(commune="37261")),
     ("conseil orientation", SearchFilters(commune="45234")),
     ("accompagnement", SearchFilters(reseau="france-travail")),
     ("formation", SearchFilters(commune="18033", mode_accueil="a-distance"))],
)  # fmt: skip
@pytest.mark.parametrize("ranked_here", [0, 4000])
def test_rankings_under_filters_give_fts5s_answer(
    cvl_db: Database,
    text: str,
    filters: SearchFilters,
    ranked_here: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many services left by the filters (a large city): the unfiltered ranking (kept, or
    FTS5's), filtered, gives the services and scores of FTS5 ranking under the filters."""
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "_RANKED_HERE", ranked_here)

    search = DirectorySearch(cvl_db, forgiving=False)
    reference = search.ranked(text, filters, limit=1000)  # few candidates: matched directly
    monkeypatch.setattr(module, "DIRECT_MATCH_LIMIT", 0)
    with cvl_db.engine.connect() as connection:
        clauses = module.filter_clauses(filters, search.geo)
        where = " AND ".join(f"pk IN ({sql})" for sql, _ in clauses)
        fts5 = connection.exec_driver_sql(
            "WITH m AS MATERIALIZED (SELECT rowid AS pk, rank FROM service_fts WHERE "
            f"service_fts MATCH ?) SELECT pk, rank FROM m WHERE {where} ORDER BY rank, pk",
            (match_expression(text), *(p for _, ps in clauses for p in ps)),
        ).all()
    hits = search.ranked(text, filters, limit=1000)
    assert hits and {pk for pk, _ in hits} == {pk for pk, _ in fts5} == {pk for pk, _ in reference}
    assert [score for _, score in hits] == [round(-rank, 3) for _, rank in fts5]
    assert (search._rankings == {}) == (ranked_here > 0)  # kept rankings, or FTS5's
    pages = [pk for o in (0, 4, 8) for pk, _ in search.ranked(text, filters, limit=4, offset=o)]
    assert pages == [pk for pk, _ in hits[:12]]


@pytest.mark.parametrize(
    "text, commune", [("pij", "18033"), ("consiel", "37261"), ("cio orientation", "45234")]
)
def test_forgiven_matches_under_a_filter_are_fts5s(
    cvl_db: Database, text: str, commune: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Acronyms and typos under a commune filter: FTS5's forgiving ranking, filtered, as when
    SQLite filtered it (the services of the filter are now read once)."""
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "DIRECT_MATCH_LIMIT", 0)
    search = DirectorySearch(cvl_db)
    filters = SearchFilters(commune=commune)
    with cvl_db.engine.connect() as connection:
        groups = module.forgiving_groups(
            module.query_terms(text), search._words_of_directory(connection)
        )
        clauses = module.filter_clauses(filters, search.geo)
        where = " AND ".join(f"pk IN ({sql})" for sql, _ in clauses)
        reference = connection.exec_driver_sql(
            "WITH m AS MATERIALIZED (SELECT rowid AS pk, rank FROM service_fts WHERE "
            f"service_fts MATCH ?) SELECT pk, rank FROM m WHERE {where} ORDER BY rank, pk",
            (module.forgiving_expression(groups), *(p for _, ps in clauses for p in ps)),
        ).all()
        forgiven = search._ranked_forgiving(connection, groups, filters, 1000)
    assert groups and forgiven
    assert forgiven == [(pk, round(-rank, 3)) for pk, rank in reference][:1000]


@pytest.mark.parametrize("ranked_here", [0, 4000])
@pytest.mark.parametrize(
    "text", ["consiel", "orientaiton", "consiel en orientaiton", "mision loc", "jeunex", "pij"]
)
def test_forgiven_matches_from_kept_rankings_are_fts5s(
    cvl_db: Database, text: str, ranked_here: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo's corrections ranked from each word's kept ranking (bm25 adds up the phrases a
    row holds) give FTS5's services, scores and order for the forgiving query, bit for bit
    (rows holding two corrections included); acronyms stay FTS5's."""
    from spro_desk.directory import search as module

    monkeypatch.setattr(module, "_RANKED_HERE", ranked_here)
    search = DirectorySearch(cvl_db)
    search.count_letters_in_background().join(timeout=60)
    assert search.wait_prepared(60)  # every word of 100 rows or more ranked in advance
    with cvl_db.engine.connect() as connection:
        vocabulary = search._words_of_directory(connection)
        groups = module.forgiving_groups(module.query_terms(text), vocabulary)
        reference = connection.exec_driver_sql(
            "SELECT rowid, rank FROM service_fts WHERE service_fts MATCH ? ORDER BY rank, rowid",
            (module.forgiving_expression(groups),),
        ).all()
        kept = search._forgiven_from_kept(connection, groups, 1000)
        forgiven = search._ranked_forgiving(connection, groups, SearchFilters(), 1000)
    assert groups and reference
    expected = [(pk, round(-rank, 3)) for pk, rank in reference]
    assert forgiven == expected[:1000]
    if text == "pij":
        assert kept is None
        return
    if ranked_here == 0:  # corrections of fewer than 100 rows are not ranked in advance here
        assert kept is None or list(kept) == expected
        return
    assert kept is not None and list(kept) == expected
    if text == "jeunex":  # jeune, jeunes: both in some rows, their ranks added
        assert len({pk for pk, _ in expected}) < sum(
            len(search._kept.get(search._version, vocabulary.phrase(w)) or ())
            for (w,) in groups[0][1:]
        )


def test_open_at_reads_each_partners_hours_on_its_own_clock(cvl_db: Database) -> None:
    """Issue 18: a Réunion desk's « open at 12:30 » is 09:30 on the Centre-Val de Loire
    partners' clock; it finds them open as a Paris desk does at 09:30 (not at 12:30, the lunch
    break), and their status tells the times on the desk's clock (3 hours later in March)."""
    from spro_desk import clock

    search = DirectorySearch(cvl_db)
    clock.use_zone("Europe/Paris")
    paris = search.search("", SearchFilters(open_at=datetime(2026, 3, 11, 9, 30)), 1000)
    lunch = search.search("", SearchFilters(open_at=datetime(2026, 3, 11, 12, 30)), 1000)
    clock.use_zone("Indian/Reunion")
    reunion = search.search("", SearchFilters(open_at=datetime(2026, 3, 11, 12, 30)), 1000)
    found = [hit.summary.pk for hit in reunion]
    assert found == [hit.summary.pk for hit in paris]
    assert set(found) != {hit.summary.pk for hit in lunch}
    assert all(hit.summary.code_insee and hit.summary.code_insee < "97" for hit in reunion)
    told = {hit.summary.pk: hit.reasons[-1] for hit in reunion}
    shifted = 0
    for hit in paris:
        closing = re.fullmatch(r"Ouvert jusqu'à (\d+)\u00a0h(.*)", hit.reasons[-1])
        if closing:
            hour, rest = int(closing[1]), closing[2]
            assert told[hit.summary.pk] == f"Ouvert jusqu'à {hour + 3}\u00a0h{rest}"
            shifted += 1
    assert shifted > 10
