"""The "Aujourd'hui" list: open a contact to correct it, delete it with a way back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.ui.accueil.today import CONTACT_ID_ROLE, TodayColumn, TodayModel
from spro_desk.ui.common.announce import StatusLabel

# Long enough to notice the mistake; Ctrl+Z still works after the bar is gone.
UNDO_BAR_MS = 15_000
SHORT_COLUMN_CHARS = 24
NARROWABLE = (TodayColumn.CANAL, TodayColumn.STATUT)
LONG = TodayColumn.BESOINS  # takes what the others leave, never less than its header


class UndoBar(QFrame):
    """ "Contact supprimé. [Annuler]", shown for a while after a deletion."""

    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = StatusLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Annuler (Ctrl+Z)"))
        self.undo_button.setAccessibleName(self.tr("Annuler la suppression"))
        self.undo_button.setAccessibleDescription(self.tr("Rétablit le dernier contact supprimé."))
        self.undo_button.clicked.connect(self.undo_requested)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_BAR_MS)
        self.timer.timeout.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        self.hide()

    def announce(self, message: str) -> None:
        self.message.set_message(message)
        self.show()
        self.timer.start()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()


class TodayPanel(QWidget):
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TodayModel(self)
        self.title = QLabel(self.tr("Au&jourd'hui"))
        self.table = QTableView()
        self.count = StatusLabel(wrap=False)
        self.edit_button = QPushButton(self.tr("Modifier (Entrée)"))
        self.delete_button = QPushButton(self.tr("Supprimer (Suppr)"))
        self.undo_bar = UndoBar()
        self._build_table()
        self._layout()
        self._describe()
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.table.activated.connect(self._edit_index)
        self.model.modelReset.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def _build_table(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per contact; the tooltip has the whole text
        header = self.table.horizontalHeader()
        # Short columns take what their text needs (equal shares cut « Demandeur d'emploi »
        # beside an half-empty « Canal »), up to a cap that keeps a very long statut from
        # pushing the rest out; the needs take what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(self.fontMetrics().averageCharWidth() * SHORT_COLUMN_CHARS)
        header.setSectionResizeMode(LONG, QHeaderView.ResizeMode.Stretch)
        for column in NARROWABLE:  # sized by `_fit_columns`: they give way in a narrow list
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # New rows, or the vertical scroll bar coming or going, change what fits.
        self.model.modelReset.connect(self._fit_columns)
        self.table.verticalScrollBar().rangeChanged.connect(lambda *_: self._fit_columns())
        delete = QAction(self.tr("Supprimer le contact"), self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.table.addAction(delete)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()  # the layout has already resized the table

    def _fit_columns(self) -> None:
        """Time, responses (letters) and orientations take what they need; the needs up to
        half of what is left, never less than their header; canal and statut share the rest,
        and give way (the widest first, its tooltip has the text) when the list is too
        narrow: at 1024 × 768 a sideways scroll bar hid the number of orientations, and at
        1280 × 800 the needs and responses read « … »."""
        header = self.table.horizontalHeader()
        wanted = {
            c: max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in TodayColumn
        }  # what each column's text needs (the sections may not have followed the rows yet)
        fixed = sum(wanted[c] for c in TodayColumn if c not in (*NARROWABLE, LONG))
        flexible = self._room() - fixed
        needs = min(wanted[LONG], max(header.sectionSizeHint(LONG), flexible // 2))
        budget = flexible - needs  # the needs' column stretches over what canal and statut leave
        narrowable = {c: wanted[c] for c in NARROWABLE}
        left = len(narrowable)
        for column, width in sorted(narrowable.items(), key=lambda item: item[1]):
            share = max(header.minimumSectionSize(), budget // left)
            self.table.setColumnWidth(column, min(width, share))
            budget, left = budget - min(width, share), left - 1

    def _room(self) -> int:
        """The viewport's width, asked without `viewport()`: wrapping that plain QWidget sets
        up every widget class of PySide6 before the first paint (tests/ui/test_fast_start)."""
        bar = self.table.verticalScrollBar()  # shown when it has a range, maybe not yet
        scrolls = bar.maximum() > bar.minimum()
        return self.table.maximumViewportSize().width() - (bar.sizeHint().width() if scrolls else 0)

    def _layout(self) -> None:
        self.title.setBuddy(self.table)
        self.count.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_bar)

    def _describe(self) -> None:
        self.table.setAccessibleName(self.tr("Contacts enregistrés aujourd'hui"))
        self.table.setAccessibleDescription(
            self.tr("Entrée ouvre le contact pour le modifier ; Suppr le supprime.")
        )
        self.edit_button.setAccessibleName(self.tr("Modifier le contact sélectionné"))
        self.delete_button.setAccessibleName(self.tr("Supprimer le contact sélectionné"))
        self.delete_button.setAccessibleDescription(
            self.tr("Demande confirmation ; Ctrl+Z rétablit le contact.")
        )

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(CONTACT_ID_ROLE) if rows else None

    def select(self, contact_id: str) -> None:
        row = self.model.row_of(contact_id)
        if row is not None:
            self.table.selectRow(row)

    def _update(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        total = self.model.rowCount()
        if total == 0:
            text = self.tr("Aucun contact aujourd'hui.")
        elif total == 1:
            text = self.tr("1 contact aujourd'hui")
        else:
            text = self.tr("{n} contacts aujourd'hui").format(n=total)
        self.count.set_message(text)

    def _edit_index(self, index: QModelIndex) -> None:
        contact_id = index.data(CONTACT_ID_ROLE)
        if contact_id:
            self.edit_requested.emit(contact_id)

    def _edit_current(self) -> None:
        contact_id = self.current_id()
        if contact_id:
            self.edit_requested.emit(contact_id)

    def _delete_current(self) -> None:
        contact_id = self.current_id()
        if contact_id:
            self.delete_requested.emit(contact_id)
