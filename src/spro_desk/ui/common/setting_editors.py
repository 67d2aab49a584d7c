"""One editor per kind of declared setting: text, choice, commune, list."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from spro_desk.geo import Geography
from spro_desk.geo.cog import search_key
from spro_desk.site.settings import SettingSpec
from spro_desk.ui.common.commune_field import CommuneField
from spro_desk.ui.common.secret_field import SecretLineEdit
from spro_desk.ui.common.setting_labels import choice_labels, setting_label

# Rows a list editor shows before scrolling: a site has a handful of agents and places.
LIST_LINES = 6


class SettingEditor(Protocol):
    """What the settings screen needs from the editor of one setting."""

    @property
    def widget(self) -> QWidget: ...

    def value(self) -> Any: ...

    def set_value(self, value: Any) -> None: ...

    def problem(self) -> str | None:
        """A French message when the input cannot be read as a value at all."""
        ...


class TextEditor:
    def __init__(self, spec: SettingSpec) -> None:
        self.widget = QLineEdit()
        self.widget.setAccessibleName(setting_label(spec))

    def value(self) -> str:
        return self.widget.text()

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        return None


class ChoiceEditor:
    """A combo of the allowed values; a stored value no longer allowed stays visible as is."""

    def __init__(self, spec: SettingSpec) -> None:
        self.widget = QComboBox()
        self.widget.setAccessibleName(setting_label(spec))
        self._labels = choice_labels(spec)

    def value(self) -> Any:
        return self.widget.currentData()

    def set_value(self, value: Any) -> None:
        self.widget.clear()
        for code, label in self._labels.items():
            self.widget.addItem(label, code)
        if value is not None and value not in self._labels:
            # Saving it unchanged gets the declaration's refusal, in French.
            unknown = QCoreApplication.translate("Settings", "{value} (valeur inconnue)")
            self.widget.addItem(unknown.format(value=value), value)
        self.widget.setCurrentIndex(max(self.widget.findData(value), 0))

    def problem(self) -> str | None:
        return None


class CommuneEditor:
    def __init__(self, spec: SettingSpec, geo: Geography) -> None:
        self._label = setting_label(spec)
        self.widget = CommuneField(geo)
        self.widget.setAccessibleName(self._label)

    def value(self) -> str | None:
        return self.widget.code()

    def set_value(self, value: Any) -> None:
        self.widget.set_code(value if isinstance(value, str) else None)

    def problem(self) -> str | None:
        # Saving straight after typing: the typed text has not been settled yet.
        self.widget.settle()
        if not self.widget.is_unresolved():
            return None
        text = QCoreApplication.translate(
            "Settings",
            "{label} : «\u00a0{text}\u00a0» ne correspond à aucune commune. "
            "Tapez le nom ou le code postal et choisissez dans la liste.",
        )
        return text.format(label=self._label, text=self.widget.text().strip())


class ListEditor:
    """An editable list: type a value and add it; double-click or F2 to correct one."""

    def __init__(self, spec: SettingSpec) -> None:
        label = setting_label(spec)
        self.widget = QWidget()
        self.items = QListWidget()
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.entry = QLineEdit()
        self.add_button = QPushButton(QCoreApplication.translate("Settings", "Ajouter"))
        self.remove_button = QPushButton(QCoreApplication.translate("Settings", "Retirer"))
        self._describe(label)
        self._layout()
        self.entry.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        # Suppr in the list, as in « Aujourd'hui » (not while a line is being corrected).
        remove = QAction(self.remove_button.accessibleName(), self.items)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.items.addAction(remove)

    def _describe(self, label: str) -> None:
        self.widget.setAccessibleName(label)
        self.items.setAccessibleName(label)
        self.items.setAccessibleDescription(
            QCoreApplication.translate("Settings", "Suppr retire la ligne choisie.")
        )
        self.entry.setAccessibleName(
            QCoreApplication.translate("Settings", "Nouvelle valeur : {label}").format(label=label)
        )
        self.entry.setPlaceholderText(
            QCoreApplication.translate("Settings", "Tapez puis Entrée pour ajouter")
        )
        self.add_button.setAccessibleName(
            QCoreApplication.translate("Settings", "Ajouter à la liste : {label}").format(
                label=label
            )
        )
        self.remove_button.setAccessibleName(
            QCoreApplication.translate("Settings", "Retirer la ligne choisie : {label}").format(
                label=label
            )
        )

    def _layout(self) -> None:
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.items, 0, 0, 1, 2)
        grid.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.entry, 1, 0, 1, 2)
        grid.addWidget(self.add_button, 1, 2)
        grid.setColumnStretch(0, 1)
        self.items.setMaximumHeight(self.items.fontMetrics().height() * LIST_LINES)

    def add(self) -> None:
        text = self.entry.text().strip()
        if text:
            self._append(text)
            self.entry.clear()

    def remove_selected(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self.items.setCurrentRow(min(row, self.items.count() - 1))

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.items.addItem(item)

    def value(self) -> list[str]:
        return [self.items.item(row).text() for row in range(self.items.count())]

    def set_value(self, value: Any) -> None:
        self.items.clear()
        for text in value if isinstance(value, list) else []:
            self._append(str(text))

    def problem(self) -> str | None:
        return None


class ZoneEditor(ListEditor):
    """The catchment area: communes, EPCI or départements, shown by name, stored by code.

    Typed as a name (« Bourges Plus », « Cher »), a département number, a postal code or a
    code; the completer offers the EPCI and départements, and a commune is found as in the
    commune fields.
    """

    def __init__(self, spec: SettingSpec, geo: Geography) -> None:
        super().__init__(spec)
        self._geo = geo
        self._names: dict[str, str] = {}
        self._keys: dict[str, str] = {}  # each name, its bare name and its acronym, folded
        self._short_keys: dict[str, str] = {}  # EPCI without « CA », « CC du »: last resort
        self._regions: dict[str, tuple[str, ...]] = {}  # a region's folded name: départements
        self.home: Callable[[], str | None] = lambda: None  # the site's commune (Paramètres)
        self.entry.setPlaceholderText(
            QCoreApplication.translate(
                "Settings", "Commune, EPCI ou département, puis Entrée (vide : le département)"
            )
        )
        self._completer_ready = False
        self.entry.textEdited.connect(self._ensure_completer)

    def _ensure_completer(self, _text: str = "") -> None:
        """The completer's names are read at the first key typed, not when Paramètres opens."""
        if self._completer_ready:
            return
        self._completer_ready = True
        self._names = area_names(self._geo)
        self._keys = area_keys(self._names)
        self._short_keys = short_epci_keys(self._names)
        self._regions = region_keys(self._geo)
        regions = [r.nom for c in self._geo.region_codes() if (r := self._geo.region(c))]
        offered = set(self._names) | {n for n in regions if search_key(n) in self._regions}
        completer = QCompleter(sorted(offered), self.entry)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)

    def add(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        codes = self._resolve(text)
        if not codes:
            self.entry.setToolTip(self._not_found(text))
            return
        for code in codes:
            if code not in self.value():
                self._append_zone(code)
        self.entry.clear()

    @staticmethod
    def _not_found(text: str) -> str:
        return QCoreApplication.translate(
            "Settings", "« {text} » n'est ni une commune, ni un EPCI, ni un département."
        ).format(text=text)

    def problem(self) -> str | None:
        """A place typed and left in the entry: said when saving, not dropped silently."""
        text = self.entry.text().strip()
        if not text or self._resolve(text):
            return None
        return self._not_found(text)

    def _resolve(self, text: str) -> tuple[str, ...]:
        """The zone codes a typed place stands for: one, or a region's départements."""
        self._ensure_completer()
        if text in self._names:
            return (self._names[text],)
        if self._geo.is_known_zone(text) and self._geo.zone_kind(text) != "france":
            return (text.upper() if len(text) <= 3 else text,)
        key = search_key(text)
        # « Saint-Pierre » at a desk of Saint-Pierre-et-Miquelon is its own, not La Réunion's.
        found = self._geo.search_communes(text, limit=1, prefer=self._home_area())
        town = found[0].code if found else None
        homonym = found and search_key(found[0].nom) == key
        named = self._keys.get(key)
        region = self._regions.get(key) if named is None else None
        if region:  # « Corse », not Corsept; a commune of that name only near the site
            return (town,) if homonym and town and self._near(town) else region
        if named is None or not homonym or town is None:
            chosen = named or town or self._short_keys.get(key)
            return (chosen,) if chosen else ()
        return (self._between_homonyms(named, town),)

    def _home_area(self) -> frozenset[str]:
        home = self._geo.commune(self.home() or "")
        return self._geo.communes_in_zone(home.departement) if home else frozenset()

    def _near(self, commune: str) -> bool:
        home, town = self._geo.commune(self.home() or ""), self._geo.commune(commune)
        return home is not None and town is not None and home.departement == town.departement

    def _between_homonyms(self, area: str, commune: str) -> str:
        """« Vienne »: the town at a desk of the Isère, the département elsewhere; « La
        Réunion »: the island at its desks, not the commune of the Lot-et-Garonne."""
        home = self._geo.commune(self.home() or "")
        if home is None or home.departement == area:
            return area
        return commune if self._near(commune) else area

    def _append_zone(self, code: str) -> None:
        item = QListWidgetItem(self._geo.zone_label(code))
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.items.addItem(item)

    def value(self) -> list[str]:
        return [
            str(self.items.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.items.count())
        ]

    def set_value(self, value: Any) -> None:
        self.items.clear()
        for code in value if isinstance(value, list) else []:
            self._append_zone(str(code))


def area_names(geo: Geography) -> dict[str, str]:
    """« Cher (18) » and each EPCI's name, to their codes: what an area is chosen from."""
    names: dict[str, str] = {}
    for code in geo.departement_codes():
        names[geo.zone_label(code)] = code
    for code in geo.epci_codes():
        names.setdefault(geo.zone_label(code), code)
    return names


_BRACKETED = re.compile(r"(.*?)\s*\(([^)]*)\)\s*$")


def area_keys(names: dict[str, str]) -> dict[str, str]:
    """Folded names to codes: « la reunion » as « La Réunion (974) », « cinor » as « CA
    Intercommunale du Nord de la Réunion (CINOR) »; a département's name before a commune's
    (La Réunion is also a commune of the Lot-et-Garonne), départements before EPCI."""
    keys: dict[str, str] = {}
    for name, code in names.items():
        bracketed = _BRACKETED.match(name)
        for variant in (name, *(bracketed.groups() if bracketed else ())):
            keys.setdefault(search_key(variant), code)
    keys.pop("", None)
    return keys


_LEGAL_FORM = re.compile(
    r"^(?:CA|CC|CU|Métropole)\s+(?:de l'|d'|(?:du|des|de la|de)\s+)?", re.IGNORECASE
)


def short_epci_keys(names: dict[str, str]) -> dict[str, str]:
    """EPCI as people call them, folded: « bourges plus » for « CA Bourges Plus », « pays de
    fayence » for « CC du Pays de Fayence ». Only when no commune nor full name matches."""
    keys: dict[str, str] = {}
    for name, code in names.items():
        short = _LEGAL_FORM.sub("", name, count=1)
        if short != name and short:
            keys.setdefault(search_key(short), code)
    keys.pop("", None)
    return keys


# Corsica's number before it became two départements (1976), still its postal codes' start.
_FORMER_DEPARTEMENTS = {"20": "94"}


def region_keys(geo: Geography) -> dict[str, tuple[str, ...]]:
    """Folded names of the regions of several départements (« corse », « bretagne »), and
    « 20 », to their départements: a site serving a whole region or island types its name."""
    keys: dict[str, tuple[str, ...]] = {}
    for code in geo.region_codes():
        region, departements = geo.region(code), geo.departements_of_region(code)
        if region is not None and len(departements) > 1:
            keys[search_key(region.nom)] = departements
    for number, region_code in _FORMER_DEPARTEMENTS.items():
        keys[number] = geo.departements_of_region(region_code)
    return keys


def make_editor(spec: SettingSpec, geo: Geography) -> SettingEditor:
    if spec.kind == "choice":
        return ChoiceEditor(spec)
    if spec.kind == "commune":
        return CommuneEditor(spec, geo)
    if spec.kind == "list":
        return ListEditor(spec)
    if spec.kind == "zones":
        return ZoneEditor(spec, geo)
    editor = TextEditor(spec)
    if spec.kind == "secret":  # neither a visitor nor the accessibility bus reads it
        editor.widget = SecretLineEdit()
        editor.widget.setAccessibleName(setting_label(spec))
    return editor
