"""The first agent: a name and a PIN (digits only, typed twice)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWizardPage

from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.secret_field import SecretLineEdit
from spro_desk.ui.common.widgets import field_label
from spro_desk.ui.first_run.agent_adapter import PIN_LENGTHS, pin_problem


class AgentPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Le premier agent"))
        self.setSubTitle(
            self.tr(
                "La personne qui prépare ce poste, responsable du site. Son code protège "
                "l'accès aux données personnelles ; les autres agents s'ajoutent ensuite."
            )
        )
        low, high = min(PIN_LENGTHS), max(PIN_LENGTHS)
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{high}}}"), self)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Nom de l'agent"))
        self.pin = SecretLineEdit()  # silent on the accessibility bus
        self.pin.setAccessibleDescription(
            self.tr("De {low} à {high} chiffres.").format(low=low, high=high)
        )
        self.confirmation = SecretLineEdit()
        for field in (self.pin, self.confirmation):
            field.setValidator(digits)
            field.setMaxLength(high)
        self.hint = StatusLabel()
        form = QFormLayout(self)
        label = QLabel(self.tr("&Nom :"))
        label.setBuddy(self.name)  # named « Nom de l'agent »: the label's word, and whose
        form.addRow(label, self.name)
        for text, widget in (
            (self.tr("&Code ({low} à {high} chiffres) :").format(low=low, high=high), self.pin),
            (self.tr("C&onfirmation du code :"), self.confirmation),
        ):
            form.addRow(field_label(text, widget), widget)
        form.addRow(self.hint)
        for line in (self.name, self.pin, self.confirmation):
            line.textChanged.connect(self._changed)
        self._changed()

    def agent_name(self) -> str:
        return self.name.text().strip()

    def agent_pin(self) -> str:
        return self.pin.text()

    def _pin_problem(self) -> str | None:
        pin, again = self.pin.text(), self.confirmation.text()
        problem = pin_problem(pin)
        if problem:
            return problem
        if pin != again:
            return self.tr("Les deux codes tapés ne sont pas identiques.")
        return None

    def _changed(self) -> None:
        problem = self._pin_problem() if self.pin.text() or self.confirmation.text() else None
        self.hint.set_message(problem or "", error=bool(problem))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.agent_name()) and self._pin_problem() is None
