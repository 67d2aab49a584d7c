"""Booking a referral: information only, or a rendez-vous checked against the opening hours."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.clock import partner_clock, site_clock
from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.hours import Hours
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.dates import interface_locale, long_datetime_fr
from spro_desk.ui.common.errors import message_box
from spro_desk.ui.common.formatting import one_line, opening_week
from spro_desk.ui.common.typed_time import TypedDateEdit, TypedTimeEdit, combined
from spro_desk.ui.common.widgets import plain_label

# Without known hours the proposed rendez-vous is the next working morning.
_DEFAULT_HOUR = 9
# Further ahead is a typing slip (2078 for 2026), never a real appointment.
MAX_DAYS_AHEAD = 366


def next_opening(hours: Hours, moment: datetime, code_insee: str | None) -> datetime | None:
    """The next opening of a service in that commune after `moment`, both on the site's clock
    (the hours are the service's own wall clock: 9:00 in Bourges is 12:00 in Saint-Denis)."""
    opening = hours.next_opening(partner_clock(moment, code_insee))
    return site_clock(opening, code_insee) if opening is not None else None


def default_rdv(hours: Hours, now: datetime, code_insee: str | None = None) -> datetime:
    """The service's next opening, else tomorrow morning: a start the agent adjusts."""
    opening = next_opening(hours, now, code_insee)
    if opening is not None:
        return opening
    return (now + timedelta(days=1)).replace(hour=_DEFAULT_HOUR, minute=0, second=0, microsecond=0)


class BookingDialog(QDialog):
    """Modal to the window but non-blocking (open()); `accepted` carries on the booking."""

    def __init__(
        self,
        summary: ServiceSummary,
        *,
        has_consent: bool,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self._hours = Hours.parse(summary.horaires)
        self._now = now
        self._confirmed_closed = False
        self.closed_warning: QMessageBox | None = None
        self.setWindowTitle(self.tr("Orienter vers ce service"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.information = QRadioButton(
            self.tr("&Information : l'adresse est remise à la personne")
        )
        self.rendez_vous = QRadioButton(self.tr("&Rendez-vous pris pour la personne"))
        self.date, self.time = self._make_when()
        self.hours_status = StatusLabel()  # « ouvert à ce moment » is announced as it changes
        # Room for the longest warning from the start: the dialog does not jump as dates change.
        self.hours_status.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.hours_status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.consent_note = plain_label("", self.tr("Données personnelles"))
        self.buttons = self._make_buttons()
        self._describe(has_consent)
        self._layout()
        group = QButtonGroup(self)
        group.addButton(self.information)
        group.addButton(self.rendez_vous)
        self.information.setChecked(True)
        self.rendez_vous.toggled.connect(self._type_changed)
        self.date.dateChanged.connect(self._moment_changed)
        self.time.timeChanged.connect(self._moment_changed)
        self._type_changed(False)

    # --- construction -------------------------------------------------------------------------

    def _make_when(self) -> tuple[TypedDateEdit, TypedTimeEdit]:
        day, hour = TypedDateEdit(), TypedTimeEdit()
        self.weekday = plain_label("", self.tr("Jour de la semaine du rendez-vous"))
        day.dateChanged.connect(
            lambda d: self.weekday.setText(interface_locale().toString(d, "dddd"))
        )
        self.set_moment(default_rdv(self._hours, self._now, self.summary.code_insee), day, hour)
        day.setAccessibleName(self.tr("Date du rendez-vous"))
        day.setAccessibleDescription(
            self.tr("Tapez le jour puis le mois (1203 : 12 mars) ; Alt+Bas : calendrier.")
        )
        hour.setAccessibleName(self.tr("Heure du rendez-vous"))
        hour.setAccessibleDescription(self.tr("Tapez l'heure et les minutes : 1430 pour 14 h 30."))
        return day, hour

    def set_moment(
        self,
        moment: datetime,
        day: TypedDateEdit | None = None,
        hour: TypedTimeEdit | None = None,
    ) -> None:
        (day or self.date).set_value(moment.date())
        (hour or self.time).set_value(moment.time())

    def _make_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Enregistrer l'orientation"))
        ok.setAccessibleName(self.tr("Enregistrer l'orientation"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler"))
        cancel.setAccessibleName(self.tr("Annuler sans rien enregistrer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _describe(self, has_consent: bool) -> None:
        self.rendez_vous.setAccessibleDescription(
            self.tr("L'heure choisie est comparée aux horaires d'ouverture du service.")
        )
        if has_consent:
            note = self.tr(
                "La personne a donné son accord : son nom peut figurer sur la fiche de liaison "
                "et être communiqué au service."
            )
        else:
            note = self.tr(
                "Pas de consentement enregistré : aucune donnée personnelle n'est transmise ni "
                "imprimée, la fiche de liaison reste anonyme. Pour prendre un rendez-vous au nom "
                "de la personne, recueillez d'abord son accord dans l'écran Accueil."
            )
        self.consent_note.setText(note)

    def _layout(self) -> None:
        title = plain_label("", self.tr("Service choisi"))
        title.setText(
            f"{one_line(self.summary.service_nom)}\n{one_line(self.summary.structure_nom)}"
        )
        hours = plain_label("", self.tr("Horaires d'ouverture du service"))
        hours.setText("\n".join(opening_week(self._hours, self.summary.code_insee)))
        form = QFormLayout()
        form.addRow(self.tr("Service :"), title)
        form.addRow(self.tr("Horaires :"), hours)
        when_label = QLabel(self.tr("&Date :"))
        when_label.setBuddy(self.date)
        time_label = QLabel(self.tr("&Heure :"))
        time_label.setBuddy(self.time)
        when = QHBoxLayout()
        for widget in (self.date, self.weekday, time_label, self.time):
            when.addWidget(widget)
        when.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # The legend a screen reader gives before the choices (RGAA 11.5).
        kind = QGroupBox(self.tr("Type d'orientation"))
        choices = QVBoxLayout(kind)
        choices.addWidget(self.information)
        choices.addWidget(self.rendez_vous)
        layout.addWidget(kind)
        row = QFormLayout()
        row.addRow(when_label, when)
        layout.addLayout(row)
        layout.addWidget(self.hours_status)
        layout.addWidget(self.consent_note)
        layout.addWidget(self.buttons)

    # --- behaviour ----------------------------------------------------------------------------

    def rdv_at(self) -> datetime | None:
        """The chosen moment, naive local time like the desk's clock; None for information."""
        if not self.rendez_vous.isChecked():
            return None
        return combined(self.date, self.time)

    def impossible(self) -> str | None:
        """A moment no confirmation can keep (a year typed wrong), in French."""
        moment = self.rdv_at()
        if moment is None or (moment.date() - self._now.date()).days <= MAX_DAYS_AHEAD:
            return None
        return self.tr(
            "Le {day} est à plus d'un an : vérifiez l'année (un rendez-vous se prend au plus "
            "un an à l'avance)."
        ).format(day=moment.strftime("%d/%m/%Y"))

    def _is_open(self, moment: datetime) -> bool | None:
        return self._hours.is_open(partner_clock(moment, self.summary.code_insee))

    def moment_problem(self) -> str | None:
        """What is wrong with the chosen moment, in French; None when it looks right."""
        moment = self.rdv_at()
        if moment is None:
            return None
        impossible = self.impossible()
        if impossible is not None:
            return impossible
        if moment < self._now:
            return self.tr("Ce moment est déjà passé : choisissez une date à venir.")
        if self._is_open(moment) is not False:
            return None
        opening = next_opening(self._hours, moment, self.summary.code_insee)
        if opening is None:
            detail = self.tr("aucune ouverture connue dans les deux semaines qui suivent.")
        else:
            detail = self.tr("il ouvre le {moment}.").format(moment=long_datetime_fr(opening))
        return self.tr("Le service est fermé à ce moment : {detail}").format(detail=detail)

    def _type_changed(self, _checked: bool) -> None:
        booked = self.rendez_vous.isChecked()
        for widget in (self.date, self.time):
            widget.setEnabled(booked)
        self._moment_changed()
        if booked and self.isVisible():
            # The proposed day is usually right: the hour is what the agent types next.
            self.time.setFocus(Qt.FocusReason.TabFocusReason)

    def _moment_changed(self) -> None:
        self._confirmed_closed = False
        self.hours_status.set_message(self._status_text())
        # Bold rather than a colour: it stays visible under a high-contrast palette.
        font = self.hours_status.font()
        font.setBold(self.moment_problem() is not None)
        self.hours_status.setFont(font)

    def _status_text(self) -> str:
        moment = self.rdv_at()
        if moment is None:
            return ""
        problem = self.moment_problem()
        if problem is not None:
            return problem
        if self._is_open(moment) is None:
            return self.tr(
                "Horaires non renseignés ou incertains : confirmez l'heure avec le service."
            )
        return self.tr("Le service est ouvert à ce moment.")

    def accept(self) -> None:
        if self.impossible() is not None:
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = self.moment_problem()
        if problem is None or self._confirmed_closed:
            super().accept()
            return
        self._ask_confirmation(problem)

    def _ask_confirmation(self, problem: str) -> None:
        box = message_box(
            self, QMessageBox.Icon.Warning, self.tr("Vérifier le rendez-vous"),
            self.tr("{problem}\n\nGarder ce moment quand même ?").format(problem=problem),
        )  # fmt: skip
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Garder ce moment"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Changer l'heure"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._confirmation_answered)
        self.closed_warning = box
        box.open()

    def _confirmation_answered(self, answer: int) -> None:
        self.closed_warning = None
        if answer == QMessageBox.StandardButton.Yes:
            self._confirmed_closed = True
            super().accept()
        else:
            self.time.setFocus(Qt.FocusReason.OtherFocusReason)
