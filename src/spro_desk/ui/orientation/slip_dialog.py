"""After a referral: the fiche de liaison as a PDF file or on the printer, A4 or A5.

The rendering runs on the background runner; the dialog only shows that it is busy.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.orientation.slip import ReferralSlip
from spro_desk.text import fold
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.background import Callbacks, Runner, TaskContext
from spro_desk.ui.common.dates import long_datetime_fr
from spro_desk.ui.common.folders import stored_folder
from spro_desk.ui.orientation.slip_pdf import PAGE_SIZES, page_layout, print_slip, render_slip_pdf

log = logging.getLogger(__name__)

PAGE_SIZE_KEY = "orientation/slip_page_size"
FOLDER_KEY = "orientation/slip_folder"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slip_file_name(slip: ReferralSlip) -> str:
    """Names the structure and the day, never the person: file names get shared."""
    slug = _NOT_SLUG.sub("-", fold(slip.structure_nom)).strip("-")[:60] or "structure"
    return f"fiche-de-liaison-{slug}-{slip.issued_at:%Y-%m-%d}.pdf"


class SlipDialog(QDialog):
    pdf_saved = Signal(object)  # Path
    printed = Signal()
    failed = Signal(str)  # a French message

    def __init__(
        self,
        slip: ReferralSlip,
        *,
        runner: Runner,
        settings: QSettings,
        issuer: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.slip = slip
        self._runner = runner
        self._settings = settings
        self._issuer = issuer
        self._busy = False
        self._printer: QPrinter | None = None
        self.setWindowTitle(self.tr("Fiche de liaison"))
        self.page_size = self._make_page_size()
        self.save_button = self._button(
            self.tr("Enregistrer en &PDF…"),
            "Ctrl+S",
            self.tr("Enregistrer la fiche dans un fichier PDF"),
        )
        self.print_button = self._button(
            self.tr("&Imprimer…"), "Ctrl+P", self.tr("Imprimer la fiche de liaison")
        )
        self.close_button = self._button(self.tr("Fermer"), "", self.tr("Fermer sans imprimer"))
        self.busy_bar = QProgressBar()
        self.status = StatusLabel()
        self._build()
        self.save_button.clicked.connect(self.choose_pdf_path)
        self.print_button.clicked.connect(self.choose_printer)
        self.close_button.clicked.connect(self.reject)
        self.page_size.currentIndexChanged.connect(self._remember_page_size)

    # --- construction -------------------------------------------------------------------------

    def _make_page_size(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("A4 (feuille entière)"), "A4")
        combo.addItem(self.tr("A5 (demi-feuille)"), "A5")
        remembered = self._settings.value(PAGE_SIZE_KEY, "A4")
        combo.setCurrentIndex(max(combo.findData(remembered), 0))
        combo.setAccessibleName(self.tr("Format du papier"))
        combo.setAccessibleDescription(self.tr("A4 ou A5, pour le PDF comme pour l'imprimante."))
        return combo

    def _button(self, text: str, shortcut: str, description: str) -> QPushButton:
        button = QPushButton(text)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            # The shortcut replaced the underlined letter's: Alt+letter works too.
            mnemonic = QShortcut(QKeySequence.mnemonic(text), button)
            mnemonic.activated.connect(button.click)  # does nothing while disabled
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(f"{description} ({shortcut})" if shortcut else description)
        return button

    def _plain(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setObjectName(name)  # identifies it; its text is what a screen reader reads
        return label

    def _build(self) -> None:
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Création de la fiche en cours"))
        self.busy_bar.hide()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        size_label = QLabel(self.tr("F&ormat :"))
        size_label.setBuddy(self.page_size)
        form = QFormLayout()
        form.addRow(size_label, self.page_size)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._plain(self._summary_text(), self.tr("Contenu de la fiche")))
        layout.addWidget(self._plain(self._privacy_text(), self.tr("Données personnelles")))
        layout.addLayout(form)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _summary_text(self) -> str:
        slip = self.slip
        if slip.rdv_at is None:
            when = self.tr("Sans rendez-vous.")
        else:
            when = self.tr("Rendez-vous le {moment}.").format(moment=long_datetime_fr(slip.rdv_at))
        return f"{slip.structure_nom}\n{slip.service_nom}\n{when}"

    def _privacy_text(self) -> str:
        if self.slip.person is not None:
            return self.tr("Le nom de la personne figure sur la fiche (consentement enregistré).")
        return self.tr("Fiche anonyme : aucune donnée personnelle n'y figure.")

    # --- behaviour ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def page_size_name(self) -> str:
        return str(self.page_size.currentData())

    def _remember_page_size(self) -> None:
        self._settings.setValue(PAGE_SIZE_KEY, self.page_size_name())

    def choose_pdf_path(self) -> None:
        folder = stored_folder(self._settings, FOLDER_KEY)
        selected, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer la fiche de liaison"),
            str(Path(str(folder)) / slip_file_name(self.slip)),
            self.tr("Document PDF (*.pdf)"),
        )
        if selected:
            self.save_pdf(Path(selected))

    def save_pdf(self, path: Path) -> None:
        """Write the PDF in the background; `pdf_saved` or `failed` tells how it went."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._settings.setValue(FOLDER_KEY, str(path.parent))
        slip, size, issuer = self.slip, self.page_size_name(), self._issuer
        self._start(
            self.tr("Création du PDF…"),
            lambda _task: render_slip_pdf(slip, path, size, issuer),
            lambda saved: self._saved(Path(saved)),
        )

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_layout(self.page_size_name()).pageSize())
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self.tr("Fiche de liaison"))
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.open()  # type: ignore[call-arg]  # the stubs miss QDialog.open()

    def print_to(self, printer: QPrinter) -> None:
        """Lay the slip out on the printer in the background; `printed` or `failed` follows."""
        # Kept referenced until the worker is done with it.
        self._printer = printer
        slip, size, issuer = self.slip, self._printed_size(printer), self._issuer
        self._start(
            self.tr("Impression…"),
            lambda _task: print_slip(slip, printer, size, issuer),
            lambda _result: self._printed(),
        )

    def _printed_size(self, printer: QPrinter) -> str:
        """The paper chosen in the print dialog wins over the combo when it is A4 or A5."""
        chosen = printer.pageLayout().pageSize().id()
        names = {page_id: name for name, page_id in PAGE_SIZES.items()}
        return names.get(chosen, self.page_size_name())

    def _start(
        self, label: str, work: Callable[[TaskContext], Any], done: Callable[[Any], None]
    ) -> None:
        self._set_busy(True, label)
        self._runner.submit(
            work,
            Callbacks(on_result=lambda result: self._finish(done, result), on_error=self._error),
        )

    def _finish(self, done: Callable[[Any], None], result: Any) -> None:
        self._set_busy(False, "")
        done(result)

    def _set_busy(self, busy: bool, label: str) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.status.set_message(label)
        for widget in (self.save_button, self.print_button, self.page_size):
            widget.setEnabled(not busy)

    def _saved(self, path: Path) -> None:
        self.status.set_message(self.tr("Fiche enregistrée : {path}").format(path=path))
        self.pdf_saved.emit(path)

    def _printed(self) -> None:
        self.status.set_message(self.tr("Fiche envoyée à l'imprimante."))
        self.printed.emit()

    def _error(self, error: Exception) -> None:
        if isinstance(error, OSError):
            message = self.tr(
                "La fiche n'a pas pu être enregistrée ({reason}). Choisissez un autre dossier "
                "ou un autre nom de fichier."
            ).format(reason=error.strerror or error)
        else:
            log.error("Referral slip rendering failed", exc_info=error)
            message = self.tr(
                "La fiche n'a pas pu être créée. Réessayez ; si le problème continue, "
                "notez l'adresse du service pour la personne."
            )
        self._set_busy(False, message)
        self.failed.emit(message)
