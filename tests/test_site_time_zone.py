"""Issue 18: one time zone per site, the same for the screen, the stored days and the exports.

Overseas desks must count a late walk-in on their own calendar day, not metropolitan France's
nor the computer's: 00:30 in La Réunion is still the evening before in Paris.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from spro_desk import clock
from spro_desk.cli.main import main
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.source import DeskSource
from spro_desk.site.settings import SettingError, SiteSettings, apply_site_zone
from spro_desk.storage.engine import Database

# (site zone, the site's wall clock at the walk-in, the UTC moment stored)
LATE_WALK_INS = [
    ("Indian/Reunion", datetime(2026, 3, 10, 23, 30), datetime(2026, 3, 10, 19, 30)),
    # A Paris-hardwired day would be the 10th: 21:30 in Paris.
    ("Indian/Reunion", datetime(2026, 3, 11, 0, 30), datetime(2026, 3, 10, 20, 30)),
    # A Paris-hardwired day would be the 11th: 04:30 in Paris.
    ("America/Guadeloupe", datetime(2026, 3, 10, 23, 30), datetime(2026, 3, 11, 3, 30)),
    ("Pacific/Noumea", datetime(2026, 3, 11, 7, 0), datetime(2026, 3, 10, 20, 0)),
]


def desk_in(tmp_path: Path, zone: str) -> Database:
    folder = tmp_path / "desk"
    folder.mkdir()
    db = Database(database_path(folder))
    SiteSettings(db).set("site.fuseau", zone)
    assert apply_site_zone(SiteSettings(db).get) == zone
    return db


def stored_moment(db: Database) -> str:
    with sqlite3.connect(db.path) as connection:
        (value,) = connection.execute("SELECT occurred_at FROM contact").fetchone()
    return str(value)


@pytest.mark.parametrize(("zone", "wall", "utc"), LATE_WALK_INS)
def test_a_late_walk_in_counts_on_the_sites_own_day(
    tmp_path: Path, zone: str, wall: datetime, utc: datetime
) -> None:
    db = desk_in(tmp_path, zone)
    service = ContactService(db)
    contact_id = service.record(ContactInput(canal="accueil-physique", statut="salarie",
                                             occurred_at=wall))  # fmt: skip
    # The database keeps the moment in UTC; read back, it is the site's wall clock again.
    assert stored_moment(db).startswith(utc.isoformat(sep=" "))
    assert clock.wall_clock(service.get(contact_id).occurred_at) == wall
    # The bilan's stored days (the merged state the indicators read) are the site's days.
    options = Options(as_of=datetime(2026, 4, 1, tzinfo=UTC))
    on_the_day = Filters(Period(wall.date(), wall.date()))
    figures = compute_indicators(DeskSource(db), on_the_day, options).figures
    assert figures["contacts"].value == 1
    other_days = [d for d in (date(2026, 3, 10), date(2026, 3, 11)) if d != wall.date()]
    for other in other_days:
        result = compute_indicators(DeskSource(db), Filters(Period(other, other)), options)
        assert result.figures["contacts"].value == 0
    db.close()


@pytest.mark.parametrize(("zone", "wall", "utc"), LATE_WALK_INS[1:3])
def test_the_exported_bilan_counts_the_walk_in_on_the_sites_day(
    tmp_path: Path, zone: str, wall: datetime, utc: datetime
) -> None:
    db = desk_in(tmp_path, zone)
    ContactService(db).record(ContactInput(canal="accueil-physique", statut="salarie",
                                           occurred_at=wall))  # fmt: skip
    db.close()
    clock.use_zone(None)  # the command reads the zone from the site, like a fresh process
    day = wall.date().isoformat()
    out = tmp_path / "bilan.json"
    code = main(["--data-dir", str(tmp_path / "desk"), "report", "--from", day, "--to", day,
                 "--format", "json", "--out", str(out), "--seuil", "1"])  # fmt: skip
    assert code == 0
    document = json.loads(out.read_text("utf-8"))
    assert clock.zone_name() == zone
    assert _contacts(document) == 1


def _contacts(document: dict) -> int:
    figures = document["themes"][0]["sections"][0]["items"]
    return next(int(item["value"]) for item in figures if item["label"] == "Contacts")


def test_the_zone_is_one_of_the_french_territories(db: Database) -> None:
    settings = SiteSettings(db)
    assert settings.get("site.fuseau") == ""  # the computer's, until the site chooses
    overseas = ("America/Cayenne", "America/Martinique", "America/Guadeloupe", "Indian/Reunion")
    for zone in ("Europe/Paris", *overseas, "Indian/Mayotte", "Pacific/Tahiti", "Pacific/Noumea"):
        settings.set("site.fuseau", zone)
        assert apply_site_zone(settings.get) == zone
    with pytest.raises(SettingError, match="Fuseau horaire"):
        settings.set("site.fuseau", "Mars/Olympus_Mons")
    assert settings.get("site.fuseau") == "Pacific/Noumea"


def test_a_phone_saved_with_a_new_zone_is_read_in_that_zone(db: Database) -> None:
    """The zone and the phone changed in one save (Paramètres, the first-run assistant): the
    phone was checked on the zone in use until then, and Papeete's « 40 41 22 33 » refused."""
    clock.use_zone("Europe/Paris")
    try:
        settings = SiteSettings(db)
        settings.set_many({"site.fuseau": "Pacific/Tahiti", "site.telephone": "40 41 22 33"})
        assert settings.get("site.telephone") == "40 41 22 33"
        assert clock.zone_name() == "Europe/Paris"  # saving changes no clock in use
        with pytest.raises(SettingError, match="Téléphone"):  # a Paris zone reads it as before
            settings.set_many({"site.fuseau": "Europe/Paris", "site.telephone": "40 41 22 33"})
    finally:
        clock.use_zone(None)


def test_an_empty_zone_follows_the_computer(db: Database) -> None:
    apply_site_zone(SiteSettings(db).get)
    assert clock.zone_name() == ""
    assert clock.computer_zone_name()
    moment = datetime(2026, 3, 10, 19, 30, tzinfo=UTC)
    assert clock.wall_clock(moment) == moment.astimezone().replace(tzinfo=None)


# --- a partner's opening hours are read on the partner's clock --------------------------------

# Wednesday 11 March 2026, 10:30 in Saint-Denis (UTC+4): 07:30 in Bourges (UTC+1).
REUNION_MORNING = datetime(2026, 3, 11, 10, 30)
OFFICE_HOURS = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"


def _candidate(code_insee: str) -> object:
    from spro_desk.directory.catalog import ServiceSummary
    from spro_desk.orientation.candidates import Candidate

    summary = ServiceSummary(1, "s", "st", "Service", "Structure", None, code_insee,
                             OFFICE_HOURS, None, ("en-presentiel",))  # fmt: skip
    return Candidate(summary, frozenset(), frozenset(), None, None, None, False, False, None,
                     None, False, (), None, None)  # fmt: skip


def _profile(at: datetime) -> object:
    from spro_desk.orientation.profile import VisitorProfile

    return VisitorProfile(commune="97411", statut="salarie", besoins=("trouver-un-emploi",), at=at)


@pytest.mark.parametrize(
    ("code_insee", "zone"),
    [("18033", "Europe/Paris"), ("2A004", "Europe/Paris"), ("97411", "Indian/Reunion"),
     ("97101", "America/Guadeloupe"), ("97209", "America/Martinique"),
     ("97302", "America/Cayenne"), ("97611", "Indian/Mayotte"), ("97502", "America/Miquelon"),
     ("97701", "America/St_Barthelemy"), ("97801", "America/Marigot")],
)  # fmt: skip
def test_a_communes_zone_comes_from_its_departement(code_insee: str, zone: str) -> None:
    assert clock.zone_of_commune(code_insee) == zone


def test_a_mainland_partner_is_closed_at_10_30_in_la_reunion() -> None:
    from spro_desk.orientation.ranking import availability

    clock.use_zone("Indian/Reunion")
    mainland, local = _candidate("18033"), _candidate("97411")
    assert clock.partner_clock(REUNION_MORNING, "18033") == datetime(2026, 3, 11, 7, 30)
    assert clock.site_clock(datetime(2026, 3, 11, 9, 0), "18033") == datetime(2026, 3, 11, 12, 0)
    # 07:30 in Bourges: closed, opening at 09:00 there (within the working days): 1, not 2.
    assert availability(mainland, _profile(REUNION_MORNING)) == 1  # type: ignore[arg-type]
    assert availability(local, _profile(REUNION_MORNING)) == 2  # type: ignore[arg-type]
    # 13:00 in Saint-Denis is 10:00 in Bourges: the mainland office is open, the local one shut.
    lunch = datetime(2026, 3, 11, 13, 0)
    assert availability(mainland, _profile(lunch)) == 2  # type: ignore[arg-type]
    assert availability(local, _profile(lunch)) == 1  # type: ignore[arg-type]


def test_a_mainland_site_reads_mainland_hours_as_before() -> None:
    clock.use_zone("Europe/Paris")
    assert clock.partner_clock(REUNION_MORNING, "18033") == REUNION_MORNING
    assert clock.partner_clock(REUNION_MORNING, None) == REUNION_MORNING
    # A Réunion partner of a mainland site: its 10:30 is 07:30 in Paris (winter).
    assert clock.partner_clock(datetime(2026, 3, 11, 7, 30), "97411") == REUNION_MORNING


BOURGES_HOURS = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"


def test_a_mainland_partners_status_is_told_on_the_reunion_desks_clock() -> None:
    """The Pourquoi pane's and the Annuaire's phrase say what the booking dialog says: at 10:30
    in Saint-Denis (07:30 in Bourges) closed, opening at 12:00 on the desk's clock."""
    from spro_desk.directory.hours import Hours

    clock.use_zone("Indian/Reunion")
    hours = Hours.parse(BOURGES_HOURS)
    assert hours.status_fr(REUNION_MORNING, "18033") == "Fermé · ouvre à 12\u00a0h"
    # 13:00 in Saint-Denis is 10:00 in Bourges: open until its noon, 15:00 for the desk.
    assert hours.status_fr(datetime(2026, 3, 11, 13, 0), "18033") == "Ouvert jusqu'à 15\u00a0h"
    # A Réunion partner keeps the desk's clock.
    assert hours.status_fr(REUNION_MORNING, "97411") == "Ouvert jusqu'à 12\u00a0h"


def test_a_mainland_sites_status_of_mainland_hours_is_unchanged() -> None:
    from spro_desk.directory.hours import Hours

    clock.use_zone("Europe/Paris")
    hours = Hours.parse(BOURGES_HOURS)
    for at in (REUNION_MORNING, datetime(2026, 3, 11, 13, 0), datetime(2026, 3, 13, 18, 0)):
        assert hours.status_fr(at, "18033") == hours.status_fr(at)
    assert hours.status_fr(REUNION_MORNING, "18033") == "Ouvert jusqu'à 12\u00a0h"


def test_the_why_pane_reads_a_mainland_partners_hours_on_its_clock() -> None:
    from spro_desk.directory.hours import french
    from spro_desk.orientation.reasons import _hours_reason

    clock.use_zone("Indian/Reunion")
    reason = _hours_reason(_candidate("18033"), _profile(REUNION_MORNING), french)  # type: ignore[arg-type]
    assert reason == "fermé · ouvre à 12\u00a0h"


@pytest.mark.parametrize("zone", ["Europe/Paris", "Indian/Reunion", "Pacific/Noumea"])
def test_a_searchs_clocks_are_each_partners_clock(zone: str) -> None:
    """`partner_clocks` (the « ouvert à » filter's, one conversion per zone) says what
    `partner_clock` says for every commune, overseas ones included on a mainland desk."""
    clock.use_zone(zone)
    at = clock.partner_clocks(REUNION_MORNING)
    for code in ("18033", "2A004", "97411", "97101", "98818", "97611", None, ""):
        assert at(code) == clock.partner_clock(REUNION_MORNING, code), code
    assert at("18033") == (REUNION_MORNING if zone == "Europe/Paris" else at("75056"))
    if zone == "Europe/Paris":
        assert at("97411") == datetime(2026, 3, 11, 13, 30)  # Saint-Denis is 3 hours ahead
