"""« Données de cette personne »: the right of access (RGPD art. 15) on screen, in PDF, in JSON."""
