"""The command line: a stable interface for agents' scripts and acceptance checks."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime
from typing import Any, NoReturn

from spro_desk import package_version
from spro_desk.cli.exits import (  # noqa: F401  (the commands import them from here too)
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_REFUSED,
    EXIT_USAGE,
    UsageError,
)
from spro_desk.vocab import (
    CANAUX,
    REFERRAL_STATUTS,
    REPONSES,
    SEXES,
    STATUTS,
    TRANCHES_AGE,
    is_need,
    modes_accueil,
    publics,
)

EXIT_CODES_HELP = (
    "Codes de sortie : 0 tout a été fait (tout accepté) ; 1 une partie a été refusée (par "
    "exemple certains envois d'un import) ; 2 rien n'a été fait (refus ou commande mal formée). "
    "Avec --json, la sortie standard porte toujours un seul objet JSON, refus compris "
    "(clés « error » et « exit_code »)."
)


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse exits with 2 on a usage error; our interface promises 1, and French."""

    def error(self, message: str) -> NoReturn:
        self.print_usage()
        raise UsageError(f"{self.prog} : {french_usage_message(message)}")


_ARGPARSE_FRENCH = (
    (re.compile(r"the following arguments are required: (.*)"), r"arguments obligatoires : \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
     r"\1 : valeur \2 invalide (choix : \3)"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), r"\1 : valeur \3 invalide"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"),
     r"\1 : incompatible avec \2"),
    (re.compile(r"argument (\S+): (.*)"), r"\1 : \2"),
    (re.compile(r"unrecognized arguments: (.*)"), r"arguments inconnus : \1"),
)  # fmt: skip


class VersionAction(argparse.Action):
    """--version, reading the package metadata only when asked (the window starts without it)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"spro-desk {package_version()}")
        parser.exit()


def french_usage_message(message: str) -> str:
    for pattern, replacement in _ARGPARSE_FRENCH:
        if pattern.match(message):
            return pattern.sub(replacement, message, count=1)
    return message


def moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date et heure invalides « {text} » (format ISO attendu, ex. 2026-11-18T10:00)"
        ) from None


def day(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (AAAA-MM-JJ attendu)") from None


def need(text: str) -> str:
    if not is_need(text):
        raise argparse.ArgumentTypeError(
            f"thématique inconnue « {text} » (catégorie ou sous-thématique data·inclusion)"
        )
    return text


def public(text: str) -> str:
    if text not in publics() and text not in STATUTS:
        raise argparse.ArgumentTypeError(
            f"public inconnu « {text} » : un public data·inclusion ou un statut SPRO"
        )
    return text


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="une ligne JSON sur la sortie")


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action=VersionAction, nargs=0, help="afficher la version")
    parser.add_argument("--data-dir", help="dossier des données (sinon SPRO_DESK_DATA_DIR)")
    parser.add_argument(
        "--sample-if-empty",
        action="store_true",
        help="au premier démarrage, charger l'annuaire d'exemple",
    )
    # Hidden: quit once the window is usable (installer smoke test, start benchmark).
    parser.add_argument("--smoke-quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)


def build_window_parser() -> FrenchArgumentParser:
    """The options of the window's start alone: building every command's parser costs ~17 ms
    that the window, which has none, would pay at each start."""
    parser = FrenchArgumentParser(prog="spro-desk", add_help=False)
    _global_options(parser)
    return parser


def build_parser() -> FrenchArgumentParser:
    parser = FrenchArgumentParser(
        prog="spro-desk",
        description="SPRO Desk : accueil, annuaire des partenaires et orientation, hors ligne.",
        epilog=EXIT_CODES_HELP,
    )
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=FrenchArgumentParser)
    _directory_commands(commands.add_parser("directory", help="annuaire des partenaires"))
    _suggest_command(commands.add_parser("suggest", help="structures les plus adaptées"))
    _contact_commands(commands.add_parser("contact", help="contacts d'accueil"))
    _referral_commands(commands.add_parser("referral", help="orientations"))
    _desk_commands(commands.add_parser("desk", help="identité du poste (synchronisation)"))
    _coordinator_commands(commands.add_parser("coordinator", help="coordination régionale"))
    _sync_commands(commands.add_parser("sync", help="envois au coordinateur"))
    _privacy_commands(commands.add_parser("privacy", help="données personnelles : purge, journal"))
    _backup_commands(commands.add_parser("backup", help="sauvegardes de la base"))
    _report_command(commands.add_parser("report", help="bilan d'activité du site (ce poste)"))
    return parser


def _report_command(parser: argparse.ArgumentParser, *, coordinator: bool = False) -> None:
    add_report_arguments(parser, coordinator=coordinator)


REPORT_FORMATS = ("json", "csv", "xlsx", "pdf")
REPORT_PUBLICATION_HELP = (
    "Par défaut, le bilan écrit est une publication : le secret statistique est vérifié avec "
    "tous les bilans déjà publiés pour la même période (région, départements, sites…), pour "
    "qu'aucun chiffre masqué ne puisse être retrouvé en additionnant ou soustrayant des chiffres "
    "publiés ; la publication est enregistrée et la période close (un envoi reçu ensuite devient "
    "une révision : « coordinator revisions »). Avec --interne, un document de travail non "
    "masqué, ni enregistré ni publié."
)


def add_report_arguments(parser: argparse.ArgumentParser, *, coordinator: bool) -> None:
    parser.add_argument("--from", dest="start", type=day, required=True, help="premier jour")
    parser.add_argument("--to", dest="end", type=day, required=True, help="dernier jour inclus")
    if coordinator:
        parser.add_argument("--site", help="identifiant du poste (site)")
        parser.add_argument("--reseau", help="réseau des sites (cio, mission-locale…)")
        parser.add_argument("--departement", help="département des sites (code)")
        parser.add_argument("--epci", help="EPCI des sites (SIREN)")
    parser.add_argument("--format", choices=REPORT_FORMATS, required=True)
    parser.add_argument("--out", required=True, help="fichier à écrire")
    parser.add_argument(
        "--seuil", type=int, default=5, help="secret statistique : masquer sous ce nombre (5)"
    )
    parser.add_argument(
        "--sans-suite-jours", type=int, default=30, help="orientation sans suite après (30 j)"
    )
    parser.add_argument(
        "--retard-jours", type=int, default=14, help="poste en retard sans envoi depuis (14 j)"
    )
    parser.add_argument(
        "--au", type=moment, help="date de référence des délais et retards (ISO ; maintenant)"
    )
    _json_flag(parser)


def _privacy_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    _json_flag(actions.add_parser("purge", help="effacer les données personnelles échues"))
    audit = actions.add_parser("audit", help="journal d'accès aux données personnelles")
    audit.add_argument("--verify", action="store_true", help="vérifier qu'il est intact")
    _json_flag(audit)
    access = actions.add_parser(
        "access", help="droit d'accès : tout ce que le poste détient sur une personne"
    )
    which = access.add_mutually_exclusive_group(required=True)
    which.add_argument("--contact", help="identifiant du contact")
    which.add_argument("--search", help="nom, téléphone ou courriel (3 caractères au moins)")
    access.add_argument("--out", help="fichier JSON à remettre à la personne (portabilité)")
    access.add_argument(
        "--agent", help="nom du compte (responsable de site) ; le code est lu sur le terminal"
    )
    _json_flag(access)


def _backup_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    _json_flag(actions.add_parser("list", help="sauvegardes du poste, avec leur contenu"))
    _json_flag(actions.add_parser("create", help="sauvegarder la base maintenant"))
    restore = actions.add_parser("restore", help="remplacer la base par une sauvegarde")
    restore.add_argument("file", help="fichier de sauvegarde (ou son nom dans backups/)")
    restore.add_argument("--yes", action="store_true", help="sans demander de confirmation")
    _json_flag(restore)


def _desk_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    init = actions.add_parser("init", help="créer l'identité et la clé de signature du poste")
    init.add_argument("--site-nom", required=True)
    init.add_argument("--reseau", required=True)
    init.add_argument("--commune", required=True, help="code INSEE de la commune du site")
    _json_flag(init)
    registration = actions.add_parser("registration", help="fichier d'enregistrement du poste")
    registration.add_argument("--out", required=True)
    _json_flag(registration)
    trust = actions.add_parser("trust-coordinator", help="importer l'identité du coordinateur")
    trust.add_argument("file")
    _json_flag(trust)


def _sync_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    export = actions.add_parser("export", help="écrire l'envoi de la semaine (clé USB, dossier)")
    export.add_argument("--out", required=True, help="dossier de destination")
    _json_flag(export)
    update = actions.add_parser(
        "import-update", help="mise à jour de l'annuaire ou accusé de réception du coordinateur"
    )
    update.add_argument("file")
    _json_flag(update)
    push = actions.add_parser("push", help="envoyer au serveur WebDAV et recevoir les mises à jour")
    _json_flag(push)
    _json_flag(actions.add_parser("queue", help="envois en attente vers le serveur WebDAV"))
    configure = actions.add_parser("configure", help="adresse et compte du dossier WebDAV")
    configure.add_argument("--url", help="adresse https:// du dossier (vide : aucun serveur)")
    configure.add_argument("--user", help="nom d'utilisateur")
    configure.add_argument(
        "--secret-stdin", action="store_true", help="lire le mot de passe ou jeton sur l'entrée"
    )
    _json_flag(configure)


def _coordinator_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    init = actions.add_parser("init", help="créer les clés du coordinateur")
    init.add_argument("--account", help="créer aussi le premier compte (coordinateur), à ce nom")
    _json_flag(init)
    identity = actions.add_parser("identity", help="fichier d'identité signé, pour les postes")
    identity.add_argument("--out", required=True)
    _json_flag(identity)
    register = actions.add_parser("register", help="enregistrer un poste")
    register.add_argument("file")
    _json_flag(register)
    receive = actions.add_parser(
        "import",
        help="importer des envois de postes (fichiers ou dossiers)",
        epilog=EXIT_CODES_HELP,
    )
    receive.add_argument("bundles", nargs="+", help="fichiers .spro-bundle ou dossiers")
    _json_flag(receive)
    _json_flag(actions.add_parser("status", help="postes, envois, alertes"))
    report = actions.add_parser(
        "report",
        help="publier le bilan d'activité de tous les postes reçus (secret vérifié avec les "
        "bilans déjà publiés de la période)",
        description=REPORT_PUBLICATION_HELP,
    )
    _report_command(report, coordinator=True)
    how = report.add_mutually_exclusive_group()
    how.add_argument(
        "--publier",
        action="store_true",
        help="publier (ce que fait la commande par défaut ; gardé pour les scripts existants)",
    )
    how.add_argument(
        "--interne",
        action="store_true",
        help="document de travail de la coordination : chiffres non masqués, ni publié ni "
        "enregistré, ne clôt pas la période — à ne pas diffuser",
    )
    _period_commands(actions)
    revoke = actions.add_parser("revoke", help="révoquer un poste perdu ou volé")
    revoke.add_argument("desk_id")
    _json_flag(revoke)
    reinstate = actions.add_parser("reinstate", help="réintégrer délibérément un poste révoqué")
    reinstate.add_argument("desk_id")
    reinstate.add_argument("--note", required=True, help="motif, gardé dans le journal")
    _json_flag(reinstate)
    matrix = actions.add_parser(
        "completeness", help="envois reçus par poste et par semaine, numéros manquants, retards"
    )
    matrix.add_argument("--weeks", type=int, default=8, help="semaines montrées (8)")
    _json_flag(matrix)
    alerts = actions.add_parser("alerts", help="alertes ouvertes (--all : aussi les traitées)")
    alerts.add_argument("--all", action="store_true", help="avec les traitées et le journal")
    _json_flag(alerts)
    handle = actions.add_parser("handle-alert", help="marquer une alerte comme traitée")
    handle.add_argument("id", type=int)
    handle.add_argument("--note", required=True, help="ce qui a été fait, gardé dans le journal")
    _json_flag(handle)
    acks = actions.add_parser("acknowledge", help="accusés de réception signés, un par poste")
    acks.add_argument("--out", required=True)
    _json_flag(acks)
    fetch = actions.add_parser(
        "fetch-directory", help="télécharger l'annuaire de la région depuis l'API data·inclusion"
    )
    fetch.add_argument("--out", required=True, help="dossier où écrire les pages (reprise)")
    fetch.add_argument("--region", help="code INSEE de la région (sinon le réglage)")
    fetch.add_argument("--url", help="adresse de l'API (sinon le réglage)")
    _json_flag(fetch)
    publish = actions.add_parser("publish-directory", help="mise à jour signée de l'annuaire")
    publish.add_argument("path", help="export data·inclusion (dossier ou .zip)")
    publish.add_argument("--out", required=True, help="fichier de la mise à jour à écrire")
    publish.add_argument("--expires-days", type=int, default=45, help="validité (45 jours)")
    publish.add_argument(
        "--with-acknowledgements",
        action="store_true",
        help="joindre l'accusé de réception signé de chaque poste",
    )
    _json_flag(publish)
    _people_commands(actions)
    _database_url_options(actions, parser)


def _people_commands(actions: argparse._SubParsersAction) -> None:
    """Accounts, the audit trail and the automatic collection (issue 19); then the sign-in
    options on every action that does not have them yet."""
    from spro_desk.cli.parser_coordination import add_account_commands, add_sign_in_options

    add_account_commands(actions, _json_flag)
    _watch_command(actions)
    for name, action in actions.choices.items():
        if name != "account" and not any(
            "--account" in option.option_strings for option in action._actions
        ):
            add_sign_in_options(action)


def _watch_command(actions: argparse._SubParsersAction) -> None:
    watch = actions.add_parser(
        "watch", help="collecte automatique : serveur WebDAV et dossier, import, accusés renvoyés"
    )
    watch.add_argument("--webdav-url", help="adresse du dossier WebDAV des postes")
    watch.add_argument("--webdav-user", help="compte WebDAV")
    watch.add_argument(
        "--webdav-secret-file", help="fichier du mot de passe (sinon SPRO_DESK_WEBDAV_SECRET)"
    )
    watch.add_argument("--folder", help="dossier où arrivent aussi des envois")
    watch.add_argument("--interval", type=int, help="secondes entre deux collectes (300)")
    watch.add_argument("--once", action="store_true", help="une seule collecte, puis s'arrêter")
    watch.add_argument(
        "--save", action="store_true", help="enregistrer ces réglages (fenêtre, service) et quitter"
    )
    _json_flag(watch)


def _period_commands(actions: Any) -> None:
    _json_flag(actions.add_parser("periods", help="périodes publiées, closes, éditions"))
    for name, text in (
        ("close-period", "clore une période (plus aucun chiffre ne change sans décision)"),
        ("revisions", "ce que les envois tardifs changeraient aux bilans publiés"),
        ("new-edition", "publier une nouvelle édition des bilans de la période"),
    ):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("--from", dest="start", type=day, required=True, help="premier jour")
        parser.add_argument("--to", dest="end", type=day, required=True, help="dernier jour")
        if name == "new-edition":
            parser.add_argument("--out", required=True, help="dossier où écrire les bilans")
            parser.add_argument("--format", choices=REPORT_FORMATS, default="xlsx")
        _json_flag(parser)


def _database_url_options(
    actions: argparse._SubParsersAction, parser: argparse.ArgumentParser
) -> None:
    """--database-url on `coordinator` and on each of its actions (accounts' ones too)."""
    _database_url_option(parser)
    for action in {id(p): p for p in actions.choices.values()}.values():
        _database_url_option(action)
        for nested in action._actions:
            if isinstance(nested, argparse._SubParsersAction):
                for sub in {id(p): p for p in nested.choices.values()}.values():
                    _database_url_option(sub)


def _database_url_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: given before or after the action, neither parser's default hides the other's
    parser.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help="base de la coordination : postgresql://utilisateur@serveur/base (sinon "
        "SPRO_DESK_DATABASE_URL, sinon le fichier SQLite du dossier des données)",
    )


def _directory_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    imp = actions.add_parser(
        "import", help="importer un export data·inclusion (dossier, .zip, JSON, CSV, XLSX)"
    )
    imp.add_argument("path")
    imp.add_argument(
        "--force",
        action="store_true",
        help="remplacer l'annuaire même si le nouveau est bien plus petit",
    )
    _json_flag(imp)
    _json_flag(actions.add_parser("info", help="état de l'annuaire"))
    show = actions.add_parser("show", help="voir un service ou une structure comme un agent")
    show.add_argument("id", help="identifiant du service ou de la structure")
    show.add_argument("--at", type=moment, help="ouvert à ce moment (ISO) ; maintenant sinon")
    _json_flag(show)
    search = actions.add_parser("search", help="rechercher un service")
    search.add_argument("text", nargs="?", default="")
    search.add_argument("--commune", help="code INSEE de la commune de la personne")
    search.add_argument("--thematique", type=need, action="append", default=[])
    search.add_argument("--public", type=public)
    search.add_argument("--mode", choices=sorted(modes_accueil()), help="mode d'accueil")
    search.add_argument("--reseau", help="réseau SPRO (cio, mission-locale…)")
    search.add_argument("--at", type=moment, help="ouvert à ce moment (ISO)")
    search.add_argument("--limit", type=int, default=20)
    _json_flag(search)


def _suggest_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--commune", required=True)
    parser.add_argument("--statut", required=True, choices=list(STATUTS))
    parser.add_argument("--besoin", type=need, action="append", required=True)
    parser.add_argument("--age", type=int)
    parser.add_argument("--handicap", action="store_true")
    parser.add_argument("--at", type=moment, help="pour un autre moment (ISO)")
    parser.add_argument("--limit", type=int, default=5)
    _json_flag(parser)


def _contact_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    add = actions.add_parser("add", help="enregistrer un contact")
    add.add_argument("--canal", required=True, choices=list(CANAUX))
    add.add_argument("--statut", required=True, choices=list(STATUTS))
    add.add_argument("--tranche-age", default="non-renseigne", choices=list(TRANCHES_AGE))
    add.add_argument("--sexe", default="non-renseigne", choices=list(SEXES))
    add.add_argument("--handicap", action="store_true")
    add.add_argument("--commune")
    add.add_argument("--lieu", help="lieu de la permanence")
    add.add_argument("--besoin", type=need, action="append", default=[])
    add.add_argument("--reponse", choices=list(REPONSES), action="append", default=[])
    add.add_argument("--duree", type=int, help="minutes")
    add.add_argument("--at", type=moment, help="moment du contact (défaut : maintenant)")
    add.add_argument("--agent")
    add.add_argument("--consentement", action="store_true", help="la personne a donné son accord")
    add.add_argument("--nom")
    add.add_argument("--telephone")
    add.add_argument("--courriel")
    add.add_argument("--note")
    _json_flag(add)
    listing = actions.add_parser("list", help="lister les contacts")
    listing.add_argument("--since", type=day)
    _json_flag(listing)


def _referral_commands(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, parser_class=FrenchArgumentParser)
    add = actions.add_parser("add", help="orienter un contact vers un service")
    add.add_argument("--contact", required=True)
    add.add_argument("--service", required=True)
    add.add_argument("--rdv", type=moment, help="rendez-vous pris (ISO)")
    _json_flag(add)
    status = actions.add_parser("set", help="changer le statut d'une orientation")
    status.add_argument("--id", required=True)
    status.add_argument("--statut", required=True, choices=list(REFERRAL_STATUTS))
    _json_flag(status)
