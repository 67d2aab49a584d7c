"""Make the database fixtures of every past schema version: tests/data/schemas/revision-NNNN.*

For each schema revision N, the code of SPRO Desk as it was while N was the newest schema (the
commit just before migration N+1 was added; the working tree for the newest revision) is taken
out of git with `git archive`, and run in a subprocess on the current virtual environment: it
creates a database with its own migrations and records a representative desk through its own
services (a small directory import, anonymous contacts, a contact with consent and personal
data, referrals with statuses, a deleted contact, site settings). The fixture is the database
it wrote (vacuumed, one file); the manifest next to it holds what was read back from it with
plain SQL, which tests/test_schema_fixtures.py expects to find after the upgrade to today's
schema.

Usage:
    .venv/bin/python tools/make_schema_fixtures.py            # the revisions with no fixture
    .venv/bin/python tools/make_schema_fixtures.py 0007 0008  # (re)make these
When a migration lands, run it once for the revision that was the newest before it (its
fixture is then made from the last commit at that revision) and commit the two new files.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = ROOT / "src" / "spro_desk" / "storage" / "migrations" / "versions"
OUT = ROOT / "tests" / "data" / "schemas"
CVL = ROOT / "tests" / "data" / "cvl"
STRUCTURES = 3

# Run by the archived code: only the APIs every revision had, optional parts guarded.
WRITER = r"""
import sys
from datetime import datetime
from pathlib import Path

from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.directory.importer import import_directory
from spro_desk.storage.engine import Database

path, directory = Path(sys.argv[1]), Path(sys.argv[2])
db = Database(path)
import_directory(db, directory)
service = ContactService(db)
with db.engine.connect() as connection:
    services = [row[0] for row in connection.exec_driver_sql("SELECT id FROM service ORDER BY id")]
day = datetime(2026, 1, 12, 9, 30)
people = [
    ("accueil-physique", "scolaire", "16-17", "femme", ("choisir-un-metier",)),
    ("telephone", "demandeur-emploi", "26-44", "homme", ("trouver-un-emploi",)),
    ("courriel", "etudiant", "18-25", "non-renseigne", ()),
    ("accueil-physique", "salarie", "45-54", "femme", ("trouver-un-emploi",)),
]
ids = []
for hour, (canal, statut, age, sexe, besoins) in enumerate(people):
    ids.append(service.record(ContactInput(
        canal=canal, statut=statut, tranche_age=age, sexe=sexe, besoins=besoins,
        commune="18033", occurred_at=day.replace(hour=9 + hour), agent="agent-1",
    )))
ids.append(service.record(ContactInput(
    canal="telephone", statut="decrocheur", occurred_at=day.replace(hour=14),
    consent=ConsentInput(agent="agent-1"),
    personal=PersonalDataInput(nom="Camille Exemple", telephone="0600000001"),
)))
first = service.add_referral(ids[0], services[0])
try:
    service.set_referral_status(first, "rdv-pris")
except Exception:  # later revisions keep "rdv-pris" for referrals with an appointment
    service.set_referral_status(first, "honore")
service.add_referral(ids[1], services[1], rdv_at=day.replace(day=20, hour=10))
if hasattr(service, "delete"):
    service.delete(ids[3])
try:
    from spro_desk.site.settings import SiteSettings
    SiteSettings(db).set("site.nom", "CIO de Bourges (fixture)")
except Exception as error:  # older revisions had other settings
    print("settings skipped:", error, file=sys.stderr)
db.close()
"""


def revisions() -> list[str]:
    return sorted(path.name[:4] for path in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def code_commit(revision: str) -> str | None:
    """The last commit whose newest schema was `revision`; None: the working tree."""
    later = [r for r in revisions() if r > revision]
    if not later:
        return None
    [next_file] = VERSIONS.glob(f"{later[0]}_*.py")
    added = _git("log", "--diff-filter=A", "--format=%H", "--", str(next_file.relative_to(ROOT)))
    if not added:  # the next migration is not committed yet: the last commit is at `revision`
        return _git("rev-parse", "HEAD")
    return _git("rev-parse", f"{added.splitlines()[-1]}^")


def small_directory(folder: Path) -> Path:
    """The first structures of the test directory and their services (a few KiB)."""
    structures = json.loads((CVL / "structures.json").read_text(encoding="utf-8"))[:STRUCTURES]
    kept = {s["id"] for s in structures}
    services = json.loads((CVL / "services.json").read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    for name, rows in (
        ("structures.json", structures),
        ("services.json", [s for s in services if s["structure_id"] in kept]),
    ):
        (folder / name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return folder


def code_tree(commit: str | None, work: Path) -> Path:
    if commit is None:
        return ROOT
    tree = work / "code"
    tree.mkdir()
    archive = subprocess.run(
        ["git", "archive", commit, "src", "resources"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def manifest(path: Path) -> dict[str, object]:
    """What the fixture holds, read with plain SQL (what an upgrade must keep)."""
    with closing(sqlite3.connect(path)) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(contact)")}
        deleted = "deleted_at IS NOT NULL" if "deleted_at" in columns else "0"
        contacts = db.execute(
            f"SELECT id, statut, canal, tranche_age, besoins, {deleted} FROM contact ORDER BY id"
        ).fetchall()
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        return {
            "revision": db.execute("SELECT version_num FROM alembic_version").fetchone()[0],
            "contacts": [
                {"id": i, "statut": s, "canal": c, "tranche_age": a, "besoins": json.loads(b),
                 "deleted": bool(d)}
                for i, s, c, a, b, d in contacts
            ],
            "referrals": dict(db.execute("SELECT id, statut FROM referral ORDER BY id")),
            "with_personal_data": [
                r[0] for r in db.execute("SELECT contact_id FROM personal_data")
            ],
            "consents": db.execute("SELECT COUNT(*) FROM consent").fetchone()[0],
            "structures": db.execute("SELECT COUNT(*) FROM structure").fetchone()[0],
            "services": db.execute("SELECT COUNT(*) FROM service").fetchone()[0],
            "events": db.execute("SELECT COUNT(*) FROM event").fetchone()[0]
            if "event" in tables else None,
            "settings": sorted(r[0] for r in db.execute("SELECT key FROM setting")),
        }  # fmt: skip


def make(revision: str) -> Path:
    commit = code_commit(revision)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        tree = code_tree(commit, work)
        database = work / "desk" / "spro-desk.sqlite"
        env = {
            **os.environ,
            "PYTHONPATH": str(tree / "src"),
            "SPRO_DESK_RESOURCES": str(tree / "resources"),
        }
        subprocess.run(
            [sys.executable, "-c", WRITER, str(database), str(small_directory(work / "dir"))],
            env=env, check=True,
        )  # fmt: skip
        with closing(sqlite3.connect(database)) as db:
            found = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            if found != revision:
                raise SystemExit(f"{revision}: the code of {commit} wrote schema {found}")
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("VACUUM")
        target = OUT / f"revision-{revision}.sqlite"
        shutil.copy(database, target)
    facts = manifest(target)
    facts["code"] = commit or "working tree"
    (OUT / f"revision-{revision}.json").write_text(
        json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return target


def main(argv: list[str]) -> int:
    wanted = argv or [r for r in revisions() if not (OUT / f"revision-{r}.sqlite").exists()]
    for revision in wanted:
        source = code_commit(revision) or "the working tree"
        print(f"{revision}: {make(revision).relative_to(ROOT)} from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
