"""The database is refused on a network share or a removable disk, with a message saying what
to do; an ordinary local folder is accepted. Mount tables and sysfs trees are real files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from spro_desk.storage import placement
from spro_desk.storage.engine import Database
from spro_desk.storage.placement import (
    NETWORK,
    REMOVABLE,
    UnsafePlacementError,
    check_placement,
    device_is_removable,
    linux_placement,
    mount_of,
    parse_mountinfo,
)

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
40 27 0:45 / /home/agent/partage rw,relatime - cifs //serveur/accueil rw,vers=3.0
41 27 0:46 / /mnt/nfs rw - nfs4 serveur:/export rw
42 27 8:17 / /media/agent/CLE\\040USB rw,nosuid - vfat /dev/sdb1 rw
43 27 0:47 / /home/agent/distant rw - fuse.sshfs agent@serveur: rw
44 27 253:0 / /media/agent/chiffre rw - ext4 /dev/mapper/luks rw
"""


@pytest.fixture
def sysfs(tmp_path: Path) -> Path:
    """A sysfs tree: vda internal, sdb a USB stick, dm-0 (LUKS) built on the stick."""
    root = tmp_path / "sys"
    devices = root / "devices"
    vda = devices / "pci0000:00" / "virtio1" / "block" / "vda"
    sdb = devices / "pci0000:00" / "usb1" / "1-1" / "block" / "sdb"
    dm = devices / "virtual" / "block" / "dm-0"
    for disk, removable in ((vda, "0"), (sdb, "1"), (dm, "0")):
        disk.mkdir(parents=True)
        (disk / "removable").write_text(removable + "\n")
    (sdb / "sdb1").mkdir()
    (sdb / "sdb1" / "partition").write_text("1\n")
    (sdb / "sdb1" / "dev").write_text("8:17\n")
    (dm / "slaves").mkdir()
    (dm / "slaves" / "sdb1").symlink_to(sdb / "sdb1")
    links = root / "dev" / "block"
    links.mkdir(parents=True)
    for device, target in (("254:0", vda), ("8:17", sdb / "sdb1"), ("253:0", dm)):
        (links / device).symlink_to(target)
    return root


@pytest.fixture
def mountinfo(tmp_path: Path) -> Path:
    path = tmp_path / "mountinfo"
    path.write_text(MOUNTINFO)
    return path


def test_mount_table_parsing_finds_the_deepest_mount() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert mount_of(Path("/media/agent/CLE USB/spro"), mounts).fs_type == "vfat"
    assert mount_of(Path("/home/agent/partage/x"), mounts).fs_type == "cifs"
    assert mount_of(Path("/home/agent/partagee"), mounts).fs_type == "ext4"  # not a prefix match


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/agent/.local/share/spro-desk", None),
        ("/home/agent/partage/spro", NETWORK),
        ("/mnt/nfs/spro", NETWORK),
        ("/home/agent/distant/spro", NETWORK),
        ("/media/agent/CLE USB/spro", REMOVABLE),
        ("/media/agent/chiffre/spro", REMOVABLE),  # LUKS on the stick: still the stick
    ],
)
def test_network_and_removable_places_are_recognised(
    folder: str, kind: str | None, mountinfo: Path, sysfs: Path
) -> None:
    found = linux_placement(Path(folder), mountinfo, sysfs)
    assert (found[0] if found else None) == kind


def test_device_without_sysfs_entry_is_accepted(sysfs: Path) -> None:
    assert not device_is_removable("0:99", sysfs)  # tmpfs, overlay, btrfs subvolumes


def test_the_refusal_says_what_to_do(tmp_path: Path) -> None:
    message = str(UnsafePlacementError(tmp_path, NETWORK, "cifs"))
    assert "partage réseau" in message and "--data-dir" in message
    assert "aucune donnée n'a été écrite" in message


@pytest.mark.skipif(not Path("/proc/self/mountinfo").exists(), reason="Linux mount table")
def test_a_local_folder_is_accepted(tmp_path: Path) -> None:
    check_placement(tmp_path / "not-yet-created" / "desk")
    Database(tmp_path / "desk.sqlite").close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount table")
def test_the_database_is_never_created_on_a_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No SMB server here: the mount table read by the real check says the folder is one."""
    share = tmp_path / "partage"
    share.mkdir()  # the mount point
    table = tmp_path / "mountinfo"
    table.write_text(f"27 1 254:0 / / rw - ext4 /dev/vda rw\n40 27 0:45 / {share} rw - cifs x rw\n")
    monkeypatch.setattr(placement, "MOUNTINFO", table)
    with pytest.raises(UnsafePlacementError, match="partage réseau"):
        Database(share / "desk" / "spro-desk.sqlite")
    assert list(share.iterdir()) == []
    monkeypatch.setenv(placement.OVERRIDE_ENV, "1")  # IT support's way out for a misjudged disk
    Database(share / "desk" / "spro-desk.sqlite").close()
