"""Reading a data·inclusion export: a folder or a .zip holding structures.json and services.json."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

STRUCTURES_FILE = "structures.json"
SERVICES_FILE = "services.json"


class DirectoryImportError(Exception):
    """The directory cannot be imported at all; the message says why, in French."""


@dataclass
class RawDirectory:
    source: str
    structures: list[Any]
    services: list[Any]


def read_directory(path: Path) -> RawDirectory:
    if not path.exists():
        raise DirectoryImportError(f"Le fichier ou dossier « {path} » n'existe pas.")
    if path.is_dir():
        return RawDirectory(
            source=str(path),
            structures=_parse(_read_folder_member(path, STRUCTURES_FILE), STRUCTURES_FILE),
            services=_parse(_read_folder_member(path, SERVICES_FILE), SERVICES_FILE),
        )
    if zipfile.is_zipfile(path):
        return _read_zip(path)
    raise DirectoryImportError(
        f"« {path.name} » n'est ni un dossier ni une archive .zip : choisissez le dossier ou "
        "l'archive qui contient structures.json et services.json."
    )


def _read_folder_member(folder: Path, name: str) -> bytes:
    member = folder / name
    if not member.is_file():
        raise DirectoryImportError(f"Le dossier « {folder} » ne contient pas le fichier {name}.")
    try:
        return member.read_bytes()
    except OSError as error:
        raise DirectoryImportError(f"Impossible de lire {member} : {error.strerror}.") from error


def _read_zip(path: Path) -> RawDirectory:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {PurePosixPath(n).name: n for n in archive.namelist() if not n.endswith("/")}
            contents = {}
            for wanted in (STRUCTURES_FILE, SERVICES_FILE):
                if wanted not in names:
                    raise DirectoryImportError(
                        f"L'archive « {path.name} » ne contient pas le fichier {wanted}."
                    )
                contents[wanted] = archive.read(names[wanted])
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise DirectoryImportError(f"L'archive « {path.name} » est illisible ({error}).") from error
    return RawDirectory(
        source=str(path),
        structures=_parse(contents[STRUCTURES_FILE], STRUCTURES_FILE),
        services=_parse(contents[SERVICES_FILE], SERVICES_FILE),
    )


def _parse(data: bytes, name: str) -> list[Any]:
    try:
        rows = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DirectoryImportError(
            f"Le fichier {name} n'est pas un JSON valide ({error}). Vérifiez qu'il s'agit bien "
            "d'un export data·inclusion."
        ) from error
    if not isinstance(rows, list):
        raise DirectoryImportError(
            f"Le fichier {name} doit contenir une liste de lignes (format data·inclusion v1)."
        )
    return rows
