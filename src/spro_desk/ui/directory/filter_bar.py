"""The directory's filters: commune, thématique, public, network, open now, remote possible."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from spro_desk.directory.networks import NETWORK_LABELS
from spro_desk.directory.search import SearchFilters
from spro_desk.geo import Geography
from spro_desk.ui.common.commune_field import CommuneField
from spro_desk.ui.common.labels import statut_labels
from spro_desk.ui.directory.searchable_combo import SearchableCombo, compact
from spro_desk.vocab import categories, category_of, publics, thematiques

# The data·inclusion code of services that can be given remotely.
REMOTE_MODE = "a-distance"


def thematique_choices(everything: str) -> list[tuple[str, str | None]]:
    """Each category followed by its sub-thématiques, as "Category › Sub-thématique"."""
    choices: list[tuple[str, str | None]] = [(everything, None)]
    subs = thematiques()
    for code, label in categories().items():
        choices.append((label, code))
        choices.extend(
            (f"{label} › {sub_label}", sub)
            for sub, sub_label in subs.items()
            if category_of(sub) == code
        )
    return choices


def _item(label: str, code: str | None) -> QStandardItem:
    item = QStandardItem(label)
    item.setData(code, Qt.ItemDataRole.UserRole)
    return item


def _heading(label: str) -> QStandardItem:
    item = QStandardItem(label)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a group title, not a choice
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item


class DirectoryFilterBar(QWidget):
    """Emits `changed` when a filter is settled; `filters(now)` gives the SearchFilters."""

    changed = Signal()

    def __init__(self, geo: Geography, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commune = CommuneField(geo)
        self.thematique = SearchableCombo()
        self.public = QComboBox()
        self.reseau = QComboBox()
        self.open_now = QCheckBox(self.tr("&Ouvert maintenant"))
        self.remote = QCheckBox(self.tr("À &distance possible"))
        self.clear_button = QPushButton(self.tr("&Effacer les filtres"))
        compact(self.public)
        compact(self.reseau)
        self._fill_choices()
        self._describe()
        self._layout()
        self._connect()
        self._update_clear_button()

    # --- construction -------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        self.thematique.set_choices(thematique_choices(self.tr("Toutes les thématiques")))
        self.public.setModel(self._public_model())
        self.reseau.addItem(self.tr("Tous les réseaux"), None)
        for code, label in NETWORK_LABELS.items():
            self.reseau.addItem(label, code)

    def _public_model(self) -> QStandardItemModel:
        model = QStandardItemModel(self.public)
        model.appendRow(_item(self.tr("Tous les publics"), None))
        model.appendRow(_heading(self.tr("Publics (data·inclusion)")))
        for code, label in publics().items():
            model.appendRow(_item(label, code))
        model.appendRow(_heading(self.tr("Statuts des visiteurs")))
        for code, label in statut_labels().items():
            model.appendRow(_item(label, code))
        return model

    def _describe(self) -> None:
        names = {
            self.commune: (
                self.tr("Filtrer par commune"),
                self.tr("Services accessibles aux habitants de la commune choisie."),
            ),
            self.thematique: (
                self.tr("Filtrer par thématique"),
                self.tr("Tapez une partie du nom de la thématique pour la trouver."),
            ),
            self.public: (self.tr("Filtrer par public"), self.tr("Public ou statut accueilli.")),
            self.reseau: (self.tr("Filtrer par réseau"), self.tr("Réseau de la structure.")),
            self.open_now: (
                self.tr("Ouvert maintenant"),
                self.tr("Seulement les services ouverts à l'heure actuelle."),
            ),
            self.remote: (
                self.tr("À distance possible"),
                self.tr("Seulement les services qui accueillent aussi à distance."),
            ),
            self.clear_button: (
                self.tr("Effacer les filtres"),
                self.tr("Retire tous les filtres ; le texte recherché est conservé."),
            ),
        }
        for widget, (name, description) in names.items():
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)  # the label's Alt+letter moves to its field
        return label

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        fields = (
            (self.tr("&Commune"), self.commune),
            (self.tr("&Thématique"), self.thematique),
            (self.tr("&Public"), self.public),
            (self.tr("&Réseau"), self.reseau),
        )
        for number, (text, field) in enumerate(fields):
            row, pair = divmod(number, 2)
            grid.addWidget(self._label(text, field), row, pair * 2)
            grid.addWidget(field, row, pair * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        toggles = QHBoxLayout()
        toggles.addWidget(self.open_now)
        toggles.addWidget(self.remote)
        toggles.addStretch(1)
        toggles.addWidget(self.clear_button)
        grid.addLayout(toggles, 2, 0, 1, 4)
        self.setLayout(grid)

    def _connect(self) -> None:
        self.commune.commune_changed.connect(self._changed)
        for combo in (self.thematique, self.public, self.reseau):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self.open_now, self.remote):
            box.toggled.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)

    # --- state --------------------------------------------------------------------------------

    def filters(self, now: datetime) -> SearchFilters:
        thematique = self.thematique.code()
        return SearchFilters(
            commune=self.commune.code(),
            thematiques=(thematique,) if thematique else (),
            public=self.public.currentData(),
            mode_accueil=REMOTE_MODE if self.remote.isChecked() else None,
            reseau=self.reseau.currentData(),
            open_at=now if self.open_now.isChecked() else None,
        )

    def is_active(self) -> bool:
        return any(
            (
                self.commune.code(),
                self.thematique.code(),
                self.public.currentData(),
                self.reseau.currentData(),
                self.open_now.isChecked(),
                self.remote.isChecked(),
            )
        )

    def clear(self) -> None:
        """Back to no filter, announced once."""
        widgets = (self.commune, self.thematique, self.public, self.reseau, self.open_now,
                   self.remote)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.commune.set_code(None)
        self.thematique.set_code(None)
        self.public.setCurrentIndex(0)
        self.reseau.setCurrentIndex(0)
        self.open_now.setChecked(False)
        self.remote.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        self._update_clear_button()
        self.changed.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.is_active())
