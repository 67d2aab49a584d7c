"""Name, phone, email and note: locked until the person's consent is ticked, wiped when unticked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from spro_desk.contacts.model import DEFAULT_CONSENT_WORDING, PersonalDataInput


class ConsentBox(QGroupBox):
    consent_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Coordonnées (seulement avec l'accord de la personne)"))
        self.consent = QCheckBox(self.tr("La personne c&onsent à ce texte :"))
        # The wording stored with the consent is the one shown: the domain's, as is.
        self.wording = QLabel(DEFAULT_CONSENT_WORDING)
        self.wording.setTextFormat(Qt.TextFormat.PlainText)
        self.wording.setWordWrap(True)
        self.nom = QLineEdit()
        self.telephone = QLineEdit()
        self.courriel = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 4)
        self._layout()
        self._describe()
        self.consent.toggled.connect(self._consent_toggled)
        self._consent_toggled(False)

    def _layout(self) -> None:
        fields = QFormLayout()
        for text, widget in (
            (self.tr("&Nom :"), self.nom),
            (self.tr("Télé&phone :"), self.telephone),
            (self.tr("Courr&iel :"), self.courriel),
            (self.tr("No&te :"), self.note),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            fields.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consent)
        layout.addWidget(self.wording)
        layout.addLayout(fields)

    def _describe(self) -> None:
        # Read as shown (« La personne consent à ce texte »), then the text agreed to.
        guidance = self.tr(
            "Cochez seulement si la personne accepte le texte affiché ; les coordonnées "
            "ne peuvent être saisies qu'ensuite. Décocher efface les coordonnées."
        )
        self.consent.setAccessibleDescription(f"{self.wording.text()}\n{guidance}")
        for widget, name in (
            (self.nom, self.tr("Nom")),
            (self.telephone, self.tr("Téléphone")),
            (self.courriel, self.tr("Courriel")),
            (self.note, self.tr("Note")),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(
                self.tr("Donnée personnelle : saisie possible après consentement.")
            )

    def personal_widgets(self) -> tuple[QWidget, ...]:
        return (self.nom, self.telephone, self.courriel, self.note)

    def _consent_toggled(self, given: bool) -> None:
        if not given:
            self._wipe()
        for widget in self.personal_widgets():
            widget.setEnabled(given)
        self.consent_changed.emit(given)

    def _wipe(self) -> None:
        for line in (self.nom, self.telephone, self.courriel):
            line.clear()
        self.note.clear()

    def is_given(self) -> bool:
        return self.consent.isChecked()

    def personal(self) -> PersonalDataInput | None:
        if not self.is_given():
            return None
        return PersonalDataInput(
            nom=self.nom.text(),
            telephone=self.telephone.text(),
            courriel=self.courriel.text(),
            note=self.note.toPlainText(),
        )

    def reset(self) -> None:
        self.consent.setChecked(False)
        self.consent.setEnabled(True)
        self.setEnabled(True)
        self._wipe()

    def load(self, values: PersonalDataInput | None) -> None:
        """Details held under a consent already given: shown to be corrected; the consent box
        stays ticked (erasure has its own button). None: not to be seen by this agent."""
        self.reset()
        if values is None:
            self.setEnabled(False)
            return
        self.consent.setChecked(True)
        self.consent.setEnabled(False)
        self.nom.setText(values.nom or "")
        self.telephone.setText(values.telephone or "")
        self.courriel.setText(values.courriel or "")
        self.note.setPlainText(values.note or "")
