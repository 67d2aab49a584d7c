"""« Restaurer une sauvegarde » : the desk's backups with what each holds, restored on confirmation.

The restore runs on the window's background runner (database writes never overlap); the current
database is copied first, so the agent can undo a restore by restoring that copy, which the list
shows as « avant restauration ».
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.clock import local
from spro_desk.storage.backup import (
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    DAMAGED,
    BackupPreview,
    RestoreResult,
    parse_name,
    previews,
)
from spro_desk.storage.errors import StorageError
from spro_desk.storage.migrate import NewerDatabaseError
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.confirm import Confirm, ask
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.errors import message_box
from spro_desk.ui.common.widgets import OwnEnterDialog


def _kind_label(path: Path) -> str:
    listed = parse_name(path)
    kind = listed.kind if listed else ""
    labels = {
        BEFORE_RESTORE: QCoreApplication.translate("Backups", "avant restauration"),
        BEFORE_MIGRATION: QCoreApplication.translate("Backups", "avant mise à jour"),
        DAMAGED: QCoreApplication.translate("Backups", "base endommagée"),
    }
    return labels.get(kind, QCoreApplication.translate("Backups", "sauvegarde"))


def preview_title(info: BackupPreview) -> str:
    return QCoreApplication.translate("Backups", "{date} à {time} — {kind}").format(
        date=info.created_at.strftime("%d/%m/%Y"),
        time=info.created_at.strftime("%H:%M"),
        kind=_kind_label(info.path),
    )


def preview_text(info: BackupPreview) -> str:
    """What the backup holds, in words: the agent checks it before restoring."""
    last = local(info.last_contact_at) if info.last_contact_at else None
    last_text = (
        last.strftime("%d/%m/%Y %H:%M") if last else QCoreApplication.translate("Backups", "aucun")
    )
    return QCoreApplication.translate(
        "Backups",
        "Sauvegarde du {date}\nContacts : {contacts} · orientations : {referrals} · "
        "services de l'annuaire : {services}\nDernier contact : {last}\n"
        "Version du schéma : {schema} · taille : {size} Ko\nFichier : {name}",
    ).format(
        date=info.created_at.strftime("%d/%m/%Y %H:%M"),
        contacts=info.contacts,
        referrals=info.referrals,
        services=info.services,
        last=last_text,
        schema=info.schema_revision,
        size=max(info.size // 1024, 1),
        name=info.path.name,
    )


class BackupDialog(OwnEnterDialog):
    """Lists the backups (newest first) with a preview; restores the chosen one."""

    restored = Signal(object)  # RestoreResult

    def __init__(
        self, context: DeskContext, parent: QWidget | None = None, confirm: Confirm = ask
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.confirm = confirm
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        self.list = QListWidget()
        self.details = QLabel()
        self.status = StatusLabel()
        self.restore_button = QPushButton(self.tr("&Restaurer cette sauvegarde…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._previews: list[BackupPreview] = []
        self._build()
        self.reload()

    def _build(self) -> None:
        self.list.setAccessibleName(self.tr("Sauvegardes du poste"))
        for label in (self.details, self.status):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.restore_button.setAccessibleName(self.tr("Restaurer la sauvegarde choisie"))
        self.restore_button.setAccessibleDescription(
            self.tr("Remplace la base actuelle par cette sauvegarde, après en avoir gardé copie.")
        )
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(640, 420)

    def reload(self) -> None:
        self._previews = previews(self.context.database.path)
        self.list.clear()
        for info in self._previews:
            QListWidgetItem(preview_title(info), self.list)
        empty = not self._previews
        self.restore_button.setEnabled(not empty)
        if empty:
            self.details.setText(
                self.tr(
                    "Aucune sauvegarde pour l'instant : SPRO Desk en fait une chaque jour, la "
                    "première quelques instants après son ouverture."
                )
            )
        else:
            self.list.setCurrentRow(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_details(self, row: int) -> None:
        if 0 <= row < len(self._previews):
            self.details.setText(preview_text(self._previews[row]))

    def selected(self) -> BackupPreview | None:
        row = self.list.currentRow()
        return self._previews[row] if 0 <= row < len(self._previews) else None

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        from spro_desk.sync.branches import restore_outlook

        question = self.tr(
            "Remplacer la base actuelle par cette sauvegarde ?\n\n{preview}\n\n"
            "Ce qui a été saisi depuis n'y figure pas. Une copie de la base actuelle est "
            "gardée : la restaurer annule cette opération.\n\n{sync}"
        ).format(
            preview=preview_text(info),
            sync=restore_outlook(self.context.database.path, info.path).message(),
        )
        title = self.tr("Restaurer une sauvegarde")
        if not self.confirm(self, title, question, self.tr("Restaurer"), True):
            return
        self.restore(info.path)

    def restore(self, backup: Path) -> None:
        # Here, not at the top: the window imports this module as it attaches the database,
        # which a locked desk does before it loads the synchronisation (ui/common/startup.py).
        from spro_desk.sync.branches import restore_desk_backup
        from spro_desk.ui.common.background import Callbacks

        database = self.context.database
        self.restore_button.setEnabled(False)
        self.status.set_message(self.tr("Restauration en cours…"))
        # a desk with a sync history continues on a new branch (sync.branches)
        self.context.runner.submit(
            lambda _task: restore_desk_backup(database.path, backup, database.engine),
            Callbacks(on_result=self._restored, on_error=self._failed),
        )

    def _restored(self, restored: tuple[RestoreResult, object, object]) -> None:
        result = restored[0]
        self.context.database.gate.release(None)  # a damaged file was just replaced
        self.reload()
        self.status.set_message(
            self.tr(
                "Sauvegarde du {date} restaurée. La base d'avant est gardée : « {name} »."
            ).format(
                date=result.restored.created_at.strftime("%d/%m/%Y %H:%M"),
                name=result.previous_copy.name,
            )
        )
        navigator = self.context.navigator
        navigator.contacts_changed.emit()
        navigator.directory_changed.emit()
        self.restored.emit(result)

    def _failed(self, error: Exception) -> None:
        self.restore_button.setEnabled(bool(self._previews))
        if not isinstance(error, (StorageError, NewerDatabaseError)):
            raise error
        self.status.set_message(self.tr("Restauration impossible : %s") % error)
        message_box(
            self, QMessageBox.Icon.Warning, self.tr("Restauration impossible"), str(error)
        ).open()


def open_backup_dialog(
    context: DeskContext,
    parent: QWidget,
    on_restored: Callable[[RestoreResult], None] | None = None,
) -> BackupDialog:
    dialog = BackupDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_restored is not None:
        dialog.restored.connect(on_restored)
    dialog.open()
    return dialog
