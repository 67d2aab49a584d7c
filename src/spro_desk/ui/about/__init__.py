"""« À propos »."""
