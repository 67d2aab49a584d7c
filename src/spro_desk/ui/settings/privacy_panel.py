"""Paramètres › « Données personnelles »: retention per purpose, idle lock, access-log retention
(the site manager changes them, within the bounds spro_desk.privacy.policy checks), the purge
on demand, and the access log's verification."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents.roles import Permission, can
from spro_desk.agents.sessions import AccessDenied, desk_session
from spro_desk.privacy.policy import (
    AFTER_CLOSURE_BOUNDS,
    AFTER_CONTACT_BOUNDS,
    AUDIT_BOUNDS,
    IDLE_BOUNDS,
    PURPOSES,
    PolicyError,
    PrivacyPolicy,
    Retention,
    load_policy,
    save_policy,
)
from spro_desk.privacy.purge import PurgeReport, last_purge
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.dates import short_datetime_fr
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.common.labels import purpose_label
from spro_desk.ui.common.widgets import field_label

if TYPE_CHECKING:
    from spro_desk.ui.lock.guard import PrivacyGuard


def _spin(bounds: tuple[int, int], suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(*bounds)
    spin.setSuffix(suffix)
    return spin


class PrivacyPanel(QGroupBox):
    policy_saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Données personnelles"))
        self._db = db
        self._guard: PrivacyGuard | None = None
        months, minutes = self.tr(" mois"), self.tr(" min")
        self.retention: dict[str, tuple[QSpinBox, QSpinBox]] = {
            purpose: (
                _spin(AFTER_CLOSURE_BOUNDS, months),
                _spin(AFTER_CONTACT_BOUNDS, months),
            )
            for purpose in PURPOSES
        }
        self.idle = _spin(IDLE_BOUNDS, minutes)
        self.audit = _spin(AUDIT_BOUNDS, months)
        self.save_button = QPushButton(self.tr("Enregistrer ces durées"))
        self.purge_button = QPushButton(self.tr("Lancer la &purge maintenant"))
        self.verify_button = QPushButton(self.tr("&Vérifier le journal d'accès"))
        self.status = StatusLabel()
        self.last = QLabel()
        for label in (self.status, self.last):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.save_button.setAccessibleName(self.tr("Enregistrer les durées de conservation"))
        self.purge_button.setAccessibleName(self.tr("Lancer la purge maintenant"))
        self.purge_button.setAccessibleDescription(
            self.tr("Efface tout de suite les données personnelles dont la durée est passée.")
        )
        self.verify_button.setAccessibleName(self.tr("Vérifier le journal d'accès"))
        self._layout()
        self.save_button.clicked.connect(self.save)
        self.purge_button.clicked.connect(self.purge)
        self.verify_button.clicked.connect(self.verify)
        self.load()

    def _layout(self) -> None:
        form = QFormLayout()
        for purpose, (closure, contact) in self.retention.items():
            heading = QLabel(purpose_label(purpose))
            heading.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(heading)
            # The same two rows repeat per purpose: the name says which one it is.
            after = f" — {purpose_label(purpose)}"
            self._row(form, self.tr("Effacées après la clôture de l'orientation :"), closure, after)
            self._row(form, self.tr("Effacées au plus tard après le contact :"), contact, after)
        self._row(form, self.tr("Verrouiller le poste après :"), self.idle)
        self._row(form, self.tr("Garder le journal d'accès :"), self.audit)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.purge_button, self.verify_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.last)

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget, after: str = "") -> None:
        form.addRow(field_label(text, field, after), field)

    def bind_guard(self, guard: PrivacyGuard) -> None:
        """The window's purge runs off the UI thread; its result is shown here."""
        self._guard = guard
        guard.purge_done.connect(self._purged)

    # --- behaviour ----------------------------------------------------------------------------

    def _may(self, permission: Permission) -> bool:
        agent = desk_session(self._db).agent
        if agent is None:
            from spro_desk.agents.accounts import has_agents

            return not has_agents(self._db)  # a desk without accounts yet
        return can(agent.role, permission)

    def load(self) -> None:
        policy = load_policy(self._db)
        for purpose, (closure, contact) in self.retention.items():
            retention = policy.for_purpose(purpose)
            closure.setValue(retention.after_closure_months)
            contact.setValue(retention.after_contact_months)
        self.idle.setValue(policy.idle_minutes)
        self.audit.setValue(policy.audit_months)
        editable = self._may(Permission.CHANGE_PRIVACY_POLICY)
        for widget in (*[s for pair in self.retention.values() for s in pair], self.idle,
                       self.audit, self.save_button):  # fmt: skip
            widget.setEnabled(editable)
        self.verify_button.setEnabled(self._may(Permission.READ_AUDIT))
        self.purge_button.setEnabled(self._may(Permission.RUN_PURGE))
        if not editable:
            self.status.set_message(
                self.tr("Seul·e la ou le responsable de site change ces durées.")
            )
        self._show_last(last_purge(self._db))

    def edited_policy(self) -> PrivacyPolicy:
        policy = PrivacyPolicy(idle_minutes=self.idle.value(), audit_months=self.audit.value())
        for purpose, (closure, contact) in self.retention.items():
            policy = policy.with_retention(purpose, Retention(closure.value(), contact.value()))
        return policy

    def save(self) -> bool:
        try:
            save_policy(self._db, self.edited_policy())
        except (PolicyError, AccessDenied) as error:
            self.status.set_message(str(error))
            return False
        self.status.set_message(self.tr("Durées enregistrées."))
        self.policy_saved.emit()
        return True

    def purge(self) -> None:
        if self._guard is None:
            return
        self.status.set_message(self.tr("Purge en cours…"))
        self._guard.purge_now()

    def _purged(self, report: PurgeReport) -> None:
        # Plurals by count_phrase, like the rest of the interface (one message per form).
        erased = count_phrase(
            report.erased,
            self.tr("Purge faite : données de {n} personne effacées."),
            self.tr("Purge faite : données de {n} personnes effacées."),
        )
        self.status.set_message(
            f"{erased}\n{report.audit_problem}" if report.audit_problem else erased
        )
        self._show_last(report.as_json())

    def _show_last(self, record: dict[str, Any] | None) -> None:
        if record is None:
            self.last.setText(self.tr("Aucune purge encore faite sur ce poste."))
            return
        kept = count_phrase(
            int(record["kept"]),
            self.tr("{n} personne dont les données restent"),
            self.tr("{n} personnes dont les données restent"),
        )
        when = short_datetime_fr(datetime.fromisoformat(record["ran_at"]))  # the site's clock
        self.last.setText(self.tr("Dernière purge : {when} ; {kept}.").format(when=when, kept=kept))

    def verify(self) -> None:
        check = audit_log(self._db).verify()
        self.status.set_message(check.message())
