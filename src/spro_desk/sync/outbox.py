"""The desk's outbox: bundle files waiting to be uploaded, and when to try each one again.

The files in `<data>/outbox/` are the truth: a bundle written there is queued even if the
application stopped before it could note it (it is then noted at the next look). The record
`sync.outbox` keeps, per file, the attempts, the last error (French) and the next attempt.
A file leaves the outbox only once the server has confirmed it, byte for byte.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record

OUTBOX_DIR = Path("outbox")
OUTBOX_KEY = "sync.outbox"
BUNDLE_SUFFIX = ".spro-bundle"
SENT_KEPT = 20  # the last deliveries the Synchronisation screen can show


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, capped: a server back up is not hit by every desk at
    once, and a desk offline for a week tries a few times an hour, not every minute."""

    base: timedelta = timedelta(minutes=1)
    cap: timedelta = timedelta(hours=6)
    jitter: float = 0.5  # the delay is drawn between (1 - jitter) and 1 times the nominal one

    def delay(self, attempts: int, rng: random.Random) -> timedelta:
        nominal = min(self.cap, self.base * 2 ** max(attempts - 1, 0))
        return nominal * (1 - self.jitter * rng.random())


@dataclass(frozen=True)
class QueueItem:
    name: str
    size: int
    sha256: str
    added_at: datetime
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: datetime | None = None  # None: at the next round

    def is_due(self, now: datetime) -> bool:
        return self.next_attempt_at is None or self.next_attempt_at <= now

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "size": self.size,
            "sha256": self.sha256,
            "added_at": self.added_at.isoformat(),
            "attempts": self.attempts,
            "last_error": self.last_error,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
        }


@dataclass(frozen=True)
class SentItem:
    name: str
    size: int
    sent_at: datetime
    remote_name: str


def _item(value: dict[str, Any]) -> QueueItem:
    moment = value.get("next_attempt_at")
    return QueueItem(
        name=value["name"],
        size=int(value["size"]),
        sha256=value["sha256"],
        added_at=datetime.fromisoformat(value["added_at"]),
        attempts=int(value.get("attempts", 0)),
        last_error=value.get("last_error"),
        next_attempt_at=datetime.fromisoformat(moment) if moment else None,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


class Outbox:
    """The queue of one desk; callers hold the sync lock (spro_desk.sync.transport)."""

    def __init__(self, db: Database, data_dir: Path) -> None:
        self.db = db
        self.folder = data_dir / OUTBOX_DIR

    def path(self, item: QueueItem) -> Path:
        return self.folder / item.name

    def _record(self) -> dict[str, Any]:
        return read_record(self.db, OUTBOX_KEY) or {"items": {}, "sent": []}

    def items(self, now: datetime | None = None, *, save: bool = True) -> list[QueueItem]:
        """The queued bundles, oldest first (bundle numbers order the file names).

        A file not noted yet is noted (`save`) only by whoever holds the sync lock: a reader
        writing the record meanwhile could undo a failure the round just noted."""
        record = self._record()
        known = {name: _item(v) for name, v in record["items"].items()}
        files = sorted(self.folder.glob(f"*{BUNDLE_SUFFIX}")) if self.folder.is_dir() else []
        moment = now or datetime.now(UTC)
        items = [
            known.get(f.name) or QueueItem(f.name, f.stat().st_size, _sha256(f), moment)
            for f in files
        ]
        if save and [i.name for i in items] != sorted(known):
            record["items"] = {i.name: asdict(i) | _dates(i) for i in items}
            write_record(self.db, OUTBOX_KEY, record)
        return items

    def sent(self) -> list[SentItem]:
        return [
            SentItem(s["name"], s["size"], datetime.fromisoformat(s["sent_at"]), s["remote_name"])
            for s in self._record()["sent"]
        ]

    def _save(self, item: QueueItem) -> None:
        record = self._record()
        record["items"][item.name] = asdict(item) | _dates(item)
        write_record(self.db, OUTBOX_KEY, record)

    def failed(
        self, item: QueueItem, message: str, now: datetime, policy: RetryPolicy, rng: random.Random
    ) -> QueueItem:
        attempts = item.attempts + 1
        updated = replace(
            item,
            attempts=attempts,
            last_error=message,
            next_attempt_at=now + policy.delay(attempts, rng),
        )
        self._save(updated)
        return updated

    def postponed(self, item: QueueItem, until: datetime, message: str) -> QueueItem:
        """Not tried this round (the server failed on an earlier file): wait with it."""
        updated = replace(item, last_error=message, next_attempt_at=until)
        self._save(updated)
        return updated

    def delivered(self, item: QueueItem, remote_name: str, now: datetime) -> None:
        """Confirmed by the server: noted first, then the local copy goes."""
        record = self._record()
        record["items"].pop(item.name, None)
        sent = {"name": item.name, "size": item.size, "sent_at": now.isoformat(),
                "remote_name": remote_name}  # fmt: skip
        record["sent"] = [*record["sent"], sent][-SENT_KEPT:]
        write_record(self.db, OUTBOX_KEY, record)
        self.path(item).unlink(missing_ok=True)


def _dates(item: QueueItem) -> dict[str, Any]:
    """The record's JSON form of the item's dates."""
    return {
        "added_at": item.added_at.isoformat(),
        "next_attempt_at": item.next_attempt_at.isoformat() if item.next_attempt_at else None,
    }
