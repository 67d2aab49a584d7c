"""The indicators' merged tables catch up with the received events the import left unmerged.

The import stores events atomically and, the view being current, merges them in the same
transaction; a view left behind is brought up to date by `catch_up_merged_state` (after each
import, and before any indicators computation).
A crash in between, or in the middle of a catch-up, must end with the very state of the
all-at-once path.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from spro_desk.cli.main import main
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import Indicators, compute_indicators
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record
from spro_desk.sync import coordinator, merged
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import import_bundle, import_bundles
from spro_desk.sync.event_shape import mergeable
from spro_desk.sync.merged import WATERMARK_KEY, catch_up_merged_state
from test_coordinator_batch import _signed_bundle
from test_coordinator_import import Region
from test_indicators_merged import _coordinator, _merged, two_weeks  # noqa: F401 (fixture)

YEAR = Filters(Period(date(2026, 1, 1), date(2026, 12, 31)))


def _figures(indicators: Indicators) -> dict[str, object]:
    """Every figure and every table cell, comparable across databases."""
    figures: dict[str, object] = {k: f.value for k, f in indicators.figures.items()}
    figures |= {f"table {k}": t.cells for k, t in indicators.tables.items()}
    return figures


def _all_at_once(world: dict, name: str) -> Database:
    """The path that never crashes: each import followed by its catch-up."""
    db = _coordinator(world, name)
    for bundle in world["bundles"]:
        import_bundle(db, world["coordinator_dir"], bundle)
        catch_up_merged_state(db)
    return db


def _imported_without_catch_up(world: dict, name: str) -> Database:
    """The view left behind by the import (its own merge failed, or an older version stored
    the events): the events are stored, none merged."""
    db = _coordinator(world, name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(coordinator, "merge_stored", lambda _connection, _rows, *_: False)
        results = import_bundles(db, world["coordinator_dir"], world["bundles"])
    assert all(result.events_new for _path, result in results)  # type: ignore[union-attr]
    return db


def test_indicators_after_a_crash_between_import_and_merge_are_the_all_at_once_figures(
    two_weeks: dict,  # noqa: F811
) -> None:
    reference = _all_at_once(two_weeks, "once.sqlite")
    crashed = _imported_without_catch_up(two_weeks, "crashed.sqlite")
    assert not any(_merged(crashed).values())  # nothing merged yet
    options = Options(as_of=datetime(2026, 6, 1, tzinfo=UTC))
    expected = _figures(compute_indicators(CoordinatorSource(reference), YEAR, options))
    # The indicators computation catches up first: same figures, same merged rows.
    figures = _figures(compute_indicators(CoordinatorSource(crashed), YEAR, options))
    assert figures == expected
    assert _merged(crashed) == _merged(reference)
    assert catch_up_merged_state(crashed) == 0
    print(f"\ncrash between import and merge: {len(figures)} figures and tables identical")
    reference.close()
    crashed.close()


def test_a_catch_up_twice_changes_nothing(two_weeks: dict) -> None:  # noqa: F811
    db = _imported_without_catch_up(two_weeks, "twice.sqlite")
    first = catch_up_merged_state(db)
    state, watermark = _merged(db), read_record(db, WATERMARK_KEY)
    assert first > 0 and watermark is not None and watermark["rowid"] == first
    assert catch_up_merged_state(db) == 0
    assert _merged(db) == state and read_record(db, WATERMARK_KEY) == watermark
    # The same bundles imported again: counted duplicates, nothing new to merge.
    import_bundles(db, two_weeks["coordinator_dir"], two_weeks["bundles"])
    assert catch_up_merged_state(db) == 0 and _merged(db) == state
    print(f"\ncatch-up twice: {first} events merged, then 0")
    db.close()


def test_a_catch_up_interrupted_between_batches_resumes_where_it_stopped(
    two_weeks: dict,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reference = _all_at_once(two_weeks, "resume-ref.sqlite")
    db = _imported_without_catch_up(two_weeks, "resume.sqlite")
    real_merge, calls = merged.merge_events, []

    def dies_on_the_third_batch(
        connection: sqlite3.Connection, events: object, **options: bool
    ) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("power cut")  # the process dies in the third transaction
        return real_merge(connection, events, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(merged, "merge_events", dies_on_the_third_batch)
    with pytest.raises(OSError):
        catch_up_merged_state(db, batch=2)
    watermark = read_record(db, WATERMARK_KEY)
    assert watermark is not None and watermark["rowid"] == 4  # two batches of two committed
    monkeypatch.setattr(merged, "merge_events", real_merge)
    resumed = catch_up_merged_state(db, batch=2)
    assert _merged(db) == _merged(reference)
    print(f"\ncatch-up interrupted after 4 events, resumed with {resumed} more: same state")
    reference.close()
    db.close()


def test_a_quarantined_event_never_reaches_the_indicators(tmp_path: Path) -> None:
    region = Region(tmp_path)
    db = region.coordinator()
    bundle = region.week(0, 1)
    # the view was current: the import merged its event itself, in its transaction
    assert import_bundle(db, region.coordinator_dir, bundle).events_merged == 1
    assert catch_up_merged_state(db) == 0
    with sqlite3.connect(db.path) as connection:
        (line,) = connection.execute(
            "SELECT json_object('id', id, 'seq', seq, 'at', at, 'entity', entity, "
            "'entity_id', entity_id, 'op', op, 'payload', json(payload)) FROM received_event"
        ).fetchone()
        before = connection.execute("SELECT canal FROM merged_contact").fetchall()
    event = json.loads(line)
    event["payload"]["canal"] = "courriel"  # the same id with other content
    forged = _signed_bundle(region, [json.dumps(event).encode()], tmp_path / "f.spro-bundle", 2)
    outcome = import_bundle(db, region.coordinator_dir, forged)
    assert outcome.quarantined == 1 and outcome.events_new == 0
    assert catch_up_merged_state(db) == 0
    with sqlite3.connect(db.path) as connection:
        assert connection.execute("SELECT canal FROM merged_contact").fetchall() == before
        (detail,) = connection.execute(
            "SELECT detail FROM sync_alert WHERE kind = 'quarantine'"
        ).fetchone()
    assert json.loads(detail)["event"] == event  # the refused content, shown as received
    assert before == [("telephone",)]
    print("\nquarantined event: 0 merged, the contact keeps its stored content")
    db.close()


def test_a_coordinator_of_before_the_watermark_is_taken_as_merged(tmp_path: Path) -> None:
    """Before the watermark existed, every stored event was merged inside its import: a
    database without the record is up to date, and its next import starts the watermark
    below its own events."""
    region = Region(tmp_path)
    db = region.coordinator()
    import_bundle(db, region.coordinator_dir, region.week(0, 2))
    catch_up_merged_state(db)
    state = _merged(db)
    with sqlite3.connect(db.path) as connection:
        connection.execute("DELETE FROM setting WHERE key = ?", (WATERMARK_KEY,))
    assert catch_up_merged_state(db) == 0 and _merged(db) == state
    assert read_record(db, WATERMARK_KEY) == {"rowid": 2}
    with sqlite3.connect(db.path) as connection:
        connection.execute("DELETE FROM setting WHERE key = ?", (WATERMARK_KEY,))
    # The import sets the watermark below its events, finds the view current so merges its
    # three events itself, and moves the watermark past them.
    assert import_bundle(db, region.coordinator_dir, region.week(1, 3)).events_merged == 3
    assert read_record(db, WATERMARK_KEY) == {"rowid": 5}
    assert catch_up_merged_state(db) == 0
    db.close()


def test_the_command_line_import_reports_the_events_merged(
    two_weeks: dict,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir = str(two_weeks["coordinator_dir"])
    assert main(["--data-dir", data_dir, "coordinator", "register",
                 str(two_weeks["registration"]), "--json"]) == 0  # fmt: skip
    capsys.readouterr()
    bundles = [str(path) for path in two_weeks["bundles"]]
    assert main(["--data-dir", data_dir, "coordinator", "import", *bundles, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["events_merged"] == result["events_new"] > 0
    print(f"\ncoordinator import: {result['events_merged']} events merged")


def test_the_coordinator_window_import_merges_after_its_commit(tmp_path: Path) -> None:
    from spro_desk.sync.coordinator_views import import_bundle_files

    region = Region(tmp_path)
    db = region.coordinator()
    paths = [region.week(0, 2), region.week(1, 1)]
    ContactService(region.desks[0][0]).record(ContactInput(canal="courriel", statut="salarie"))
    paths.append(export_bundle(*region.desks[0], region.root / "usb").path)
    seen: list[tuple[str, int, int]] = []
    batch = import_bundle_files(
        db, region.coordinator_dir, paths, progress=lambda *a: seen.append(a)
    )
    assert len(batch.accepted) == 3 and batch.events_new == 4 == batch.events_merged
    assert seen[-1] == ("", 3, 3)
    cancelled = import_bundle_files(db, region.coordinator_dir, paths, is_cancelled=lambda: True)
    assert cancelled.not_imported == paths and cancelled.events_merged == 0
    db.close()


CONTACT = {"occurred_at": "2026-03-02T09:30:00+00:00", "canal": "telephone", "statut": "salarie"}
REFERRAL = {
    "contact_id": "c1", "service_id": "s1", "structure_id": "t1", "type": "rendez-vous",
    "statut": "propose", "created_at": "2026-03-02T09:30:00+00:00",
    "updated_at": "2026-03-02T09:30:00+00:00", "rdv_at": None,
}  # fmt: skip


@pytest.mark.parametrize(
    ("entity", "op", "payload", "expected"),
    [
        ("contact", "create", CONTACT, True),
        ("contact", "update", {**CONTACT, "besoins": ["a--b"], "commune": "18033"}, True),
        ("contact", "delete", {}, True),  # a tombstone carries nothing to read
        ("contact", "update", {"deleted_at": "2026-03-03T00:00:00+00:00"}, True),
        ("contact", "create", {**CONTACT, "occurred_at": "mardi"}, False),
        ("contact", "create", {**CONTACT, "occurred_at": 12}, False),
        ("contact", "create", {**CONTACT, "occurred_at": "9999-12-31T23:59:00+00:00"}, False),
        ("contact", "create", {"occurred_at": CONTACT["occurred_at"]}, False),
        ("contact", "create", {**CONTACT, "besoins": 3}, False),
        ("contact", "create", {**CONTACT, "commune": {"x": 1}}, False),
        ("contact", "create", {**CONTACT, "duree": [5]}, False),
        ("referral", "create", REFERRAL, True),
        ("referral", "update", {**REFERRAL, "rdv_at": "2026-03-05T10:00:00+01:00"}, True),
        ("referral", "create", {}, False),
        ("referral", "create", {**REFERRAL, "rdv_at": "demain"}, False),
        ("referral", "create", {k: v for k, v in REFERRAL.items() if k != "created_at"}, False),
    ],
)
def test_only_payloads_the_merge_can_read_are_mergeable(
    entity: str, op: str, payload: dict, expected: bool
) -> None:
    assert mergeable(entity, op, payload) is expected
    if expected and op != "delete" and not payload.get("deleted_at"):
        event = merged.MergeEvent("d", 1, entity, "e1", op, payload)
        row = (
            merged.contact_row(event)
            if entity == "contact"
            else merged.referral_row(event, None, None, None, None)
        )  # the row builders read it without error
        assert row is not None
