"""The import's statements written for speed say what the plain ones said (issue 19).

On PostgreSQL the indicators' summary change is one upsert of a JSON array instead of one
upsert per key, and the look-ups' id lists travel as JSON arrays; the reading worker's row
builders keep the days and code lists they met. Each is checked here against the plain way,
on both databases where a database is involved.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from spro_desk import clock
from spro_desk.storage.dialects import insert_rows, run_raw_in
from spro_desk.sync import indicator_summary, merged_rows
from spro_desk.sync.event_shape import mergeable
from spro_desk.sync.merged_rows import MergeEvent, contact_row, prepared

_DELTA_KEYS = [("2026-01", "day", "2026-01-05", ""), ("2026-01", "commune", "l'Île « x »", "")]


def _summary(connection: Any) -> dict[tuple[str, ...], int]:
    rows = connection.execute(
        text("SELECT month, kind, code, code2, n FROM indicator_summary")
    ).fetchall()
    return {tuple(row[:4]): int(row[4]) for row in rows}


def test_the_summary_change_adds_takes_away_and_drops_zeros(
    coordinations: Any, tmp_path: Path
) -> None:
    db = coordinations.open(tmp_path / "coordination.sqlite")
    kept, gone, new = ("2026-02", "canal", "visio", ""), _DELTA_KEYS[0], _DELTA_KEYS[1]
    twice = ("2026-03", "codes", '["a","b\\\\c"]', '["\\"q\\""]')
    with db.engine.begin() as connection:
        indicator_summary.add(connection, Counter({kept: 5, gone: 2, twice: 1}))
        indicator_summary.add(connection, {kept: -1, gone: -2, new: 3, twice: 4})
        assert _summary(connection) == {kept: 4, new: 3, twice: 5}  # `gone` fell to 0
        indicator_summary.add(connection, {})
        assert _summary(connection) == {kept: 4, new: 3, twice: 5}


def test_id_lists_find_exactly_the_ids_given(coordinations: Any, tmp_path: Path) -> None:
    """Texts a desk may send as ids (quotes, braces, commas, backslashes, accents) are found
    as they are, no more; an empty list finds nothing; numbers are numbers."""
    db = coordinations.open(tmp_path / "coordination.sqlite")
    awkward = ['a"b', "{c,d}", "e\\f", "NULL", "g h", "évé", "é" * 40]
    with db.engine.begin() as connection:
        for position, value in enumerate([*awkward, "other"]):
            connection.execute(
                text("INSERT INTO setting (key, value) VALUES (:key, :value)"),
                {"key": value, "value": str(position)},
            )
        query = "SELECT key FROM setting WHERE key IN :keys"
        found = {row[0] for row in run_raw_in(connection, query, {"keys": awkward})}
        assert found == set(awkward)
        assert list(run_raw_in(connection, query, {"keys": []})) == []
        indicator_summary.add(connection, {("m", "k", str(n), ""): n for n in (1, 2, 3, 40)})
        by_number = "SELECT code FROM indicator_summary WHERE n IN :counts AND kind = ?"
        found = {row[0] for row in run_raw_in(connection, by_number, {"counts": [2, 40]}, ("k",))}
        assert found == {"2", "40"}


_TOMBSTONE_COLUMNS = ("entity_id", "entity", "desk_id", "seq", "branch", "event_id")


def _tombstones(count: int, first: int = 0) -> list[tuple[Any, ...]]:
    return [(f"e{n}", "contact", "desk", n, "", "" if n % 3 else f"v{n}")
            for n in range(first, first + count)]  # fmt: skip


@pytest.mark.parametrize("count", [0, 1, 2, 3, 8, 9, 31, 32, 33, 43, 90])
def test_rows_inserted_several_per_statement_are_the_rows_given(
    coordinations: Any, tmp_path: Path, count: int
) -> None:
    """Every row, once, with its values and in its order (a rowid table: the order of
    arrival), whatever rest the statements of several rows leave."""
    db = coordinations.open(tmp_path / "coordination.sqlite")
    rows = [(f"id{n}", "desk", n, "sha", "contact", f"e{n}", "create", "2026-01-05", "{}", "")
            for n in range(count)]  # fmt: skip
    columns = ("id", "desk_id", "seq", "content_sha256", "entity", "entity_id", "op", "at",
               "payload", "branch")  # fmt: skip
    with db.engine.begin() as connection:
        insert_rows(connection, "received_event", columns, rows)
        read = ", ".join("CAST(payload AS TEXT)" if c == "payload" else c for c in columns)
        found = connection.execute(
            text(f"SELECT {read} FROM received_event ORDER BY rowid")
        ).fetchall()
    assert [tuple(row) for row in found] == rows


def test_a_bundles_rows_take_a_few_statements_on_sqlite(tmp_path: Path) -> None:
    """SQLite runs a statement per row of an executemany, each opening the table and every
    index again: 90 rows (a desk-week) go in a few statements."""
    from spro_desk.storage.engine import Database

    db = Database(tmp_path / "coordination.sqlite")
    executed: list[str] = []
    with db.engine.begin() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.set_trace_callback(executed.append)
        insert_rows(connection, "merged_tombstone", _TOMBSTONE_COLUMNS, _tombstones(90))
        raw.set_trace_callback(None)
        stored = connection.execute(text("SELECT COUNT(*) FROM merged_tombstone")).scalar()
    db.close()
    assert stored == 90
    inserts = [sql for sql in executed if sql.startswith("INSERT")]
    assert 1 < len(inserts) <= 6


def test_a_broken_key_among_several_rows_is_an_error_and_the_transaction_undoes_it(
    coordinations: Any, tmp_path: Path
) -> None:
    """The key broken by row 20 of 30 raises IntegrityError, as row by row; rolled back,
    the transaction leaves what was there before, and the table takes rows again."""
    db = coordinations.open(tmp_path / "coordination.sqlite")
    before = _tombstones(3, first=100)
    with db.engine.begin() as connection:
        insert_rows(connection, "merged_tombstone", _TOMBSTONE_COLUMNS, before)
    broken = [*_tombstones(19), before[1], *_tombstones(10, first=19)]
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        insert_rows(connection, "merged_tombstone", _TOMBSTONE_COLUMNS, broken)
    query = text("SELECT entity_id FROM merged_tombstone ORDER BY entity_id")
    with db.engine.begin() as connection:
        assert [row[0] for row in connection.execute(query)] == ["e100", "e101", "e102"]
        insert_rows(connection, "merged_tombstone", _TOMBSTONE_COLUMNS, _tombstones(30))
        assert len(connection.execute(query).fetchall()) == 33


def _contact(**payload: Any) -> MergeEvent:
    base = {"occurred_at": "2026-03-29T00:30:00+00:00", "canal": "accueil", "statut": "x"}
    return MergeEvent("desk", 1, "contact", "c1", "create", {**base, **payload}, "", "e1")


def test_a_contacts_day_is_its_sites_whatever_day_was_met_before() -> None:
    """The days worked out once are keyed by the local day: the same moment in two zones
    (Paris, then La Réunion, 3 hours ahead) gives each its own day, week and month."""
    try:
        clock.use_zone("Europe/Paris")
        paris = contact_row(_contact(occurred_at="2026-03-31T21:30:00+00:00"))
        clock.use_zone("Indian/Reunion")
        reunion = contact_row(_contact(occurred_at="2026-03-31T21:30:00+00:00"))
    finally:
        clock.use_zone(None)
    assert paris is not None and reunion is not None
    assert paris[3] == reunion[3] == "2026-03-31T21:30:00+00:00"
    assert paris[4:7] == ("2026-03-31", "2026-03-30", "2026-03")
    assert reunion[4:7] == ("2026-04-01", "2026-03-30", "2026-04")


def test_the_days_worked_out_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merged_rows, "_MAX_DAYS", 3)
    merged_rows._DAY_TEXTS.clear()
    for day in range(1, 8):
        assert merged_rows._day_texts(date(2026, 1, day))[0] == f"2026-01-0{day}"
        assert len(merged_rows._DAY_TEXTS) <= 3
    assert merged_rows._day_texts(date(2026, 1, 4)) == ("2026-01-04", "2025-12-29", "2026-01")


def test_texts_met_before_are_one_object_and_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows of two events parsed apart hold the same object for an equal text (the worker
    then sends it once a bundle); values other than texts pass as they are; the memo is
    bounded whatever texts desks send."""
    first = contact_row(_contact(canal="".join(["vi", "sio"]), commune="18033"))
    second = contact_row(_contact(canal="".join(["vis", "io"]), commune="".join(["180", "33"])))
    assert first is not None and second is not None
    assert first[7] == "visio" and first[7] is second[7] and first[12] is second[12]
    assert merged_rows.shared(None) is None and merged_rows.shared(7) == 7
    monkeypatch.setattr(merged_rows, "_MAX_SHARED", 3)
    merged_rows._SHARED.clear()
    for number in range(10):
        assert merged_rows.shared(f"t{number}") == f"t{number}"
        assert len(merged_rows._SHARED) <= 3


@pytest.mark.parametrize(
    ("codes", "text_of_codes"),
    [
        (["b", "a", "b"], '["a","b"]'),
        ([1], '["1"]'),
        ([True], '["True"]'),  # equal to 1 as a key: never taken for it
        (["1"], '["1"]'),
        ([["a"]], "[\"['a']\"]"),  # a list among the codes: not a key, still written
        ([], "[]"),
        (None, "[]"),
    ],
)
def test_codes_met_before_are_written_as_the_first_time(codes: Any, text_of_codes: str) -> None:
    for _ in range(2):  # the second time from what was kept, where something is kept
        assert merged_rows.codes_text(codes) == text_of_codes
        assert contact_row(_contact(besoins=codes))[14] == text_of_codes  # type: ignore[index]


_REFERRAL = {
    "contact_id": "c1", "service_id": "s", "structure_id": "t", "type": "rendez-vous",
    "statut": "honore", "created_at": "2026-01-05T09:00:00+00:00",
    "updated_at": "2026-01-06T09:00:00", "rdv_at": "2026-01-07T23:30:00+00:00",
}  # fmt: skip


def test_prepared_of_fields_is_prepared_of_the_event() -> None:
    referral = _REFERRAL
    events = [
        _contact(handicap=True, commune="", duree=5, besoins=["z", "a"]),
        _contact(handicap=False, tranche_age=None, sexe="femme"),
        MergeEvent("desk", 2, "referral", "r1", "update", referral, "b2", "e2"),
        MergeEvent("desk", 3, "referral", "r1", "delete", referral, "b2", "e3"),
        MergeEvent("desk", 4, "contact", "c1", "update", {"deleted_at": "x"}, "", "e4"),
    ]
    try:
        clock.use_zone("Europe/Paris")
        for event in events:
            assert merged_rows.prepared_of(*event) == prepared(event)
        row = prepared(events[2]).row
        contact = contact_row(events[0])
    finally:
        clock.use_zone(None)
    assert row is not None and contact is not None
    assert row[12:16] == (
        "2026-01-07T23:30:00+00:00", "2026-01-08", "2026-01-05T09:00:00+00:00",
        "2026-01-06T09:00:00+00:00",
    )  # fmt: skip
    assert contact[11:16] == ("oui", None, 5, '["a","z"]', "[]")
    assert contact_row(events[1])[9:12] == ("non-renseigne", "femme", "non")  # type: ignore[index]


@pytest.mark.parametrize(
    "moment",
    [
        "2026-01-05T08:00:00+00:00",  # as desks write them: kept as they are
        "2026-01-05T08:00:00.123456+00:00",
        "2026-01-05T08:00:00.000000+00:00",  # isoformat drops a zero fraction
        "2026-01-05T08:00:00.120+00:00",
        "2026-01-05T08:00:00Z",
        "2026-01-05 08:00:00+00:00",
        "2026-01-05T08:00+00:00",
        "2026-01-05T08:00:00+01:00",
        "2026-01-05T08:00:00-00:00",
        "2026-01-05T08:00:00",  # naive: UTC
        "20260105T080000+00:00",
        "2026-W02-1T08:00:00+00:00",
        "0999-01-05T08:00:00+00:00",
        "2026-01-05T23:59:59.999999+00:00",
    ],
)
def test_a_moment_already_in_utc_is_written_as_isoformat_would(moment: str) -> None:
    """The merged rows keep a desk's UTC moment as it came instead of formatting it again,
    only where formatting it would give the same text."""
    written = merged_rows.parse_moment(moment).astimezone(UTC).isoformat()  # type: ignore[union-attr]
    referral = {
        "contact_id": "c1", "service_id": "s", "structure_id": "t", "type": "rendez-vous",
        "statut": "honore", "created_at": moment, "updated_at": moment, "rdv_at": moment,
    }  # fmt: skip
    try:
        clock.use_zone("Europe/Paris")
        contact = contact_row(_contact(occurred_at=moment))
        row = prepared(MergeEvent("desk", 2, "referral", "r1", "update", referral)).row
    finally:
        clock.use_zone(None)
    assert contact is not None and row is not None
    assert contact[3] == written
    assert row[12] == row[14] == row[15] == written


def test_the_readers_plain_events_are_the_prepared_events() -> None:
    """What the reading worker sends (plain tuples) becomes the very PreparedEvent."""
    event = _contact(besoins=["b", "a"])
    plain = merged_rows.checked_plain(*event)
    assert type(plain) is tuple
    prepared_event = merged_rows.as_prepared(plain)
    assert type(prepared_event) is merged_rows.PreparedEvent
    assert prepared_event == prepared(event) == merged_rows.prepared_of(*event)


def _mergeable_before(entity: str, op: str, payload: dict[str, Any]) -> bool:
    """`event_shape.mergeable` as written before the reader checked and built in one pass."""

    def moment(value: Any, required: bool) -> bool:
        if value is None:
            return not required
        return type(value) is str and 1 < datetime.fromisoformat(value).year < 9999

    if op == "delete" or payload.get("deleted_at"):
        return True
    try:
        if entity == "contact":
            return bool(
                moment(payload["occurred_at"], True)
                and "canal" in payload
                and "statut" in payload
                and type(payload.get("besoins")) in (list, type(None))
                and type(payload.get("reponses")) in (list, type(None))
                and isinstance(payload.get("commune"), (str, int, float, type(None)))
                and isinstance(payload.get("duree"), (str, int, float, type(None)))
            )
        keys = ("contact_id", "service_id", "structure_id", "type", "statut")
        return bool(
            all(key in payload for key in keys)
            and moment(payload["created_at"], True)
            and moment(payload["updated_at"], True)
            and moment(payload.get("rdv_at"), False)
        )
    except (KeyError, ValueError, TypeError, OverflowError):
        return False


_CONTACT = {"occurred_at": "2026-03-02T09:00:00+00:00", "canal": "telephone", "statut": "x"}
_ODD_VALUES = [
    None, "", "x", 0, 1, True, 1.5, [], ["a", 1], {}, {"a": 1}, "2026-03-02", "0001-01-01T00:00:00",
    "9999-12-31T23:00:00+00:00", "0002-01-01T00:00:00+00:00", "2026-13-01T00:00:00",
    "2026-03-02T09:00:00+14:00", "2026-03-02T09:00:00Z", "2026-03-02 09:00",
]  # fmt: skip


def _odd_payloads(base: dict[str, Any]) -> list[dict[str, Any]]:
    keys = [*base, "besoins", "reponses", "commune", "duree", "deleted_at", "handicap"]
    found = [dict(base)]
    for key in keys:
        found.append({k: v for k, v in base.items() if k != key})
        found += [{**base, key: value} for value in _ODD_VALUES]
    return found


@pytest.mark.parametrize(("entity", "base"), [("contact", _CONTACT), ("referral", _REFERRAL)])
def test_the_readers_one_pass_accepts_what_mergeable_accepted(
    entity: str, base: dict[str, Any]
) -> None:
    """The bundle reader checks an event as it builds its merged row (`checked_plain`): it
    refuses exactly the payloads `mergeable` refused, and builds what `prepared_of` builds."""
    try:
        clock.use_zone("Europe/Paris")
        for op in ("create", "update", "delete"):
            for payload in _odd_payloads(base):
                event = MergeEvent("desk", 3, entity, "e1", op, payload, "b", "id3")
                checked = merged_rows.checked_plain(*event)
                assert mergeable(entity, op, payload) == _mergeable_before(entity, op, payload)
                assert (checked is not None) == _mergeable_before(entity, op, payload), payload
                if checked is not None:
                    assert checked == merged_rows.prepared_of(*event)
    finally:
        clock.use_zone(None)
