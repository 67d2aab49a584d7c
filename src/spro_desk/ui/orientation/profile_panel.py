"""Who the agent looks for a structure for: commune, statut, age, handicap and needs."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spro_desk.geo import Geography
from spro_desk.orientation.profile import ProfileError, VisitorProfile
from spro_desk.ui.common.commune_field import CommuneField, commune_label
from spro_desk.ui.common.labels import statut_labels
from spro_desk.ui.orientation.needs_picker import NeedsPicker
from spro_desk.vocab import TRANCHES_AGE, age_problem

# The spin box's lowest value stands for "age not given" (shown as text, never sent). The range
# is wide on purpose: 0 or 999 typed is refused with its reason, never silently capped.
NO_AGE = -1
TYPABLE_AGE = 999


class ProfilePanel(QGroupBox):
    changed = Signal()

    def __init__(self, geo: Geography, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Personne à orienter"))
        self._geo = geo
        self.commune = CommuneField(geo)
        self.commune.setPlaceholderText(self.tr("Nom, code postal ou code INSEE"))
        self.commune_hint = QLabel()
        self.statut = self._make_statut()
        self.age = self._make_age()
        self.age_hint = QLabel()
        self.age_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.age_hint.setWordWrap(True)
        self._band: str | None = None
        self.handicap = QCheckBox(self.tr("&Handicap (RQTH obtenue ou en cours)"))
        self.needs = NeedsPicker()
        self._describe()
        self._layout()
        # What the text stands for shows as the agent types, before the field settles.
        self.commune.textEdited.connect(self._show_commune)
        self.commune.commune_changed.connect(self._show_commune)
        for signal in (
            self.commune.textEdited,
            self.commune.commune_changed,
            self.statut.currentIndexChanged,
            self.age.valueChanged,
            self.handicap.toggled,
            self.needs.changed,
        ):
            signal.connect(self.changed)
        self._show_commune()

    # --- construction -------------------------------------------------------------------------

    def _make_statut(self) -> QComboBox:
        combo = QComboBox()
        # Long statut labels must not widen the whole window (200 % scaling, small screens).
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.addItem(self.tr("— Choisir un statut —"), None)
        for code, label in statut_labels().items():
            combo.addItem(label, code)
        return combo

    def _make_age(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(NO_AGE, TYPABLE_AGE)
        spin.setSpecialValueText(self.tr("Non renseigné"))
        spin.setSuffix(self.tr(" ans"))
        spin.setValue(NO_AGE)
        return spin

    def _describe(self) -> None:
        self.commune.setAccessibleName(self.tr("Commune de résidence"))
        self.commune.setAccessibleDescription(
            self.tr("Tapez un nom, un code postal ou un code INSEE ; choisissez dans la liste.")
        )
        self.commune_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.statut.setAccessibleName(self.tr("Statut de la personne"))
        self.age.setAccessibleName(self.tr("Âge"))
        self.age.setAccessibleDescription(
            self.tr("Facultatif ; la plus petite valeur le laisse vide.")
        )
        self.handicap.setAccessibleName(self.tr("Situation de handicap"))
        self.handicap.setAccessibleDescription(
            self.tr("Reconnaissance de travailleur handicapé obtenue ou en cours.")
        )

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Commune :"), self.commune), self.commune)
        form.addRow("", self.commune_hint)
        form.addRow(self._buddy(self.tr("S&tatut :"), self.statut), self.statut)
        form.addRow(self._buddy(self.tr("Â&ge :"), self.age), self.age)
        form.addRow("", self.age_hint)
        form.addRow("", self.handicap)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._buddy(self.tr("&Besoins :"), self.needs.filter_box))
        layout.addWidget(self.needs, stretch=1)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # --- values -------------------------------------------------------------------------------

    def clear(self) -> None:
        self.set_values(None, None, None, False, ())

    def set_values(
        self,
        commune: str | None,
        statut: str | None,
        age: int | None,
        handicap: bool,
        besoins: tuple[str, ...],
        tranche_age: str | None = None,
    ) -> None:
        self.commune.set_code(commune)
        self._show_commune()
        index = self.statut.findData(statut) if statut else 0
        self.statut.setCurrentIndex(max(index, 0))
        self.age.setValue(age if age is not None else NO_AGE)
        self.handicap.setChecked(handicap)
        self.needs.set_codes(besoins)
        self._band = tranche_age if tranche_age in TRANCHES_AGE else None
        if self._band in (None, "non-renseigne"):
            self._band = None
            self.age_hint.clear()
        else:
            self.age_hint.setText(
                self.tr(
                    "Tranche d'âge : {band} (l'âge exact, s'il est donné, la remplace)."
                ).format(band=TRANCHES_AGE[self._band])
            )

    def band(self) -> str | None:
        """The tranche d'âge sent from Accueil, while no exact age is typed."""
        return self._band if self.age_value() is None else None

    def statut_code(self) -> str | None:
        return self.statut.currentData()

    def age_value(self) -> int | None:
        return None if self.age.value() == NO_AGE else self.age.value()

    def profile(self, at: datetime) -> VisitorProfile:
        """The profile to suggest for; ProfileError says in French what is missing."""
        commune = self.commune.meant_code()
        if commune is None:
            raise ProfileError(
                self.tr("Indiquez la commune de la personne (nom, code postal ou code INSEE).")
            )
        statut = self.statut_code()
        if statut is None:
            raise ProfileError(self.tr("Choisissez le statut de la personne."))
        age = self.age_value()
        problem = age_problem(age, statut) if age is not None else None
        if problem is not None:
            self.age.setFocus(Qt.FocusReason.OtherFocusReason)
            raise ProfileError(problem.template, **problem.values)
        return VisitorProfile(
            commune=commune,
            statut=statut,
            besoins=self.needs.codes(),
            age=age,
            handicap=self.handicap.isChecked(),
            at=at,
            tranche_age=self._band if age is None else None,
        )

    def _show_commune(self) -> None:
        code = self.commune.meant_code()
        commune = self._geo.commune(code) if code else None
        if commune is not None:
            text = self.tr("Commune retenue : {commune}").format(commune=commune_label(commune))
        elif self.commune.text().strip():
            text = self.tr("Commune introuvable : vérifiez le nom ou le code postal.")
        else:
            text = ""
        self.commune_hint.setText(text)
