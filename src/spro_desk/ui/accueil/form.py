"""The contact form: anonymous fields first, the personal ones behind the consent box."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from spro_desk.clock import wall_clock
from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.ui.accueil import defaults
from spro_desk.ui.accueil.consent import ConsentBox
from spro_desk.ui.accueil.keyed import KeyedCheckList, KeyedComboBox, keys_hint
from spro_desk.ui.accueil.needs_field import NeedsField
from spro_desk.ui.common import labels
from spro_desk.ui.common.commune_field import CommuneField, GeographySource
from spro_desk.ui.common.keyboard import OneStopDateTimeEdit

if TYPE_CHECKING:  # the service (SQLAlchemy) loads after the window is shown
    from spro_desk.contacts.service import ContactView

MAX_DUREE = 24 * 60


def local_wall_time(moment: datetime) -> datetime:
    """Stored times are aware; the form shows the desk's wall clock."""
    return wall_clock(moment) if moment.tzinfo else moment


class ContactForm(QWidget):
    def __init__(
        self, geo: GeographySource, frequent_needs: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.statut = KeyedComboBox(labels.STATUTS)
        self.statut.setPlaceholderText(self.tr("Une touche : S, E, A, J, D…"))
        self.tranche_age = KeyedComboBox(labels.TRANCHES_AGE)
        self.sexe = KeyedComboBox(labels.SEXES)
        self.handicap = KeyedComboBox(labels.HANDICAPS)
        self.commune = CommuneField(geo)
        self.commune.setPlaceholderText(self.tr("Nom ou code postal…"))
        self.besoins = NeedsField(frequent_needs)
        self.reponses = KeyedCheckList(labels.REPONSES)
        self.canal = KeyedComboBox(labels.CANAUX)
        self.lieu = QComboBox()
        self.lieu.setEditable(True)
        # A long place name (typed in Paramètres) must not widen the whole window.
        self.lieu.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lieu.setMinimumContentsLength(16)
        self.when = OneStopDateTimeEdit()  # one Tab stop; the arrows move between sections
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.duree = QSpinBox()
        self.duree.setRange(0, MAX_DUREE)
        self.duree.setSuffix(self.tr(" min"))
        self.duree.setSpecialValueText(self.tr("non renseignée"))
        self.consent = ConsentBox()
        self.edit_note = QLabel()
        self._when_edited = False
        self._baseline: tuple[object, ...] = ()
        self._personal_baseline: PersonalDataInput | None = None
        self._layout()
        self._describe()
        self._set_tab_order()
        self.canal.currentIndexChanged.connect(self._canal_changed)
        self.when.dateTimeChanged.connect(self._when_changed)

    # --- construction -------------------------------------------------------------------------

    def _group(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget.search if isinstance(widget, NeedsField) else widget)
            form.addRow(label, widget)
        return group

    def _layout(self) -> None:
        # What every contact needs comes first, in Tab order too; the optional details follow.
        essentiel = self._group(
            self.tr("L'essentiel"),
            [
                (self.tr("&Statut :"), self.statut),
                (self.tr("&Besoins :"), self.besoins),
                (self.tr("&Réponses :"), self.reponses),
            ],
        )
        personne = self._group(
            self.tr("La personne (facultatif)"),
            [
                (self.tr("Tranche d'â&ge :"), self.tranche_age),
                (self.tr("Se&xe :"), self.sexe),
                (self.tr("&Handicap :"), self.handicap),
                (self.tr("Co&mmune :"), self.commune),
            ],
        )
        contact = self._group(
            self.tr("Le contact"),
            [
                (self.tr("&Canal :"), self.canal),
                (self.tr("&Lieu :"), self.lieu),
                (self.tr("Date et he&ure :"), self.when),
                (self.tr("&Durée :"), self.duree),
            ],
        )
        self.reponses.ensurePolished()  # row heights follow the style: measure them after it
        rows = self.reponses.sizeHintForRow(0) * self.reponses.count()
        self.reponses.setFixedHeight(rows + 2 * self.reponses.frameWidth())
        self.edit_note.setWordWrap(True)
        self.edit_note.hide()
        self._groups = (essentiel, personne, contact)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._two_columns_width = 0
        self.arrange(2)

    def arrange(self, columns: int) -> None:
        """Two columns when they fit, else one: the walk-in fields never scroll sideways
        (1024 × 768, 200 %)."""
        if columns == self._columns:
            return
        grid = self._grid
        essentiel, personne, contact = self._groups
        parts: tuple[QWidget, ...] = (*self._groups, self.edit_note, self.consent)
        for part in parts:
            grid.removeWidget(part)
        for row in range(6):
            grid.setRowStretch(row, 0)
        if columns == 2:
            grid.addWidget(essentiel, 0, 0, 2, 1)
            grid.addWidget(personne, 0, 1)
            grid.addWidget(contact, 1, 1)
            grid.addWidget(self.edit_note, 2, 0, 1, 2)
            grid.addWidget(self.consent, 3, 0, 1, 2)
            grid.setRowStretch(4, 1)
        else:
            for row, part in enumerate(parts):
                grid.addWidget(part, row, 0)
            grid.setRowStretch(5, 1)
        self._columns = columns
        grid.activate()
        if columns == 2:
            self._two_columns_width = grid.minimumSize().width()

    def fit_width(self, available: int) -> None:
        """Arrange for `available` pixels (the scroll area's viewport)."""
        if not self._two_columns_width:
            self.arrange(2)
        self.arrange(2 if available >= self._two_columns_width else 1)

    def _describe(self) -> None:
        keyed = (
            (self.statut, self.tr("Statut"), labels.STATUTS),
            (self.tranche_age, self.tr("Tranche d'âge"), labels.TRANCHES_AGE),
            (self.sexe, self.tr("Sexe (déclaré, facultatif)"), labels.SEXES),
            (self.handicap, self.tr("Situation de handicap"), labels.HANDICAPS),
            (self.canal, self.tr("Canal"), labels.CANAUX),
        )
        for widget, name, choices in keyed:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(self.tr("Une touche choisit : %s") % keys_hint(choices))
            widget.setToolTip(widget.accessibleDescription())
        self.reponses.setAccessibleName(self.tr("Réponses données"))
        self.reponses.setAccessibleDescription(
            self.tr("Une touche coche ou décoche : %s") % keys_hint(labels.REPONSES)
        )
        self.reponses.setToolTip(self.reponses.accessibleDescription())
        self.commune.setAccessibleName(self.tr("Commune de résidence"))
        self.commune.setAccessibleDescription(
            self.tr("Tapez le nom (accents facultatifs) ou le code postal, puis Entrée.")
        )
        besoins = self.tr("Besoins")
        self.besoins.setAccessibleName(besoins)
        self.besoins.search.setAccessibleName(besoins)  # the field the label focuses
        self.lieu.setAccessibleName(self.tr("Lieu de la permanence"))
        self.lieu.setAccessibleDescription(self.tr("Actif seulement pour le canal Permanence."))
        self.when.setAccessibleName(self.tr("Date et heure du contact"))
        self.when.setAccessibleDescription(
            self.tr("Par défaut, l'heure de l'enregistrement ; modifiable pour une saisie tardive.")
        )
        self.duree.setAccessibleName(self.tr("Durée en minutes"))
        self.duree.setAccessibleDescription(self.tr("Facultative ; 0 signifie non renseignée."))

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.statut,
            self.besoins.search,
            self.besoins.chosen_list,
            self.reponses,
            self.tranche_age,
            self.sexe,
            self.handicap,
            self.commune,
            self.canal,
            self.lieu,
            self.when,
            self.duree,
            self.consent.consent,
            *self.consent.personal_widgets(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def first_field(self) -> QWidget:
        return self.statut

    def last_field(self) -> QWidget:
        return self.consent.note

    # --- state --------------------------------------------------------------------------------

    def _canal_changed(self, _index: int) -> None:
        self.lieu.setEnabled(self.canal.code() == "permanence")

    def _when_changed(self, _moment: QDateTime) -> None:
        self._when_edited = True

    def _set_when(self, moment: datetime, edited: bool) -> None:
        self.when.blockSignals(True)
        self.when.setDateTime(moment.replace(microsecond=0))  # type: ignore[arg-type]  # PySide converts datetime
        self.when.blockSignals(False)
        self._when_edited = edited

    def follow_clock(self, now: datetime) -> None:
        """The time shown moves on with the clock until the agent changes it."""
        if not self._when_edited:
            self._set_when(now, edited=False)

    def set_permanences(self, places: Sequence[str]) -> None:
        current = self.lieu.currentText()
        self.lieu.clear()
        self.lieu.addItems(list(places))
        self.lieu.setCurrentText(current or (places[0] if places else ""))

    def reset(self, canal: str, now: datetime) -> None:
        """A blank form for the next person; the permanence place is kept for the session."""
        self.statut.set_code(None)
        self.tranche_age.set_code("non-renseigne")
        self.sexe.set_code("non-renseigne")
        self.handicap.set_code(labels.HANDICAP_NOT_ASKED)
        self.commune.set_code(None)
        self.besoins.clear()
        self.reponses.set_codes(defaults.DEFAULT_REPONSES)
        self.canal.set_code(canal)
        self.duree.setValue(0)
        self._set_when(now, edited=False)
        self.consent.reset()
        self.show_editing(None)
        self._canal_changed(self.canal.currentIndex())
        self._baseline = self._values()

    def _values(self) -> tuple[object, ...]:
        return (
            self.statut.code(),
            self.tranche_age.code(),
            self.sexe.code(),
            self.handicap.code(),
            self.commune.text().strip(),
            self.besoins.codes(),
            self.reponses.codes(),
            self.duree.value(),
            self.canal.code(),
            self.lieu.currentText(),
            self.when.dateTime() if self._when_edited else None,
            self.consent.is_given(),
            self.consent.personal(),
        )

    def anonymous_state(self) -> dict[str, object]:
        """The anonymous fields, for the draft kept across a crash (never the personal ones)."""
        return {
            "statut": self.statut.code(),
            "tranche_age": self.tranche_age.code(),
            "sexe": self.sexe.code(),
            "handicap": self.handicap.code(),
            "commune": self.commune.value(),
            "besoins": list(self.besoins.codes()),
            "reponses": list(self.reponses.codes()),
            "canal": self.canal.code(),
            "lieu": self.lieu.currentText(),
            "duree": self.duree.value(),
        }

    def _edited_moment(self) -> datetime:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)  # a QDateTime converts to a datetime
        return moment

    def restore_state(self, state: dict[str, object]) -> None:
        """Refill the anonymous fields from a draft; unknown values are left as they are."""
        for name in ("statut", "tranche_age", "sexe", "handicap", "canal"):
            if isinstance(state.get(name), str):
                getattr(self, name).set_code(state[name])
        self._canal_changed(self.canal.currentIndex())
        lieu, commune, duree = state.get("lieu"), state.get("commune"), state.get("duree")
        if isinstance(lieu, str) and lieu:
            self.lieu.setCurrentText(lieu)
        if isinstance(commune, str):
            self.commune.set_code(commune)
        for name in ("besoins", "reponses"):
            codes = state.get(name)
            if isinstance(codes, list):
                getattr(self, name).set_codes([c for c in codes if isinstance(c, str)])
        if isinstance(duree, int):
            self.duree.setValue(duree)

    def has_changes(self) -> bool:
        """Whether anything was typed since the form was reset or loaded."""
        return self._values() != self._baseline

    def load(self, contact: ContactView) -> None:
        """Fill the form with a recorded contact to correct it."""
        self.statut.set_code(contact.statut)
        self.tranche_age.set_code(contact.tranche_age)
        self.sexe.set_code(contact.sexe)
        self.handicap.set_code(labels.handicap_code(contact.handicap))
        self.commune.set_code(contact.commune)
        self.besoins.set_codes(contact.besoins)
        self.reponses.set_codes(contact.reponses)
        self.canal.set_code(contact.canal)
        self._canal_changed(self.canal.currentIndex())
        if contact.lieu:
            self.lieu.setCurrentText(contact.lieu)
        self.duree.setValue(contact.duree or 0)
        self._set_when(local_wall_time(contact.occurred_at), edited=True)
        self.consent.reset()
        self._personal_baseline = None
        self.show_editing(contact)
        self._baseline = self._values()

    def load_personal(self, values: PersonalDataInput | None) -> None:
        """The person's details, opened for an allowed agent, to correct them; None: the agent
        may not see them, so they stay as they are."""
        self.consent.load(values)
        self._personal_baseline = self.consent.personal() if values is not None else None
        if values is None:
            self.edit_note.setText(
                self.edit_note.text()
                + " "
                + self.tr("Ses coordonnées enregistrées restent inchangées.")
            )
        self._baseline = self._values()

    def refuse_personal(self, why: str) -> None:
        """A contact saved anonymously, to which no details may be added (the agent's role, or
        its data was erased): `why`, said after the note."""
        self.consent.load(None)
        self.edit_note.setText(self.edit_note.text() + " " + why)
        self._baseline = self._values()

    def personal_changed(self) -> PersonalDataInput | None:
        """The details to store when they were added or corrected in this form, else None."""
        typed = self.consent.personal()
        if typed is None or not self.consent.isEnabled() or typed == self._personal_baseline:
            return None
        return typed

    def show_editing(self, contact: ContactView | None) -> None:
        """A correction may add the consent and details the person gives now (contact saved
        anonymously) or correct them; erasing them is « Effacer les données de cette personne »."""
        self.consent.setEnabled(True)
        self.consent.consent.setEnabled(True)
        self.edit_note.setVisible(contact is not None)
        if contact is None:
            return
        when = local_wall_time(contact.occurred_at).strftime("%H:%M")
        self.edit_note.setText(self.tr("Modification du contact de %s.") % when)

    def contact_input(self, now: datetime, agent: str | None, site: str | None) -> ContactInput:
        """What the form says, for the domain to check; `now` when the time was not edited."""
        canal = self.canal.code() or ""
        return ContactInput(
            canal=canal,
            statut=self.statut.code() or "",
            tranche_age=self.tranche_age.code() or "non-renseigne",
            sexe=self.sexe.code() or "non-renseigne",
            handicap=labels.handicap_value(self.handicap.code() or ""),
            commune=self.commune.value(),
            besoins=self.besoins.codes(),
            reponses=self.reponses.codes(),
            duree=self.duree.value() or None,
            lieu=(self.lieu.currentText().strip() or None) if canal == "permanence" else None,
            occurred_at=self._edited_moment() if self._when_edited else now,
            agent=agent,
            site=site,
            personal=self.consent.personal(),
            consent=ConsentInput(agent=agent) if self.consent.is_given() else None,
        )
