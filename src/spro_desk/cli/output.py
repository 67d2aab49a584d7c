"""Human-readable French output of the commands (the --json output is the result itself)."""

from __future__ import annotations

from typing import Any

from spro_desk.vocab import REFERRAL_STATUTS, STATUTS


def render(key: tuple[str, str | None], result: dict[str, Any]) -> str:
    renderer = _RENDERERS.get(key, _render_id)
    return renderer(result)


def _render_import(result: dict[str, Any]) -> str:
    lines = [
        f"Annuaire importé : {result['structures']} structures, {result['services']} services.",
        f"{len(result['rejected'])} ligne(s) rejetée(s), "
        f"{len(result['warnings'])} avertissement(s).",
    ]
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
        head = f"{rank}. {hit['service_nom']} — {hit['structure_nom']} ({hit['commune'] or '?'})"
        details = [f"   id : {hit['service_id']}"] + [f"   · {reason}" for reason in hit["reasons"]]
        blocks.append("\n".join([head, *details]))
    return "\n".join(blocks)


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


def _render_id(result: dict[str, Any]) -> str:
    return "\n".join(f"{key} : {value}" for key, value in result.items())


_RENDERERS = {
    ("directory", "import"): _render_import,
    ("directory", "info"): _render_info,
    ("directory", "search"): _render_results,
    ("suggest", None): _render_results,
    ("contact", "list"): _render_contacts,
}
