"""Import a data·inclusion directory: validate every row, report, replace the cache atomically."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
from data_inclusion.schema.v1 import Service, Structure
from pydantic import ValidationError
from sqlalchemy import Connection

from spro_desk.collector import collector_paused
from spro_desk.directory import rows as row_builders
from spro_desk.directory.hours import hours_kind, hours_warning
from spro_desk.directory.report import ImportCancelled, ImportReport, RowIssue
from spro_desk.directory.rows import (
    SERVICE_TEXT_FIELDS,
    STRUCTURE_TEXT_FIELDS,
    DirectoryTables,
    StructureInfo,
)
from spro_desk.directory.source import (
    DirectoryImportError,
    DirectoryShrinkRefused,
    DirectorySource,
    open_directory,
)
from spro_desk.directory.validation import (
    ServiceExtension,
    ServiceRow,
    StructureExtension,
    StructureRow,
    french_reason,
    validate_row,
)
from spro_desk.directory.writer import BatchWriter
from spro_desk.geo import Geography, geography
from spro_desk.platform import cache_local_timezone
from spro_desk.storage.engine import Database
from spro_desk.text import (
    has_bidi_controls,
    has_control_chars,
    has_html_markup,
    looks_like_formula,
    might_need_neutralising,
    none_need_neutralising,
)

ProgressCallback = Callable[[str, int, int], None]
# An import is refused (unless confirmed) when it would keep fewer than this share of the
# loaded services, or when it rejects more than this share of its rows.
SHRINK_SHARE = 0.5
# Rows parsed, checked and inserted at a time: bounds the memory of a national import.
BATCH_ROWS = 2000
LONE_BATCH_ROWS = 500


@dataclass(slots=True)
class ValidStructure:
    model: Structure
    extension: StructureExtension | None
    # No text of the row has a control or bidi character: the row's texts go in as they are.
    clean: bool = False


@dataclass(slots=True)
class ValidService:
    model: Service
    extension: ServiceExtension | None
    zones: tuple[str, ...]
    clean: bool = False


_TEXT_CHECKS = (
    (has_bidi_controls, "« {} » contient des caractères de contrôle bidirectionnels : supprimés"),
    (has_control_chars, "« {} » contient des caractères de contrôle : supprimés"),
    (has_html_markup, "« {} » contient des balises HTML : neutralisées, affichées en texte"),
    (
        looks_like_formula,
        "« {} » commence comme une formule de tableur : neutralisé dans les exports",
    ),
)


# Every field of a model that can hold a text (enum codes cannot hold anything to neutralise):
# the quick scan of a row must see all that the precise checks would look at.
STRUCTURE_SCANNED_FIELDS = STRUCTURE_TEXT_FIELDS
SERVICE_SCANNED_FIELDS = (*SERVICE_TEXT_FIELDS, "structure_id")
_structure_texts = operator.itemgetter(*STRUCTURE_SCANNED_FIELDS)
_service_texts = operator.itemgetter(*SERVICE_SCANNED_FIELDS)


class _Checker:
    """Validates the rows of one import and collects what it rejects and warns about."""

    def __init__(self, report: ImportReport, geo: Geography) -> None:
        self.report = report
        self.geo = geo
        self.rows_read = 0
        # Validated extensions by their JSON: a directory repeats a few hundred of them.
        self._extensions: dict[type, dict[bytes, tuple[Any, str | None]]] = {}

    def reject(self, file: str, index: int, row_id: str | None, reason: str) -> None:
        self.report.rejected.append(RowIssue(file, index, row_id, reason))

    def warn(self, file: str, index: int, row_id: str | None, message: str) -> None:
        self.report.warnings.append(RowIssue(file, index, row_id, message))

    def structures(self, rows: Iterator[tuple[str, int, Any]]) -> Iterator[ValidStructure]:
        seen: set[str] = set()
        for _file, index, row in rows:
            self.rows_read += 1
            model = self._model(StructureRow, "structures.json", index, row, seen)
            if model is None:
                continue
            extension = self._extension(StructureExtension, "structures.json", index, row, model.id)
            clean = self._check_texts("structures.json", index, model, _structure_texts)
            self._check_hours("structures.json", index, model.id, model.horaires_accueil)
            seen.add(model.id)
            yield ValidStructure(model, extension, clean)

    def services(
        self, rows: Iterator[tuple[str, int, Any]], structures: dict[str, Any]
    ) -> Iterator[ValidService]:
        seen: set[str] = set()
        for _file, index, row in rows:
            self.rows_read += 1
            model = self._model(ServiceRow, "services.json", index, row, seen)
            if model is None:
                continue
            if model.structure_id not in structures:
                self.reject(
                    "services.json",
                    index,
                    model.id,
                    f"structure inconnue « {model.structure_id} » (absente ou rejetée)",
                )
                continue
            extension = self._extension(ServiceExtension, "services.json", index, row, model.id)
            clean = self._check_texts("services.json", index, model, _service_texts)
            self._check_hours("services.json", index, model.id, model.horaires_accueil)
            zones = self._known_zones(index, model)
            seen.add(model.id)
            yield ValidService(model, extension, zones, clean)

    def _model(self, model_cls: Any, file: str, index: int, row: Any, seen: set[str]) -> Any:
        row_id = row.get("id") if isinstance(row, dict) else None
        row_id = row_id if isinstance(row_id, str) else None
        try:
            model = validate_row(model_cls, row)
        except ValidationError as error:
            self.reject(file, index, row_id, french_reason(error))
            return None
        if model.id in seen:
            self.reject(file, index, model.id, f"identifiant « {model.id} » en double")
            return None
        return model

    def _extension(self, ext_cls: Any, file: str, index: int, row: dict, row_id: str) -> Any:
        """The row's x_spro extension, or None (warned about when unusable)."""
        raw = row.get("x_spro")
        if raw is None:
            return None
        cache = self._extensions.setdefault(ext_cls, {})
        key = _extension_key(raw)
        found = cache.get(key) if key is not None else None
        if found is None:
            found = _read_extension(ext_cls, raw)
            if key is not None and len(cache) < _EXTENSION_CACHE:
                cache[key] = found
        extension, problem = found
        if problem is not None:
            self.warn(file, index, row_id, problem)
        return extension

    def _check_texts(
        self, file: str, index: int, model: Any, texts: Callable[[dict[str, Any]], tuple]
    ) -> bool:
        """Warns about what the row's texts hold; True when none holds anything to neutralise."""
        # The id too in the quick scan: a false alarm there only costs the precise checks.
        if none_need_neutralising(list(filter(None, texts(model.__dict__)))):
            return True
        for name, value in model.__dict__.items():
            if not isinstance(value, str) or name == "id" or not might_need_neutralising(value):
                continue
            for applies, message in _TEXT_CHECKS:
                if applies(value):
                    self.warn(file, index, model.id, message.format(name))
        return False

    def _check_hours(self, file: str, index: int, row_id: str, raw: str | None) -> None:
        kind, message = _hours_facts(raw)
        if kind is not None:
            self.report.hours[kind] += 1
        if message:
            self.warn(file, index, row_id, message)

    def _known_zones(self, index: int, model: Service) -> tuple[str, ...]:
        codes = model.zone_eligibilite
        if not codes:
            return ()
        zones, unknown = _split_zones(self.geo, tuple(codes))
        for code in unknown:
            self.warn(
                "services.json",
                index,
                model.id,
                f"code de zone « {code} » inconnu du code officiel géographique : ignoré",
            )
        return zones


_EXTENSION_CACHE = 4096


def _extension_key(raw: Any) -> bytes | None:
    try:
        return orjson.dumps(raw)
    except (TypeError, orjson.JSONEncodeError):  # a 65-bit integer: validated each time
        return None


def _read_extension(ext_cls: Any, raw: Any) -> tuple[Any, str | None]:
    """(the extension or None, the warning about it or None); never changed afterwards, as
    rows with the same x_spro share it."""
    try:
        extension = ext_cls.model_validate(raw)
    except ValidationError as error:
        return None, f"extension x_spro ignorée : {french_reason(error)}"
    unknown = extension.unknown_publics() if isinstance(extension, ServiceExtension) else []
    if not unknown:
        return extension, None
    extension.publics = [p for p in extension.publics or [] if p not in unknown]
    return extension, f"publics x_spro inconnus ignorés : {', '.join(unknown)}"


# A national directory has a dozen distinct hours texts and ~1,500 zone lists for 96 k rows.
@lru_cache(maxsize=4096)
def _hours_facts(raw: str | None) -> tuple[str | None, str | None]:
    return hours_kind(raw), hours_warning(raw)


@lru_cache(maxsize=4096)
def _split_zones(geo: Geography, codes: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the known zone codes, the unknown ones), in the row's order."""
    known = tuple(code for code in codes if geo.is_known_zone(code))
    return known, tuple(code for code in codes if code not in known)


def import_directory(
    db: Database,
    path: Path,
    *,
    geo: Geography | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    now: datetime | None = None,
    force: bool = False,
) -> ImportReport:
    """Validate the export at `path` and make it the desk's directory, or change nothing.

    Raises DirectoryImportError when the export cannot be used at all (unreadable, wrong
    format, no valid row), DirectoryShrinkRefused when it would shrink the loaded directory
    a lot and `force` is false, and ImportCancelled when `is_cancelled` turns true before
    the end.
    """
    cache_local_timezone()
    with collector_paused():
        return _import(db, path, geo or geography(), progress, is_cancelled, now, force)


def _import(
    db: Database,
    path: Path,
    geo: Geography,
    progress: ProgressCallback | None,
    is_cancelled: Callable[[], bool],
    now: datetime | None,
    force: bool,
) -> ImportReport:
    step = progress or (lambda _label, _done, _total: None)
    step("Lecture des fichiers", 0, 4)
    with open_directory(path) as source, db.engine.begin() as connection:
        # One transaction: the loaded directory stays in use until the commit, and every
        # refusal below (a bad file met halfway, a shrinking directory) rolls back to it.
        report = ImportReport(source=source.source, imported_at=now or datetime.now(UTC))
        current = _counts(connection)
        writer = BatchWriter(connection)
        checker = _Checker(report, geo)
        step("Vérification des structures", 1, 4)
        owners = _write_structures(checker, source, writer, is_cancelled)
        _stop_if(is_cancelled)
        step("Vérification des services", 2, 4)
        services = _write_services(checker, source, writer, owners, geo, is_cancelled)
        _stop_if(is_cancelled)
        if not owners and not services:
            first = report.rejected[0].message if report.rejected else "fichiers vides"
            raise DirectoryImportError(
                "Aucune ligne valide dans cet annuaire : l'annuaire actuel est conservé. "
                f"Premier problème : {first}."
            )
        step("Enregistrement de l'annuaire", 3, 4)
        writer.services_written()
        lone = _write_lone_structures(writer, services, geo)
        report.structures, report.services = len(owners), services
        report.structures_without_service = lone
        if not force:
            _refuse_shrinking(current, checker.rows_read, report)
        writer.record(report)
        _stop_if(is_cancelled)  # leaving the block by an exception rolls everything back
    step("Terminé", 4, 4)
    return report


def _write_structures(
    checker: _Checker,
    source: DirectorySource,
    writer: BatchWriter,
    is_cancelled: Callable[[], bool],
) -> dict[str, StructureInfo]:
    owners: dict[str, StructureInfo] = {}
    batch: list[tuple[Any, ...]] = []
    for valid in checker.structures(source.rows("structures")):
        row, info = row_builders.structure_row(len(owners) + 1, valid)
        owners[valid.model.id] = info
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            writer.structures(batch)
            batch.clear()
            _stop_if(is_cancelled)
    writer.structures(batch)
    return owners


def _write_services(
    checker: _Checker,
    source: DirectorySource,
    writer: BatchWriter,
    owners: dict[str, StructureInfo],
    geo: Geography,
    is_cancelled: Callable[[], bool],
) -> int:
    tables = DirectoryTables()
    count = 0
    for valid in checker.services(source.rows("services"), owners):
        count += 1
        row_builders.add_service(tables, count, valid, owners[valid.model.structure_id], geo)
        if len(tables.services) >= BATCH_ROWS:
            writer.services(tables)
            _stop_if(is_cancelled)
    writer.services(tables)
    return count


def _write_lone_structures(writer: BatchWriter, services: int, geo: Geography) -> int:
    tables = DirectoryTables()
    pk = services
    for structures in writer.lone_structures(LONE_BATCH_ROWS):
        for structure in structures:
            pk += 1
            row_builders.add_structure_only(tables, pk, structure, geo)
        writer.services(tables)
    return pk - services


def _counts(connection: Connection) -> tuple[int, int]:
    run = connection.exec_driver_sql
    structures = run("SELECT COUNT(*) FROM structure").scalar_one()
    services = run("SELECT COUNT(*) FROM service WHERE NOT structure_only").scalar_one()
    return structures, services


def loaded_counts(db: Database) -> tuple[int, int]:
    """(structures, services) of the directory in use; lone structures' rows are not services."""
    with db.engine.connect() as connection:
        return _counts(connection)


def _refuse_shrinking(current: tuple[int, int], rows: int, report: ImportReport) -> None:
    incoming = (report.structures, report.services)
    rejected = len(report.rejected)
    problems = []
    if rows and rejected > rows * SHRINK_SHARE:
        problems.append(f"{rejected} lignes sur {rows} seraient rejetées")
    if current[1] and incoming[1] == 0:
        problems.append(
            f"le nouvel annuaire n'a aucun service (0 service, contre {current[1]} aujourd'hui)"
        )
    elif current[1] and incoming[1] < current[1] * SHRINK_SHARE:
        problems.append(f"le nombre de services passerait de {current[1]} à {incoming[1]}")
    if not problems:
        return
    raise DirectoryShrinkRefused(
        "Import non effectué : " + " ; ".join(problems) + ". L'annuaire actuel "
        f"({current[0]} structures, {current[1]} services) est conservé. Pour le remplacer "
        "quand même, confirmez l'import (option --force en ligne de commande).",
        current,
        incoming,
        rejected,
    )


def _stop_if(is_cancelled: Callable[[], bool]) -> None:
    if is_cancelled():
        raise ImportCancelled("Import annulé : l'annuaire actuel est conservé.")
