"""« Appel » under the Suivi list: for a person who consented, whom to call, at which number,
and what to ask; the name and phone are opened (and written to the access log) only while the
call list is on, and dropped when the desk locks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from spro_desk.contacts.model import PersonalDataInput
from spro_desk.ui.common.elided_label import ElidedLabel


class CallCard(QGroupBox):
    call_list_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Appel"))
        self.call_list = QCheckBox(
            self.tr("&Liste d'appels : seulement les personnes d'accord pour être rappelées")
        )
        self.name = ElidedLabel()
        self.name.setAccessibleName(self.tr("Personne à appeler"))
        self.phone = ElidedLabel()
        self.phone.setAccessibleName(self.tr("Téléphone à appeler"))
        self.question = self._value(self.tr("Ce qu'il faut demander"))
        self.question.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Nom :"), self.name)
        form.addRow(self.tr("Téléphone :"), self.phone)
        form.addRow(self.tr("À demander :"), self.question)
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_list)
        layout.addLayout(form)
        self.call_list.setAccessibleName(self.tr("Liste d'appels"))
        self.call_list.setAccessibleDescription(
            self.tr(
                "Alt+L. Chaque affichage d'un nom et d'un téléphone est inscrit au journal d'accès."
            )
        )
        self.call_list.toggled.connect(self.call_list_toggled)

    @staticmethod
    def _value(name: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # typed by people: never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def show_call(self, person: PersonalDataInput | None, question: str) -> None:
        self.name.set_full_text(person.nom or "" if person else "")
        self.phone.set_full_text(person.telephone or "" if person else "")
        self.question.setText(question)

    def clear(self) -> None:
        self.show_call(None, "")
