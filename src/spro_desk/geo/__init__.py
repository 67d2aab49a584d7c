"""French administrative geography: communes, EPCI, départements, régions and zones."""

from spro_desk.geo.cog import (
    FRANCE,
    FRANCE_COUNTRY_CODE,
    Commune,
    Departement,
    Epci,
    Geography,
    GeographyError,
    GeoSource,
    Region,
    ZoneKind,
    commune_label,
    geography,
    search_key,
)

__all__ = [
    "FRANCE",
    "FRANCE_COUNTRY_CODE",
    "Commune",
    "Departement",
    "Epci",
    "GeoSource",
    "Geography",
    "GeographyError",
    "Region",
    "ZoneKind",
    "commune_label",
    "geography",
    "search_key",
]
