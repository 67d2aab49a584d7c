"""Opening a batch of bundles in a second process while the coordinator writes the previous ones.

Opening a bundle (decryption, signature, JSON) costs the coordinator as much CPU as storing it.
A thread cannot overlap the two: both hold the GIL, and a writer that gives the GIL up around
each SQLite step then waits for the reader's switch interval (measured: slower than opening and
writing one after the other). A process of its own does overlap them on a second core.

The worker is started fresh (`python -m spro_desk.sync.reader_process`, or the frozen program
with `WORKER_FLAG`), never forked from a process that may have Qt or TLS threads. It loads the
coordinator's keys from the data folder itself; the parent sends it the registered desks and its
time zone (the merged rows' days, sync.merged_rows), then the paths a few at a time, and reads
back one verdict per path, in order: the bundle's `received_event` rows and the rows the merged
state will take, or the refusal. Verdicts travel as `marshal` data (plain tuples, lists, dicts,
strings and numbers; the worker is this very interpreter): half of pickle's time to write and
to read, and reading them is the coordinator's own CPU time (bench/bench_sync.py). Anything
the worker cannot do ends in the parent opening that bundle (and the rest) itself: a worker
that fails to start, dies or hits an unexpected error changes which process does the work,
never the result. Nor does the parent opening the last bundles itself while it has no verdict
to store (`_opened_by`): the work is shared from both ends of the list.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import pickle
import queue
import site
import subprocess
import sys
import threading
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from spro_desk import clock
from spro_desk.sync.bundle_opening import (
    BundleOpener,
    BundleRefused,
    OpenedBundle,
    RegisteredKeys,
    encryption_identities,
    opened_of,
)

WORKER_FLAG = "--spro-bundle-reader"  # the frozen program's hidden switch (installer/entry.py)
MIN_BUNDLES = 16  # fewer: starting a process (~50 ms) costs more than it saves
AHEAD = 32  # paths sent before their verdicts are read: bounds what waits in memory
HEAD_START = 12  # bundles opened by the importing process itself while the worker starts
# Bundles the importing process opens from the far end and keeps until their turn, at most:
# bounds their memory (a stalled worker on a thousand paths would leave them all here).
TAKEN_AT_MOST = 256  # of bench_sync.py's 500 desk-weeks, the writer took 29–126
FRAME_HEADER = 8  # bytes of a reply's length, before the reply
PIPE_BYTES = 1 << 20  # the replies' pipe, where the system lets it grow (Linux's default cap)

Opened = tuple[int, Path, OpenedBundle | BundleRefused]


# --- the worker's side ---------------------------------------------------------------------


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer `(data_dir, desks, zone)` then one path at a time, until None, with one verdict
    each: ("opened", OpenedBundle), ("refused", message) or ("fault", None). `zone`: the
    coordinator's time zone, whose calendar days the merged rows are built in."""
    data_dir, desks, zone = pickle.load(requests)
    clock.use_zone(zone or None)
    opener = BundleOpener(encryption_identities(Path(data_dir)), desks)
    while (path := pickle.load(requests)) is not None:
        try:
            frame = marshal.dumps(("opened", opener.open_plain(Path(path))))
        except BundleRefused as refusal:
            frame = marshal.dumps(("refused", str(refusal)))
        except Exception:  # the parent opens this bundle again and meets the fault itself
            frame = marshal.dumps(("fault", None))
        replies.write(len(frame).to_bytes(FRAME_HEADER, "little") + frame)
        replies.flush()


def main() -> int:
    # What the worker makes (rows of strings and numbers) holds no cycle, and is freed bundle
    # by bundle: the collector's passes over it were a tenth of its time.
    gc.disable()
    # The pipes by descriptor: a windowed frozen program may have no sys.stdin/sys.stdout.
    requests, replies = os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb")
    sys.stdout = sys.stderr  # a stray print must not corrupt the replies
    with contextlib.suppress(BrokenPipeError, EOFError, KeyboardInterrupt):
        serve(requests, replies)
    return 0


# --- the coordinator's side ----------------------------------------------------------------


def opened_in_order(
    opener: BundleOpener, data_dir: Path, paths: list[Path]
) -> Generator[Opened, None, None]:
    """Each path with its opened bundle or refusal, in order; opened by a worker process when
    there are enough of them and a second core, else here. An unexpected fault (a disk gone)
    is raised here, as when opening in this process."""
    worker, head = None, min(HEAD_START, len(paths))
    if _worth_a_process(paths):
        worker = _Worker.start(data_dir, opener.desks, paths[head:])
    if worker is None:
        yield from _opened_here(opener, paths, 0)
        return
    try:
        # The first bundles are opened here while the worker starts (its interpreter, imports
        # and keys: 0.15-0.4 s before its first verdict, which the writer spent waiting).
        yield from _opened_here(opener, paths[:head], 0)
        yield from _opened_by(worker, opener, paths, head)
    finally:
        worker.stop()


def _worth_a_process(paths: list[Path]) -> bool:
    return len(paths) >= MIN_BUNDLES and (os.cpu_count() or 1) > 1


def _opened_here(opener: BundleOpener, paths: list[Path], first: int) -> Iterator[Opened]:
    for index, path in enumerate(paths[first:], start=first):
        yield index, path, _open_or_refuse(opener, path)


def _open_or_refuse(opener: BundleOpener, path: Path) -> OpenedBundle | BundleRefused:
    try:
        return opener.open(path)
    except BundleRefused as refusal:
        return refusal


def _opened_by(
    worker: _Worker, opener: BundleOpener, paths: list[Path], first: int
) -> Iterator[Opened]:
    """`paths` from `first` on, the worker's share (it was given `paths[first:]`).

    While no verdict is ready, this process opens the last path not yet sent to the worker
    instead of waiting: since the import stores its rows several per INSERT, the worker is the
    slower of the two, and the writer waited for it a sixth of the import (bench_sync.py).
    Taken from the far end, those paths are never the worker's: nothing is opened twice."""
    taken: dict[int, OpenedBundle | BundleRefused] = {}
    for index, path in enumerate(paths[first:], start=first):
        if index in taken:
            yield index, path, taken.pop(index)
            continue
        try:
            worker.send_up_to(index - first + AHEAD)
            while (
                not worker.has_verdict()
                and len(taken) < TAKEN_AT_MOST
                and (last := worker.take_last()) is not None
            ):
                taken[first + last] = _open_or_refuse(opener, paths[first + last])
            verdict, value = worker.verdict()
        except (OSError, EOFError, ValueError, TypeError):
            # the worker is gone: go on here, with what this process already opened
            for rest in range(index, len(paths)):
                opened = taken.pop(rest) if rest in taken else _open_or_refuse(opener, paths[rest])
                yield rest, paths[rest], opened
            return
        if verdict == "opened":
            yield index, path, opened_of(value)
        elif verdict == "refused":
            yield index, path, BundleRefused(value)
        else:
            yield index, path, _open_or_refuse(opener, path)


class _Worker:
    """The worker process, sent the paths a few ahead of the verdicts read back, in order.

    One worker: a second one competes with the writing process for two cores and was no
    faster (BENCHMARKS.md, issue 4).
    """

    def __init__(self, process: subprocess.Popen[bytes], paths: list[Path]) -> None:
        self.process, self.paths, self.sent = process, paths, 0
        self.end = len(paths)  # the worker's share: paths[:end]; the rest is taken back
        self.ended = False  # the end marker sent
        _widen_pipe(_stream(process.stdout))
        # A pipe holds one or two replies: a thread empties it into a queue, so the worker
        # never waits for this process to finish writing before it opens the next bundle.
        self.replies: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        drain = threading.Thread(
            target=_drain, args=(_stream(process.stdout), self.replies), daemon=True
        )
        drain.start()

    @classmethod
    def start(cls, data_dir: Path, desks: RegisteredKeys, paths: list[Path]) -> _Worker | None:
        """A worker told the data folder and the registered desks; None if it cannot start
        (the bundles are then opened here)."""
        try:
            worker = cls(_start_worker(), paths)
        except OSError:
            return None
        try:
            requests = _stream(worker.process.stdin)
            pickle.dump((str(data_dir), desks, clock.zone_name()), requests)
            requests.flush()
        except OSError:
            worker.stop()
            return None
        return worker

    def send_up_to(self, count: int) -> None:
        """Every path before `count` sent; the end marker once all of its share are."""
        requests = _stream(self.process.stdin)
        while self.sent < min(count, self.end):
            pickle.dump(str(self.paths[self.sent]), requests)
            self.sent += 1
        if self.sent == self.end and not self.ended:
            pickle.dump(None, requests)
            self.ended = True
        requests.flush()

    def take_last(self) -> int | None:
        """The last path not yet sent, taken out of the worker's share; None once all are."""
        if self.end <= self.sent:
            return None
        self.end -= 1
        return self.end

    def has_verdict(self) -> bool:
        return not self.replies.empty()

    def verdict(self) -> tuple[str, Any]:
        frame = self.replies.get()
        if frame is None:
            raise EOFError("the worker stopped")
        verdict: tuple[str, Any] = marshal.loads(frame)
        return verdict

    def stop(self) -> None:
        """Stopped at once, whatever it was doing: what it opens is only ever read, never
        kept, and a cancelled import must not wait for the paths already sent."""
        with contextlib.suppress(OSError):
            _stream(self.process.stdin).close()
        self.process.kill()
        self.process.wait()
        with contextlib.suppress(OSError):
            _stream(self.process.stdout).close()


def _drain(replies: IO[bytes], frames: queue.SimpleQueue[bytes | None]) -> None:
    """Each reply's bytes into `frames`, then None when the worker is gone."""
    with contextlib.suppress(OSError, ValueError):
        while len(header := replies.read(FRAME_HEADER)) == FRAME_HEADER:
            size = int.from_bytes(header, "little")
            frame = replies.read(size)
            if len(frame) != size:
                break
            frames.put(frame)
    frames.put(None)


def _widen_pipe(replies: IO[bytes]) -> None:
    """Linux: room for a dozen verdicts in the pipe (1 MiB instead of 64 KiB), so that the
    worker goes on opening while this process, busy opening a bundle itself, reads none."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(replies.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _stream(stream: IO[bytes] | None) -> IO[bytes]:
    assert stream is not None  # the worker is started with both pipes
    return stream


def _worker_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", __name__]


def _worker_environment() -> dict[str, str]:
    """This process's environment; from a source tree, with that tree first on the worker's
    path, so that it runs this very code (an installed package is found without it, and its
    site-packages must not go before the standard library)."""
    environment = dict(os.environ)
    if getattr(sys, "frozen", False):
        return environment  # the worker is the program itself
    package_root = os.path.realpath(Path(__file__).parents[2])
    installed = {os.path.realpath(folder) for folder in site.getsitepackages()}
    if package_root not in installed:
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, (package_root, environment.get("PYTHONPATH")))
        )
    return environment


def _start_worker() -> subprocess.Popen[bytes]:
    environment = _worker_environment()
    no_console = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console flashes
    return subprocess.Popen(
        _worker_command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
        creationflags=no_console,
    )


if __name__ == "__main__":
    sys.exit(main())
