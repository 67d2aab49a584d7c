"""Make ``tests/data/previous-version/``: a desk's data folder written by an older SPRO Desk.

The code of an older commit (``git archive REV src resources``) runs in a child process with
that ``src`` first on ``PYTHONPATH`` and its own resources: it creates a desk as an agent would
— ``desk init``, the site's settings, a small directory, anonymous contacts, one with consented
personal data (fictitious), a referral, a deleted contact — through its own CLI and services.
What it wrote is kept: the database and the desk's signing key (a fixture key, no real desk),
plus ``expected.json``: what the newer code must find (counts, one contact, the identity).

    .venv/bin/python tools/make_previous_version_fixture.py [--revision REV] [--out DIR]

The default revision, eab9f8c, is the first with a desk identity (schema 0005): opening its
folder today runs every later migration. Run from the repository's root; needs git.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REVISION = "eab9f8c"
DEFAULT_OUT = ROOT / "tests" / "data" / "previous-version"
STRUCTURES_KEPT = 12  # enough for a search and a referral, small enough to commit (~300 KB)

# Runs inside the child, on the older code. Prints one JSON object: what it wrote.
DRIVER = r"""
import json, sys
from pathlib import Path

from spro_desk.cli.main import main
from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import current_revision

data_dir, directory = Path(sys.argv[1]), sys.argv[2]
base = ["--data-dir", str(data_dir)]
captured = []


def run(*args):
    import contextlib, io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([*base, *args, "--json"])
    if status != 0:
        raise SystemExit(f"{args} failed ({status})")
    return json.loads(out.getvalue())


imported = run("directory", "import", directory)
identity = run("desk", "init", "--site-nom", "CIO de Bourges (fixture)", "--reseau", "cio",
               "--commune", "18033")
visits = [
    ("accueil-physique", "scolaire", "16-17", "trouver-un-emploi", "2026-11-16T09:30"),
    ("telephone", "demandeur-emploi", "26-44", "preparer-sa-candidature", "2026-11-16T11:00"),
    ("accueil-physique", "decrocheur", "18-25", "trouver-un-emploi", "2026-11-17T14:15"),
    ("permanence", "salarie", "45-54", "preparer-sa-candidature", "2026-11-18T10:00"),
]
ids = []
for canal, statut, age, need, at in visits:
    ids.append(run("contact", "add", "--canal", canal, "--statut", statut, "--tranche-age", age,
                   "--besoin", need, "--reponse", "information-orale", "--commune", "18033",
                   "--at", at)["id"])
consented = run("contact", "add", "--canal", "accueil-physique", "--statut", "decrocheur",
                "--tranche-age", "18-25", "--besoin", "trouver-un-emploi", "--at",
                "2026-11-19T15:00", "--consentement", "--nom", "Camille Exemple",
                "--telephone", "0600000000", "--courriel", "camille@example.invalid")["id"]
ids.append(consented)
service = run("directory", "search", "--limit", "1")["results"][0]["service_id"]
referral = run("referral", "add", "--contact", ids[0], "--service", service,
               "--rdv", "2026-11-25T10:00")["id"]

db = Database(database_path(data_dir))
try:
    settings = SiteSettings(db)
    chosen = {"site.nom": "CIO de Bourges (fixture)", "site.reseau": "cio",
              "site.commune": "18033", "site.permanences": ["Mairie de Vierzon"],
              "agents": ["Claire", "Samir"], "agent.courant": "Claire"}
    for key, value in chosen.items():
        settings.set(key, value)
    from spro_desk.contacts.service import ContactService
    contacts = ContactService(db)
    contacts.delete(ids[3])  # a deleted contact stays deleted
    sample = contacts.get(ids[0]).as_json()
    revision = current_revision(db.engine)
    site = {key: settings.get(key) for key in chosen}  # all() of that version trips on
    # the identity record kept in the same table: read the keys one by one
finally:
    db.close()

print(json.dumps({
    "schema_revision": revision,
    "structures": imported["structures"],
    "services": imported["services"],
    "contacts_listed": len(ids) - 1,
    "contacts_deleted": [ids[3]],
    "consented_contact": consented,
    "referral": referral,
    "sample_contact": sample,
    "identity": identity,
    "settings": site,
}))
"""


def extract(revision: str, target: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "src", "resources"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def small_directory(sample: Path, target: Path) -> Path:
    """The first structures of the sample (by id) and their services: a directory to commit."""
    structures = json.loads((sample / "structures.json").read_text("utf-8"))
    services = json.loads((sample / "services.json").read_text("utf-8"))
    kept = sorted(structures, key=lambda s: s["id"])[:STRUCTURES_KEPT]
    ids = {s["id"] for s in kept}
    target.mkdir(parents=True)
    (target / "structures.json").write_text(json.dumps(kept, ensure_ascii=False), "utf-8")
    chosen = [s for s in services if s.get("structure_id") in ids]
    (target / "services.json").write_text(json.dumps(chosen, ensure_ascii=False), "utf-8")
    return target


def run_older_code(code: Path, data_dir: Path, directory: Path) -> dict[str, object]:
    environment = dict(
        os.environ,
        PYTHONPATH=str(code / "src"),
        SPRO_DESK_RESOURCES=str(code / "resources"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    environment.pop("SPRO_DESK_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(data_dir), str(directory)],
        cwd=code,
        env=environment,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"the older code failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def keep(data_dir: Path, out: Path) -> None:
    """What a real data folder holds, minus the logs and the WAL (the database was closed)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "keys").mkdir(parents=True)
    shutil.copy2(data_dir / "spro-desk.sqlite", out / "spro-desk.sqlite")
    shutil.copy2(data_dir / "keys" / "desk-signing.pem", out / "keys" / "desk-signing.pem")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revision", default=DEFAULT_REVISION)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", args.revision],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="spro-previous-") as temp:
        scratch = Path(temp)
        extract(commit, scratch / "code")
        directory = small_directory(
            scratch / "code" / "resources" / "sample-directory", scratch / "directory"
        )
        data_dir = scratch / "data"
        written = run_older_code(scratch / "code", data_dir, directory)
        keep(data_dir, args.out / "data")
    expected = {"revision": commit, **written}
    (args.out / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{args.out}: data folder of {commit} (schema {written['schema_revision']}), "
          f"{size // 1024} KiB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
