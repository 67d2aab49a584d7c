"""« Exporter le bilan… »: the figures on screen, published (secrecy applied) and written off
the UI thread by the reports' own exports — the same file `spro-desk … report` writes.

Three kinds: a site's own bilan (`internal`: not masked, it stays on the site); a publication
(`publish`, the coordination: masked together with the period's earlier bilans and recorded,
as `spro-desk coordinator report` does); otherwise masked alone."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from spro_desk.reports.indicators import Indicators
from spro_desk.ui.common.background import Callbacks, Runner, TaskContext
from spro_desk.ui.common.confirm import Confirm, ask
from spro_desk.ui.common.dashboard.loader import Cancelled
from spro_desk.ui.common.errors import file_error_reason
from spro_desk.ui.common.folders import stored_folder

log = logging.getLogger(__name__)

FORMATS = ("xlsx", "csv", "pdf", "json")
FOLDER_KEY = "tableau-de-bord/dossier-export"

# (indicators, write the bilan) -> the file written; on the worker thread
Publisher = Callable[[Indicators, Callable[[Any], Path]], Path]


class ExportRefused(Exception):
    """The bilan cannot be published as asked; nothing was written (a French message)."""


def _writer(fmt: str) -> Callable[[Any, Path], Path]:
    from spro_desk.reports import exports, pdf  # XlsxWriter, ReportLab: only when exporting

    writers = {"xlsx": exports.write_xlsx, "csv": exports.write_csv, "json": exports.write_json,
               "pdf": pdf.write_pdf}  # fmt: skip
    return writers[fmt]


def format_of(path: Path, chosen_filter: str) -> tuple[Path, str]:
    """The format from the file's suffix, else from the dialog's filter (its suffix added)."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return path, suffix
    fmt = next((f for f in FORMATS if f"*.{f}" in chosen_filter), FORMATS[0])
    return path.with_name(f"{path.name}.{fmt}"), fmt


def export_bilan(indicators: Indicators, path: Path, fmt: str, task: TaskContext,
                 labels: tuple[str, str], internal: bool = False,
                 publish: Publisher | None = None) -> Path:  # fmt: skip
    """Publish (mask, unless for the site's own use) and write; runs on the worker thread."""
    from spro_desk.reports.publish import INTERNAL, build_bilan

    task.progress(labels[0], 0, 2)
    if publish is not None:
        written = publish(indicators, lambda bilan: _writer(fmt)(bilan, path))
        task.progress(labels[1], 2, 2)
        return written
    bilan = build_bilan(indicators, INTERNAL if internal else None)
    if task.is_cancelled():
        raise Cancelled
    task.progress(labels[1], 1, 2)
    written = _writer(fmt)(bilan, path)  # a temporary file renamed: never half a bilan
    task.progress(labels[1], 2, 2)
    return written


class BilanExporter(QObject):
    started = Signal(str)
    progressed = Signal(str, int, int)
    succeeded = Signal(object)  # the Path written
    failed = Signal(str)  # a French message
    finished = Signal()

    def __init__(
        self,
        runner: Runner,
        settings: QSettings,
        parent: QObject | None = None,
        internal: bool = False,
        publish: Publisher | None = None,
    ) -> None:
        super().__init__(parent)
        # A site's own bilan stays on the site: not masked (the coordinator's publication is).
        self.internal = internal
        self.publish = publish
        self._runner = runner
        self._settings = settings
        self._task: TaskContext | None = None
        self._busy = False  # an ImmediateRunner answers within submit(): not the task's state
        self.confirm: Confirm = ask

    @property
    def busy(self) -> bool:
        return self._busy

    def choose_and_export(self, indicators: Indicators, parent: QWidget) -> None:
        period = indicators.filters.period
        folder = stored_folder(self._settings, FOLDER_KEY)
        suggested = folder / f"bilan-spro-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
        filters = ";;".join((
            self.tr("Classeur XLSX (*.xlsx)"), self.tr("CSV pour tableur (*.csv)"),
            self.tr("Bilan PDF (*.pdf)"), self.tr("JSON pour scripts (*.json)"),
        ))  # fmt: skip
        selected, chosen_filter = QFileDialog.getSaveFileName(
            parent, self.tr("Exporter le bilan"), str(suggested), filters
        )
        if selected:
            path, fmt = format_of(Path(selected), chosen_filter)
            self._settings.setValue(FOLDER_KEY, str(path.parent))
            # The dialog asked about the name typed; the suffix added here names another file.
            if path != Path(selected) and path.exists() and not self.confirm(
                parent, self.tr("Exporter le bilan"),
                self.tr("« {name} » existe déjà dans ce dossier. Le remplacer par ce bilan ?")
                .format(name=path.name), self.tr("&Remplacer"), False,
            ):  # fmt: skip
                return
            self.export(indicators, path, fmt)

    def export(self, indicators: Indicators, path: Path, fmt: str) -> None:
        labels = (self.tr("Secret statistique…"), self.tr("Écriture du bilan…"))
        self._busy = True
        self.started.emit(self.tr("Export du bilan…"))

        def work(task: TaskContext) -> Path:
            return export_bilan(indicators, path, fmt, task, labels, self.internal, self.publish)

        task = self._runner.submit(work, Callbacks(
            on_result=self._written, on_error=lambda error: self._failed(error, path),
            on_progress=self.progressed.emit,
        ))  # fmt: skip
        self._task = task if self._busy else None

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _written(self, path: Path) -> None:
        self._task, self._busy = None, False
        self.succeeded.emit(path)
        self.finished.emit()

    def _failed(self, error: Exception, path: Path) -> None:
        self._task, self._busy = None, False
        if isinstance(error, ExportRefused):
            self.failed.emit(str(error))
        elif isinstance(error, Cancelled):
            self.failed.emit(self.tr("Export annulé : aucun fichier n'a été écrit."))
        elif isinstance(error, OSError):
            self.failed.emit(self.tr(
                "Le bilan n'a pas pu être écrit dans « {path} » : {reason}. Aucun fichier "
                "incomplet n'y a été laissé. Choisissez un autre dossier, ou fermez le fichier "
                "s'il est ouvert dans un tableur."
            ).format(path=path, reason=file_error_reason(error)))  # fmt: skip
        else:
            log.error("The bilan export failed", exc_info=error)
            self.failed.emit(self.tr("L'export du bilan n'a pas abouti ({error}).").format(
                error=type(error).__name__))  # fmt: skip
        self.finished.emit()
