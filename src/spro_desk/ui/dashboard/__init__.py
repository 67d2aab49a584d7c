"""The « Tableau de bord » screen: the site's own indicators."""
