"""From « Orienter » to the fiche de liaison: booking dialog, recording, slip dialog.

The recording runs on the background runner, after any import that holds the database, so
the window keeps answering; the dialogs are opened non-blocking and kept as attributes so that
a test (or a screen reader) can reach them.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from spro_desk.contacts.model import ContactError
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.orientation.booking_dialog import BookingDialog
from spro_desk.ui.orientation.referral_flow import (
    Booking,
    BookingRequest,
    PersonFacts,
    book,
    has_consent,
)
from spro_desk.ui.orientation.slip_dialog import SlipDialog
from spro_desk.ui.orientation.suggestion_model import Choice

log = logging.getLogger(__name__)


class BookingController(QObject):
    booked = Signal(object)  # Booking
    failed = Signal(str)  # a French message for the agent

    def __init__(self, context: DeskContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._context = context
        self._parent = parent_widget
        self.booking_dialog: BookingDialog | None = None
        self.slip_dialog: SlipDialog | None = None
        self.busy = False

    def start(self, choice: Choice, contact_id: str | None, person: PersonFacts | None) -> None:
        """Ask how to refer (information or rendez-vous); recording follows on acceptance."""
        now = self._context.clock()
        consent = has_consent(self._context.contacts, contact_id)
        if self.booking_dialog is not None:
            self.booking_dialog.deleteLater()
        dialog = BookingDialog(choice.summary, has_consent=consent, now=now, parent=self._parent)
        dialog.accepted.connect(lambda: self._record(choice, contact_id, person, dialog, now))
        self.booking_dialog = dialog
        dialog.open()

    def _record(
        self,
        choice: Choice,
        contact_id: str | None,
        person: PersonFacts | None,
        dialog: BookingDialog,
        now: datetime,
    ) -> None:
        request = BookingRequest(
            contact_id=contact_id,
            person=person,
            service_id=choice.summary.service_id,
            rdv_at=dialog.rdv_at(),
            motif=tuple(choice.reasons),
            now=now,
        )
        context = self._context

        def work(_task: TaskContext) -> Booking:
            return book(context.contacts, context.site_settings, request)

        self.busy = True
        context.runner.submit(work, Callbacks(on_result=self._recorded, on_error=self._failed))

    def _recorded(self, booking: Booking) -> None:
        self.busy = False
        self._context.navigator.contacts_changed.emit()
        self.booked.emit(booking)
        if booking.slip is not None:
            self.offer_slip(booking)

    def offer_slip(self, booking: Booking) -> None:
        assert booking.slip is not None
        issuer = self._context.site.get("site.nom") or None
        # A dialog still writing its PDF stays alive until its callback has run.
        if self.slip_dialog is not None and not self.slip_dialog.busy:
            self.slip_dialog.deleteLater()
        dialog = SlipDialog(
            booking.slip,
            runner=self._context.runner,
            settings=self._context.qsettings,
            issuer=issuer,
            parent=self._parent,
        )
        self.slip_dialog = dialog
        dialog.open()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, ContactError):
            message = str(error)
        else:
            log.error("Recording a referral failed", exc_info=error)
            message = self.tr(
                "L'orientation n'a pas pu être enregistrée. Réessayez dans un instant ; si le "
                "problème continue, notez l'adresse du service pour la personne."
            )
        self.failed.emit(message)

    def shutdown(self) -> None:
        for dialog in (self.booking_dialog, self.slip_dialog):
            if dialog is not None:
                dialog.close()
