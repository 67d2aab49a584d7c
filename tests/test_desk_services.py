"""Domain services behind the front-desk screens: undo, follow-up, activity, settings, slip."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from spro_desk.contacts.follow_up import follow_up
from spro_desk.contacts.model import ContactError, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.orientation.slip import build_slip
from spro_desk.reports.activity import activity, month_of, week_of
from spro_desk.site.settings import SettingError, SiteSettings
from spro_desk.storage.engine import Database

CIO_SERVICE = "spro-annuaire--cio-de-bourges--1"


def _contact(**changes) -> ContactInput:
    base = dict(canal="accueil-physique", statut="scolaire", besoins=("choisir-un-metier",))
    return ContactInput(**{**base, **changes})


def test_deleting_a_contact_can_be_undone(db: Database) -> None:
    service = ContactService(db)
    contact_id = service.record(_contact())
    service.delete(contact_id)
    assert service.list() == []
    service.restore(contact_id)
    assert [c.id for c in service.list()] == [contact_id]


def test_editing_a_contact_keeps_its_id_and_checks_values(db: Database) -> None:
    service = ContactService(db)
    contact_id = service.record(_contact())
    service.update(contact_id, _contact(statut="etudiant", reponses=("documentation",)))
    contact = service.get(contact_id)
    assert (contact.statut, contact.reponses) == ("etudiant", ["documentation"])
    with pytest.raises(ContactError):
        service.update(contact_id, _contact(statut="astronaute"))
    assert service.get(contact_id).statut == "etudiant"


def test_follow_up_lists_overdue_rendez_vous_first(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    now = datetime(2026, 11, 20, 12, 0).astimezone()
    contact_id = service.record(_contact())
    future = service.add_referral(contact_id, CIO_SERVICE, rdv_at=now + timedelta(days=3))
    info = service.add_referral(contact_id, CIO_SERVICE)
    late = service.add_referral(contact_id, CIO_SERVICE, rdv_at=now - timedelta(days=2))
    done = service.add_referral(contact_id, CIO_SERVICE, rdv_at=now - timedelta(days=5))
    service.set_referral_status(done, "honore")
    items = follow_up(cvl_db, now=now)
    assert items[0].referral.id == late and items[0].overdue
    assert {i.referral.id for i in items if not i.overdue} == {future, info, done}
    open_only = follow_up(cvl_db, statuts=("propose", "rdv-pris"), now=now)
    assert {i.referral.id for i in open_only} == {future, info, late}


def test_activity_of_the_week_and_month(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    wednesday = datetime(2026, 11, 18, 10, 0)
    first = service.record(
        _contact(
            occurred_at=wednesday, besoins=("choisir-un-metier--confirmer-son-choix-de-metier",)
        )
    )
    service.record(_contact(occurred_at=wednesday, canal="telephone", statut="etudiant"))
    service.record(_contact(occurred_at=datetime(2026, 11, 3, 9, 0)))
    service.record(_contact(occurred_at=datetime(2026, 10, 30, 9, 0)))
    service.add_referral(first, CIO_SERVICE)
    week = activity(cvl_db, *week_of(wednesday))
    assert week.contacts == 2
    assert week.by_canal == {"accueil-physique": 1, "telephone": 1}
    assert week.by_besoin == {"choisir-un-metier": 2}
    assert (week.referrals, week.referrals_by_statut["propose"]) == (1, 1)
    month = activity(cvl_db, *month_of(wednesday))
    assert month.contacts == 3 and month.by_statut == {"scolaire": 2, "etudiant": 1}


def test_settings_are_declared_and_checked(db: Database) -> None:
    settings = SiteSettings(db)
    assert settings.get("site.canal_defaut") == "accueil-physique"
    settings.set("site.canal_defaut", "permanence")
    settings.set("site.permanences", ["Mairie de Blet", "  ", "Collège de Dun"])
    assert settings.all()["site.permanences"] == ["Mairie de Blet", "Collège de Dun"]
    assert SiteSettings(db).get("site.canal_defaut") == "permanence"
    with pytest.raises(SettingError):
        settings.set("site.canal_defaut", "pigeon")
    with pytest.raises(SettingError):
        settings.set("inconnu", "x")


def test_all_settings_ignore_the_other_records_of_the_table(db: Database) -> None:
    from spro_desk.storage.records import write_record

    write_record(db, "sync.state", {"sequence": 3})  # identity, sync state: not settings
    SiteSettings(db).set("site.nom", "CIO de Bourges")
    every = SiteSettings(db).all()
    assert every["site.nom"] == "CIO de Bourges" and "sync.state" not in every


def test_slip_has_where_when_and_what_to_bring(cvl_db: Database) -> None:
    rdv = datetime(2026, 11, 25, 10, 0)
    slip = build_slip(cvl_db, "spro-annuaire--cap-emploi-cher--1", rdv_at=rdv)
    assert slip is not None and slip.structure_nom == "Cap emploi Cher"
    assert slip.address_lines[-1].startswith("18") and slip.hours_lines
    assert any("RQTH" in line for line in slip.to_bring)
    assert slip.person is None and slip.rdv_at == rdv
    named = build_slip(cvl_db, CIO_SERVICE, person=PersonalDataInput(nom="Camille"))
    assert named is not None and named.person is not None and named.person.nom == "Camille"
    assert build_slip(cvl_db, "inconnu") is None


def test_contact_and_referral_are_stored_together_or_not_at_all(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    contact_id, referral_id = service.record_with_referral(
        _contact(), CIO_SERVICE, rdv_at=datetime(2026, 11, 25, 10, 0), motif=["proche"]
    )
    contact = service.get(contact_id)
    assert [r.id for r in contact.referrals] == [referral_id]
    assert contact.reponses == ["orientation", "rendez-vous"]  # what the desk gave
    with pytest.raises(ContactError):
        service.record_with_referral(_contact(statut="etudiant"), "service-inconnu")
    assert [c.id for c in service.list()] == [contact_id]


def test_a_referral_adds_orientation_to_the_responses_once(cvl_db: Database) -> None:
    service = ContactService(cvl_db)
    contact_id = service.record(_contact(reponses=("information-orale",)))
    service.add_referral(contact_id, CIO_SERVICE)
    service.add_referral(contact_id, CIO_SERVICE)
    assert service.get(contact_id).reponses == ["information-orale", "orientation"]


def test_slip_carries_the_date_it_was_issued(cvl_db: Database) -> None:
    issued = datetime(2026, 3, 10, 10, 0)
    slip = build_slip(cvl_db, CIO_SERVICE, issued_at=issued)
    assert slip is not None and slip.issued_at == issued
