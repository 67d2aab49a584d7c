"""`spro-desk backup list|create|restore`: backups from the command line.

These commands run without opening the database through `Database` first: a restore must work
on a file too damaged to be migrated or even opened, and a listing needs no database at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from spro_desk.cli.parser import EXIT_OK, EXIT_REFUSED
from spro_desk.paths import database_path
from spro_desk.storage.backup import (
    BackupError,
    BackupPreview,
    clean_leftovers,
    create_backup,
    list_backups,
    preview,
    restore_backup,
    rotate,
)
from spro_desk.storage.errors import StorageError
from spro_desk.storage.migrate import NewerDatabaseError
from spro_desk.storage.placement import check_placement

Result = dict[str, Any]


def backup_list(db_path: Path, args: argparse.Namespace) -> Result:
    found = []
    for backup in list_backups(db_path):
        try:
            entry = preview(backup.path).as_json()
        except BackupError:
            entry = {"file": str(backup.path), "unreadable": True}
        found.append({"kind": backup.kind, **entry})
    return {"folder": str(db_path.parent / "backups"), "backups": found}


def backup_create(db_path: Path, args: argparse.Namespace) -> Result:
    if not db_path.exists():
        raise BackupError(f"Pas de base de données à sauvegarder dans « {db_path.parent} ».")
    clean_leftovers(db_path)  # what a backup killed mid-way left
    created = create_backup(db_path)
    rotate(db_path)
    return preview(created).as_json()


def resolve_backup(db_path: Path, name: str) -> Path:
    """A path as given, or the name of a file of the backups folder."""
    given = Path(name).expanduser()
    if given.is_file():
        return given
    listed = db_path.parent / "backups" / name
    if listed.is_file():
        return listed
    raise BackupError(
        f"Sauvegarde « {name} » introuvable : « spro-desk backup list » montre celles du poste."
    )


def _confirmed(info: BackupPreview, args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise BackupError("Restauration non confirmée : ajoutez --yes pour la faire sans question.")
    print(render_preview(info.as_json()), file=sys.stderr)
    print(
        "La base actuelle sera remplacée (une copie en est gardée). Restaurer ? [o/N] ",
        end="",
        file=sys.stderr,
        flush=True,
    )
    return sys.stdin.readline().strip().lower() in {"o", "oui", "y", "yes"}


def backup_restore(db_path: Path, args: argparse.Namespace) -> Result:
    backup = resolve_backup(db_path, args.file)
    if not _confirmed(preview(backup), args):
        raise BackupError("Restauration abandonnée : rien n'a été modifié.")
    result = restore_backup(db_path, backup)
    return {"restored": result.restored.as_json(), "previous_copy": str(result.previous_copy)}


HANDLERS = {"list": backup_list, "create": backup_create, "restore": backup_restore}


# --- output ---------------------------------------------------------------------------------


def render_preview(entry: Result) -> str:
    if entry.get("unreadable"):
        return f"{Path(entry['file']).name} : illisible"
    last = (entry["last_contact_at"] or "aucun")[:16].replace("T", " ")
    return (
        f"{Path(entry['file']).name}\n"
        f"   du {entry['created_at'].replace('T', ' ')}, schéma {entry['schema_revision']}, "
        f"{entry['size'] // 1024} Kio\n"
        f"   {entry['contacts']} contact(s), {entry['referrals']} orientation(s), "
        f"{entry['services']} service(s) d'annuaire, dernier contact : {last}"
    )


def render(action: str, result: Result) -> str:
    if action == "list":
        if not result["backups"]:
            return f"Aucune sauvegarde dans « {result['folder']} »."
        return "\n".join(render_preview(entry) for entry in result["backups"])
    if action == "restore":
        return (
            "Sauvegarde restaurée :\n" + render_preview(result["restored"]) + "\n"
            f"La base d'avant est gardée dans « {result['previous_copy']} » "
            "(la restaurer annule cette restauration)."
        )
    return "Sauvegarde créée :\n" + render_preview(result)


def run_backup_command(args: argparse.Namespace, data_dir: Path) -> int:
    db_path = database_path(data_dir)
    try:
        check_placement(data_dir)
        result = HANDLERS[args.action](db_path, args)
    except (StorageError, NewerDatabaseError) as error:
        print(f"Refusé : {error}", file=sys.stderr)
        return EXIT_REFUSED
    print(json.dumps(result, ensure_ascii=False) if args.json else render(args.action, result))
    return EXIT_OK
