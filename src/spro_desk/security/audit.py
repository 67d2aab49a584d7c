"""The access log: who displayed, exported or erased personal data, and when.

Kept apart from the database, as the CNIL recommends for access logs (délibération
n° 2021-122 du 14 octobre 2021): JSON lines in `audit/` next to the database, one file per
month, only ever appended to. Each entry names its predecessor's MAC and carries its own
HMAC-SHA256 under a key kept neither in the log nor in the database, but in the *anchor*
`privacy/<database>.journal-ancre`, beside the keys; the database keeps only the key's
fingerprint. Whoever edits, removes or inserts a line without that key breaks the chain, and
`verify()` names the first entry concerned.

The anchor also keeps the *head* (the last entry's number and MAC). Every append chains onto
the head, not onto whatever the file ends with, and checks the file first: a cut tail, a last
line cut in half or a deleted folder is recorded in the anchor as an alert, and the next
entries chain over the gap, so `verify()` reports it from then on, forever. Each sync bundle
carries the head (`witness()`), so the coordinator holds a copy outside the desk. Entries
name the contact by its random id and the agent by account: never a name, phone or e-mail of
a person received.

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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypedDict

from sqlalchemy import Connection, text

from spro_desk.security.files import locked, privacy_folder, write_whole
from spro_desk.storage.engine import Database, one_per_database
from spro_desk.storage.files import Durability, write_atomically

AUDIT_RECORD = "privacy.audit"
AUDIT_DIR = "audit"
GENESIS = "0" * 64
_TAIL_BLOCK = 8192
ANCHOR_SUFFIX = ".journal-ancre"


def _now_text(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).isoformat()


class AuditTampered(RuntimeError):
    """The access log was modified, shortened or reordered; the message names the entry."""


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass
class _State:
    key: bytes
    head: dict[str, Any] | None  # {"seq", "mac"} of the last entry written
    base: dict[str, Any]  # {"seq", "prev"}: where the retained log starts
    alerts: list[dict[str, Any]] = field(default_factory=list)  # tampering seen at an append

    def as_json(self) -> dict[str, Any]:
        return {
            "key": base64.b64encode(self.key).decode(),
            "head": self.head,
            "base": self.base,
            "alerts": self.alerts,
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> _State:
        return cls(
            base64.b64decode(record["key"]),
            record.get("head"),
            record["base"],
            list(record.get("alerts", [])),
        )

    def fingerprint(self) -> str:
        return hashlib.sha256(b"spro-desk audit key\x00" + self.key).hexdigest()


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
            "tronque": f"la fin du journal a été coupée (entrées à partir du n° {self.seq})",
            "ancre": "l'ancre du journal (sa clé et sa dernière entrée) a été supprimée",
            "cle-remplacee": "la clé de signature du journal a été remplacée",
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
        self.anchor = privacy_folder(db.path) / f"{db.path.name}{ANCHOR_SUFFIX}"

    # --- the anchor (beside the keys) and the key's fingerprint (in the database) ------------

    def _lock_database(self, connection: Connection) -> str | None:
        """Take the database's write lock first (appenders of several processes queue here);
        the key fingerprint recorded in the database, if any."""
        connection.execute(
            text("UPDATE setting SET key = key WHERE key = :key"), {"key": AUDIT_RECORD}
        )
        value = connection.execute(
            text("SELECT value FROM setting WHERE key = :key"), {"key": AUDIT_RECORD}
        ).scalar()
        if value is None:
            return None
        record = json.loads(value) if isinstance(value, str) else value
        if "key" in record:  # an earlier version kept the whole state in the database
            self._save_anchor(_State.from_json(record))
            self._record_fingerprint(connection, _State.from_json(record))
            return _State.from_json(record).fingerprint()
        return str(record.get("fingerprint"))

    def _record_fingerprint(self, connection: Connection, state: _State) -> None:
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
        connection.execute(
            text(
                "INSERT INTO setting (key, value) VALUES (:key, :value) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            {"key": AUDIT_RECORD, "value": json.dumps({"fingerprint": state.fingerprint()})},
        )

    def _load_anchor(self) -> _State | None:
        try:
            return _State.from_json(json.loads(self.anchor.read_bytes()))
        except FileNotFoundError:
            return None

    def _save_anchor(self, state: _State) -> None:
        write_whole(self.anchor, json.dumps(state.as_json()).encode())

    def _state(self, connection: Connection, fingerprint: str | None) -> _State:
        """The anchor (created when missing); the caller holds the database's write lock, then
        the anchor's file lock (always in that order: no two processes wait on each other)."""
        state = self._load_anchor()
        if state is None:
            state = _State(secrets.token_bytes(32), None, {"seq": 1, "prev": GENESIS})
            if fingerprint is not None:  # the anchor existed: deleted since
                state.alerts.append({"problem": "ancre", "at": _now_text()})
            self._save_anchor(state)
            self._record_fingerprint(connection, state)
        elif fingerprint is None:
            self._record_fingerprint(connection, state)
        return state

    def _save(self, connection: Connection, state: _State) -> None:
        self._save_anchor(state)

    def _read_state(self) -> tuple[_State | None, str | None]:
        with self._db.engine.connect() as connection:
            value = connection.execute(
                text("SELECT value FROM setting WHERE key = :key"), {"key": AUDIT_RECORD}
            ).scalar()
        record = None if value is None else (json.loads(value) if isinstance(value, str) else value)
        if record is not None and "key" in record:  # not migrated yet (read-only here)
            legacy = _State.from_json(record)
            return self._load_anchor() or legacy, legacy.fingerprint()
        return self._load_anchor(), None if record is None else record.get("fingerprint")

    def witness(self) -> dict[str, Any] | None:
        """The head for a sync bundle: the coordinator keeps it as a witness of the log."""
        state = self._load_anchor()
        if state is None or state.head is None:
            return None
        return {"seq": state.head["seq"], "mac": state.head["mac"]}

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

    def _check_tail(self, state: _State, moment: datetime) -> None:
        """Before an append: the file must end where the head says. A line torn by a power cut
        after the head (never acknowledged) is dropped; an entry written but whose head was not
        saved is adopted; anything else is tampering, recorded in the anchor for good."""
        head = state.head
        tail, torn_from = self._last_entry()
        if head is None and tail is None:
            return
        if tail is not None and head is not None and self._written_after(state, tail):
            state.head = {"seq": tail["seq"], "mac": tail["mac"]}
            head = state.head
        if tail is not None and head is not None and tail.get("mac") == head["mac"]:
            if torn_from is not None:
                os.truncate(torn_from[0], torn_from[1])
            return
        if head is None:
            return  # entries without a head: verify() reports them as modified
        found = tail.get("seq") if tail else None
        if not any(a.get("head") == head["seq"] for a in state.alerts):
            state.alerts.append(
                {"problem": "tronque", "head": head["seq"], "found": found, "at": _now_text(moment)}
            )

    def _written_after(self, state: _State, tail: dict[str, Any]) -> bool:
        """The entry written just before a crash that kept the head from moving."""
        assert state.head is not None
        return (
            tail.get("seq") == state.head["seq"] + 1
            and tail.get("prev") == state.head["mac"]
            and self._mac(state.key, tail) == tail.get("mac")
        )

    def _last_entry(self) -> tuple[dict[str, Any] | None, tuple[Path, int] | None]:
        """The last complete entry, and (file, offset) of a torn line after it, if any."""
        for path in reversed(self.segments()):
            line, complete_end = _last_line(path)
            torn = (path, complete_end) if complete_end < path.stat().st_size else None
            if line is not None:
                try:
                    return json.loads(line), torn
                except ValueError:
                    return None, torn
            if torn is not None:
                return None, torn
        return None, None

    @staticmethod
    def _write_line(path: Path, entry: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            size = os.lseek(descriptor, 0, os.SEEK_END)
            # After a line cut in half (kept: it is evidence), the new entry starts a line.
            ends_line = size == 0 or os.pread(descriptor, 1, size - 1) == b"\n"
            os.write(descriptor, (b"" if ends_line else b"\n") + canonical(entry) + b"\n")
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
        fingerprint = self._lock_database(connection)
        with locked(self.anchor):
            state = self._state(connection, fingerprint)
            self._check_tail(state, moment)
            return self._append_entry(connection, state, moment, action, agent, agent_id,
                                      contact_id, detail)  # fmt: skip

    def _append_entry(
        self,
        connection: Connection,
        state: _State,
        moment: datetime,
        action: str,
        agent: Any | None,
        agent_id: str | None,
        contact_id: str | None,
        detail: dict[str, Any] | None,
    ) -> dict[str, Any]:
        if state.head is not None:  # chained onto the head, never onto a shortened file
            seq, prev = state.head["seq"] + 1, state.head["mac"]
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
        """The first entry modified, removed, inserted or unreadable, a cut tail, a deleted
        anchor or a replaced key; ok when there is none."""
        state, fingerprint = self._read_state()
        if state is None:
            if fingerprint is not None:
                return AuditCheck(False, 0, "ancre")
            files = self.segments()
            if files and any(path.stat().st_size for path in files):
                return AuditCheck(False, 0, "modifiee", 1, files[0].name, 1)
            return AuditCheck(True, 0)
        if fingerprint is not None and fingerprint != state.fingerprint():
            return AuditCheck(False, 0, "cle-remplacee")
        found = self._verify_chain(state)
        if found.ok and state.alerts:
            first = state.alerts[0]
            return AuditCheck(False, found.entries, first["problem"], first.get("head"))
        return found

    def _verify_chain(self, state: _State) -> AuditCheck:
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
            return AuditCheck(False, count, "tronque", expected)
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
            fingerprint = self._lock_database(connection)
            with locked(self.anchor):
                state = self._state(connection, fingerprint)
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
