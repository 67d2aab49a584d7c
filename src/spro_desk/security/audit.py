"""The access log: who displayed, exported or erased personal data, and when.

Kept apart from the database, as the CNIL recommends for access logs (délibération
n° 2021-122 du 14 octobre 2021): JSON lines in `audit/` next to the database, one file per
month, only ever appended to. Each entry names its predecessor's MAC and carries its own
HMAC-SHA256 under a key kept in the database, not in the log: whoever edits, removes or
inserts a line without that key breaks the chain, and `verify()` names the first entry
concerned. The database also keeps the last entry's sequence number and MAC (the *head*), so
removing the last lines is seen too. Entries name the contact by its random id and the agent
by account: never a name, phone or e-mail of a person received.

Retention: entries older than the period set by the site manager (6 to 12 months, the CNIL's
recommendation; 12 by default) are dropped by the purge, which moves the *base* (the first
entry kept and its predecessor's MAC) forward in the database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypedDict

from sqlalchemy import Connection, text

from spro_desk.storage.engine import Database, one_per_database
from spro_desk.storage.files import Durability, write_atomically

AUDIT_RECORD = "privacy.audit"
AUDIT_DIR = "audit"
GENESIS = "0" * 64
_TAIL_BLOCK = 8192


class AuditTampered(RuntimeError):
    """The access log was modified, shortened or reordered; the message names the entry."""


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass
class _State:
    key: bytes
    head: dict[str, Any] | None  # {"seq", "mac"} of the last entry written
    base: dict[str, Any]  # {"seq", "prev"}: where the retained log starts

    def as_json(self) -> dict[str, Any]:
        return {
            "key": base64.b64encode(self.key).decode(),
            "head": self.head,
            "base": self.base,
        }


class _Where(TypedDict):
    """Where a line of the log sits, for the check's message."""

    file: str
    line: int


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    entries: int
    problem: str | None = None  # modifiee, supprimee, inseree, illisible
    seq: int | None = None
    file: str | None = None
    line: int | None = None

    def message(self) -> str:
        if self.ok:
            return f"Journal d'accès intact : {self.entries} entrée(s) vérifiée(s)."
        where = f" ({self.file}, ligne {self.line})" if self.file else ""
        what = {
            "modifiee": f"l'entrée n° {self.seq} a été modifiée",
            "supprimee": f"l'entrée n° {self.seq} a été supprimée",
            "inseree": f"une entrée a été insérée ou déplacée avant le n° {self.seq}",
            "illisible": "une ligne est illisible",
        }[self.problem or "illisible"]
        return f"Journal d'accès altéré : {what}{where}."

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "problem": self.problem,
            "seq": self.seq,
            "file": self.file,
            "line": self.line,
            "message": self.message(),
        }


def _last_line(path: Path) -> tuple[bytes | None, int]:
    """The last complete line and the offset where complete lines end (a torn tail after it)."""
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        start = max(0, size - _TAIL_BLOCK)
        while True:
            handle.seek(start)
            chunk = handle.read(size - start)
            end = chunk.rfind(b"\n")
            previous = chunk.rfind(b"\n", 0, end) if end >= 0 else -1
            if (end >= 0 and previous >= 0) or start == 0:
                break
            start = max(0, start - _TAIL_BLOCK)
    if end < 0:
        return None, start
    return chunk[previous + 1 : end], start + end + 1


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.folder = db.path.parent / AUDIT_DIR
        self._prefix = db.path.stem

    # --- state in the database ----------------------------------------------------------------

    def _lock_and_read(self, connection: Connection) -> _State:
        """Take the database's write lock first: appenders of several processes queue here."""
        connection.execute(
            text("UPDATE setting SET key = key WHERE key = :key"), {"key": AUDIT_RECORD}
        )
        value = connection.execute(
            text("SELECT value FROM setting WHERE key = :key"), {"key": AUDIT_RECORD}
        ).scalar()
        if value is None:
            state = _State(secrets.token_bytes(32), None, {"seq": 1, "prev": GENESIS})
            connection.execute(
                text("INSERT INTO setting (key, value) VALUES (:key, :value)"),
                {"key": AUDIT_RECORD, "value": json.dumps(state.as_json())},
            )
            return state
        return self._parse(value)

    @staticmethod
    def _parse(value: Any) -> _State:
        record = json.loads(value) if isinstance(value, str) else value
        return _State(base64.b64decode(record["key"]), record["head"], record["base"])

    def _save(self, connection: Connection, state: _State) -> None:
        connection.execute(
            text("UPDATE setting SET value = :value WHERE key = :key"),
            {"key": AUDIT_RECORD, "value": json.dumps(state.as_json())},
        )

    def _read_state(self) -> _State | None:
        with self._db.engine.connect() as connection:
            value = connection.execute(
                text("SELECT value FROM setting WHERE key = :key"), {"key": AUDIT_RECORD}
            ).scalar()
        return None if value is None else self._parse(value)

    # --- files --------------------------------------------------------------------------------

    def segments(self) -> list[Path]:
        if not self.folder.exists():
            return []
        return sorted(self.folder.glob(f"{self._prefix}-????-??.jsonl"))

    def _segment_for(self, moment: datetime) -> Path:
        name = f"{self._prefix}-{moment.astimezone(UTC):%Y-%m}.jsonl"
        existing = self.segments()
        # A clock set back never sends an entry into an older file: files stay in order.
        if existing and existing[-1].name > name:
            return existing[-1]
        return self.folder / name

    def _tail(self) -> dict[str, Any] | None:
        for path in reversed(self.segments()):
            line, complete_end = _last_line(path)
            if complete_end < path.stat().st_size:
                # A line torn by a power cut, never acknowledged (the head was not moved).
                os.truncate(path, complete_end)
            if line is not None:
                return json.loads(line)
        return None

    @staticmethod
    def _write_line(path: Path, entry: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, canonical(entry) + b"\n")
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def _mac(self, key: bytes, entry: dict[str, Any]) -> str:
        body = {k: v for k, v in entry.items() if k != "mac"}
        return hmac.new(key, canonical(body), hashlib.sha256).hexdigest()

    # --- writing ------------------------------------------------------------------------------

    def append(
        self,
        action: str,
        *,
        agent: Any | None = None,
        agent_id: str | None = None,
        contact_id: str | None = None,
        detail: dict[str, Any] | None = None,
        now: datetime | None = None,
        connection: Connection | None = None,
    ) -> dict[str, Any]:
        """Write one entry durably. `agent` is an AgentView (None: the desk itself, or nobody
        logged in yet); `connection`: the caller's transaction, so that the entry's anchor
        commits with the change it records."""
        if connection is None:
            with self._db.engine.begin() as own:
                return self._append(own, action, agent, agent_id, contact_id, detail, now)
        return self._append(connection, action, agent, agent_id, contact_id, detail, now)

    def _append(
        self,
        connection: Connection,
        action: str,
        agent: Any | None,
        agent_id: str | None,
        contact_id: str | None,
        detail: dict[str, Any] | None,
        now: datetime | None,
    ) -> dict[str, Any]:
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        state = self._lock_and_read(connection)
        last = self._tail()
        if last is not None:
            seq, prev = last["seq"] + 1, last["mac"]
        else:
            seq, prev = state.base["seq"], state.base["prev"]
        entry: dict[str, Any] = {
            "seq": seq,
            "at": moment.isoformat(),
            "action": action,
            "agent": agent.id if agent is not None else agent_id,
            "role": str(agent.role) if agent is not None else None,
            "contact": contact_id,
            "detail": detail or {},
            "prev": prev,
        }
        entry["mac"] = self._mac(state.key, entry)
        self._write_line(self._segment_for(moment), entry)
        state.head = {"seq": seq, "mac": entry["mac"]}
        self._save(connection, state)
        return entry

    # --- reading and checking -----------------------------------------------------------------

    def _lines(self) -> Iterator[tuple[Path, int, bytes]]:
        for path in self.segments():
            with path.open("rb") as handle:
                for number, line in enumerate(handle, start=1):
                    yield path, number, line.rstrip(b"\n")

    def entries(self) -> list[dict[str, Any]]:
        return [json.loads(line) for _path, _number, line in self._lines() if line]

    def verify(self) -> AuditCheck:
        """The first entry modified, removed, inserted or unreadable; ok when there is none."""
        state = self._read_state()
        if state is None:
            files = self.segments()
            if files and any(path.stat().st_size for path in files):
                return AuditCheck(False, 0, "modifiee", 1, files[0].name, 1)
            return AuditCheck(True, 0)
        expected, prev, count = state.base["seq"], state.base["prev"], 0
        for path, number, line in self._lines():
            where = _Where(file=path.name, line=number)
            try:
                entry = json.loads(line)
                seq, mac = int(entry["seq"]), entry["mac"]
            except (ValueError, KeyError, TypeError):
                return AuditCheck(False, count, "illisible", expected, **where)
            if seq < state.base["seq"]:
                continue  # expired, about to be dropped by an interrupted purge
            if not hmac.compare_digest(self._mac(state.key, entry), str(mac)):
                return AuditCheck(False, count, "modifiee", seq, **where)
            if seq > expected:
                return AuditCheck(False, count, "supprimee", expected, **where)
            if seq < expected or entry.get("prev") != prev:
                return AuditCheck(False, count, "inseree", seq, **where)
            expected, prev, count = seq + 1, mac, count + 1
        head = state.head
        if head is not None and int(head["seq"]) >= expected:
            return AuditCheck(False, count, "supprimee", expected)
        return AuditCheck(True, count)

    # --- retention ----------------------------------------------------------------------------

    def drop_before(self, cutoff: datetime) -> int:
        """Remove the entries written before `cutoff`; returns how many were removed."""
        kept_by_file: dict[Path, list[bytes]] = {}
        touched: set[Path] = set()
        first_kept: dict[str, Any] | None = None
        for path, _number, line in self._lines():
            entry = json.loads(line) if line else None
            if entry is None:
                continue
            if first_kept is None and datetime.fromisoformat(entry["at"]) < cutoff:
                touched.add(path)  # the log is in time order: only a prefix expires
                kept_by_file.setdefault(path, [])
                continue
            first_kept = first_kept or entry
            kept_by_file.setdefault(path, []).append(line)
        if not touched:
            return 0
        with self._db.engine.begin() as connection:
            state = self._lock_and_read(connection)
            if first_kept is not None:
                state.base = {"seq": first_kept["seq"], "prev": first_kept["prev"]}
            elif state.head is not None:
                state.base = {"seq": state.head["seq"] + 1, "prev": state.head["mac"]}
            self._save(connection, state)
        dropped = 0
        for path in touched:
            dropped += self._line_count(path) - len(kept_by_file[path])
            self._rewrite(path, kept_by_file[path])
        return dropped

    @staticmethod
    def _line_count(path: Path) -> int:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())

    @staticmethod
    def _rewrite(path: Path, lines: list[bytes]) -> None:
        if not lines:
            path.unlink(missing_ok=True)
            return
        data = b"".join(line + b"\n" for line in lines)
        write_atomically(path, data, Durability.CONTENTS_SYNCED, mode=0o600)


audit_log = one_per_database(AuditLog)  # the access log of this open database
