"""Human-readable French output of the commands (the --json output is the result itself)."""

from __future__ import annotations

from typing import Any

from spro_desk.cli.commands_coordination import render_accounts, render_audit
from spro_desk.vocab import REFERRAL_STATUTS, STATUTS, need_label


def render(key: tuple[str, str | None], result: dict[str, Any]) -> str:
    renderer = _RENDERERS.get(key, _render_id)
    return renderer(result)


def _render_import(result: dict[str, Any]) -> str:
    hours = result.get("horaires", {})
    lines = [
        f"Annuaire importé : {result['structures']} structures "
        f"(dont {result.get('structures_sans_service', 0)} sans service), "
        f"{result['services']} services.",
        f"{len(result['rejected'])} ligne(s) rejetée(s), "
        f"{len(result['warnings'])} avertissement(s).",
        f"Horaires : {hours.get('non_structures', 0)} en texte libre (non structurés), "
        f"{hours.get('non_renseignes', 0)} non renseignés (valeur par défaut), "
        f"{hours.get('sans_jours_feries', 0)} sans règle pour les jours fériés.",
    ]
    if "recherche_preparee" in result:
        lines.append(
            "Recherche de l'annuaire préparée pour le prochain démarrage."
            if result["recherche_preparee"]
            else "Recherche de l'annuaire en partie préparée : le poste finira au démarrage."
        )
    lines += [
        f"  rejet  {r['file']}[{r['index']}] {r['id'] or '(sans id)'} : {r['reason']}"
        for r in result["rejected"]
    ]
    lines += [
        f"  avert. {w['file']}[{w['index']}] {w['id']} : {w['message']}" for w in result["warnings"]
    ]
    return "\n".join(lines)


def _render_info(result: dict[str, Any]) -> str:
    if not result["imported_at"]:
        return "Aucun annuaire importé. Utilisez « spro-desk directory import CHEMIN »."
    return (
        f"{result['structures']} structures, {result['services']} services\n"
        f"source : {result['source']}\nimporté le : {result['imported_at']}"
    )


def _render_results(result: dict[str, Any]) -> str:
    if not result["results"]:
        return "Aucun résultat."
    blocks = []
    for rank, hit in enumerate(result["results"], start=1):
        service = hit["service_nom"] or "Structure (aucun service détaillé publié)"
        head = f"{rank}. {service} — {hit['structure_nom']} ({hit['commune'] or '?'})"
        ident = f"   id : {hit['service_id'] or hit['structure_id']}"
        details = [ident] + [f"   · {reason}" for reason in hit["reasons"]]
        blocks.append("\n".join([head, *details]))
    return "\n".join(blocks)


def _render_suggestions(result: dict[str, Any]) -> str:
    profile = result["profil"]
    who = STATUTS.get(profile["statut"], profile["statut"])
    extras = [f"{profile['age']} ans"] if profile["age"] is not None else []
    extras += ["handicap"] if profile["handicap"] else []
    head = (
        f"Pour : {who}{''.join(', ' + e for e in extras)}, commune {profile['commune']}, "
        f"besoins : {', '.join(need_label(b) for b in profile['besoins'])} ({profile['moment']})"
    )
    return head + "\n" + _render_results(result)


def _render_contacts(result: dict[str, Any]) -> str:
    if not result["contacts"]:
        return "Aucun contact."
    lines = []
    for contact in result["contacts"]:
        statut = STATUTS.get(contact["statut"], contact["statut"])
        lines.append(
            f"{contact['occurred_at'][:16]}  {contact['canal']:<16} {statut}  {contact['id']}"
        )
        for referral in contact["referrals"]:
            state = REFERRAL_STATUTS.get(referral["statut"], referral["statut"])
            lines.append(f"    → {referral['structure_nom']} : {state}  {referral['id']}")
    return "\n".join(lines)


def _render_push(result: dict[str, Any]) -> str:
    sent = len(result["sent"]) + len(result["confirmed"])
    lines = [f"{sent} envoi(s) envoyé(s) et confirmé(s) par le serveur ; {result['pending']} en "
             "attente."]  # fmt: skip
    lines += [f"  échec  {f['name']} : {f['error']}" for f in result["failed"]]
    lines += [f"  reçu   {u['name']} ({u['kind']})" for u in result["updates"]]
    lines += [f"  refusé {u['name']} : {u['error']}" for u in result["update_errors"]]
    if result["error"]:
        lines.append(f"Arrêté : {result['error']}")
    return "\n".join(lines)


def _render_queue(result: dict[str, Any]) -> str:
    lines = [f"Événements non confirmés par le coordinateur : {result['events_pending']}.",
             f"Serveur : {result['endpoint'] or 'aucun (export sur clé seulement)'}."]  # fmt: skip
    if not result["queue"]:
        return "\n".join([*lines, "Aucun envoi en attente."])
    for item in result["queue"]:
        state = item["last_error"] or "pas encore essayé"
        when = item["next_attempt_at"] or "au prochain passage"
        lines.append(f"  {item['name']}  {item['size']} o  {item['attempts']} essai(s)  "
                     f"prochain : {when}  {state}")  # fmt: skip
    return "\n".join(lines)


def _render_coordinator_import(result: dict[str, Any]) -> str:
    lines = [
        f"{len(result['accepted'])} envoi(s) accepté(s), {len(result['refused'])} refusé(s) ; "
        f"{result['events_new']} événement(s) nouveau(x), {result['events_duplicate']} déjà "
        f"reçu(s), {result['events_merged']} intégré(s) aux indicateurs."
    ]
    if result.get("events_refused"):
        lines.append(
            f"{result['events_refused']} changement(s) refusé(s) : contacts d'un autre poste."
        )
    lines += [f"  refusé {r['file']} : {r['reason']}" for r in result["refused"]]
    alerted = [a for a in result["accepted"] if a["alerts"]]
    lines += [f"  alerte {a['file']} : {', '.join(a['alerts'])}" for a in alerted]
    if result.get("error"):
        lines.append(result["error"])
    return "\n".join(lines)


def _render_coordinator_status(result: dict[str, Any]) -> str:
    lines = [
        f"Postes actifs : {len(result['desks'])} ; révoqués : {len(result['revoked_desks'])}.",
        f"Contacts : {result['contacts']} ; orientations : {result['referrals']} "
        f"(hors supprimés) ; événements reçus : {result['events']}.",
    ]
    lines += [f"  {d['site_nom']}  {d['desk_id']}" for d in result["desks"]]
    lines += [f"  {d['site_nom']}  {d['desk_id']}  (révoqué)" for d in result["revoked_desks"]]
    for gap in result["gaps"]:
        lines.append(f"Manquants ({gap['desk_id']}) : {gap['count']} numéro(s) d'événement.")
    opened = sum(result["open_alerts"].values())
    lines.append(f"Alertes ouvertes : {opened} (« spro-desk coordinator alerts » les détaille).")
    return "\n".join(lines)


def _runs(ranges: list[list[int]]) -> str:
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in ranges[:10])


def _render_completeness(result: dict[str, Any]) -> str:
    header = "Poste".ljust(28) + " ".join(w[5:] for w in result["weeks"])
    lines = [f"Envois reçus par semaine (semaines du lundi) — {result['late']} poste(s) en retard "
             f"(plus de {result['late_after_days']} jours sans envoi).", header]  # fmt: skip
    for desk in result["desks"]:
        cells = " ".join(f"{n:>5}" if n else "    ·" for n in desk["weeks"])
        late = "  EN RETARD" if desk["late"] else ""
        lines.append(f"{desk['site_nom'][:27]:<28}{cells}{late}")
        for key, label in (("missing_bundles", "envois"), ("missing_events", "événements")):
            missing = desk[key]
            if missing["count"]:
                lines.append(
                    f"    {label} manquants : {missing['count']} ({_runs(missing['ranges'])})"
                )
    if result["revoked"]:
        lines.append("Révoqués (hors couverture et retards) : "
                     + ", ".join(d["site_nom"] for d in result["revoked"]))  # fmt: skip
    return "\n".join(lines)


def _render_alerts(result: dict[str, Any]) -> str:
    if not result["alerts"]:
        return "Aucune alerte ouverte."
    lines = []
    for alert in result["alerts"]:
        state = f"traitée : {alert['handled_note']}" if alert["handled_at"] else "ouverte"
        times = f" ×{alert['occurrences']}" if alert["occurrences"] > 1 else ""
        lines.append(f"n° {alert['id']}  {alert['site_nom']}  {alert['label']}{times}  [{state}]")
        lines.append(f"    {alert['message']}")
    return "\n".join(lines)


def _render_entry(result: dict[str, Any]) -> str:
    kind = "Service" if result["type"] == "service" else "Structure"
    lines = [f"{kind} : {result['nom']}  [{result['id']}]"]
    if result["type"] == "service":
        lines.append(f"Structure : {result['structure']['nom']}")
    lines += [
        f"{label} : {result[key]}"
        for label, key in (
            ("Réseau", "reseau"), ("Adresse", "adresse"), ("Téléphone", "telephone"),
            ("Courriel", "courriel"), ("Site", "site_web"),
        )
        if result.get(key)
    ]  # fmt: skip
    lines.append(f"À {result['moment'].replace('T', ' ')} : {result['statut']}")
    lines += ["Horaires :", *(f"  {line}" for line in result["horaires"])]
    if result["description"]:
        lines += ["", result["description"]]
    if result.get("services"):
        lines += ["", "Services :", *(f"  {s['nom']}  [{s['id']}]" for s in result["services"])]
    return "\n".join(lines)


def _render_id(result: dict[str, Any]) -> str:
    return "\n".join(f"{key} : {value}" for key, value in result.items())


def _render_coordinator_init(result: dict[str, Any]) -> str:
    recipients = result.get("recipients") or []
    return "\n".join([
        "Clés du coordinateur créées.",
        f"Clé publique de signature : {result.get('signing_public_key', '')}",
        f"Destinataire(s) du chiffrement des envois : {', '.join(recipients)}",
        "Suite : « spro-desk coordinator identity --out FICHIER », à remettre aux postes.",
    ])  # fmt: skip


def _render_coordinator_identity(result: dict[str, Any]) -> str:
    count = int(result.get("recipients") or 0)
    return "\n".join([
        f"Fichier d'identité du coordinateur écrit : {result.get('file', '')}",
        f"Clé(s) de chiffrement annoncée(s) aux postes : {count}.",
        "Remettez ce fichier à chaque poste (Synchronisation › Importer l'identité du "
        "coordinateur).",
    ])  # fmt: skip


def _render_message(result: dict[str, Any]) -> str:
    return str(result["message"])


def _render_periods(result: dict[str, Any]) -> str:
    periods = result.get("periods") or []
    if not periods:
        return "Aucun bilan publié : aucune période close."
    lines = []
    for p in periods:
        closed = f"close le {p['closed_at'][:16].replace('T', ' ')} par {p['closed_by']}"
        lines.append(f"Période {p['period']} — édition {p['edition']}, {closed}")
        lines += [f"  • {bilan}" for bilan in p["bilans"]]
    return "\n".join(lines)


def _render_revisions(result: dict[str, Any]) -> str:
    late = result.get("late_bundles") or []
    changes = result.get("changes") or []
    lines = [f"Période {result['period']}, édition {result['edition']} : "
             f"{len(late)} envoi(s) reçu(s) depuis la clôture."]  # fmt: skip
    lines += [f"  • poste {b['desk_id']}, envoi n° {b['bundle_seq']}, reçu le "
              f"{b['received_at'][:16].replace('T', ' ')}" for b in late]  # fmt: skip
    if not changes:
        lines.append("Aucun chiffre publié ne change.")
        return "\n".join(lines)
    lines.append(f"{len(changes)} chiffre(s) changerai(en)t dans une nouvelle édition "
                 "(« spro-desk coordinator new-edition ») :")  # fmt: skip
    for c in changes:
        shown = "masqué" if c["published"] is None else c["published"]
        where = f"{c['bilan']} — {c['table']}, {c['row']} / {c['column']}"
        lines.append(f"  • {where} : {c['before']} → {c['after']} ({c['delta']:+d}) ; "
                     f"publié : {shown}")  # fmt: skip
    return "\n".join(lines)


def _render_report(result: dict[str, Any]) -> str:
    masked = result["masked"]
    if result.get("kind") == "interne":
        return (f"Bilan interne écrit dans {result['out']} ({result['scope']}) : chiffres non "
                "masqués, ni publié ni enregistré — à ne pas diffuser hors de la coordination "
                "(pour publier, relancez sans --interne).")  # fmt: skip
    if result.get("kind") != "publication":
        return (
            f"Bilan écrit dans {result['out']} ({result['scope']}) : {masked} chiffre(s) masqué(s)."
        )
    published = result["published"]
    return "\n".join((
        f"Bilan publié dans {result['out']} ({result['scope']}, édition {published['edition']}).",
        f"Secret statistique vérifié avec les {result['checked_with']} autre(s) bilan(s) déjà "
        f"publié(s) pour la période {result['period']} : {masked} chiffre(s) masqué(s), aucun ne "
        "peut être retrouvé en additionnant ou soustrayant des chiffres publiés.",
        "Publication enregistrée ; la période est close (un envoi reçu ensuite sera une "
        "révision : « spro-desk coordinator revisions »).",
    ))  # fmt: skip


_RENDERERS = {
    ("coordinator", "report"): _render_report,
    ("report", None): _render_report,
    ("coordinator", "periods"): _render_periods,
    ("coordinator", "revisions"): _render_revisions,
    ("directory", "import"): _render_import,
    ("directory", "info"): _render_info,
    ("directory", "show"): _render_entry,
    ("directory", "search"): _render_results,
    ("suggest", None): _render_suggestions,
    ("contact", "list"): _render_contacts,
    ("sync", "push"): _render_push,
    ("sync", "queue"): _render_queue,
    ("coordinator", "import"): _render_coordinator_import,
    ("coordinator", "audit"): render_audit,
    ("coordinator", "account"): render_accounts,
    ("coordinator", "status"): _render_coordinator_status,
    ("coordinator", "completeness"): _render_completeness,
    ("coordinator", "alerts"): _render_alerts,
    ("coordinator", "init"): _render_coordinator_init,
    ("coordinator", "identity"): _render_coordinator_identity,
    ("privacy", "purge"): _render_message,
    ("privacy", "audit"): _render_message,
    ("privacy", "access"): _render_message,
}
