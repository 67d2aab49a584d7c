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
never the result.
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
FRAME_HEADER = 8  # bytes of a reply's length, before the reply

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
    """`paths` from `first` on, the worker's share (it was given `paths[first:]`)."""
    for index, path in enumerate(paths[first:], start=first):
        try:
            worker.send_up_to(index - first + AHEAD)
            verdict, value = worker.verdict()
        except (OSError, EOFError, ValueError, TypeError):
            yield from _opened_here(opener, paths, index)  # the worker is gone: go on here
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
        """Every path before `count` sent; the end marker once all are."""
        requests = _stream(self.process.stdin)
        while self.sent < min(count, len(self.paths)):
            pickle.dump(str(self.paths[self.sent]), requests)
            self.sent += 1
            if self.sent == len(self.paths):
                pickle.dump(None, requests)
        requests.flush()

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
