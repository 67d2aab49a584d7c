"""The site of a try-out desk (`--sample-if-empty`): named after a CIO of the sample directory,
so the bilan, the fiche de liaison and the nearness of the suggestions have a site to go by."""

from __future__ import annotations

from spro_desk.site.settings import SiteSettings

SAMPLE_SITE = {
    "site.nom": "Site d'exemple — CIO de Bourges",
    "site.reseau": "cio",
    "site.commune": "18033",
    "site.adresse": "Exemple : 1 place de l'Hôtel de ville, 18000 Bourges",
}


def name_sample_site(settings: SiteSettings) -> bool:
    """Fill in what the first-run assistant would have asked, on a site not named yet; True
    when it did."""
    if str(settings.get("site.nom") or "").strip():
        return False
    for key, value in SAMPLE_SITE.items():
        settings.set(key, value)
    return True
