"""What a fresh Accueil form offers first."""

from __future__ import annotations

# Most walk-ins leave with spoken information: the response ticked on a fresh form.
DEFAULT_REPONSES: tuple[str, ...] = ("information-orale",)

# The need categories offered as one-key choices (1 to 9), in the order of the SPRO's
# first-level demand: orientation, training, employment first. Fixed so that keys stay learnt;
# a desk may set its own list under this QSettings key.
FREQUENT_NEEDS_KEY = "accueil/besoins_frequents"
FREQUENT_NEEDS: tuple[str, ...] = (
    "choisir-un-metier",
    "se-former",
    "trouver-un-emploi",
    "preparer-sa-candidature",
    "creer-une-entreprise",
    "souvrir-a-linternational",
    "mobilite",
    "logement-hebergement",
    "difficultes-financieres",
)
