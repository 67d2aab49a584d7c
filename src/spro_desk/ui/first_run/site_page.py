"""The desk's site: its name, its network, its commune and its permanence places."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWizardPage

from spro_desk.clock import SITE_ZONES, computer_zone_name, zone_of_commune
from spro_desk.coordinates import CoordinateError, format_phone
from spro_desk.directory.networks import NETWORK_LABELS
from spro_desk.geo import Geography
from spro_desk.site.settings import spec
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.commune_field import CommuneField
from spro_desk.ui.common.errors import error_text
from spro_desk.ui.common.setting_editors import ChoiceEditor, ListEditor
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.first_run.setup import SiteChoice


class SitePage(QWizardPage):
    def __init__(self, geo: Geography) -> None:
        super().__init__()
        self.setTitle(self.tr("Le site"))
        self.setSubTitle(
            self.tr(
                "Ces informations figurent sur les fiches de liaison et dans les envois à la "
                "coordination. Elles se modifient ensuite dans Paramètres."
            )
        )
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Nom du site"))
        self.name.setPlaceholderText(self.tr("ex. CIO de Bourges"))
        # A list, as in Paramètres: a typed spelling would split the region's statistics
        # (and the setting refuses it).
        self.network = QComboBox()
        self.network.setAccessibleName(self.tr("Réseau du site"))
        self.network.addItem("", "")
        for code, label in NETWORK_LABELS.items():
            self.network.addItem(label, code)
        self._geo = geo
        self.commune = CommuneField(geo)
        self.commune.setAccessibleName(self.tr("Commune du site"))
        # On every fiche de liaison, for the partner to call the desk back (issue 18).
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Adresse du site"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Téléphone du site"))
        self.places = ListEditor(spec("site.permanences"))
        self.zone = ChoiceEditor(spec("site.fuseau"))
        self.zone.set_value("")
        self._zone_chosen = False  # by the agent: the commune no longer proposes one
        self.problem = StatusLabel()
        self._layout()
        self.name.textChanged.connect(self.completeChanged)
        self.network.currentTextChanged.connect(self.completeChanged)
        self.commune.textChanged.connect(self.completeChanged)
        self.places.entry.installEventFilter(self)
        self.commune.commune_changed.connect(self._propose_zone)
        self.zone.widget.activated.connect(self._zone_picked)

    def _propose_zone(self, code: object) -> None:
        """An overseas commune proposes its territory's zone; the agent may choose another."""
        commune = self._geo.commune(code) if isinstance(code, str) else None
        if commune is None or self._zone_chosen:
            return
        zone = zone_of_commune(commune.code) or "Europe/Paris"
        if zone != "Europe/Paris" or computer_zone_name() not in SITE_ZONES:
            self.zone.set_value(zone)

    def _zone_picked(self, _index: int) -> None:
        self._zone_chosen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Entrée adds the place typed; the wizard must not take it as « Suivant » too. With
        # nothing typed, Entrée goes on to the next page as everywhere else. The event first:
        # the page's attributes are gone when the collector destroys it, and its children
        # still send events then.
        enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in enter
            and watched is self.places.entry
            and self.places.entry.text().strip()
        ):
            self.places.add()
            return True
        return super().eventFilter(watched, event)

    def _layout(self) -> None:
        form = QFormLayout(self)
        rows = (
            (self.tr("&Nom du site :"), self.name),
            (self.tr("&Réseau :"), self.network),
            (self.tr("&Commune :"), self.commune),
            (self.tr("A&dresse :"), self.address),
            (self.tr("&Téléphone :"), self.phone),
            (self.tr("&Fuseau horaire :"), self.zone.widget),
            (self.tr("&Lieux de permanence :"), self.places.widget),
        )
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(self.places.entry if widget is self.places.widget else widget)
            form.addRow(label, widget)
        form.addRow(
            "",
            plain_label(
                self.tr(
                    "Facultatif : les autres lieux où le site tient une permanence "
                    "(mairie, lycée…), proposés à la saisie d'un passage."
                )
            ),
        )
        form.addRow(self.problem)

    def network_code(self) -> str:
        """The network's code chosen in the list ("" when none yet)."""
        return str(self.network.currentData() or "")

    def choice(self) -> SiteChoice:
        return SiteChoice(
            nom=self.name.text().strip(),
            reseau=self.network_code(),
            commune=self.commune.code(),
            permanences=tuple(self.places.value()),
            fuseau=str(self.zone.value() or ""),
            adresse=self.address.text().strip(),
            telephone=self.phone.text().strip(),
        )

    def isComplete(self) -> bool:
        # A commune typed but not yet picked counts: Suivant settles it (validatePage).
        commune = self.commune.code() or self.commune.text().strip()
        return bool(self.name.text().strip() and self.network_code() and commune)

    def validatePage(self) -> bool:
        self.commune.settle()  # Suivant straight after typing: settle the typed name first
        if self.commune.is_unresolved() or self.commune.code() is None:
            self.problem.set_message(
                self.tr(
                    "«\u00a0{text}\u00a0» ne correspond à aucune commune. Tapez le nom ou le "
                    "code postal et choisissez dans la liste."
                ).format(text=self.commune.text().strip()),
                error=True,
                field=self.commune,
                focus=True,
            )
            return False
        if self.phone.text().strip():
            try:
                format_phone(self.phone.text(), self.choice().fuseau)
            except CoordinateError as error:
                self.problem.set_message(
                    error_text(error), error=True, field=self.phone, focus=True
                )
                return False
        self.problem.clear()
        return True
