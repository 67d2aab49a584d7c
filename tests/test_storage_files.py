"""write_atomically: the old file or the new one, never half of either, whatever fails."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from spro_desk.storage.files import Durability, temporary_path, write_atomically


@pytest.mark.parametrize("durability", list(Durability))
def test_bytes_replace_the_file_whole(tmp_path: Path, durability: Durability) -> None:
    target = tmp_path / "dossier é" / "fichier.bin"
    target.parent.mkdir()
    write_atomically(target, b"old", durability)
    assert write_atomically(target, b"new" * 1000, durability, mode=0o600) == target
    assert target.read_bytes() == b"new" * 1000
    assert list(target.parent.iterdir()) == [target]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("ancien", "utf-8")

    def half_then_fail(partial: Path) -> None:
        partial.write_text("à moit", "utf-8")
        raise OSError("disque plein")

    with pytest.raises(OSError, match="disque plein"):
        write_atomically(target, half_then_fail, Durability.CONTENTS_SYNCED)
    assert target.read_text("utf-8") == "ancien"
    assert not temporary_path(target).exists()


def test_private_bytes_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "cle"
    write_atomically(target, b"secret", Durability.FOLDER_SYNCED, mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0
