"""Bundles opened by a worker process while the coordinator writes: same verdicts, same state,
whatever happens to the worker."""

from __future__ import annotations

import io
import marshal
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import select

from spro_desk.storage.coordination_tables import ReceivedBundle, SyncAlert
from spro_desk.storage.engine import Database
from spro_desk.sync import reader_process
from spro_desk.sync.bundle_opening import (
    BundleOpener,
    OpenedBundle,
    PlainBundle,
    encryption_identities,
    opened_of,
)
from spro_desk.sync.coordinator import BundleRefused, import_bundles
from spro_desk.sync.merged_rows import PreparedEvent
from test_coordinator_import import Region, _state

BUNDLES = reader_process.MIN_BUNDLES + 4


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Region, list[Path]]:
    """Enough bundles for a worker, with three refusals among them: a truncated file, one
    encrypted for another coordinator, and a file that is not a bundle."""
    root = tmp_path_factory.mktemp("reader")
    region = Region(root)
    bundles = [region.week(number % 2, 1 + number % 3) for number in range(BUNDLES - 3)]
    truncated = root / "truncated.spro-bundle"
    truncated.write_bytes(bundles[2].read_bytes()[:-40])
    stranger = Region(root / "elsewhere")  # its own coordinator: our keys cannot open it
    garbage = root / "garbage.spro-bundle"
    garbage.write_bytes(b"not an age file at all")
    bundles[5:5] = [truncated, stranger.week(0, 1), garbage]
    return region, bundles


def _import(region: Region, bundles: list[Path], name: str) -> tuple[list[str], Database]:
    db = region.coordinator(name)
    results = import_bundles(db, region.coordinator_dir, bundles)
    assert [path for path, _ in results] == bundles
    verdicts = [
        f"refused: {result}" if isinstance(result, BundleRefused)
        else f"new {result.events_new} dup {result.events_duplicate} {sorted(result.alerts)}"
        for _path, result in results
    ]  # fmt: skip
    return verdicts, db


def _everything(db: Database) -> tuple[object, ...]:
    with db.session() as session:
        bundles = sorted((b.sha256, b.bundle_seq) for b in session.exec(select(ReceivedBundle)))
        alerts = sorted((a.desk_id, a.kind) for a in session.exec(select(SyncAlert)))
    return _state(db), bundles, alerts


@pytest.fixture(scope="module")
def opened_here(world: tuple[Region, list[Path]]) -> tuple[list[str], tuple[object, ...]]:
    """The reference: every bundle opened in the importing process."""
    region, bundles = world
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader_process, "MIN_BUNDLES", 10_000)
        verdicts, db = _import(region, bundles, "here.sqlite")
    state = _everything(db)
    db.close()
    assert sum(v.startswith("refused") for v in verdicts) == 3
    return verdicts, state


def _started_workers(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    started: list[subprocess.Popen[bytes]] = []
    real_start = reader_process._start_worker

    def recording() -> subprocess.Popen[bytes]:
        started.append(real_start())
        return started[-1]

    monkeypatch.setattr(reader_process, "_start_worker", recording)
    return started


def _opened_in_parent(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the importing process opens itself, in the order it opens them."""
    in_parent: list[Path] = []
    open_here = reader_process._open_or_refuse

    def recording(opener: BundleOpener, path: Path) -> OpenedBundle | BundleRefused:
        in_parent.append(path)
        return open_here(opener, path)

    monkeypatch.setattr(reader_process, "_open_or_refuse", recording)
    return in_parent


def test_a_worker_gives_the_same_verdicts_and_state(
    world: tuple[Region, list[Path]], opened_here: tuple[list[str], tuple[object, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    region, bundles = world
    started = _started_workers(monkeypatch)
    in_parent = _opened_in_parent(monkeypatch)
    verdicts, db = _import(region, bundles, "worker.sqlite")
    # the first bundles opened here while the worker started, then, while it had no verdict
    # ready, the last ones not yet sent to it (from the far end); the worker all the others
    head = reader_process.HEAD_START
    assert len(started) == 1 and in_parent[:head] == bundles[:head]
    taken = in_parent[head:]
    assert taken == bundles[len(bundles) - len(taken) :][::-1]
    assert all(worker.poll() is not None for worker in started)  # and is gone
    assert (verdicts, _everything(db)) == opened_here
    db.close()


SLOW_WORKER = """
    import sys, time
    from spro_desk.sync import reader_process
    from spro_desk.sync.bundle_opening import BundleOpener

    real_open_plain = BundleOpener.open_plain

    def slowly(self, path):
        with open({log!r}, "a", encoding="utf-8") as log:
            log.write(str(path) + "\\n")
        time.sleep(0.05)
        return real_open_plain(self, path)

    BundleOpener.open_plain = slowly
    sys.exit(reader_process.main())
    """


def test_a_slow_worker_shares_the_opening_and_nothing_is_opened_twice(
    world: tuple[Region, list[Path]], opened_here: tuple[list[str], tuple[object, ...]],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    """A worker slower than the writer: the writer opens the last paths while it would wait;
    each bundle is opened by one process only, and the import is the same."""
    region, bundles = world
    log = tmp_path / "worker-opened.txt"
    body = SLOW_WORKER.format(log=str(log))
    monkeypatch.setattr(reader_process, "_worker_command", lambda: _fake_worker(tmp_path, body))
    monkeypatch.setattr(reader_process, "AHEAD", 2)  # a few of this small world's paths ahead
    in_parent = _opened_in_parent(monkeypatch)
    verdicts, db = _import(region, bundles, "slow-worker.sqlite")
    by_worker = [Path(line) for line in log.read_text("utf-8").splitlines()]
    head = reader_process.HEAD_START
    assert len(in_parent) > head + len(by_worker) // 2  # the writer took a good share
    assert sorted(map(str, in_parent + by_worker)) == sorted(map(str, bundles))  # once each
    assert by_worker == bundles[head : head + len(by_worker)]  # the worker's from the front
    assert (verdicts, _everything(db)) == opened_here
    db.close()


def _fake_worker(tmp_path: Path, body: str) -> list[str]:
    script = tmp_path / "worker.py"
    script.write_text(textwrap.dedent(body))
    return [sys.executable, str(script)]


@pytest.mark.parametrize(
    "body",
    [
        "import sys; sys.exit(3)\n",  # dies at once
        """
        import os, pickle, sys
        from spro_desk.sync import reader_process
        requests, replies = sys.stdin.buffer, sys.stdout.buffer
        data_dir, desks, zone = pickle.load(requests)
        for _ in range(4):  # answers "fault" four times, then dies mid-reply
            pickle.load(requests)
            frame = pickle.dumps(("fault", None))
            replies.write(len(frame).to_bytes(reader_process.FRAME_HEADER, "little") + frame)
            replies.flush()
        replies.write((1000).to_bytes(reader_process.FRAME_HEADER, "little") + b"half")
        replies.flush()
        os._exit(1)
        """,
    ],
    ids=["dies-at-once", "faults-then-dies"],
)
def test_a_failing_worker_changes_who_opens_never_the_result(
    world: tuple[Region, list[Path]], opened_here: tuple[list[str], tuple[object, ...]],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str,
) -> None:  # fmt: skip
    region, bundles = world
    monkeypatch.setattr(reader_process, "_worker_command", lambda: _fake_worker(tmp_path, body))
    verdicts, db = _import(region, bundles, f"{tmp_path.name}.sqlite")
    assert (verdicts, _everything(db)) == opened_here
    db.close()


def test_a_worker_that_cannot_start_leaves_the_opening_here(
    world: tuple[Region, list[Path]], opened_here: tuple[list[str], tuple[object, ...]],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    region, bundles = world
    monkeypatch.setattr(reader_process, "_worker_command", lambda: [str(tmp_path / "missing")])
    verdicts, db = _import(region, bundles, "no-worker.sqlite")
    assert (verdicts, _everything(db)) == opened_here
    db.close()


def test_a_cancelled_import_stops_its_worker(
    world: tuple[Region, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    region, bundles = world
    started = _started_workers(monkeypatch)
    seen: list[int] = []
    db = region.coordinator("cancelled.sqlite")
    results = import_bundles(
        db, region.coordinator_dir, bundles,
        progress=lambda _name, index, _total: seen.append(index),
        is_cancelled=lambda: len(seen) >= 3,
    )  # fmt: skip
    assert [path for path, _ in results] == bundles[:3]
    assert len(_state(db)) == sum(r.events_new for _p, r in results)  # what ran is kept
    assert started and all(worker.poll() is not None for worker in started)
    db.close()


def test_the_worker_answers_each_path_in_order(
    world: tuple[Region, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's side of the protocol, run in this process: opened, refused, or "fault"
    for what was neither (the importing process then opens that one itself)."""
    region, bundles = world
    db = region.coordinator("protocol.sqlite")
    from spro_desk.sync.coordinator import _opener

    desks = _opener(db, region.coordinator_dir).desks
    real_open, real_open_plain = BundleOpener.open, BundleOpener.open_plain

    def open_or_fail(self: BundleOpener, path: Path) -> PlainBundle:
        if path == bundles[1]:
            raise RuntimeError("a bug")
        return real_open_plain(self, path)

    monkeypatch.setattr(BundleOpener, "open_plain", open_or_fail)
    requests = io.BytesIO()
    for message in ((str(region.coordinator_dir), desks, ""), *map(str, bundles[:7]), None):
        pickle.dump(message, requests)
    requests.seek(0)
    replies = io.BytesIO()
    reader_process.serve(requests, replies)
    replies.seek(0)
    verdicts = []
    opener = BundleOpener(encryption_identities(region.coordinator_dir), desks)
    while header := replies.read(reader_process.FRAME_HEADER):
        verdict, value = marshal.loads(replies.read(int.from_bytes(header, "little")))
        verdicts.append(verdict)
        if verdict == "opened":
            # what the writer rebuilds is what opening the bundle here gives, field by field
            bundle = opened_of(value)
            assert isinstance(bundle, OpenedBundle) and bundle.rows
            assert bundle == real_open(opener, bundles[len(verdicts) - 1])
            assert all(type(event) is PreparedEvent for event in bundle.merged)
    assert verdicts == ["opened", "fault", "opened", "opened", "opened", "refused", "refused"]
    db.close()


def test_what_the_writer_opens_ahead_is_bounded(
    world: tuple[Region, list[Path]], opened_here: tuple[list[str], tuple[object, ...]],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    """However slow the worker, the bundles opened from the far end and kept until their turn
    stay few (their memory): the writer waits for the worker beyond that."""
    region, bundles = world
    body = SLOW_WORKER.format(log=str(tmp_path / "worker-opened.txt"))
    monkeypatch.setattr(reader_process, "_worker_command", lambda: _fake_worker(tmp_path, body))
    monkeypatch.setattr(reader_process, "AHEAD", 2)
    monkeypatch.setattr(reader_process, "TAKEN_AT_MOST", 2)
    in_parent = _opened_in_parent(monkeypatch)
    verdicts, db = _import(region, bundles, "bounded.sqlite")
    assert len(in_parent) == reader_process.HEAD_START + 2
    assert (verdicts, _everything(db)) == opened_here
    db.close()
