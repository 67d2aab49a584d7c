"""What each command does, on top of the domain services; output is printed by the caller."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from spro_desk import clock
from spro_desk.cli.commands_coordination import HANDLERS as COORDINATION_HANDLERS
from spro_desk.cli.commands_privacy import HANDLERS as PRIVACY_HANDLERS
from spro_desk.cli.commands_report import HANDLERS as REPORT_HANDLERS
from spro_desk.cli.commands_sync_update import HANDLERS as SYNC_UPDATE_HANDLERS
from spro_desk.cli.commands_transport import HANDLERS as TRANSPORT_HANDLERS
from spro_desk.cli.commands_watch import HANDLERS as WATCH_HANDLERS
from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.directory.catalog import directory_info
from spro_desk.directory.importer import import_directory
from spro_desk.directory.search import DirectorySearch, SearchFilters, prepare_search
from spro_desk.geo import geography
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.suggest import Suggester, profile_json
from spro_desk.storage.engine import Database

Result = dict[str, Any]
Handler = Callable[[Database, argparse.Namespace], Result]


def directory_import(db: Database, args: argparse.Namespace) -> Result:
    report = import_directory(db, Path(args.path), force=args.force)
    # The Annuaire's work in advance, done here once rather than while the agent types at the
    # desk's next start (seconds on the national directory).
    return {**report.as_json(), "recherche_preparee": prepare_search(db)}


def directory_info_command(db: Database, args: argparse.Namespace) -> Result:
    return directory_info(db).as_json()


def directory_show(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.directory.entry_view import entry_view

    return entry_view(db, args.id, args.at or clock.now())


def directory_search(db: Database, args: argparse.Namespace) -> Result:
    filters = SearchFilters(
        commune=args.commune,
        thematiques=tuple(args.thematique),
        public=args.public,
        mode_accueil=args.mode,
        reseau=args.reseau,
        open_at=args.at,
    )
    hits = DirectorySearch(db).search(args.text, filters, limit=args.limit)
    return {"results": [hit.as_json() for hit in hits]}


def suggest(db: Database, args: argparse.Namespace) -> Result:
    profile = VisitorProfile(
        commune=args.commune,
        statut=args.statut,
        besoins=tuple(args.besoin),
        age=args.age,
        handicap=args.handicap,
        at=args.at or clock.now(),
    )
    from spro_desk.site.catchment import catchment_communes
    from spro_desk.site.settings import SiteSettings

    geo = geography()
    area = catchment_communes(SiteSettings(db).get, geo)
    suggestions = Suggester(db, geo, area).suggest(profile, limit=args.limit)
    return {"profil": profile_json(profile), "results": [s.as_json() for s in suggestions]}


def contact_add(db: Database, args: argparse.Namespace) -> Result:
    personal = PersonalDataInput(
        nom=args.nom, telephone=args.telephone, courriel=args.courriel, note=args.note
    )
    data = ContactInput(
        canal=args.canal,
        statut=args.statut,
        tranche_age=args.tranche_age,
        sexe=args.sexe,
        handicap=True if args.handicap else None,
        commune=args.commune,
        lieu=args.lieu,
        besoins=tuple(args.besoin),
        reponses=tuple(args.reponse),
        duree=args.duree,
        occurred_at=args.at,
        agent=args.agent,
        personal=personal,
        consent=ConsentInput(agent=args.agent) if args.consentement else None,
    )
    return {"id": ContactService(db).record(data)}


def contact_list(db: Database, args: argparse.Namespace) -> Result:
    since = datetime.combine(args.since, datetime.min.time()) if args.since else None
    contacts = ContactService(db).list(since=since)
    return {"contacts": [c.as_json() for c in contacts]}


def referral_add(db: Database, args: argparse.Namespace) -> Result:
    return {"id": ContactService(db).add_referral(args.contact, args.service, rdv_at=args.rdv)}


def referral_set(db: Database, args: argparse.Namespace) -> Result:
    referral = ContactService(db).set_referral_status(args.id, args.statut)
    return {"id": referral.id, "statut": referral.statut}


def desk_init(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.geo import geography
    from spro_desk.sync.identity import IdentityError, init_desk

    if geography().commune(args.commune) is None:
        raise IdentityError(f"Commune « {args.commune} » inconnue : indiquez son code INSEE.")
    identity = init_desk(db, Path(args.resolved_data_dir), args.site_nom, args.reseau, args.commune)
    return identity.registration()


def desk_registration(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.identity import IdentityError, load_identity, write_registration

    identity = load_identity(db)
    if identity is None:
        raise IdentityError("Ce poste n'a pas encore d'identité : lancez « spro-desk desk init ».")
    out = write_registration(identity, Path(args.out))
    return {"file": str(out), "desk_id": identity.desk_id}


def desk_trust_coordinator(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.coordinator_identity import trust_coordinator

    identity = trust_coordinator(db, Path(args.file))
    return {"signing_public_key": identity.signing_public_key, "recipients": identity.recipients}


def coordinator_init(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.cli.commands_coordination import create_first_account
    from spro_desk.sync.coordinator_identity import init_coordinator

    first_account = create_first_account(db, args)
    identity = init_coordinator(Path(args.resolved_data_dir))
    result = identity.body()
    if first_account is not None:
        result["account"] = first_account().as_json()
    return result


def coordinator_identity_file(db: Database, args: argparse.Namespace) -> Result:
    import json

    from spro_desk.sync.coordinator_identity import SIGNING_KEY_FILE, signed_identity_file
    from spro_desk.sync.identity import IdentityError

    data_dir = Path(args.resolved_data_dir)
    if not (data_dir / SIGNING_KEY_FILE).exists():
        raise IdentityError(
            "Pas de clés de coordinateur ici : lancez « spro-desk coordinator init »."
        )
    document = signed_identity_file(data_dir)
    Path(args.out).write_text(json.dumps(document, indent=1), "utf-8")
    return {"file": args.out, "recipients": len(document["recipients"])}


def sync_export(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.transport import export_to_folder

    result = export_to_folder(db, Path(args.resolved_data_dir), Path(args.out))
    return {"bundle": str(result.path), "events": result.events, "sequence": result.sequence}


def coordinator_register(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.coordinator import register_desk

    desk = register_desk(db, Path(args.file))
    return {"desk_id": desk.desk_id, "site_nom": desk.site_nom}


def _bundle_paths(names: list[str]) -> list[Path]:
    """The files named, a folder standing for its `.spro-bundle` files in name order."""
    from spro_desk.sync.coordinator_views import bundle_files_in

    paths: list[Path] = []
    for name in names:
        path = Path(name)
        paths.extend(bundle_files_in(path) if path.is_dir() else [path])
    return paths


def coordinator_import(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.agents.coordination_audit import record_bundle_import
    from spro_desk.cli.parser import EXIT_OK, EXIT_PARTIAL, EXIT_REFUSED
    from spro_desk.sync.coordinator import BundleRefused, import_bundles
    from spro_desk.sync.merged import catch_up_merged_state

    result: Result = {"accepted": [], "refused": [], "results": [], "events_new": 0,
                      "events_duplicate": 0, "events_refused": 0}  # fmt: skip
    paths = _bundle_paths(args.bundles)
    outcomes = import_bundles(db, Path(args.resolved_data_dir), paths)  # batches share commits
    for path, outcome in outcomes:
        name = str(path)
        if isinstance(outcome, BundleRefused):
            result["refused"].append({"file": name, "reason": str(outcome)})
            result["results"].append({"file": name, "accepted": False, "error": str(outcome)})
            continue
        entry = {
            "file": name,
            "desk_id": outcome.desk_id,
            "bundle_seq": outcome.bundle_seq,
            "events_new": outcome.events_new,
            "events_duplicate": outcome.events_duplicate,
            "events_refused": outcome.refused,
            "alerts": outcome.alerts,
        }
        result["accepted"].append(entry)
        result["results"].append({**entry, "accepted": True})
        result["events_new"] += outcome.events_new
        result["events_duplicate"] += outcome.events_duplicate
        result["events_refused"] += outcome.refused
    # Merged by the import itself, and what it left to the catch-up (sync.merged).
    merged = sum(o.events_merged for _p, o in outcomes if not isinstance(o, BundleRefused))
    result["events_merged"] = merged + catch_up_merged_state(db)
    if paths:
        record_bundle_import(db, len(result["accepted"]), len(result["refused"]),
                             via="ligne de commande", events_new=result["events_new"])  # fmt: skip
    if not paths:
        result["error"] = "Aucun envoi (.spro-bundle) à importer."
    partial = result["refused"] or result["events_refused"]
    result["exit_code"] = (
        EXIT_REFUSED if not result["accepted"] else EXIT_PARTIAL if partial else EXIT_OK
    )
    result["ok"] = result["exit_code"] == EXIT_OK
    return result


def coordinator_revoke(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.coordinator import revoke_desk

    desk = revoke_desk(db, args.desk_id)
    return {"desk_id": desk.desk_id, "revoked": desk.revoked}


def coordinator_status_command(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.coordinator import coordinator_status

    return coordinator_status(db)


def coordinator_reinstate(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.coordinator import reinstate_desk

    desk = reinstate_desk(db, args.desk_id, args.note)
    return {"desk_id": desk.desk_id, "site_nom": desk.site_nom, "revoked": desk.revoked}


def coordinator_completeness(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.completeness import completeness

    return completeness(db, weeks=args.weeks)


def coordinator_alerts(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.completeness import alert_log, list_alerts

    result: Result = {"alerts": list_alerts(db, include_handled=args.all)}
    if args.all:
        result["log"] = alert_log(db)
    return result


def coordinator_handle_alert(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.completeness import handle_alert

    alert = handle_alert(db, args.id, args.note)
    return {"id": alert.pk, "kind": alert.kind, "handled_note": alert.handled_note}


def sync_configure(db: Database, args: argparse.Namespace) -> Result:
    """The WebDAV address, account and secret (read from stdin, never from the command line:
    it would show in the process list and the shell's history)."""
    import sys

    from spro_desk.site.settings import SettingError, SiteSettings
    from spro_desk.sync.transport import SECRET_KEY, URL_KEY, USER_KEY, TransportError

    site = SiteSettings(db)
    try:
        if args.url is not None:
            site.set(URL_KEY, args.url.strip())
        if args.user is not None:
            site.set(USER_KEY, args.user.strip())
        if args.secret_stdin:
            site.set(SECRET_KEY, sys.stdin.readline().rstrip("\r\n"))
    except SettingError as error:
        raise TransportError(str(error)) from error
    return {
        "endpoint": site.get(URL_KEY) or None,
        "user": site.get(USER_KEY) or None,
        "secret_set": bool(site.get(SECRET_KEY)),
    }


def coordinator_acknowledge(db: Database, args: argparse.Namespace) -> Result:
    from spro_desk.sync.acknowledgement import write_acknowledgements

    written = write_acknowledgements(db, Path(args.resolved_data_dir), Path(args.out))
    return {"files": [str(p) for p in written]}


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("directory", "import"): directory_import,
    ("directory", "info"): directory_info_command,
    ("directory", "search"): directory_search,
    ("directory", "show"): directory_show,
    ("suggest", None): suggest,
    ("contact", "add"): contact_add,
    ("contact", "list"): contact_list,
    ("referral", "add"): referral_add,
    ("referral", "set"): referral_set,
    ("desk", "init"): desk_init,
    ("desk", "registration"): desk_registration,
    ("desk", "trust-coordinator"): desk_trust_coordinator,
    ("sync", "export"): sync_export,
    ("coordinator", "acknowledge"): coordinator_acknowledge,
    ("coordinator", "init"): coordinator_init,
    ("coordinator", "identity"): coordinator_identity_file,
    ("coordinator", "register"): coordinator_register,
    ("coordinator", "import"): coordinator_import,
    ("coordinator", "status"): coordinator_status_command,
    ("coordinator", "revoke"): coordinator_revoke,
    ("coordinator", "reinstate"): coordinator_reinstate,
    ("coordinator", "completeness"): coordinator_completeness,
    ("coordinator", "alerts"): coordinator_alerts,
    ("coordinator", "handle-alert"): coordinator_handle_alert,
    ("sync", "configure"): sync_configure,
    **SYNC_UPDATE_HANDLERS,
    **TRANSPORT_HANDLERS,
    **PRIVACY_HANDLERS,
    **REPORT_HANDLERS,
    **COORDINATION_HANDLERS,
    **WATCH_HANDLERS,
}
