"""Refuse to keep the database on a network share or a removable disk.

SQLite's locks and syncs are only as good as the file system under them: on a network share
(NFS, SMB/CIFS, sshfs…) locking and fsync are unreliable and a dropped connection in the middle
of a commit damages the file; a USB stick is pulled out while the application writes. Both lose
acknowledged contacts, so SPRO Desk refuses them with a message that says what to do.

Detection: on Linux the file system type of the mount holding the folder
(/proc/self/mountinfo) and, for a block device, its `removable` flag or a USB bus in its sysfs
path (following device-mapper layers such as LUKS); on Windows `GetDriveTypeW` on the volume
holding the folder. Anything that cannot be identified is accepted: the check must never stop a
desk on an ordinary internal disk. `SPRO_DESK_ALLOW_ANY_DISK=1` skips the check for the rare
machine it misjudges (documented in docs/resilience.md, for IT support only).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from spro_desk.storage.errors import StorageError

OVERRIDE_ENV = "SPRO_DESK_ALLOW_ANY_DISK"
MOUNTINFO = Path("/proc/self/mountinfo")
SYSFS = Path("/sys")

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda",
        "9p", "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "ocfs2", "gfs2",
        "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2", "fuse.glusterfs",
        "fuse.cephfs", "fuse.gvfsd-fuse", "fuse.smbnetfs", "fuse.curlftpfs",
    }
)  # fmt: skip
# Removable media that also show up by file system when the block device cannot be followed.
REMOVABLE_FILESYSTEMS = frozenset({"iso9660", "udf"})

NETWORK = "network"
REMOVABLE = "removable"


@dataclass(frozen=True)
class Mount:
    mount_point: str
    fs_type: str
    device: str  # "major:minor"


class UnsafePlacementError(StorageError):
    def __init__(self, folder: Path, kind: str, detail: str) -> None:
        where = "un partage réseau" if kind == NETWORK else "un disque amovible (clé USB, carte)"
        super().__init__(
            f"Le dossier des données « {folder} » est sur {where} ({detail}). SPRO Desk n'y "
            "enregistre rien : si la connexion tombe ou si le support est retiré pendant un "
            "enregistrement, la base est abîmée et des contacts sont perdus. Choisissez un "
            "dossier du disque interne de l'ordinateur (option --data-dir ou variable "
            "SPRO_DESK_DATA_DIR) ; aucune donnée n'a été écrite."
        )
        self.kind = kind


# --- Linux ----------------------------------------------------------------------------------


def _unescape(field: str) -> str:
    """mountinfo escapes space, tab, newline and backslash as octal (\\040…)."""
    for code in ("\\040", "\\011", "\\012", "\\134"):
        field = field.replace(code, chr(int(code[1:], 8)))
    return field


def parse_mountinfo(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        before, separator, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if not separator or len(fields) < 5 or not tail:
            continue
        mounts.append(Mount(_unescape(fields[4]), tail[0], fields[2]))
    return mounts


def mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding `path`: the longest mount point that contains it (last one wins)."""
    best: Mount | None = None
    for mount in mounts:
        point = Path(mount.mount_point)
        contains = path == point or point in path.parents
        if contains and (best is None or len(mount.mount_point) >= len(best.mount_point)):
            best = mount
    return best


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def device_is_removable(device: str, sysfs: Path = SYSFS, depth: int = 0) -> bool:
    """Whether the block device "major:minor" sits on removable or USB-attached hardware."""
    node = sysfs / "dev" / "block" / device
    if depth > 4 or not node.exists():
        return False
    real = node.resolve()
    disk = real.parent if (real / "partition").exists() else real
    if _read(disk / "removable") == "1" or "/usb" in str(real):
        return True
    # A device-mapper or RAID layer (LUKS, LVM): removable if what it is built on is.
    for slave in sorted((disk / "slaves").glob("*")):
        if device_is_removable(_read(slave / "dev"), sysfs, depth + 1):
            return True
    return False


def linux_placement(
    folder: Path, mountinfo: Path | None = None, sysfs: Path | None = None
) -> tuple[str, str] | None:
    """(kind, detail) when `folder` is on a network or removable file system, else None."""
    sysfs = sysfs or SYSFS
    try:
        mounts = parse_mountinfo((mountinfo or MOUNTINFO).read_text(encoding="utf-8"))
    except OSError:
        return None
    mount = mount_of(folder, mounts)
    if mount is None:
        return None
    if mount.fs_type in NETWORK_FILESYSTEMS:
        return NETWORK, mount.fs_type
    if mount.fs_type in REMOVABLE_FILESYSTEMS or device_is_removable(mount.device, sysfs):
        return REMOVABLE, f"{mount.fs_type} monté sur {mount.mount_point}"
    return None


# --- Windows --------------------------------------------------------------------------------

DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4
DRIVE_CDROM = 5


def windows_placement(folder: Path) -> tuple[str, str] | None:  # pragma: no cover - Windows
    """GetDriveTypeW on the volume holding `folder` (a mounted folder has its own volume)."""
    import ctypes
    from ctypes import wintypes

    text = str(folder)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return NETWORK, "chemin réseau"
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.GetVolumePathNameW.argtypes = [wintypes.LPCWSTR, wintypes.LPWSTR, wintypes.DWORD]
    kernel32.GetVolumePathNameW.restype = wintypes.BOOL
    kernel32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
    kernel32.GetDriveTypeW.restype = wintypes.UINT
    volume = ctypes.create_unicode_buffer(1024)
    if not kernel32.GetVolumePathNameW(text, volume, len(volume)):
        return None
    kind = kernel32.GetDriveTypeW(volume.value)
    if kind == DRIVE_REMOTE:
        return NETWORK, f"lecteur réseau {volume.value}"
    if kind in (DRIVE_REMOVABLE, DRIVE_CDROM):
        return REMOVABLE, f"lecteur {volume.value}"
    return None


# --- the check ------------------------------------------------------------------------------


def existing_ancestor(path: Path) -> Path:
    """The folder may not exist yet: judge the place it will be created in."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path.resolve()


def placement_problem(folder: Path) -> tuple[str, str] | None:
    target = existing_ancestor(folder)
    if sys.platform == "win32":  # pragma: no cover - Windows
        return windows_placement(target)
    if sys.platform.startswith("linux"):
        return linux_placement(target)
    return None


def check_placement(folder: Path) -> None:
    """Raise UnsafePlacementError when the data folder is on a network share or removable."""
    if os.environ.get(OVERRIDE_ENV) == "1":
        return
    problem = placement_problem(folder)
    if problem is not None:
        raise UnsafePlacementError(folder, *problem)
