"""« Appel » under the Suivi list: for a person who consented, whom to call, at which number,
and what to ask; the name and phone are opened (and written to the access log) only while the
call list is on, and dropped when the desk locks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.clock import local
from spro_desk.contacts.follow_up import FollowUpItem, rendez_vous_passed
from spro_desk.contacts.model import PersonalDataInput
from spro_desk.ui.common.elided_label import ElidedLabel


def call_question(item: FollowUpItem, now: datetime) -> str:
    """What to ask the person on the phone, with the keys that answer it."""
    referral = item.referral
    passed = rendez_vous_passed(item, now)
    if passed is None or referral.rdv_at is None:
        return QCoreApplication.translate(
            "CallCard",
            "La personne a-t-elle pu joindre {where} ({service}) ? "
            "H : oui, c'est fait ; A : elle n'ira pas.",
        ).format(where=referral.structure_nom, service=referral.service_nom)
    when = QCoreApplication.translate("CallCard", "{date} à {time}").format(
        date=local(referral.rdv_at).strftime("%d/%m/%Y"),
        time=local(referral.rdv_at).strftime("%H:%M"),
    )
    if passed:
        return QCoreApplication.translate(
            "CallCard",
            "Le rendez-vous du {when} chez {where} a-t-il eu lieu ? "
            "H : honoré, N : non honoré, A : annulé.",
        ).format(when=when, where=referral.structure_nom)
    return QCoreApplication.translate(
        "CallCard",
        "Rappeler le rendez-vous du {when} chez {where} ; vérifier qu'il tient toujours.",
    ).format(when=when, where=referral.structure_nom)


class CallCard(QGroupBox):
    call_list_toggled = Signal(bool)
    # The person called back withdraws her consent: her data goes at once (Ctrl+Maj+Suppr,
    # as in Accueil), not months later with the retention purge.
    erase_requested = Signal()

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
        self.erase_button = QPushButton(self.tr("Effacer les données de cette personne"))
        self.erase_button.setAccessibleName(self.tr("Effacer les données de cette personne"))
        self.erase_button.setAccessibleDescription(
            self.tr(
                "Si la personne retire son accord (Ctrl+Maj+Suppr) : son nom, son téléphone, son "
                "courriel et la note sont effacés ; l'orientation reste suivie, sans identité."
            )
        )
        self.erase_button.clicked.connect(self.erase_requested)
        self._may_erase = True
        self._shown = False
        self._enable_erase()
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_list)
        layout.addLayout(form)
        layout.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.call_list.setAccessibleName(self.tr("Liste d'appels"))
        self.call_list.setAccessibleDescription(
            self.tr(
                "Alt+L. Chaque affichage d'un nom et d'un téléphone est inscrit au journal d'accès."
            )
        )
        self.call_list.toggled.connect(self.call_list_toggled)
        self._description = self.call_list.accessibleDescription()

    def allow(self, may: bool, role: str, may_erase: bool = True) -> None:
        """Greyed out, and said why, for a role that may not see names and phones: the
        domain refuses them row after row otherwise."""
        self._may_erase = may_erase
        self._enable_erase()
        if not may:
            self.call_list.setChecked(False)
        self.call_list.setEnabled(may)
        why = (
            ""
            if may
            else self.tr(
                "Réservé à un autre rôle : le vôtre (« {role} ») ne le permet pas."
            ).format(role=role)
        )
        self.call_list.setToolTip(why)
        self.call_list.setAccessibleDescription(why or self._description)

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
        self._shown = person is not None
        self._enable_erase()

    def _enable_erase(self) -> None:
        """Only for a person on the card, and a role that may erase."""
        self.erase_button.setEnabled(self._shown and self._may_erase)

    def clear(self) -> None:
        self.show_call(None, "")
