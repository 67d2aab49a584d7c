"""The indicators' summary: the merged state counted per month, for bilans of a whole territory.

A national year is ten million `merged_contact` rows: grouping them again for every bilan
takes tens of seconds. `indicator_summary` (migration 0015) keeps, per calendar month of the
contact's day, every count the indicators add up over a period of whole months — contacts per
day, per profile, commune, site × canal, set of needs and responses; referrals per type,
network and structure by outcome, per delay, and the contacts referred (each contact's
referrals share its day, so distinct contacts of different months add up). A referral still
open is kept as "open": whether it is "sans suite" depends on the moment the bilan is computed,
so the reader splits it then (`reports.summary`).

The summary is a pure function of the merged tables, kept exact by the merge itself, in the
same transaction (which holds the database's write lock, so no other merge interleaves): the
contact rows the merge replaces or deletes are taken away and the ones it writes added, from
the rows themselves (every contact count is one row's); the referrals' counts, some of them
distinct contacts, are counted over the (day, desk) pairs whose referrals the merge changes,
before and after it, and the difference added (`kept_by`).
`refresh_summary` counts everything again and marks the summary ready: after a rebuild of the
merged state, after a bulk load, and at the first merge into a coordination whose summary is
not ready (a new one, an upgraded one, or one whose merged tables were written directly, as
`spro_desk_dev.synthetic` does: it empties the summary, and the readers then use the merged
tables). Published bilans do not read
it: a closed period keeps the figures recorded when it was published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

from spro_desk.storage.dialects import execute_many, postgresql, run, sqlite
from spro_desk.sync.merged_rows import WRITTEN, Layout, add_counts
from spro_desk.sync.merged_rows import Key as Key  # month, kind, code, code2

TABLE = "indicator_summary"
READY = ("", "ready", "", "")  # the row saying the summary reflects the merged tables
CLOSED = ("honore", "non-honore", "annule")  # outcomes recorded, whatever the date
PROFILE = ("canal", "statut", "tranche_age", "sexe", "handicap")
_PAIRS_PER_QUERY = 400  # (day, desk) pairs in one VALUES list: 800 parameters


def is_ready(connection: Connection) -> bool:
    query = f"SELECT 1 FROM {TABLE} WHERE month = ? AND kind = ? AND code = ? AND code2 = ?"
    return run(connection, query, READY).first() is not None


# --- counting ------------------------------------------------------------------------------


def _scoped(table: str, day: str, pairs: Sequence[tuple[str, str]] | None) -> tuple[str, list]:
    """FROM clause of `table` restricted to the (day, desk) pairs (None: every row)."""
    if pairs is None:
        return f"FROM {table} t WHERE t.{day} IS NOT NULL", []
    values = ", ".join("(?, ?)" for _ in pairs)
    # SQLite and PostgreSQL both name a VALUES list's columns column1, column2.
    clause = (
        f"FROM (VALUES {values}) AS s JOIN {table} t "
        f"ON t.{day} = s.column1 AND t.desk_id = s.column2 WHERE t.{day} IS NOT NULL"
    )
    return clause, [value for pair in pairs for value in pair]


def _days_between(connection: Connection, later: str, earlier: str) -> str:
    dialect = sqlite if connection.dialect.name == sqlite.NAME else postgresql
    return dialect.days_between(later, earlier)


def count(
    connection: Connection,
    pairs: Sequence[tuple[str, str]] | None = None,
    *,
    contacts: bool = True,
) -> Counter[Key]:
    """Every summary count of the merged rows of `pairs` (None: of every row); `contacts`
    False: the referrals' counts only.

    Every row: grouped by the database (ten million contacts). A merge's pairs: their rows
    read as they are and counted here (fewer statements and faster than grouping them). Both
    ways give the same counts (tests/test_indicator_summary.py compares what the merges kept
    with a full count)."""
    if pairs is None:
        return _count(connection, None)
    total: Counter[Key] = Counter()
    ordered = sorted(pairs)
    for start in range(0, len(ordered), _PAIRS_PER_QUERY):
        chunk = ordered[start : start + _PAIRS_PER_QUERY]
        if contacts:
            source, params = _scoped("merged_contact", "day", chunk)
            _contact_rows(connection, source, params, total)
        source, params = _scoped("merged_referral", "contact_day", chunk)
        _referral_rows(connection, source, params, total)
    return total


_CONTACT_FIELDS = (
    "t.month, t.day, t.canal, t.statut, t.tranche_age, t.sexe, t.handicap, "
    "COALESCE(t.commune, ''), t.desk_id, t.besoins, t.reponses"
)


def _contact_rows(connection: Connection, source: str, params: list, found: Counter[Key]) -> None:
    rows = run(connection, f"SELECT {_CONTACT_FIELDS} {source}", params).fetchall()
    add_counts(found, rows, _SELECTED)


# Where each field of a contact's keys is in a row (`merged_rows.add_counts`): as
# `_CONTACT_FIELDS` reads them, or in `sync.merged.contact_row`'s order.
_SELECTED: Layout = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
_WRITTEN: Layout = WRITTEN


def take_away_contacts(connection: Connection, ids: Sequence[str], tally: Counter[Key]) -> None:
    """The merged contacts `ids`, about to be replaced or deleted, taken away from `tally`."""
    for start in range(0, len(ids), _PAIRS_PER_QUERY):
        chunk = ids[start : start + _PAIRS_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        query = f"SELECT {_CONTACT_FIELDS} FROM merged_contact t WHERE t.id IN ({marks})"
        add_counts(tally, run(connection, query, chunk).fetchall(), _SELECTED, -1)


def add_contacts(rows: Sequence[Sequence[Any]], tally: Counter[Key]) -> None:
    """Merged contact rows being written (`sync.merged.contact_row`) added to `tally`."""
    add_counts(tally, rows, _WRITTEN)


def _referral_rows(connection: Connection, source: str, params: list, found: Counter[Key]) -> None:
    delay = _days_between(connection, "t.rdv_day", "t.contact_day")
    rows = run(
        connection,
        f"SELECT substr(t.contact_day, 1, 7), t.type, {outcome_class_sql()}, "
        "COALESCE(t.reseau, ''), t.structure_id, t.structure_nom, t.contact_id, t.niveau, "
        f"t.statut, CASE WHEN t.rdv_day IS NOT NULL THEN {delay} END {source}",
        params,
    )
    referred: set[tuple[str, str, str]] = set()
    for month, kind, outcome, reseau, structure, name, contact, niveau, statut, days in rows:
        found[(month, "ref_type", kind, outcome)] += 1
        found[(month, "ref_reseau", reseau, outcome)] += 1
        found[(month, "ref_structure", structure, name)] += 1
        referred.add((month, "referred", contact))
        if niveau == 2 and statut != "annule":
            referred.add((month, "level2", contact))
            if statut == "honore" and kind == "rendez-vous":
                referred.add((month, "level2_honoured", contact))
        if days is not None:
            found[(month, "delay", str(int(days)), "")] += 1
    for month, kind, _contact in referred:
        found[(month, kind, "", "")] += 1


def _count(connection: Connection, pairs: Sequence[tuple[str, str]] | None) -> Counter[Key]:
    found: Counter[Key] = Counter()
    source, params = _scoped("merged_contact", "day", pairs)
    _contacts(connection, source, params, found)
    source, params = _scoped("merged_referral", "contact_day", pairs)
    _referrals(connection, source, params, found)
    return found


def _contacts(connection: Connection, source: str, params: list, found: Counter[Key]) -> None:
    def rows(columns: str) -> Iterator[Sequence[Any]]:
        return iter(run(connection, f"SELECT t.month, {columns}, COUNT(*) {source} "
                                    f"GROUP BY t.month, {columns}", params))  # fmt: skip

    for month, day, n in rows("t.day"):
        found[(month, "day", day, "")] += int(n)
    profile = ", ".join(f"t.{column}" for column in PROFILE)
    for month, *values, n in rows(profile):
        for column, value in zip(PROFILE, values, strict=True):
            found[(month, column, value, "")] += int(n)
        found[(month, "sexe_age", values[3], values[2])] += int(n)
    for month, commune, n in rows("COALESCE(t.commune, '')"):
        found[(month, "commune", commune, "")] += int(n)
    for month, desk, canal, n in rows("t.desk_id, t.canal"):
        found[(month, "desk_canal", desk, canal)] += int(n)
    for month, besoins, reponses, n in rows("t.besoins, t.reponses"):
        found[(month, "codes", besoins, reponses)] += int(n)


def outcome_class_sql() -> str:
    """A referral's outcome as far as it does not depend on when it is counted: recorded, or
    still open ("open": "sans suite" once its date is old enough), or open without a date
    (always "en cours", as `reports.queries.outcome_sql` says)."""
    closed = ", ".join(f"'{status}'" for status in CLOSED)
    return (
        f"CASE WHEN t.statut IN ({closed}) THEN t.statut "
        "WHEN COALESCE(t.rdv_at, t.created_at) IS NULL THEN 'en-cours' ELSE 'open' END"
    )


def _referrals(connection: Connection, source: str, params: list, found: Counter[Key]) -> None:
    month = "substr(t.contact_day, 1, 7)"
    cube = run(
        connection,
        f"SELECT {month}, t.type, {outcome_class_sql()}, COALESCE(t.reseau, ''), "
        f"t.structure_id, t.structure_nom, COUNT(*) {source} GROUP BY 1, 2, 3, 4, 5, 6",
        params,
    )
    for key, kind, outcome, reseau, structure, name, n in cube:
        found[(key, "ref_type", kind, outcome)] += int(n)
        found[(key, "ref_reseau", reseau, outcome)] += int(n)
        found[(key, "ref_structure", structure, name)] += int(n)
    distinct = run(
        connection,
        f"SELECT {month}, COUNT(DISTINCT t.contact_id), "
        "COUNT(DISTINCT CASE WHEN t.niveau = 2 AND t.statut != 'annule' THEN t.contact_id END), "
        "COUNT(DISTINCT CASE WHEN t.niveau = 2 AND t.statut = 'honore' "
        f"AND t.type = 'rendez-vous' THEN t.contact_id END) {source} GROUP BY 1",
        params,
    )
    for key, referred, level2, honoured in distinct:
        found[(key, "referred", "", "")] += int(referred)
        found[(key, "level2", "", "")] += int(level2)
        found[(key, "level2_honoured", "", "")] += int(honoured)
    delay = _days_between(connection, "t.rdv_day", "t.contact_day")
    delays = run(
        connection,
        f"SELECT {month}, {delay}, COUNT(*) {source} AND t.rdv_day IS NOT NULL GROUP BY 1, 2",
        params,
    )
    for key, days, n in delays:
        found[(key, "delay", str(int(days)), "")] += int(n)


# --- keeping it exact ----------------------------------------------------------------------

_UPSERT = (
    f"INSERT INTO {TABLE} (month, kind, code, code2, n) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (month, kind, code, code2) DO UPDATE SET n = "
    f"{TABLE}.n + excluded.n"
)
_KEY_COLUMNS = ("month", "kind", "code", "code2")
_DROP_ZERO = (
    f"DELETE FROM {TABLE} WHERE month = ? AND kind = ? AND code = ? AND code2 = ? AND n = 0"
)


def add(connection: Connection, delta: dict[Key, int]) -> None:
    """Add `delta` to the summary (rows that fall to zero go)."""
    changed = sorted((key, n) for key, n in delta.items() if n)
    if connection.dialect.name == postgresql.NAME:
        postgresql.add_counts(connection, TABLE, _KEY_COLUMNS, [(*key, n) for key, n in changed])
        return
    execute_many(connection, _UPSERT, [(*key, n) for key, n in changed])
    execute_many(connection, _DROP_ZERO, [key for key, n in changed if n < 0])


@contextmanager
def kept_by(
    connection: Connection,
    pairs: set[tuple[str, str]],
    tally: Counter[Key],
    pending: Counter[Key] | None = None,
) -> Iterator[None]:
    """The merge inside the block changes the contacts it adds to and takes away from
    `tally`, and the referrals of `pairs` (day, desk) only: their counts before it are taken
    away from the summary and their counts after it added, with the tally. (Only when the
    summary `is_ready`: else `refresh_summary` will count everything.)

    `pending`: the change is added there instead, for the caller to `add` once for several
    merges of one transaction (each change is read from the merged tables alone, never from
    the summary, so adding them later gives the same summary)."""
    before = count(connection, sorted(pairs), contacts=False) if pairs else Counter()
    yield
    after = count(connection, sorted(pairs), contacts=False) if pairs else Counter()
    delta = {key: after.get(key, 0) - before.get(key, 0) for key in before.keys() | after.keys()}
    for key, n in tally.items():
        delta[key] = delta.get(key, 0) + n
    if pending is None:
        add(connection, delta)
    else:
        pending.update(delta)


def ensure_ready(connection: Connection) -> None:
    """Count the summary now if it is not ready (the first merge of a coordination, or of one
    upgraded to migration 0015), so that the merge that follows keeps it."""
    if not is_ready(connection):
        refresh_summary(connection)


def refresh_summary(connection: Connection) -> int:
    """Count the whole merged state again into the summary, then mark it ready (in the
    caller's write transaction); returns how many rows it holds."""
    run(connection, f"DELETE FROM {TABLE}")
    counted = count(connection)
    execute_many(
        connection,
        f"INSERT INTO {TABLE} (month, kind, code, code2, n) VALUES (?, ?, ?, ?, ?)",
        [(*key, n) for key, n in sorted(counted.items()) if n] + [(*READY, 1)],
    )
    return len(counted)


def referral_pairs(
    contact_ids: Collection[str],
    referrals: Iterable[tuple[str, str, str]],
    day_after: Callable[[str], str | None],
    chunks: Any,
    followed: set[str] | None = None,
    fresh: Collection[str] = (),
) -> set[tuple[str, str]]:
    """The (day, desk) pairs whose merged referrals a merge changes: where the referrals
    (id, desk, contact id) are now and will be (their contact's day after the merge), and
    where the referrals that follow a merged contact are and will be. `contact_ids`: the
    contacts the merge writes, `day_after` gives their day after it (None: deleted);
    `chunks(sql, ids)` runs a lookup with `:ids` over the ids, a few hundred at a time.
    `followed`, when given, receives those of `contact_ids` that have merged referrals (the
    merge updates their day: `sync.merged` need not look them up again). `fresh`: referral
    ids the merged state cannot hold (never received before: not looked up)."""
    referrals = list(referrals)
    followers = chunks(
        "SELECT contact_day, desk_id, contact_id FROM merged_referral WHERE contact_id IN :ids",
        list(contact_ids),
    )
    if followed is not None:
        followed.update(contact_id for _day, _desk, contact_id in followers)
    followers += chunks(
        "SELECT contact_day, desk_id, contact_id FROM merged_referral WHERE id IN :ids",
        [referral_id for referral_id, _desk, _contact in referrals if referral_id not in fresh],
    )
    pairs: set[tuple[str, str]] = set()
    for day, desk, contact_id in followers:
        if day:
            pairs.add((day, desk))
        moved_to = day_after(contact_id) if contact_id in contact_ids else None
        if moved_to:
            pairs.add((moved_to, desk))
    elsewhere = sorted({c for _id, _desk, c in referrals if c not in contact_ids})
    days = dict(chunks("SELECT id, day FROM merged_contact WHERE id IN :ids", elsewhere))
    for _id, desk, contact_id in referrals:
        day = day_after(contact_id) if contact_id in contact_ids else days.get(contact_id)
        if day:
            pairs.add((day, desk))
    return pairs
