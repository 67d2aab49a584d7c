"""The « Orientation » screen: the person's profile, ranked suggestions with their reasons,
and referral to a suggested service or to any service of the directory."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.directory.search import DirectorySearch
from spro_desk.orientation.profile import ProfileError
from spro_desk.orientation.suggest import Suggester, Suggestion, VisitorProfile
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.background import Callbacks, TaskContext, TaskRunner
from spro_desk.ui.common.context import DeskContext, OrientationRequest
from spro_desk.ui.common.errors import error_text
from spro_desk.ui.common.formatting import reason_words
from spro_desk.ui.common.keyboard import keyboard_splitter
from spro_desk.ui.common.screen import Screen
from spro_desk.ui.common.widgets import FittedColumns, setup_row_table
from spro_desk.ui.orientation.booking_controller import BookingController
from spro_desk.ui.orientation.profile_panel import ProfilePanel
from spro_desk.ui.orientation.referral_flow import Booking, PersonFacts
from spro_desk.ui.orientation.service_picker import ServicePickerDialog
from spro_desk.ui.orientation.suggestion_model import Choice, SuggestionColumn, SuggestionModel

log = logging.getLogger(__name__)

SUGGESTION_LIMIT = 10
_COLUMN_WIDTHS = {
    SuggestionColumn.RANG: 40,
    SuggestionColumn.SERVICE: 240,
    SuggestionColumn.STRUCTURE: 190,
    SuggestionColumn.COMMUNE: 110,
}
_REASONS_CHARS = 30  # of « Raisons » kept in view before the other columns narrow


class OrientationScreen(Screen):
    name = "orientation"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.contact_id: str | None = None
        self.profile = ProfilePanel(context.geo)
        self.model = SuggestionModel(self)
        self.table = self._make_table()
        self.reasons = self._make_reasons()
        self.message = StatusLabel()
        self.suggest_button = self._button(
            self.tr("&Suggérer"), self.tr("Chercher les services adaptés à ce profil (Entrée)")
        )
        self.new_button = self._button(
            self.tr("&Nouvelle personne"), self.tr("Vider le profil pour une autre personne")
        )
        self.orient_button = self._button(
            self.tr("&Orienter…"), self.tr("Orienter vers le service sélectionné (Ctrl+Entrée)")
        )
        self.other_button = self._button(
            self.tr("A&utre service…"), self.tr("Choisir n'importe quel service de l'annuaire")
        )
        self.picker: ServicePickerDialog | None = None
        self.booking = BookingController(context, self)
        # Its own thread: the directory's index (~1.5 s nationally) must not hold up the
        # desk's runner, whose saves and suggestions it would delay.
        self.preparing = TaskRunner(self)
        self._layout()
        self._shortcuts()
        self._connect()
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Orientation")

    # --- construction -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = setup_row_table(
            QTableView(),
            self.model,
            self.tr("Services suggérés"),
            self.tr("Du plus adapté au moins adapté ; Ctrl+Entrée oriente vers la ligne choisie."),
            _COLUMN_WIDTHS,
        )
        self.fitted_columns = FittedColumns(table, _COLUMN_WIDTHS, _REASONS_CHARS)
        return table

    def _make_reasons(self) -> QPlainTextEdit:
        # Plain text widget: reasons quote the directory and are never read as markup.
        reasons = QPlainTextEdit()
        reasons.setReadOnly(True)
        reasons.setMaximumHeight(reasons.fontMetrics().lineSpacing() * 9)
        reasons.setAccessibleName(self.tr("Pourquoi ce service"))
        reasons.setAccessibleDescription(
            self.tr("Les raisons de la suggestion, à lire à la personne.")
        )
        return reasons

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    def _layout(self) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.profile, stretch=1)
        profile_buttons = QHBoxLayout()
        profile_buttons.addWidget(self.suggest_button)
        profile_buttons.addWidget(self.new_button)
        left_column.addLayout(profile_buttons)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Suggestions (la personne choisit) :"))
        heading.setBuddy(self.table)
        for widget in (heading, self.message, self.table, self.reasons):
            right_column.addWidget(widget)
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(self.orient_button)
        action_buttons.addWidget(self.other_button)
        action_buttons.addStretch(1)
        right_column.addLayout(action_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        keyboard_splitter(splitter)  # Ctrl+Alt+Left/Right
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 35)
        splitter.setStretchFactor(1, 65)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)

    def _shortcuts(self) -> None:
        # Entrée anywhere in the profile suggests; Ctrl+Entrée anywhere on the screen refers.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            suggest = QShortcut(QKeySequence(key), self.profile)
            suggest.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            suggest.activated.connect(self.suggest)
            orient = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            orient.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            orient.activated.connect(self.orient)

    def _connect(self) -> None:
        self.suggest_button.clicked.connect(self.suggest)
        self.new_button.clicked.connect(self.new_person)
        self.orient_button.clicked.connect(self.orient)
        self.other_button.clicked.connect(self.pick_other_service)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # A reset selects nothing without saying so: the previous visitor's reasons must go.
        self.model.modelReset.connect(self._selection_changed)
        # Double-click only: a second Entrée after « Suggérer » must not open a booking.
        self.table.doubleClicked.connect(lambda _index: self.orient())
        self.booking.booked.connect(self._booked)
        self.booking.failed.connect(self._say)
        self.context.navigator.directory_changed.connect(self._directory_changed)

    # --- profile and suggestions --------------------------------------------------------------

    def load_request(self, request: OrientationRequest) -> None:
        """A person sent from Accueil (or elsewhere): fill the profile and suggest at once."""
        self.contact_id = request.contact_id
        self.profile.set_values(
            request.commune,
            request.statut,
            request.age,
            request.handicap,
            request.besoins,
            request.tranche_age,
        )
        self.model.set_choices([])
        self._say("")
        if request.commune and request.statut and request.besoins:
            self.suggest()
        else:
            self.profile.commune.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_person(self) -> None:
        self.contact_id = None
        self.profile.clear()
        self.model.set_choices([])
        self._say(self.tr("Profil vidé : saisissez la nouvelle personne."))
        self.profile.commune.setFocus(Qt.FocusReason.OtherFocusReason)

    def suggest(self) -> None:
        try:
            profile = self.profile.profile(self.context.clock())
        except ProfileError as error:
            self._say(error_text(error))
            return
        db, geo = self.context.database, self.context.geo
        area = self.profile.commune.prefer  # the catchment area, read when the screen showed

        def work(_task: TaskContext) -> list[Suggestion]:
            suggester = Suggester(db, geo, area, words=reason_words)
            return suggester.suggest(profile, limit=SUGGESTION_LIMIT)

        self.suggest_button.setEnabled(False)
        self._say(self.tr("Recherche des services adaptés…"))
        callbacks = Callbacks(
            on_result=lambda found: self._show_suggestions(profile, found),
            on_error=self._suggest_failed,
        )
        self.context.runner.submit(work, callbacks)

    def _show_suggestions(self, profile: VisitorProfile, found: list[Suggestion]) -> None:
        self.suggest_button.setEnabled(True)
        self.model.set_choices([Choice.from_suggestion(s) for s in found])
        if not found:
            self._say(self.tr(
                "Aucun service de l'annuaire ne répond à ces besoins pour cette commune : "
                "élargissez les besoins ou choisissez « Autre service… »."
            ))  # fmt: skip
            return
        self._say(self.tr("{n} services suggérés, du plus adapté au moins adapté.").format(
            n=len(found)
        ))  # fmt: skip
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(0)

    def _suggest_failed(self, error: Exception) -> None:
        self.suggest_button.setEnabled(True)
        if isinstance(error, ProfileError):
            self._say(error_text(error))
            return
        log.error("Suggestion failed", exc_info=error)
        self._say(
            self.tr(
                "Les suggestions n'ont pas pu être calculées. Réessayez ; si le "
                "problème continue, cherchez dans l'Annuaire."
            )
        )

    def pick_other_service(self) -> None:
        if self.picker is not None:
            self.picker.deleteLater()
        search = DirectorySearch(self.context.database, self.context.geo)
        dialog = ServicePickerDialog(search, self.context.clock, self)
        dialog.accepted.connect(lambda: self._picked(dialog))
        self.picker = dialog
        dialog.open()

    def _picked(self, dialog: ServicePickerDialog) -> None:
        summary = dialog.selected()
        if summary is None:
            return
        row = self.model.add_picked(summary)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(row)

    # --- referral -----------------------------------------------------------------------------

    def selected_choice(self) -> Choice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.choice(rows[0].row()) if rows else None

    def orient(self) -> None:
        choice = self.selected_choice()
        if choice is None:
            self._say(self.tr("Sélectionnez d'abord un service dans la liste des suggestions."))
            return
        person = self._person_facts(required=self.contact_id is None)
        if person is None and self.contact_id is None:
            return
        self.booking.start(choice, self.contact_id, person)

    def _person_facts(self, required: bool = True) -> PersonFacts | None:
        """A new contact needs at least a statut; the rest is recorded when known (for a contact
        recorded already, what was typed here completes it: its commune)."""
        statut = self.profile.statut_code()
        if statut is None and not required:
            return None
        if statut is None:
            self._say(self.tr("Choisissez le statut de la personne avant de l'orienter."))
            self.profile.statut.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return PersonFacts(
            statut=statut,
            commune=self.profile.commune.meant_code(),
            age=self.profile.age_value(),
            handicap=self.profile.handicap.isChecked(),
            besoins=self.profile.needs.codes(),
            tranche_age=self.profile.band(),
        )

    def _booked(self, booking: Booking) -> None:
        # Further referrals of this person attach to the same contact.
        self.contact_id = booking.contact_id
        slip = booking.slip
        name = slip.structure_nom if slip is not None else ""
        self._say(self.tr("Orientation enregistrée vers {structure}.").format(structure=name))

    def _selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.orient_button.setEnabled(bool(rows))
        self.reasons.setPlainText(self.model.reasons_text(rows[0].row()) if rows else "")

    def _directory_changed(self) -> None:
        self.model.set_choices([])
        self._say(self.tr("L'annuaire a été mis à jour : relancez la suggestion."))
        self._prepare_suggestions()

    def _prepare_suggestions(self) -> None:
        """Build the directory's index of candidates in the background, once per import: until
        it is there a suggestion ranks every candidate (as fast as before, never waiting)."""
        db = self.context.database

        def work(_task: TaskContext) -> None:
            Suggester(db).prepare()

        failed = Callbacks(on_error=lambda error: log.warning("suggestion index: %s", error))
        self.preparing.submit(work, failed)

    def _say(self, text: str) -> None:
        self.message.set_message(text)

    # --- lifetime -----------------------------------------------------------------------------

    def activate(self) -> None:
        from spro_desk.site.catchment import catchment_communes

        self.profile.commune.prefer = catchment_communes(self.context.site.get, self.context.geo)
        if not self.preparing.is_busy():
            self._prepare_suggestions()  # nothing to do once the latest import's is built
        if not self.profile.commune.text():
            self.profile.commune.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        if self.picker is not None:
            self.picker.done(0)
        self.booking.shutdown()
        self.preparing.shutdown()
