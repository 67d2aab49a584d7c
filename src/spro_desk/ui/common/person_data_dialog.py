"""« Données de cette personne »: everything the desk holds about one person, shown, printed
to PDF and exported as JSON (portability), for a site manager. Found from a contact of the
Accueil, or by a search on the consented personal data. Every display, print and export goes
through `privacy.access.person_file`, which writes it to the access log first.

Modal: the lock cancels it like any open dialog, and the text it showed goes with it.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.clock import day_of
from spro_desk.geo.cog import geography
from spro_desk.privacy.access import (
    EXPORTED,
    PRINTED,
    SHOWN,
    AccessRightError,
    PersonFile,
    find_people,
    person_file,
)
from spro_desk.storage.engine import Database
from spro_desk.ui.common import labels
from spro_desk.ui.common.commune_field import commune_label
from spro_desk.ui.common.confirm import Confirm, ask
from spro_desk.ui.common.folders import first_folder
from spro_desk.ui.common.formatting import french_date, french_datetime
from spro_desk.ui.common.widgets import OwnEnterDialog
from spro_desk.vocab import need_label


class _Words(QObject):
    """The words of the document, translated in the dialog's context (lupdate finds them)."""

    def labels(self) -> dict[str, str]:
        return {
            "yes": self.tr("oui"),
            "no": self.tr("non"),
            "not_asked": self.tr("non demandé"),
            "title": self.tr("Données détenues par ce poste au %s"),
            "personal": self.tr("Coordonnées (avec l'accord de la personne)"),
            "none": self.tr("aucune : jamais données, ou effacées"),
            "consent": self.tr("Consentement"),
            "contact": self.tr("Contact"),
            "referrals": self.tr("Orientations (%d)"),
            "log": self.tr("Journal des accès à ces données (%d)"),
        }

    def fields(self) -> dict[str, str]:
        """A label for each field of the portable copy (`privacy.access`)."""
        return {
            "nom": self.tr("Nom"),
            "telephone": self.tr("Téléphone"),
            "courriel": self.tr("Courriel"),
            "note": self.tr("Note"),
            "finalite": self.tr("Finalité"),
            "texte_presente": self.tr("Texte présenté"),
            "agent": self.tr("Agent"),
            "donne_le": self.tr("Donné le"),
            "donnees_effacees_le": self.tr("Données effacées le"),
            "motif_effacement": self.tr("Motif de l'effacement"),
            "date": self.tr("Date du contact"),
            "canal": self.tr("Canal"),
            "lieu": self.tr("Lieu"),
            "statut": self.tr("Situation"),
            "tranche_age": self.tr("Tranche d'âge"),
            "sexe": self.tr("Sexe"),
            "handicap": self.tr("Handicap"),
            "commune": self.tr("Commune"),
            "besoins": self.tr("Besoins"),
            "reponses": self.tr("Réponses apportées"),
            "site": self.tr("Site"),
            "supprime_le": self.tr("Supprimé le"),
            "service": self.tr("Service"),
            "structure": self.tr("Structure"),
            "type": self.tr("Type"),
            "rendez_vous": self.tr("Rendez-vous le"),
            "referral_statut": self.tr("Statut"),
            "cree_le": self.tr("Proposée le"),
            "mis_a_jour_le": self.tr("Mise à jour le"),
        }

    def actions(self) -> dict[str, str]:
        """The access log's actions about one person (`privacy`, `contacts`)."""
        return {
            "droit-d-acces": self.tr("Données de cette personne"),
            "affichage": self.tr("Coordonnées affichées"),
            "impression": self.tr("Coordonnées imprimées (fiche de liaison)"),
            "export": self.tr("Copie remise à la personne"),
            "modification": self.tr("Coordonnées corrigées"),
            "effacement": self.tr("Coordonnées effacées"),
            "ecran": self.tr("à l'écran"),
            "pdf": self.tr("en PDF"),
            "json": self.tr("en JSON"),
        }


# Fields whose value is a stored moment (ISO, UTC): read on the site's clock.
_MOMENTS = {"date", "donne_le", "donnees_effacees_le", "supprime_le", "rendez_vous", "cree_le",
            "mis_a_jour_le"}  # fmt: skip


# Fields holding a code of the desk's vocabularies: shown with the label the desk shows.
_CHOICES = {
    "canal": labels.CANAUX,
    "statut": labels.STATUTS,
    "sexe": labels.SEXES,
    "tranche_age": labels.TRANCHES_AGE,
    "reponses": labels.REPONSES,
    "type": labels.REFERRAL_TYPES,
    "referral_statut": labels.REFERRAL_STATUTS,
}


class _Document:
    """The file as the person reads it: French labels, the desk's words, the site's clock.
    The JSON copy (portability) keeps the field names, codes and UTC moments."""

    def __init__(self, agents: dict[str, str] | None = None) -> None:
        words = _Words()
        self.words = words.labels()
        self.fields = words.fields()
        self.actions = words.actions()
        self.agents = agents or {}

    def moment(self, value: str | None) -> str:
        if not value:
            return "—"
        try:
            return french_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value

    def value(self, key: str, value: Any) -> str:
        if key in _MOMENTS:
            return self.moment(value)
        if key == "handicap" and value is None:
            return self.words["not_asked"]
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, bool):
            return self.words["yes"] if value else self.words["no"]
        if isinstance(value, list):
            return ", ".join(self.value(key, v) for v in value)
        return self.label(key, str(value))

    def label(self, key: str, code: str) -> str:
        """A code as the desk shows it (« Téléphone », not « telephone »)."""
        if key in _CHOICES:
            return labels.label_of(_CHOICES[key], code)
        if key == "besoins":
            return need_label(code)
        if key == "finalite":
            return labels.purpose_label(code)
        if key == "agent":
            return self.agents.get(code, code)
        if key == "commune":
            commune = geography().commune(code)
            return commune_label(commune) if commune is not None else code
        return code

    def section(self, values: dict[str, Any], indent: str = "  ") -> list[str]:
        return [f"{indent}{self.fields.get(k, k)} : {self.value(k, v)}" for k, v in values.items()]

    def referral(self, referral: dict[str, Any]) -> list[str]:
        renamed = {("referral_statut" if k == "statut" else k): v for k, v in referral.items()}
        lines = self.section(renamed, "    ")
        return ["  " + lines[0].strip(), *lines[1:]] if lines else []

    def access(self, entry: dict[str, Any]) -> str:
        what = self.actions.get(str(entry["action"]), str(entry["action"]))
        detail = entry["detail"]
        forme = detail.get("forme")
        if forme:
            what = f"{what} {self.actions.get(str(forme), str(forme))}"
        fields = detail.get("champs")
        if fields:
            names = fields if isinstance(fields, list) else [fields]
            what = f"{what} ({', '.join(self.fields.get(str(n), str(n)) for n in names)})"
        agent = self.value("agent", entry["agent"])
        return f"  {self.moment(entry['date'])} — {what} — {agent}"

    def text(self, held: PersonFile) -> str:
        data = held.as_json()
        lines = [self.words["title"] % self.moment(data["produit_le"]), ""]
        lines.append(self.words["personal"])
        personal = data["donnees_personnelles"]
        lines += ["  " + self.words["none"]] if personal is None else self.section(personal)
        if data["consentement"]:
            lines += ["", self.words["consent"], *self.section(data["consentement"])]
        lines += ["", self.words["contact"], *self.section(data["contact"])]
        lines += ["", self.words["referrals"] % len(data["orientations"])]
        for referral in data["orientations"]:
            lines += self.referral(referral)
        lines += ["", self.words["log"] % len(data["journal_des_acces"])]
        lines += [self.access(entry) for entry in data["journal_des_acces"]]
        return "\n".join(lines)


def person_text(held: PersonFile, agents: dict[str, str] | None = None) -> str:
    """The file as plain text (values typed by people are never read as HTML); `agents`
    names the agents the access log knows by id."""
    return _Document(agents).text(held)


def write_pdf(text: str, path: Path) -> Path:
    """A4, plain text; an existing file is only replaced by a complete one."""
    partial = path.with_name(f".{path.name}.part")
    with partial.open("wb"):
        pass  # an unwritable folder is an OSError here, not a console warning of Qt
    try:
        writer = QPdfWriter(str(partial))
        writer.setTitle("SPRO Desk")
        writer.setCreator("SPRO Desk")
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        )  # fmt: skip
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(writer)
        del writer  # releases the file: Windows cannot replace a file still open
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


class PersonDataDialog(OwnEnterDialog):
    # The person found asks to be forgotten (RGPD art. 17): the contact whose data was erased,
    # for the screens behind to drop it.
    erased = Signal(str)

    def __init__(
        self, db: Database, contact_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Données de cette personne"))
        self.setModal(True)
        self._db = db
        self._contact_id: str | None = None
        self.confirm: Confirm = ask
        self._build()
        if contact_id is not None:
            self.show_contact(contact_id)
        else:
            self.search.setFocus()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Rechercher une personne"))
        self.search.setAccessibleDescription(
            self.tr(
                "Nom, téléphone ou courriel, 3 caractères au moins ; la recherche est "
                "inscrite au journal d'accès."
            )
        )
        self.search_button = QPushButton(self.tr("&Rechercher"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Personnes trouvées"))
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setAccessibleName(self.tr("Tout ce que le poste détient sur cette personne"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.print_button = QPushButton(self.tr("&Imprimer (PDF)…"))
        self.export_button = QPushButton(self.tr("E&xporter (JSON)…"))
        self.erase_button = QPushButton(self.tr("&Effacer les données de cette personne…"))
        self.erase_button.setAccessibleName(self.tr("Effacer les données de cette personne"))
        self.erase_button.setAccessibleDescription(
            self.tr(
                "À sa demande : son nom, son téléphone, son courriel et la note sont effacés "
                "définitivement ; le contact et ses orientations restent comptés, sans identité."
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        finder = QHBoxLayout()
        label = QLabel(self.tr("&Personne :"))
        label.setBuddy(self.search)
        for widget in (label, self.search, self.search_button):
            finder.addWidget(widget)
        actions = QHBoxLayout()
        for button in (self.print_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addLayout(finder)
        layout.addWidget(self.results)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.search_button.clicked.connect(self.run_search)
        self.search.returnPressed.connect(self.run_search)
        self.results.itemActivated.connect(self._chosen)
        self.print_button.clicked.connect(self._ask_pdf)
        self.export_button.clicked.connect(self._ask_json)
        self.erase_button.clicked.connect(self.erase)
        self.results.hide()
        self._set_ready(False)
        self.resize(720, 600)

    def _set_ready(self, ready: bool, holds_personal: bool = False) -> None:
        for button in (self.print_button, self.export_button):
            button.setEnabled(ready)
        self.erase_button.setEnabled(ready and holds_personal)

    def _held(self, how: str) -> PersonFile | None:
        """The file, logged as `how`; None (and the reason said) when refused."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.security.keys import PersonalDataLocked

        if self._contact_id is None:
            return None
        try:
            return person_file(self._db, self._contact_id, how=how)
        except (AccessDenied, PersonalDataLocked, AccessRightError) as error:
            self.message.setText(str(error))
            return None

    def _agent_names(self) -> dict[str, str]:
        from spro_desk.agents.accounts import list_agents

        return {agent.id: agent.nom for agent in list_agents(self._db, include_disabled=True)}

    def show_contact(self, contact_id: str) -> None:
        self._contact_id = contact_id
        held = self._held(SHOWN)
        self.view.setPlainText(person_text(held, self._agent_names()) if held else "")
        self._set_ready(held is not None, held is not None and held.personal is not None)
        if held is not None:
            self.message.setText(self.tr("Cet affichage est inscrit au journal d'accès."))
            self.view.setFocus()

    def run_search(self) -> None:
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.security.keys import PersonalDataLocked

        try:
            matches = find_people(self._db, self.search.text())
        except (AccessDenied, PersonalDataLocked, AccessRightError) as error:
            self.message.setText(str(error))
            return
        self.results.clear()
        for match in matches:
            item = QListWidgetItem(f"{match.nom or '—'} — {self.tr('contact du')} "
                                   f"{_site_day(match.occurred_at)}")  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, match.contact_id)
            self.results.addItem(item)
        self.results.setVisible(bool(matches))
        self.message.setText(self.tr("Personnes trouvées : %d.") % len(matches))
        if matches:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.show_contact(str(item.data(Qt.ItemDataRole.UserRole)))

    def save_pdf(self, path: Path) -> Path | None:
        held = self._held(PRINTED)
        if held is None:
            return None
        try:
            written = write_pdf(person_text(held, self._agent_names()), Path(path))
        except OSError:
            self.message.setText(
                self.tr("Le PDF n'a pas pu être écrit : choisissez un autre dossier.")
            )
            return None
        self.message.setText(self.tr("PDF enregistré : %s") % written)
        return written

    def save_json(self, path: Path) -> Path | None:
        held = self._held(EXPORTED)
        if held is None:
            return None
        text = json.dumps(held.as_json(), ensure_ascii=False, indent=1) + "\n"
        target = Path(path)
        partial = target.with_name(f".{target.name}.part")
        try:
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, target)
        except OSError:
            partial.unlink(missing_ok=True)
            self.message.setText(
                self.tr("Le fichier n'a pas pu être écrit : choisissez un autre dossier.")
            )
            return None
        self.message.setText(self.tr("Copie JSON enregistrée : %s") % target)
        return target

    def erase(self) -> None:
        """The person asks to be forgotten: after a question that names nobody, her data
        goes at once (written to the access log), and from the search's results."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.privacy.erasure import erase_person

        contact_id = self._contact_id
        if contact_id is None or not self.erase_button.isEnabled():
            return
        question = self.tr(
            "Effacer les données personnelles de cette personne ? Son nom, son téléphone, son "
            "courriel et la note sont effacés définitivement ; le contact et ses orientations "
            "restent comptés, sans identité."
        )
        title = self.tr("Effacer les données de cette personne")
        if not self.confirm(self, title, question, self.tr("Effacer définitivement"), False):
            return
        try:
            erase_person(self._db, contact_id)
        except AccessDenied as error:
            self.message.setText(str(error))
            return
        self.view.clear()
        self.results.clear()
        self.results.hide()
        self._set_ready(False)
        self.message.setText(self.tr("Données personnelles effacées ; le contact reste compté."))
        self.erased.emit(contact_id)

    def _ask_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Imprimer en PDF"),
            str(first_folder() / "donnees-personne.pdf"),
            "PDF (*.pdf)",
        )
        if path:
            self.save_pdf(Path(path))

    def _ask_json(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter en JSON"),
            str(first_folder() / "donnees-personne.json"),
            "JSON (*.json)",
        )
        if path:
            self.save_json(Path(path))

    def done(self, result: int) -> None:
        self.view.clear()  # nothing personal stays in a closed (or locked-away) dialog
        self.results.clear()
        super().done(result)


def open_person_data(
    db: Database, contact_id: str | None, parent: QWidget | None
) -> PersonDataDialog:
    dialog = PersonDataDialog(db, contact_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _site_day(occurred_at: str | None) -> str:
    """« 11/03/2026 »: the day on the site's clock (the stored moment is UTC)."""
    if not occurred_at:
        return ""
    return french_date(day_of(datetime.fromisoformat(occurred_at)))
