"""The directory the desk starts with: the sample, an export, the coordination's, or later."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.first_run.setup import DirectoryChoice, DirectorySource


class PathField(QWidget):
    """A path typed or pasted, or picked with « Parcourir… »."""

    def __init__(self, name: str, title: str, filters: str) -> None:
        super().__init__()
        self._title, self._filters = title, filters
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.browse = QPushButton(self.tr("Parcourir…"))
        self.browse.setAccessibleName(self.tr("Choisir le fichier : {name}").format(name=name))
        self.browse.clicked.connect(self._pick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | None) -> None:
        self.edit.setText(str(path) if path else "")

    def _pick(self) -> None:
        start = str(self.path() or Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(self, self._title, start, self._filters)
        if chosen:
            self.set_path(Path(chosen))


class DirectoryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("L'annuaire des partenaires"))
        self.setSubTitle(
            self.tr(
                "L'annuaire sert à chercher une structure et à orienter. Il se remplace à tout "
                "moment par un plus récent (Fichier > Importer un annuaire)."
            )
        )
        self.sample = QRadioButton(self.tr("L'annuaire d'&exemple (pour essayer ou se former)"))
        self.export = QRadioButton(self.tr("Un e&xport data·inclusion (dossier ou archive .zip)"))
        self.snapshot = QRadioButton(self.tr("L'annuaire publié par la c&oordination"))
        self.later = QRadioButton(self.tr("Plus &tard"))
        self.sample.setChecked(True)
        self._group = QButtonGroup(self)
        for button in (self.sample, self.export, self.snapshot, self.later):
            self._group.addButton(button)
        self.export_path = PathField(
            self.tr("Export data·inclusion"),
            self.tr("Choisir un export data·inclusion"),
            self.tr(
                "Export data·inclusion (*.zip structures.json services.json);;Tous les fichiers (*)"
            ),
        )
        self.snapshot_path = PathField(
            self.tr("Annuaire publié par la coordination"),
            self.tr("Choisir l'annuaire de la coordination"),
            self.tr("Tous les fichiers (*)"),
        )
        self.identity_path = PathField(
            self.tr("Identité de la coordination"),
            self.tr("Choisir le fichier d'identité de la coordination"),
            self.tr("Identité de la coordination (*.json);;Tous les fichiers (*)"),
        )
        self._snapshot_rows = QWidget()
        self.problem = StatusLabel()
        self._layout()
        self._group.buttonToggled.connect(self._changed)
        for field in (self.export_path, self.snapshot_path, self.identity_path):
            field.edit.textChanged.connect(self._changed)
        self._changed()

    def _layout(self) -> None:
        snapshot_form = QFormLayout(self._snapshot_rows)
        snapshot_form.setContentsMargins(0, 0, 0, 0)
        for text, field in (
            (self.tr("&Fichier de l'annuaire :"), self.snapshot_path),
            (self.tr("&Identité de la coordination :"), self.identity_path),
        ):
            label = QLabel(text)
            label.setBuddy(field.edit)
            snapshot_form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sample)
        layout.addWidget(self.export)
        layout.addWidget(self.export_path)
        layout.addWidget(self.snapshot)
        layout.addWidget(self._snapshot_rows)
        layout.addWidget(
            plain_label(
                self.tr(
                    "La coordination remet deux fichiers (clé USB, messagerie) : l'annuaire "
                    "signé et son identité, qui permet au poste de vérifier la signature."
                )
            )
        )
        layout.addWidget(self.later)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def initializePage(self) -> None:
        # A coordination publishes the directory: it never installs one from itself.
        desk = getattr(self.wizard(), "is_desk", lambda: True)()
        self.snapshot.setVisible(desk)
        self._snapshot_rows.setVisible(desk)
        if not desk and self.snapshot.isChecked():
            self.sample.setChecked(True)

    def _changed(self) -> None:
        self.export_path.setEnabled(self.export.isChecked())
        self._snapshot_rows.setEnabled(self.snapshot.isChecked())
        self.completeChanged.emit()

    def choice(self) -> DirectoryChoice:
        if self.export.isChecked():
            return DirectoryChoice(DirectorySource.EXPORT, self.export_path.path())
        if self.snapshot.isChecked():
            return DirectoryChoice(DirectorySource.SNAPSHOT, self.snapshot_path.path())
        if self.later.isChecked():
            return DirectoryChoice(DirectorySource.LATER)
        return DirectoryChoice(DirectorySource.SAMPLE)

    def coordinator_identity(self) -> Path | None:
        """The coordination's identity file, to trust (only with its directory)."""
        return self.identity_path.path() if self.snapshot.isChecked() else None

    def isComplete(self) -> bool:
        if self.export.isChecked():
            return self.export_path.path() is not None
        if self.snapshot.isChecked():
            return self.snapshot_path.path() is not None and self.identity_path.path() is not None
        return True

    def validatePage(self) -> bool:
        missing = [
            path
            for path in (self.choice().path, self.coordinator_identity())
            if path is not None and not path.exists()
        ]
        if missing:
            self.problem.set_message(
                self.tr("Fichier introuvable : {path}. Vérifiez le chemin.").format(path=missing[0])
            )
            return False
        self.problem.clear()
        return True
