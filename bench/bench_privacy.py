"""Privacy (issue 6): what sealing personal data costs the desk.

Usage: ``python bench/bench_privacy.py [--quick]``.

Two desk databases are filled the same way through the real `ContactService`; on one the
sealing is replaced by the identity (*clear*: the same code path and the same bytes stored,
minus the cryptography — X25519 + HKDF + AES-GCM), the other runs as shipped (*sealed*). Every
measurement alternates between the two, so both see the same machine load.

1. **Save**: `ContactService.record` of a contact with name, phone, e-mail and note under a
   consent (a durable commit each: WAL, synchronous=FULL).
2. **Today's list**: `ContactService.list` of a day's contacts on a desk holding several
   thousand, a third with personal data. It never opens personal data (only whether there is
   some), so the ratio must stay near 1.
3. **Display**: `ContactService.personal_data` — opened, and an access-log entry written
   durably before it is returned.
4. **Name search by scanning**: open every personal row and compare the name. Sealed values
   cannot be indexed, so this is what finding a person by name costs; SPRO Desk has no such
   search today (contacts are found by day), the figure says what one would cost.
5. **Unlock**: a real sign-in at the default cost (`crypto.KdfCost()`: Argon2id, 128 MiB,
   3 passes) — one derivation, whose key unwraps the agent's key: CPU time of the sign-in,
   ≤ 1 s (the wall time is printed too: on the shared machine it grows with the load).
6. **Offline guessing** (issue 15): the CPU time of one Argon2id derivation at the default
   cost on one core (what each guess costs whoever copied the database), times the number of
   codes the desk allows at the shortest length (10⁸ eight-digit codes, minus the trivial
   ones it refuses): core-hours to try them all, ≥ 8,760 (a core-year).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select
from support import BENCH_OUT, Figure, machine_description, percentile, print_table

from spro_desk.agents import accounts, management
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.model import ConsentInput, ContactInput, PersonalDataInput
from spro_desk.contacts.service import ContactService
from spro_desk.privacy.personal import open_values
from spro_desk.security import crypto
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import PersonalData

DAY = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
FULL = {"background": 3_000, "saves": 200, "displays": 200, "scans": 5}
QUICK = {"background": 600, "saves": 60, "displays": 60, "scans": 3}
RATIO_TARGET = 1.5
CORE_YEAR = 8_760  # core-hours  # sealing may cost at most half again a save or a display


def _one_guess() -> float:
    """CPU seconds of one core for one try of a code (the attacker's unit of work). CPU time,
    not wall time: on the shared machine other processes' load would inflate the figure."""
    start = time.process_time()
    crypto.derive_kek("48021573", b"\x00" * accounts.SALT_BYTES, crypto.KdfCost())
    return time.process_time() - start


def allowed_codes() -> int:
    """Codes of the shortest allowed length that the desk accepts (trivial ones refused)."""
    digits = accounts.PIN_MIN_DIGITS
    refused = 10 + 2 * (10 - digits + 1)  # repeated digits; runs up and down
    return 10**digits - refused


def _input(number: int, personal: bool, when: datetime) -> ContactInput:
    return ContactInput(
        canal="telephone",
        statut="salarie",
        besoins=("trouver-un-emploi",),
        reponses=("information-orale",),
        occurred_at=when,
        personal=PersonalDataInput(
            nom=f"Personne Numéro {number}",
            telephone=f"06{number:08d}",
            courriel=f"personne.{number}@exemple.fr",
            note="Rappeler en fin de matinée pour confirmer le rendez-vous.",
        )
        if personal
        else None,
        consent=ConsentInput(agent="Claire") if personal else None,
    )


@contextmanager
def clear_mode(active: bool, db: Database) -> Iterator[None]:
    """Replace sealing by the identity while `active` (the *clear* baseline; the person key's
    AES-GCM stays: the baseline measures the public-key part)."""
    seal, opened, key_id = crypto.seal, crypto.open_sealed, crypto.sealed_key_id
    if active:
        crypto.seal = lambda _public, plaintext, _context: b"\x00" + plaintext
        crypto.open_sealed = lambda _private, envelope, _context: envelope[1:]
        crypto.sealed_key_id = lambda envelope: (
            bytes.fromhex(vault(db).public().key_id)
            if envelope[:1] == b"\x00"
            else key_id(envelope)
        )
    try:
        yield
    finally:
        crypto.seal, crypto.open_sealed, crypto.sealed_key_id = seal, opened, key_id


class Desk:
    def __init__(self, folder: Path, clear: bool) -> None:
        self.clear = clear
        self.db = Database(folder / "spro-desk.sqlite")
        self.service = ContactService(self.db)

    def run(self, action: Callable[[], object]) -> float:
        with clear_mode(self.clear, self.db):
            start = time.perf_counter()
            action()
            return (time.perf_counter() - start) * 1000

    def fill(self, count: int) -> list[str]:
        """Days of contacts before the measured day; a third of them with personal data."""
        ids = []
        with clear_mode(self.clear, self.db):
            for number in range(count):
                when = DAY - timedelta(days=1 + number % 90, minutes=number)
                contact_id = self.service.record(_input(number, number % 3 == 0, when))
                if number % 3 == 0:
                    ids.append(contact_id)
        return ids

    def scan(self, name: str) -> int:
        with self.db.session() as session:
            rows = session.exec(select(PersonalData.contact_id, PersonalData.sealed)).all()
        return sum(open_values(self.db, c, sealed)["nom"] == name for c, sealed in rows)


def _alternate(desks: list[Desk], rounds: int, make: Callable[[Desk, int], Callable[[], object]]):
    times: dict[bool, list[float]] = {True: [], False: []}
    for number in range(rounds):
        for desk in desks if number % 2 == 0 else reversed(desks):
            times[desk.clear].append(desk.run(make(desk, number)))
    return times


def _figure(name: str, times: dict[bool, list[float]], fraction: float, target: bool) -> Figure:
    sealed, clear = percentile(times[False], fraction), percentile(times[True], fraction)
    ratio = sealed / clear
    return Figure(
        name, sealed, "ms", f"≤ {RATIO_TARGET}× clear" if target else "-",
        ratio <= RATIO_TARGET if target else None, clear, ratio,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer contacts and rounds")
    sizes = QUICK if parser.parse_args().quick else FULL
    root = BENCH_OUT / "privacy"
    shutil.rmtree(root, ignore_errors=True)
    print(machine_description())
    desks = []
    for clear in (True, False):
        folder = root / ("clear" if clear else "sealed")
        folder.mkdir(parents=True)
        desks.append(Desk(folder, clear))
    print(f"filling two desks with {sizes['background']} contacts each…", flush=True)
    held = {desk.clear: desk.fill(sizes["background"]) for desk in desks}

    saves = _alternate(
        desks, sizes["saves"],
        lambda d, n: lambda: d.service.record(_input(100_000 + n, True, DAY)),
    )  # fmt: skip
    lists = _alternate(desks, 40, lambda d, _n: lambda: d.service.list(since=DAY))
    displays = _alternate(
        desks, sizes["displays"],
        lambda d, n: lambda: d.service.personal_data(held[d.clear][n % len(held[d.clear])]),
    )  # fmt: skip
    scans = _alternate(desks, sizes["scans"], lambda d, _n: lambda: d.scan("Personne Numéro 3"))
    rows = len(held[False]) + sizes["saves"]

    manager = management.create_agent(desks[1].db, "Claire", "48021573", Role.RESPONSABLE)
    unlocks, unlock_walls = [], []
    for _ in range(5):
        start, wall = time.process_time(), time.perf_counter()
        desk_session(desks[1].db).login(manager.id, "48021573")
        unlocks.append((time.process_time() - start) * 1000)
        unlock_walls.append((time.perf_counter() - wall) * 1000)
        desk_session(desks[1].db).lock()
    guess = statistics.median(_one_guess() for _ in range(7))
    core_hours = allowed_codes() * guess / 3600

    figures = [
        _figure("save a contact with personal data, p50", saves, 0.5, True),
        _figure("save a contact with personal data, p95", saves, 0.95, False),
        _figure("today's list (several thousand held), p50", lists, 0.5, True),
        _figure("display one person's data (+ access log), p50", displays, 0.5, True),
        _figure("display one person's data (+ access log), p95", displays, 0.95, False),
        _figure(f"name search scanning {rows} sealed rows, p50", scans, 0.5, False),
        Figure(
            "unlock (real sign-in, Argon2id ×1, default cost), CPU median",
            statistics.median(unlocks),
            "ms",
            "≤ 1000 ms",
            statistics.median(unlocks) <= 1000,
        ),
        Figure(
            f"offline guessing of all {allowed_codes():,} shortest codes, one core",
            core_hours,
            "core-h",
            f"≥ {CORE_YEAR:,} core-h",
            core_hours >= CORE_YEAR,
        ),
    ]
    print_table(figures)
    per_row = percentile(scans[False], 0.5) / rows * 1000
    print(f"\nunlock wall time, median: {statistics.median(unlock_walls):.0f} ms (load: "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")  # fmt: skip
    print(f"\nArgon2id at the default cost {crypto.KdfCost().as_json()}: one guess "
          f"{guess * 1000:.0f} ms of one core; {allowed_codes():,} codes of "
          f"{accounts.PIN_MIN_DIGITS} digits → {core_hours:,.0f} core-hours "
          f"({core_hours / CORE_YEAR:.2f} core-years)")  # fmt: skip
    print(f"\nopening a sealed row: {per_row:.1f} µs (clear: "
          f"{percentile(scans[True], 0.5) / rows * 1000:.1f} µs)")  # fmt: skip
    for desk in desks:
        desk.db.close()


if __name__ == "__main__":
    main()
