"""Coordinator import in batches: each bundle still accepted or refused on its own."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from sqlalchemy import text
from sqlmodel import select

from coordination_db import Coordinations
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.coordination_tables import ReceivedBundle, ReceivedEvent, SyncAlert
from spro_desk.storage.dialects import sqlite as sqlite_dialect
from spro_desk.sync import coordinator, merged
from spro_desk.sync.bundle_opening import BundleOpener, OpenedBundle
from spro_desk.sync.coordinator import BundleRefused, import_bundle, import_bundles
from spro_desk.sync.identity import load_identity, signing_key
from test_coordinator_import import Region, _state


def _signed_bundle(region: Region, lines: list[bytes], target: Path, bundle_seq: int) -> Path:
    """A bundle the registered desk 0 signed, with events it wrote by hand."""
    db, folder = region.desks[0]
    identity = load_identity(db)
    assert identity is not None
    events = b"".join(line + b"\n" for line in lines)
    manifest = json.dumps(
        {
            "format": "spro-desk-bundle/1", "desk_id": identity.desk_id,
            "bundle_seq": bundle_seq, "previous_bundle_sha256": None,
            "events": {"count": len(lines)}, "last_ack": 0,
            "members": {"events.jsonl": {
                "size": len(events), "sha256": hashlib.sha256(events).hexdigest()}},
        },
        sort_keys=True, separators=(",", ":"),
    ).encode()  # fmt: skip
    signature = base64.b64encode(signing_key(folder).sign(manifest))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in (("manifest.json", manifest), ("manifest.sig", signature),
                           ("events.jsonl", events)):  # fmt: skip
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    identity_file = json.loads((region.root / "coordinator.json").read_text())
    recipients = [pyrage.x25519.Recipient.from_str(r) for r in identity_file["recipients"]]
    target.write_bytes(pyrage.encrypt(buffer.getvalue(), recipients))
    return target


def test_a_batch_keeps_each_verdict_and_order(tmp_path: Path, coordinations: Coordinations) -> None:
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    good = [region.week(0, 2), region.week(1, 3)]
    broken = tmp_path / "broken.spro-bundle"
    broken.write_bytes(good[0].read_bytes()[:-10])
    results = import_bundles(db, region.coordinator_dir, [good[0], broken, good[1], good[0]])
    assert [path for path, _ in results] == [good[0], broken, good[1], good[0]]
    verdicts = [type(result).__name__ for _path, result in results]
    assert verdicts == ["ImportOutcome", "BundleRefused", "ImportOutcome", "ImportOutcome"]
    assert [r.events_new for _p, r in results if not isinstance(r, BundleRefused)] == [2, 3, 0]
    assert results[3][1].events_duplicate == 2  # the same file twice in one batch
    assert len(_state(db)) == 5
    with db.session() as session:
        assert len(session.exec(select(ReceivedBundle)).all()) == 2


def test_a_bundle_failing_while_applied_changes_nothing_and_spares_the_others(
    tmp_path: Path, coordinations: Coordinations, monkeypatch
) -> None:
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    before = region.week(1, 2)
    middle = region.week(0, 1)
    after = region.week(1, 1)
    failing_desk = load_identity(region.desks[0][0]).desk_id  # type: ignore[union-attr]
    real_witness = coordinator._witness_audit_head

    def fails_for_desk_0(connection, outcome, manifest: dict, now: str, **kw) -> None:  # type: ignore[no-untyped-def]
        if outcome.desk_id == failing_desk:  # after its events, gaps and bundle row were written
            raise TypeError("unexpected")
        real_witness(connection, outcome, manifest, now, **kw)

    monkeypatch.setattr(coordinator, "_witness_audit_head", fails_for_desk_0)
    results = import_bundles(db, region.coordinator_dir, [before, middle, after])
    assert isinstance(results[1][1], BundleRefused)
    assert "incohérent" in str(results[1][1])
    with db.session() as session:
        desks = {e.desk_id for e in session.exec(select(ReceivedEvent)).all()}
        bundles = session.exec(select(ReceivedBundle)).all()
    assert len(_state(db)) == 3 and len(desks) == 1 and len(bundles) == 2


def test_an_event_the_indicators_cannot_merge_is_refused_before_anything_is_written(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    """The merge runs after the import's commit: what it could not read is never stored."""
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    before = region.week(1, 2)
    # Well formed for the import, but a referral whose payload the merged state cannot read.
    odd = json.dumps(
        {"id": "0190a000-0000-7000-8000-000000000001", "seq": 1, "at": "2026-03-02T09:00:00+00:00",
         "entity": "referral", "entity_id": "r1", "op": "create", "payload": {}},
        sort_keys=True, separators=(",", ":"),
    ).encode()  # fmt: skip
    bad = _signed_bundle(region, [odd], tmp_path / "odd.spro-bundle", bundle_seq=1)
    after = region.week(1, 1)
    results = import_bundles(db, region.coordinator_dir, [before, bad, after])
    assert isinstance(results[1][1], BundleRefused)
    assert "incohérent" in str(results[1][1])
    with db.session() as session:
        desks = {e.desk_id for e in session.exec(select(ReceivedEvent)).all()}
        alerts = session.exec(select(SyncAlert)).all()
    assert len(_state(db)) == 3 and len(desks) == 1 and alerts == []


def test_malformed_events_are_refused_before_anything_is_written(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    cases = [b'{"id":1,"seq":1}', b'{"a":NaN}', b"[" * 100_000, b'{"id":"x"} trailing']
    for number, line in enumerate(cases):
        path = _signed_bundle(region, [line], tmp_path / f"m{number}.spro-bundle", number + 1)
        try:
            import_bundle(db, region.coordinator_dir, path)
        except BundleRefused as error:
            assert "Événement" in str(error)
        else:
            raise AssertionError(f"accepted: {line[:30]!r}")
    assert _state(db) == set()


def test_batches_commit_in_groups(
    tmp_path: Path, coordinations: Coordinations, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coordinator, "BATCH_BUNDLES", 2)
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    bundles = [region.week(number % 2, 1) for number in range(5)]
    seen: list[tuple[str, int, int]] = []
    results = import_bundles(
        db, region.coordinator_dir, bundles, progress=lambda *step: seen.append(step)
    )
    assert all(not isinstance(r, BundleRefused) for _p, r in results)
    assert len(_state(db)) == 5 and seen[-1] == ("", 5, 5)
    cancelled = import_bundles(db, region.coordinator_dir, bundles, is_cancelled=lambda: True)
    assert cancelled == []


def test_a_fault_while_reading_ahead_stops_the_import(
    tmp_path: Path, coordinations: Coordinations, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    bundles = [region.week(0, 1), region.week(0, 1)]
    original = BundleOpener.open

    def failing(self: BundleOpener, path: Path) -> OpenedBundle:
        if path == bundles[1]:
            raise OSError("disque débranché")
        return original(self, path)

    monkeypatch.setattr(BundleOpener, "open", failing)
    try:
        import_bundles(db, region.coordinator_dir, bundles)
    except OSError as error:
        assert "débranché" in str(error)
    else:
        raise AssertionError("the fault was swallowed")
    assert _state(db) == set()  # nothing committed: the batch never reached its commit


def _contact_events(region: Region, tmp_path: Path, seqs: range, bundle_seq: int) -> Path:
    """A bundle of desk 0 holding contacts numbered `seqs` (the numbers between are missing)."""
    lines = [
        json.dumps(
            {"id": f"0190a000-0000-7000-8000-{seq:012d}", "seq": seq,
             "at": "2026-03-02T09:00:00+00:00", "entity": "contact", "entity_id": f"c{seq}",
             "op": "create", "payload": {"occurred_at": "2026-03-02T09:00:00+00:00",
                                         "canal": "telephone", "statut": "scolaire"}},
            sort_keys=True, separators=(",", ":"),
        ).encode()
        for seq in seqs
    ]  # fmt: skip
    return _signed_bundle(region, lines, tmp_path / f"b{bundle_seq}.spro-bundle", bundle_seq)


def _gaps_and_desk(db: object) -> tuple[list[str], list[int]]:
    with db.engine.connect() as connection:  # type: ignore[attr-defined]
        kinds = connection.execute(text("SELECT kind FROM sync_alert")).scalars().all()
        desk = connection.execute(text("SELECT bundle_seq FROM merged_desk")).scalars().all()
    return list(kinds), list(desk)


def test_a_gap_closed_later_in_the_same_batch_leaves_no_alert_and_the_newest_bundle_speaks(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    """The batch writes what the desks say of themselves at its end, and skips closing gap
    alerts a desk does not have: both must end as bundle by bundle."""
    region = Region(tmp_path, coordinations)
    third = _contact_events(region, tmp_path, range(5, 7), 3)
    first = _contact_events(region, tmp_path, range(1, 3), 1)
    second = _contact_events(region, tmp_path, range(3, 5), 2)
    one_by_one = region.coordinator("one-by-one.sqlite")
    for bundle in (third, first, second):
        import_bundles(one_by_one, region.coordinator_dir, [bundle])
    batched = region.coordinator("batched.sqlite")
    import_bundles(batched, region.coordinator_dir, [third, first, second])
    for db in (one_by_one, batched):
        kinds, desk = _gaps_and_desk(db)
        assert [k for k in kinds if k == "gap"] == [] and desk == [3]
    # a gap opened in a batch and not closed by its end stays open
    fifth = _contact_events(region, tmp_path, range(9, 10), 5)
    import_bundles(batched, region.coordinator_dir, [fifth])
    kinds, desk = _gaps_and_desk(batched)
    assert kinds.count("gap") == 1 and desk == [5]


def test_a_batch_runs_with_a_larger_page_cache_on_sqlite_and_sets_it_back(
    tmp_path: Path, coordinations: Coordinations, monkeypatch
) -> None:
    """Even when a bundle fails and the batch is applied again in savepoints."""
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's page cache")
    bundles = [region.week(0, 2), region.week(1, 3)]
    failing_desk = load_identity(region.desks[1][0]).desk_id  # type: ignore[union-attr]
    real_apply = coordinator._apply_bundle
    seen: list[tuple[object, int]] = []

    def spied(connection, opened, *args, **kw):  # type: ignore[no-untyped-def]
        driver = connection.connection.driver_connection
        seen.append((driver, driver.execute("PRAGMA cache_size").fetchone()[0]))
        if opened.manifest["desk_id"] == failing_desk and args:  # in the batch, not alone
            raise TypeError("unexpected")
        return real_apply(connection, opened, *args, **kw)

    monkeypatch.setattr(coordinator, "_apply_bundle", spied)
    results = import_bundles(db, region.coordinator_dir, bundles)
    assert [type(r).__name__ for _p, r in results] == ["ImportOutcome", "ImportOutcome"]
    assert [size for _driver, size in seen[:2]] == [-sqlite_dialect.IMPORT_CACHE_KIB] * 2
    for driver, _size in seen:
        assert driver.execute("PRAGMA cache_size").fetchone()[0] == -sqlite_dialect.USUAL_CACHE_KIB


def test_a_merge_looks_up_only_the_entities_received_before(
    tmp_path: Path, coordinations: Coordinations, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merged state is a view of the received events: an entity none of whose events was
    received before has no merged row to look up (most of an import's). One received before,
    even in an earlier merge of the same batch, is looked up, and its row replaced."""
    monkeypatch.setattr(coordinator, "MERGE_EVERY", 1)  # a merge after every bundle
    region = Region(tmp_path, coordinations)
    desk, _folder = region.desks[0]
    service = ContactService(desk)
    first = service.record(ContactInput(canal="telephone", statut="scolaire"))
    created = region.week(0, 1)  # `first` and one more contact
    service.update(first, ContactInput(canal="courriel", statut="scolaire"))
    edited = region.week(0, 1)  # `first` edited, and a new contact
    asked: list[set[str]] = []
    real = merged._current_ranks

    def recording(connection: Any, latest: dict[str, Any]) -> Any:
        asked.append(set(latest))
        return real(connection, latest)

    monkeypatch.setattr(merged, "_current_ranks", recording)
    db = region.coordinator()
    results = import_bundles(db, region.coordinator_dir, [created, edited])
    assert all(not isinstance(r, BundleRefused) for _p, r in results)
    if coordinations.backend == "sqlite":  # a server merges its held-back writes at once
        assert asked == [set(), {first}]
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, canal FROM merged_contact")).fetchall()
    assert len(rows) == 3 and dict(rows)[first] == "courriel"


def test_an_event_id_stored_for_another_entity_is_quarantined_and_spares_the_batch(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    """A batch finds the events stored before among their entities' rows (`_known_events`,
    optimistic): an id stored for another entity is not there. Its insert breaks the key,
    and the batch, applied again bundle by bundle, quarantines it as a lone import does."""
    region = Region(tmp_path, coordinations)
    db = region.coordinator()
    first = region.week(0, 1)
    import_bundle(db, region.coordinator_dir, first)
    with db.session() as session:
        (stored,) = session.exec(select(ReceivedEvent)).all()
    event = {"id": stored.id, "seq": 2, "at": stored.at, "entity": stored.entity,
             "entity_id": "0190a000-0000-7000-8000-0000000000e2", "op": stored.op,
             "payload": stored.payload}  # fmt: skip
    fresh = {**event, "id": "0190a000-0000-7000-8000-0000000000e3", "seq": 3,
             "entity_id": "0190a000-0000-7000-8000-0000000000e4"}  # fmt: skip
    lines = [json.dumps(e, sort_keys=True, separators=(",", ":")).encode() for e in (event, fresh)]
    forged = _signed_bundle(region, lines, tmp_path / "forged.spro-bundle", bundle_seq=2)
    before, after = region.week(1, 2), region.week(1, 1)
    results = import_bundles(db, region.coordinator_dir, [before, forged, after])
    outcomes = [outcome for _path, outcome in results]
    assert not any(isinstance(outcome, BundleRefused) for outcome in outcomes)
    assert [(o.events_new, o.quarantined) for o in outcomes] == [(2, 0), (1, 1), (1, 0)]
    with db.session() as session:
        alerts = session.exec(select(SyncAlert).where(SyncAlert.kind == "quarantine")).all()
        kept = session.get(ReceivedEvent, stored.id)
    assert [alert.detail["event"]["entity_id"] for alert in alerts] == [event["entity_id"]]
    assert kept is not None and kept.entity_id == stored.entity_id  # never overwritten
    assert len(_state(db)) == 1 + 2 + 1 + 1
