"""Power cuts at every sync point: no acknowledged contact is lost, the file is always sound.

A power cut loses whatever the operating system had not yet written to the disk: everything
written to a file since its last fsync may be gone. The stdlib sqlite3 module cannot take a
fault-injecting VFS, so the test works in three steps:

1. **Capture.** The real code (`Database`, `ContactService`, the desk settings) runs a realistic
   day on a real file: contacts recorded, some with a referral, corrected, deleted and
   restored, referral statuses changed, settings saved, the application closed and opened
   again. SQLAlchemy's events record every SQL statement with its parameters exactly as they
   reach the sqlite3 driver (our `BEGIN IMMEDIATE` included), every commit and rollback; the
   test notes an *acknowledgement* each time a service call returned a contact id.
2. **Replay with a recording VFS.** The same statements run through APSW on a copy of the
   starting file, on a connection configured by the application's own `_configure_connection`
   (WAL, synchronous=FULL…), with pysqlite's implicit BEGIN before a write reproduced. An APSW
   VFS passes every call to the real file system and logs each write, truncation, sync and
   deletion, in order, with the acknowledgements between them. SQLite's pager and WAL code are
   the same in APSW's build; what the test exercises is the pair "our pragmas and transaction
   boundaries" × "SQLite's write ordering".
3. **A power cut at each sync.** For every sync in the log, the disk as it would be if the
   power failed just before that sync completed is rebuilt from the starting bytes and, for
   each file, only the writes followed by a completed sync of that file (deletions count at
   once: the pessimistic choice). That image is opened with the real code (`Database`, through
   the stdlib sqlite3, which recovers the WAL); every contact acknowledged before the cut must
   be there and `quick_check` must pass.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import apsw
import pytest
from sqlalchemy import event

from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.dialects.sqlite import _configure_connection
from spro_desk.storage.engine import Database
from spro_desk.storage.integrity import quick_check

DB_NAME = "desk.sqlite"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


# --- 1. capture -----------------------------------------------------------------------------


@dataclass
class Trace:
    """What the application sent to SQLite, in order, with its acknowledgements."""

    steps: list[tuple[str, Any, Any]] = field(default_factory=list)

    def listen(self, db: Database) -> None:
        event.listen(db.engine, "before_cursor_execute", self._statement)
        event.listen(db.engine, "commit", lambda _conn: self.steps.append(("commit", None, None)))
        event.listen(db.engine, "rollback", lambda _c: self.steps.append(("rollback", None, None)))

    def _statement(  # the signature of SQLAlchemy's before_cursor_execute event
        self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool
    ) -> None:
        executemany = many
        self.steps.append(("many" if executemany else "sql", statement, parameters))

    def acknowledge(self, contact_id: str) -> str:
        self.steps.append(("ack", contact_id, None))
        return contact_id

    def close(self) -> None:
        self.steps.append(("close", None, None))


def _directory_service(db: Database) -> str:
    """One structure and service in the directory, for referrals (set up before the capture)."""
    with db.transaction() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO structure (id, source, nom, reseaux_porteurs, reseau_infere, "
            "operateur_cep, niveaux) VALUES ('st-1', 'test', 'CIO de Bourges', '[]', 0, 0, '[]')"
        )
        pk = connection.exec_driver_sql("SELECT pk FROM structure").scalar()
        connection.exec_driver_sql(
            "INSERT INTO service (id, structure_pk, source, nom, thematiques, publics, "
            "modes_accueil, modes_mobilisation, mobilisable_par, zone_eligibilite, search_text) "
            "VALUES ('sv-1', ?, 'test', 'Conseil en orientation', '[]', '[]', '[]', '[]', '[]', "
            "'[]', 'conseil')",
            (pk,),
        )
    return "sv-1"


def _a_day(db: Database, trace: Trace, start: int) -> None:
    """A morning at the desk through the real services."""
    service = ContactService(db)
    settings = SiteSettings(db)
    statuts = ("scolaire", "etudiant", "demandeur-emploi", "salarie", "decrocheur")
    for n in range(12):
        data = ContactInput(
            canal="accueil-physique" if n % 3 else "telephone",
            statut=statuts[n % len(statuts)],
            besoins=("trouver-un-emploi",) if n % 2 else (),
        )
        if n % 4 == 0:
            contact_id, referral_id = service.record_with_referral(data, "sv-1")
            trace.acknowledge(contact_id)
            service.set_referral_status(referral_id, "honore")  # rdv-pris needs a rendez-vous
        elif n % 5 == 0:
            consent = ConsentInput(agent="agent-1")
            personal = PersonalDataInput(nom=f"Personne {start + n}", telephone="0600000000")
            data = ContactInput(
                canal="telephone", statut="salarie", consent=consent, personal=personal
            )
            trace.acknowledge(service.record(data))
        else:
            contact_id = trace.acknowledge(service.record(data))
            if n % 3 == 0:
                service.update(contact_id, ContactInput(canal="telephone", statut="etudiant"))
            if n % 7 == 0:
                service.delete(contact_id)
                service.restore(contact_id)
    settings.set("site.nom", f"Point accueil {start}")


def capture(folder: Path) -> tuple[Path, Trace]:
    """The starting file (migrated, closed) and the trace of two sessions of work on a copy."""
    base = folder / "base" / DB_NAME
    db = Database(base)
    _directory_service(db)
    db.close()
    work = folder / "capture" / DB_NAME
    work.parent.mkdir()
    shutil.copy(base, work)
    trace = Trace()
    for session_start in (0, 100):
        db = Database(work)
        trace.listen(db)
        _a_day(db, trace, session_start)
        db.close()
        trace.close()
    return base, trace


# --- 2. replay through a recording VFS ------------------------------------------------------


class Recorder:
    """The ordered log of what reached the files: ("write", name, offset, bytes),
    ("truncate", name, size), ("sync", name), ("delete", name), ("ack", contact id)."""

    def __init__(self) -> None:
        self.log: list[tuple[Any, ...]] = []


class RecordingFile(apsw.VFSFile):
    def __init__(self, recorder: Recorder, name: Any, flags: list[int]) -> None:
        self.recorder = recorder
        self.name = os.path.basename(name.filename() if hasattr(name, "filename") else str(name))
        super().__init__("", name, flags)

    def xWrite(self, data: bytes, offset: int) -> None:
        self.recorder.log.append(("write", self.name, offset, bytes(data)))
        super().xWrite(data, offset)

    def xTruncate(self, newsize: int) -> None:
        self.recorder.log.append(("truncate", self.name, newsize))
        super().xTruncate(newsize)

    def xSync(self, flags: int) -> None:
        super().xSync(flags)
        self.recorder.log.append(("sync", self.name))


class RecordingVFS(apsw.VFS):
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        super().__init__("spro-power-cut", "")

    def xOpen(self, name: Any, flags: list[int]) -> RecordingFile:
        return RecordingFile(self.recorder, name, flags)

    def xDelete(self, filename: str, syncdir: bool) -> None:
        self.recorder.log.append(("delete", os.path.basename(filename)))
        super().xDelete(filename, syncdir)


def _driver_value(value: Any) -> Any:
    """What pysqlite's default adapters would have sent for a value (SQLAlchemy sends strings)."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return int(value) if isinstance(value, bool) else value


def _params(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        return {key: _driver_value(value) for key, value in parameters.items()}
    return tuple(_driver_value(value) for value in parameters or ())


def _open(path: Path, synchronous: str | None) -> apsw.Connection:
    connection = apsw.Connection(str(path), vfs="spro-power-cut")
    connection.setbusytimeout(5000)
    _configure_connection(connection, None)  # the application's own pragmas
    if synchronous is not None:
        connection.execute(f"PRAGMA synchronous={synchronous}")
    return connection


def replay(
    base: Path, trace: Trace, folder: Path, recorder: Recorder, synchronous: str | None = None
) -> apsw.Connection | None:
    """Run the trace on a copy of `base`. With `synchronous` (another setting than the
    application's), stop at the first close and return the connection still open."""
    path = folder / DB_NAME
    shutil.copy(base, path)
    connection = _open(path, synchronous)
    for kind, first, second in trace.steps:
        if kind in ("sql", "many"):
            # pysqlite (legacy transaction control) opens a transaction before a write.
            if connection.getautocommit() and first.lstrip().upper().startswith(WRITES):
                connection.execute("BEGIN")
            if kind == "many":
                connection.cursor().executemany(first, [_params(p) for p in second])
            else:
                connection.execute(first, _params(second))
        elif kind == "commit" and not connection.getautocommit():
            connection.execute("COMMIT")
        elif kind == "rollback" and not connection.getautocommit():
            connection.execute("ROLLBACK")
        elif kind == "ack":
            recorder.log.append(("ack", first))
        elif kind == "close" and synchronous is not None:
            return connection
        elif kind == "close":
            connection.close()  # the last connection checkpoints and deletes the WAL
            connection = _open(path, synchronous)
    connection.close()
    return None


# --- 3. a power cut at every sync -----------------------------------------------------------


class Disk:
    """Bytes that reached the platters: per file, only what a completed sync made durable."""

    def __init__(self, base: Path) -> None:
        self.durable: dict[str, bytearray] = {base.name: bytearray(base.read_bytes())}
        self.pending: dict[str, list[tuple[Any, ...]]] = {}

    def apply(self, entry: tuple[Any, ...]) -> None:
        kind, name = entry[0], entry[1]
        if kind in ("write", "truncate"):
            self.pending.setdefault(name, []).append(entry)
        elif kind == "sync":
            data = self.durable.setdefault(name, bytearray())
            for pending in self.pending.pop(name, []):
                _apply_to(data, pending)
        elif kind == "delete":
            self.durable.pop(name, None)
            self.pending.pop(name, None)

    def write_to(self, folder: Path) -> Path:
        folder.mkdir()
        for name, data in self.durable.items():
            if not name.endswith("-shm"):  # shared memory is rebuilt, never trusted
                (folder / name).write_bytes(bytes(data))
        return folder / DB_NAME


def _apply_to(data: bytearray, entry: tuple[Any, ...]) -> None:
    if entry[0] == "truncate":
        del data[entry[2] :]
        return
    offset, chunk = entry[2], entry[3]
    if len(data) < offset:
        data.extend(bytes(offset - len(data)))
    data[offset : offset + len(chunk)] = chunk


def _lost_after_cut(image: Path, acknowledged: list[str]) -> tuple[list[str], bool]:
    database = Database(image)
    try:
        with database.engine.connect() as connection:
            stored = {row[0] for row in connection.exec_driver_sql("SELECT id FROM contact")}
        service = ContactService(database)
        for contact_id in [c for c in acknowledged if c in stored][-3:]:
            service.get(contact_id)  # the newest also read back through the service
    finally:
        database.close()
    return [c for c in acknowledged if c not in stored], quick_check(image).ok


@pytest.fixture(scope="module")
def captured(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Trace]:
    return capture(tmp_path_factory.mktemp("capture"))


def test_a_power_cut_at_every_sync_point_loses_no_acknowledged_contact(
    captured: tuple[Path, Trace], tmp_path: Path
) -> None:
    base, trace = captured
    recorder = Recorder()
    vfs = RecordingVFS(recorder)
    try:
        (tmp_path / "replay").mkdir()
        replay(base, trace, tmp_path / "replay", recorder)
    finally:
        vfs.unregister()
    replayed = sqlite3.connect(tmp_path / "replay" / DB_NAME)
    original = sqlite3.connect(base.parent.parent / "capture" / DB_NAME)
    query = "SELECT id, statut, deleted_at IS NULL FROM contact ORDER BY id"
    assert replayed.execute(query).fetchall() == original.execute(query).fetchall()
    replayed.close()
    original.close()

    disk, acknowledged, lost, unsound, cuts = Disk(base), [], set(), 0, 0
    for entry in recorder.log:
        if entry[0] == "ack":
            acknowledged.append(entry[1])
            continue
        if entry[0] == "sync":
            cuts += 1
            missing, sound = _lost_after_cut(disk.write_to(tmp_path / f"cut-{cuts}"), acknowledged)
            lost.update(missing)
            unsound += not sound
            shutil.rmtree(tmp_path / f"cut-{cuts}")
        disk.apply(entry)
    syncs = sum(entry[0] == "sync" for entry in recorder.log)
    print(
        f"\npower loss: {cuts} power cuts (one at each of {syncs} syncs), "
        f"{len(acknowledged)} contacts acknowledged; acknowledged contacts lost = {len(lost)}, "
        f"unsound files = {unsound}"
    )
    assert cuts > len(acknowledged)  # a sync per commit, and the checkpoints at closing
    assert lost == set()
    assert unsound == 0


def test_the_simulation_does_catch_a_setting_that_loses_commits(
    captured: tuple[Path, Trace], tmp_path: Path
) -> None:
    """The same day with synchronous=OFF (no sync at commit) and the power failing before the
    application closes must lose acknowledged contacts: the simulation can see a loss, so its
    zero above means something."""
    base, trace = captured
    recorder = Recorder()
    vfs = RecordingVFS(recorder)
    try:
        (tmp_path / "replay").mkdir()
        connection = replay(base, trace, tmp_path / "replay", recorder, synchronous="OFF")
        disk = Disk(base)
        for entry in recorder.log:
            if entry[0] != "ack":
                disk.apply(entry)
        assert connection is not None
        connection.close()
    finally:
        vfs.unregister()
    acknowledged = [entry[1] for entry in recorder.log if entry[0] == "ack"]
    missing, _sound = _lost_after_cut(disk.write_to(tmp_path / "cut"), acknowledged)
    print(f"\npower loss with synchronous=OFF: {len(missing)} of {len(acknowledged)} lost")
    assert missing
