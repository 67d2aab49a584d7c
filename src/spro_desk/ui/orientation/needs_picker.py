"""The person's needs: data·inclusion categories and sub-thématiques, searchable and ticked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from spro_desk.text import fold
from spro_desk.vocab import categories, category_of, thematiques

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def _item(code: str, label: str, *, category: bool) -> QStandardItem:
    item = QStandardItem(label)
    item.setEditable(False)
    item.setCheckable(True)
    item.setData(code, CODE_ROLE)
    item.setData(fold(f"{label} {code}"), SEARCH_ROLE)
    if category:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def needs_model() -> QStandardItemModel:
    """Each category with its sub-thématiques under it: asking for a category is allowed.

    A real tree, not leading spaces: a screen reader says « niveau 2 » and that a category is
    expanded, and the arrows fold and unfold it (RGAA 9.3).
    """
    model = QStandardItemModel()
    subs = thematiques()
    for code, label in categories().items():
        category = _item(code, label, category=True)
        for sub, sub_label in subs.items():
            if category_of(sub) == code:
                category.appendRow(_item(sub, sub_label, category=False))
        model.appendRow(category)
    return model


def all_items(model: QStandardItemModel) -> list[QStandardItem]:
    """Categories and sub-thématiques, in the order shown."""
    items = []
    for row in range(model.rowCount()):
        category = model.item(row)
        items.append(category)
        items.extend(category.child(sub) for sub in range(category.rowCount()))
    return items


class _FoldedFilter(QSortFilterProxyModel):
    """Matches every typed word, accents and case ignored (« metier » finds « métier »)."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)  # a matching need keeps its category shown

    def set_text(self, text: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.9
            self._words = fold(text).split()
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # type: ignore[override]
        key = self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE) or ""
        return all(word in key for word in self._words)


class NeedsPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = needs_model()
        self._bulk = False
        self._proxy = _FoldedFilter()
        self._proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filtrer les besoins…"))
        self.filter_box.setAccessibleName(self.tr("Filtrer les besoins"))
        self.filter_box.setAccessibleDescription(
            self.tr("Tapez un mot ; Flèche bas passe à la liste, Espace coche un besoin.")
        )
        self.list = QTreeView()
        self.list.setModel(self._proxy)
        self.list.setHeaderHidden(True)
        self.list.setUniformRowHeights(True)
        self.list.expandAll()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Besoins de la personne"))
        self.list.setAccessibleDescription(
            self.tr("Espace coche ou décoche le besoin sélectionné.")
        )
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self._layout()
        self.filter_box.textChanged.connect(self._filter)
        self.filter_box.installEventFilter(self)
        self.model.itemChanged.connect(self._item_changed)
        self._show_summary()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the filter goes to the list, as in a search field with results below.
        if (
            event.type() == QEvent.Type.KeyPress  # the event first: see SitePage.eventFilter
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and watched is self.filter_box
        ):
            self._enter_list()
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        self._proxy.set_text(text)
        self.list.expandAll()  # rows the filter brings back come folded

    def _enter_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.list.currentIndex().isValid() and self._proxy.rowCount():
            self.list.setCurrentIndex(self._proxy.index(0, 0))

    def codes(self) -> tuple[str, ...]:
        return tuple(
            item.data(CODE_ROLE)
            for item in all_items(self.model)
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_codes(self, codes: tuple[str, ...]) -> None:
        wanted = set(codes)
        self._bulk = True
        try:
            for item in all_items(self.model):
                checked = item.data(CODE_ROLE) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self._bulk = False
        self._item_changed(None)

    def _item_changed(self, _item: QStandardItem | None) -> None:
        if self._bulk:  # one summary for a whole prefill, not one per row
            return
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        labels = [
            item.text()
            for item in all_items(self.model)
            if item.checkState() == Qt.CheckState.Checked
        ]
        if labels:
            self.summary.setText(self.tr("Besoins : {labels}").format(labels=" ; ".join(labels)))
        else:
            self.summary.setText(self.tr("Aucun besoin coché."))
