"""Before anything is written: what will be set up, where the data lives, how to back it up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWizard, QWizardPage

from spro_desk.directory.networks import NETWORK_LABELS
from spro_desk.paths import database_path
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.first_run.setup import (
    DirectoryChoice,
    DirectorySource,
    FirstRunChoices,
    Role,
    SetupRefused,
)

Apply = Callable[[], None]


class SummaryPage(QWizardPage):
    """The commit page: « Créer » applies the choices; there is no going back after it."""

    def __init__(self, data_dir: Path, apply: Apply) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._apply = apply
        self.setTitle(self.tr("Récapitulatif"))
        self.setSubTitle(self.tr("Vérifiez puis validez : rien n'est enregistré avant."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Créer"))
        self.choices_text = plain_label(name=self.tr("Choix faits"))
        self.data_text = plain_label(name=self.tr("Où sont les données"))
        self.backup_text = plain_label(name=self.tr("Sauvegardes"))
        self.problem = StatusLabel()
        layout = QVBoxLayout(self)
        for label in (self.choices_text, self.data_text, self.backup_text, self.problem):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_choices(self, choices: FirstRunChoices, directory: DirectoryChoice) -> None:
        self.problem.clear()
        self.choices_text.setText("\n".join(self._choice_lines(choices, directory)))
        self.data_text.setText(
            self.tr(
                "Les données restent sur cet ordinateur, dans le dossier\u00a0:\n{folder}\n"
                "(base {database}, clés du poste dans keys/, journaux dans logs/). "
                "Seul votre compte peut lire ce dossier."
            ).format(folder=self._data_dir, database=database_path(self._data_dir).name)
        )
        self.backup_text.setText(self._backup_advice(choices.role))

    def _choice_lines(self, choices: FirstRunChoices, directory: DirectoryChoice) -> list[str]:
        lines = []
        if choices.role is Role.DESK and choices.site is not None:
            site = choices.site
            lines.append(self.tr("Poste d'accueil : {nom} ({reseau})").format(
                nom=site.nom, reseau=NETWORK_LABELS.get(site.reseau, site.reseau)))  # fmt: skip
            if site.permanences:
                lines.append(self.tr("Permanences : {places}").format(
                    places=", ".join(site.permanences)))  # fmt: skip
        else:
            lines.append(self.tr("Coordination régionale"))
        lines.append(self.tr("Premier agent : {name}").format(name=choices.agent_name))
        lines.append(self.tr("Annuaire : {source}").format(source=self._source_text(directory)))
        return lines

    def _source_text(self, directory: DirectoryChoice) -> str:
        if directory.source is DirectorySource.SAMPLE:
            return self.tr("l'annuaire d'exemple")
        if directory.source is DirectorySource.LATER:
            return self.tr("plus tard")
        return str(directory.path)

    def _backup_advice(self, role: Role) -> str:
        common = self.tr(
            "Sauvegardes : SPRO Desk copie sa base chaque jour dans backups/ (les 7 derniers "
            "jours et 4 semaines avant sont gardés), et avant chaque mise à jour qui modifie la "
            "base. Ces copies restent sur cet ordinateur : copiez aussi régulièrement tout le "
            "dossier sur un support externe rangé à part. Une copie se restaure par "
            "« spro-desk backup restore »."
        )
        if role is Role.COORDINATOR:
            specific = self.tr(
                "Les clés de la coordination (keys/) sont indispensables pour lire les envois "
                "des postes : gardez-en une copie en lieu sûr."
            )
        else:
            specific = self.tr(
                "Chaque semaine, l'envoi à la coordination emporte aussi les passages enregistrés "
                "(sans données personnelles)."
            )
        return f"{common} {specific}"

    def validatePage(self) -> bool:
        try:
            self._apply()
        except SetupRefused as error:
            self.problem.set_message(str(error))
            return False
        return True
