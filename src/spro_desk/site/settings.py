"""The desk's settings, declared as data: the settings screen is generated from this list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from spro_desk.site.basics import ZONE_SETTING, apply_site_zone
from spro_desk.site.declared import (  # re-exported: the settings' one public module
    _BY_KEY,
    SECRET_KEPT,
    SETTINGS,
    SYSTEM_LANGUAGE,
    VALUE_FIELD,
    SettingError,
    SettingSpec,
    as_record,
    spec,
)

if TYPE_CHECKING:  # storage (SQLAlchemy) is imported when a setting is read or written
    from spro_desk.storage.engine import Database


class SiteSettings:
    """Secret settings (kind "secret": the WebDAV password) are sealed to the desk key like
    personal data (`spro_desk.site.secrets`): never in clear in the database, its WAL, its
    backups or the logs."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> Any:
        from spro_desk.storage.records import read_record

        record = read_record(self.db, key)
        if record is None:
            return spec(key).default
        if spec(key).kind == "secret":
            from spro_desk.site.secrets import open_secret

            return open_secret(self.db, key, record)
        return record[VALUE_FIELD]

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, Any]) -> None:
        """Check every value, then store them in one transaction: all of them, or none. A
        secret is sealed to the desk key; the placeholder of a kept secret changes nothing."""
        from spro_desk.storage.records import write_records

        records = {}
        zone = zone_saved(values)
        for key, value in values.items():
            checked = spec(key).check(value, zone)
            if spec(key).kind != "secret":
                records[key] = as_record(checked)
            elif checked != SECRET_KEPT:
                from spro_desk.site.secrets import sealed_record

                records[key] = sealed_record(self.db, key, checked or "")
        if records:
            write_records(self.db, records)

    def all(self) -> dict[str, Any]:
        from sqlmodel import col, select

        from spro_desk.storage.tables import Setting

        with self.db.session() as session:
            rows = session.exec(select(Setting).where(col(Setting.key).in_(_BY_KEY))).all()
        # The same table keeps other records (identity, sync state…), not shaped as settings.
        stored = {row.key: row.value[VALUE_FIELD] for row in rows if VALUE_FIELD in row.value}
        # A secret is never read back for display: a placeholder says one is kept.
        stored |= {row.key: SECRET_KEPT for row in rows if "sealed" in row.value}
        return {s.key: stored.get(s.key, s.default) for s in SETTINGS}


def zone_saved(values: Mapping[str, Any]) -> str | None:
    """The site's zone as these values set it (the computer's when emptied); None when they
    leave it as it is."""
    if ZONE_SETTING not in values:
        return None
    from spro_desk.clock import computer_zone_name

    return values[ZONE_SETTING] or computer_zone_name()


class StartupSettings:
    """The settings as read before the database layer is loaded, for the window's first paint.

    Read-only: the window switches to `SiteSettings` once the database is open.
    """

    def __init__(self, stored: Mapping[str, Any]) -> None:
        self._stored = dict(stored)

    def get(self, key: str) -> Any:
        return self._stored[key] if key in self._stored else spec(key).default


__all__ = [
    "SECRET_KEPT",
    "SETTINGS",
    "SYSTEM_LANGUAGE",
    "VALUE_FIELD",
    "ZONE_SETTING",
    "SettingError",
    "SettingSpec",
    "SiteSettings",
    "StartupSettings",
    "apply_site_zone",
    "as_record",
    "spec",
]
