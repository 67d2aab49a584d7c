"""First page: what this computer will be — the front desk of a site, or the coordination."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWizardPage

from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.first_run.setup import Role


class RolePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Bienvenue dans SPRO Desk"))
        self.setSubTitle(
            self.tr(
                "Quelques questions pour préparer cet ordinateur. Aucune connexion à Internet "
                "n'est nécessaire : tout reste sur ce poste."
            )
        )
        self.desk = QRadioButton(self.tr("Le poste d'&accueil d'un site"))
        self.desk.setAccessibleDescription(
            self.tr("CIO, mission locale, Point Information Jeunesse, permanence…")
        )
        self.coordinator = QRadioButton(self.tr("La &coordination régionale"))
        self.coordinator.setAccessibleDescription(
            self.tr("Reçoit les envois hebdomadaires des postes et publie l'annuaire.")
        )
        self.desk.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.desk)
        group.addButton(self.coordinator)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Cet ordinateur sera :")))
        layout.addWidget(self.desk)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Les agents y enregistrent les passages et orientent les personnes ; "
                    "chaque semaine, le poste prépare un envoi pour la coordination."
                )
            )
        )
        layout.addWidget(self.coordinator)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Reçoit les envois des postes de la région, suit leur activité et leur "
                    "transmet l'annuaire des partenaires."
                )
            )
        )
        layout.addStretch(1)

    def role(self) -> Role:
        return Role.COORDINATOR if self.coordinator.isChecked() else Role.DESK
