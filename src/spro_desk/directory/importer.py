"""Import a data·inclusion directory: validate every row, report, replace the cache atomically."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from data_inclusion.schema.v1 import Service, Structure
from pydantic import ValidationError

from spro_desk.directory import rows as row_builders
from spro_desk.directory.hours import hours_warning
from spro_desk.directory.report import ImportCancelled, ImportReport, RowIssue
from spro_desk.directory.source import DirectoryImportError, read_directory
from spro_desk.directory.validation import (
    ServiceExtension,
    StructureExtension,
    french_reason,
    validate_row,
)
from spro_desk.directory.writer import write_directory
from spro_desk.geo import Geography, geography
from spro_desk.platform import cache_local_timezone
from spro_desk.storage.engine import Database
from spro_desk.text import (
    has_bidi_controls,
    has_html_markup,
    looks_like_formula,
    might_need_neutralising,
)

ProgressCallback = Callable[[str, int, int], None]


@dataclass
class ValidStructure:
    model: Structure
    extension: StructureExtension | None


@dataclass
class ValidService:
    model: Service
    extension: ServiceExtension | None
    zones: list[str]


_TEXT_CHECKS = (
    (has_bidi_controls, "« {} » contient des caractères de contrôle bidirectionnels : supprimés"),
    (has_html_markup, "« {} » contient des balises HTML : affichées comme du texte brut"),
    (
        looks_like_formula,
        "« {} » commence comme une formule de tableur : neutralisé dans les exports",
    ),
)


class _Checker:
    """Validates the rows of one import and collects what it rejects and warns about."""

    def __init__(self, report: ImportReport, geo: Geography) -> None:
        self.report = report
        self.geo = geo

    def reject(self, file: str, index: int, row_id: str | None, reason: str) -> None:
        self.report.rejected.append(RowIssue(file, index, row_id, reason))

    def warn(self, file: str, index: int, row_id: str | None, message: str) -> None:
        self.report.warnings.append(RowIssue(file, index, row_id, message))

    def structures(self, rows: list[Any]) -> dict[str, ValidStructure]:
        valid: dict[str, ValidStructure] = {}
        for index, row in enumerate(rows):
            model = self._model(Structure, "structures.json", index, row, valid)
            if model is None:
                continue
            extension = self._extension(StructureExtension, "structures.json", index, row)
            self._check_texts("structures.json", index, model)
            self._check_hours("structures.json", index, model.id, model.horaires_accueil)
            valid[model.id] = ValidStructure(model, extension)
        return valid

    def services(
        self, rows: list[Any], structures: dict[str, ValidStructure]
    ) -> dict[str, ValidService]:
        valid: dict[str, ValidService] = {}
        for index, row in enumerate(rows):
            model = self._model(Service, "services.json", index, row, valid)
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
            extension = self._service_extension(index, row, model.id)
            self._check_texts("services.json", index, model)
            self._check_hours("services.json", index, model.id, model.horaires_accueil)
            zones = self._known_zones(index, model)
            valid[model.id] = ValidService(model, extension, zones)
        return valid

    def _model(self, model_cls: Any, file: str, index: int, row: Any, seen: dict) -> Any:
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

    def _extension(self, ext_cls: Any, file: str, index: int, row: dict) -> Any:
        raw = row.get("x_spro")
        if raw is None:
            return None
        try:
            return ext_cls.model_validate(raw)
        except ValidationError as error:
            self.warn(
                file, index, row.get("id"), f"extension x_spro ignorée : {french_reason(error)}"
            )
            return None

    def _service_extension(self, index: int, row: dict, row_id: str) -> ServiceExtension | None:
        extension = self._extension(ServiceExtension, "services.json", index, row)
        unknown = extension.unknown_publics() if extension is not None else []
        if extension is not None and unknown:
            listed = ", ".join(unknown)
            self.warn("services.json", index, row_id, f"publics x_spro inconnus ignorés : {listed}")
            extension.publics = [p for p in extension.publics or [] if p not in unknown]
        return extension

    def _check_texts(self, file: str, index: int, model: Any) -> None:
        for name, value in model.__dict__.items():
            if not isinstance(value, str) or name == "id" or not might_need_neutralising(value):
                continue
            for applies, message in _TEXT_CHECKS:
                if applies(value):
                    self.warn(file, index, model.id, message.format(name))

    def _check_hours(self, file: str, index: int, row_id: str, raw: str | None) -> None:
        message = hours_warning(raw)
        if message:
            self.warn(file, index, row_id, message)

    def _known_zones(self, index: int, model: Service) -> list[str]:
        zones = []
        for code in model.zone_eligibilite or []:
            if self.geo.is_known_zone(code):
                zones.append(code)
            else:
                self.warn(
                    "services.json",
                    index,
                    model.id,
                    f"code de zone « {code} » inconnu du code officiel géographique : ignoré",
                )
        return zones


def import_directory(
    db: Database,
    path: Path,
    *,
    geo: Geography | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    now: datetime | None = None,
) -> ImportReport:
    """Validate the export at `path` and make it the desk's directory, or change nothing.

    Raises DirectoryImportError when the export cannot be used at all (unreadable, wrong
    format, no valid row) and ImportCancelled when `is_cancelled` turns true before the end.
    """
    cache_local_timezone()
    with paused_garbage_collector():
        return _import(db, path, geo or geography(), progress, is_cancelled, now)


@contextmanager
def paused_garbage_collector() -> Iterator[None]:
    """Millions of parsed rows stay alive until the end: each automatic collection would walk
    them all again, which made up half of a national import."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(
    db: Database,
    path: Path,
    geo: Geography,
    progress: ProgressCallback | None,
    is_cancelled: Callable[[], bool],
    now: datetime | None,
) -> ImportReport:
    step = progress or (lambda _label, _done, _total: None)
    step("Lecture des fichiers", 0, 4)
    raw = read_directory(path)
    report = ImportReport(source=raw.source, imported_at=now or datetime.now(UTC))
    checker = _Checker(report, geo)
    step("Vérification des structures", 1, 4)
    structures = checker.structures(raw.structures)
    _stop_if(is_cancelled)
    step("Vérification des services", 2, 4)
    services = checker.services(raw.services, structures)
    _stop_if(is_cancelled)
    if not structures and not services:
        first = report.rejected[0].message if report.rejected else "fichiers vides"
        raise DirectoryImportError(
            "Aucune ligne valide dans cet annuaire : l'annuaire actuel est conservé. "
            f"Premier problème : {first}."
        )
    step("Enregistrement de l'annuaire", 3, 4)
    tables = row_builders.build_tables(structures, services, geo)
    write_directory(db, tables, report, is_cancelled)
    report.structures, report.services = len(structures), len(services)
    step("Terminé", 4, 4)
    return report


def _stop_if(is_cancelled: Callable[[], bool]) -> None:
    if is_cancelled():
        raise ImportCancelled("Import annulé : l'annuaire actuel est conservé.")
