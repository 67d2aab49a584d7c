"""The « Paramètres » screen: a form generated from the declared settings, and the directory."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.directory.catalog import directory_info
from spro_desk.site.settings import (
    SETTINGS,
    SettingError,
    SettingSpec,
    apply_site_zone,
    spec,
    zone_saved,
)
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.display import DisplayPanel
from spro_desk.ui.common.errors import error_text
from spro_desk.ui.common.import_flow import DirectoryImportController
from spro_desk.ui.common.screen import Screen
from spro_desk.ui.common.setting_editors import SettingEditor, ZoneEditor, make_editor
from spro_desk.ui.common.setting_labels import section_title, setting_hint, setting_label
from spro_desk.ui.settings.directory_panel import DirectoryPanel

if TYPE_CHECKING:
    from spro_desk.ui.lock.guard import PrivacyGuard

FORM_WIDTH_EM = 100
TWO_COLUMNS_EM = 150


class SettingsScreen(Screen):
    name = "parametres"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.editors: dict[str, SettingEditor] = {
            s.key: make_editor(s, context.geo) for s in SETTINGS if s.shown
        }
        zone, commune = self.editors.get("site.zone"), self.editors.get("site.commune")
        if isinstance(zone, ZoneEditor) and commune is not None:
            zone.home = commune.value  # names shared by a commune and an area read from there
        self.save_button = QPushButton(self.tr("&Enregistrer"))
        self.revert_button = QPushButton(self.tr("Rétablir"))
        self.backup_button = QPushButton(self.tr("Restaurer une &sauvegarde…"))
        self.backup_button.setAccessibleName(self.tr("Restaurer une sauvegarde"))
        self.backup_button.setAccessibleDescription(
            self.tr("Les sauvegardes du poste, avec leur contenu ; la base actuelle est gardée.")
        )
        self.status = StatusLabel()
        self.directory = DirectoryPanel()
        self.display = DisplayPanel(context.qsettings)
        self.display.changed.connect(context.navigator.display_changed)
        from spro_desk.ui.common.agents_dialog import (
            AgentsPanel,  # the screen is built with the database
        )
        from spro_desk.ui.settings.privacy_panel import PrivacyPanel

        self.privacy_panel = PrivacyPanel(context.database)
        # One « Enregistrer » for the whole screen: it saves the durations too.
        self.privacy_panel.save_button.hide()
        self.agents_panel = AgentsPanel(context.database)
        self._shown: dict[str, Any] = {}
        self._describe()
        self._build()
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.backup_button.clicked.connect(self.open_backups)
        context.navigator.directory_changed.connect(self.refresh_directory)
        self.load()

    def title(self) -> str:
        return self.tr("Paramètres")

    # --- construction -------------------------------------------------------------------------

    def _describe(self) -> None:
        self.save_button.setAccessibleName(self.tr("Enregistrer les paramètres"))
        self.save_button.setAccessibleDescription(
            self.tr("Vérifie puis enregistre tous les réglages du site.")
        )
        self.revert_button.setAccessibleName(self.tr("Rétablir les paramètres enregistrés"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

    def _build(self) -> None:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        for title, specs in self._sections().items():
            column.addWidget(self._section(title, specs))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addStretch(1)
        # Very long fields are hard to read on a wide screen: the form keeps a readable width.
        form.setMaximumWidth(self.fontMetrics().averageCharWidth() * FORM_WIDTH_EM)
        content = QWidget()
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self._columns.addWidget(form, 3)
        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        for panel in (self.display, self.directory, self.privacy_panel, self.agents_panel):
            side_column.addWidget(panel)
        side_column.addStretch(1)
        self._columns.addWidget(side, 2, Qt.AlignmentFlag.AlignTop)
        self.fill_with_scrolled(content, self.tr("Réglages du site"))

    @staticmethod
    def _sections() -> dict[str, list[SettingSpec]]:
        sections: dict[str, list[SettingSpec]] = {}
        for setting in SETTINGS:
            if setting.shown:
                sections.setdefault(section_title(setting.key), []).append(setting)
        return sections

    def _section(self, title: str, specs: list[SettingSpec]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for setting in specs:
            editor = self.editors[setting.key]
            label = QLabel(self.tr("{label}\u00a0:").format(label=setting_label(setting)))
            label.setBuddy(editor.widget)
            form.addRow(label, editor.widget)
            hint = setting_hint(setting)
            if hint:
                editor.widget.setAccessibleDescription(hint)
                form.addRow("", self._hint(hint))
        return box

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side when there is room; one above the other at large text sizes.
        wide = event.size().width() >= self.fontMetrics().averageCharWidth() * TWO_COLUMNS_EM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        self._columns.setDirection(direction)
        super().resizeEvent(event)

    def bind_importer(self, importer: DirectoryImportController, action: QAction) -> None:
        """Let the directory section import with the window's action, showing its progress."""
        self.directory.bind_importer(importer, action)

    def bind_privacy(self, guard: PrivacyGuard) -> None:
        """The window's purge and lock: the panels follow who is at the desk."""
        if getattr(self, "_guard", None) is guard:  # bound again when the database attaches
            return
        self._guard = guard
        self.privacy_panel.bind_guard(guard)
        self.privacy_panel.policy_saved.connect(guard.policy_changed)
        guard.locked_changed.connect(self._session_changed)

    def _session_changed(self, locked: bool) -> None:
        if not locked:
            self.privacy_panel.load()
            self.agents_panel.refresh()

    # --- behaviour ----------------------------------------------------------------------------

    def activate(self) -> None:
        # Another screen may have changed a setting; edits not saved yet are never dropped.
        if not self.has_unsaved_edits():
            self.load()
        self.refresh_directory()
        self.privacy_panel.load()
        self.agents_panel.refresh()

    def load(self) -> None:
        """Show the saved values (unsaved edits are dropped)."""
        for key, value in self.context.site_settings.all().items():
            if key in self.editors:
                self.editors[key].set_value(value)
        self._shown = self._edited_values()
        self.status.clear()

    def open_backups(self) -> None:
        """The desk's backups with what each holds; one is restored on confirmation."""
        from spro_desk.ui.common.backup_dialog import open_backup_dialog

        if self.context.ready:
            self.backup_dialog = open_backup_dialog(self.context, self)

    def has_unsaved_edits(self) -> bool:
        return self._edited_values() != self._shown

    def _edited_values(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def save_edits(self) -> bool:
        return self.save()

    def save(self) -> bool:
        """Check every field, then save them all; nothing is saved while one is refused."""
        values, errors = self._checked_values()
        if errors:
            field = self.editors[errors[0][0]].widget
            text = "\n".join(message for _key, message in errors)
            self.status.set_message(text, error=True, field=field, focus=True)
            return False
        if not self._save_privacy_policy():
            return False
        site = self.context.site_settings
        site.set_many(values)  # one transaction: all of them, or none
        apply_site_zone(site.get)  # the screens and exports follow the new zone at once
        self.load()  # shows the values as stored (trimmed, empty lines dropped)
        self.status.set_message(self.tr("Paramètres enregistrés."))
        return True

    def _save_privacy_policy(self) -> bool:
        """The retention durations, when changed (and only a site manager may change them)."""
        from spro_desk.privacy.policy import load_policy

        panel = self.privacy_panel
        if panel.edited_policy() == load_policy(self.context.database):
            return True
        if panel.save():
            return True
        self.status.setText(panel.status.text())
        return False

    def _checked_values(self) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        values: dict[str, Any] = {}
        errors: list[tuple[str, str]] = []
        zone = zone_saved(self._edited_values())  # a phone is read as dialled in the new zone
        for key, editor in self.editors.items():
            problem = editor.problem()
            if problem:
                errors.append((key, problem))
                continue
            try:
                values[key] = spec(key).check(editor.value(), zone)
            except SettingError as error:
                errors.append((key, error_text(error)))
        return values, errors

    def refresh_directory(self) -> None:
        self.directory.show_info(directory_info(self.context.database), self.context.clock().date())
