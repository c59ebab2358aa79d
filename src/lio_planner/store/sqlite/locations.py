"""Where a plan lives, and what is safe there, in words for the person using it.

Synced folders (OneDrive, Dropbox, Google Drive, iCloud, Box) copy the plan between computers
some time after it is saved; network drives are shared live but can drop out. Both are fine
for one editor at a time and risky for two, so the app explains this once when a plan is
opened from such a place.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePath, PureWindowsPath

from lio_planner.store.kept import PlanLocation

# Folder names the sync clients create, compared without regard to case.
_SYNCED_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("box", "Box"),
)
# Environment variables the clients set to their folder (OneDrive on Windows).
_SYNCED_VARIABLES = (
    ("OneDriveCommercial", "OneDrive"),
    ("OneDriveConsumer", "OneDrive"),
    ("OneDrive", "OneDrive"),
)
# Linux file system types that are network shares.
_NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "afs",
        "ceph",
        "glusterfs",
        "9p",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "davfs",
        "fuse.davfs2",
    }
)

_DRIVE_REMOVABLE = 2
_DRIVE_REMOTE = 4


def describe_location(
    path: Path,
    *,
    environ: Mapping[str, str] | None = None,
    mounts: str | None = None,
    drive_type: Callable[[str], int] | None = None,
    windows: bool | None = None,
) -> PlanLocation:
    """Recognise a synced folder, a network share or a removable drive holding ``path``.

    The keyword arguments stand in for the operating system in tests.
    """
    environ = os.environ if environ is None else environ
    windows = sys.platform == "win32" if windows is None else windows
    pure: PurePath = PureWindowsPath(str(path)) if windows else PurePath(path)

    service = _synced_service(pure, environ, windows)
    if service:
        return PlanLocation("synced", service, _synced_advice(service))
    if windows:
        kind = _windows_drive_kind(PureWindowsPath(str(path)), drive_type)
    else:
        kind = _posix_mount_kind(Path(path), mounts)
    if kind == "network":
        return PlanLocation("network", "a network drive", _NETWORK_ADVICE)
    if kind == "removable":
        return PlanLocation("removable", "a removable drive", _REMOVABLE_ADVICE)
    return PlanLocation("local", "", "")


def _synced_service(path: PurePath, environ: Mapping[str, str], windows: bool) -> str:
    folded = [part.casefold() for part in path.parts]
    for variable, service in _SYNCED_VARIABLES:
        root = environ.get(variable, "").strip()
        if not root:
            continue
        root_parts = [
            p.casefold() for p in (PureWindowsPath(root) if windows else PurePath(root)).parts
        ]
        if root_parts and folded[: len(root_parts)] == root_parts:
            return service
    for part in folded[:-1]:  # folders only, never the plan's own name
        for name, service in _SYNCED_FOLDERS:
            # "OneDrive - Anytown CVS" is how OneDrive names a work or school folder.
            if part == name or part.startswith(name + " - "):
                return service
    return ""


def _posix_mount_kind(path: Path, mounts: str | None) -> str:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "local"
    try:
        target = str(path.absolute().resolve())
    except OSError:
        target = str(path.absolute())
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        # /proc/mounts writes spaces in mount points as \040.
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    if best_type in _NETWORK_FILESYSTEMS or best_type.startswith("nfs"):
        return "network"
    return "local"


def _windows_drive_kind(path: PureWindowsPath, drive_type: Callable[[str], int] | None) -> str:
    drive = path.drive
    if drive.startswith("\\\\"):
        return "network"  # \\server\share
    if not drive:
        return "local"
    get_type = drive_type or _get_drive_type
    kind = get_type(drive + "\\")
    if kind == _DRIVE_REMOTE:
        return "network"  # a mapped drive such as S:
    if kind == _DRIVE_REMOVABLE:
        return "removable"
    return "local"


def _get_drive_type(root: str) -> int:
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined,unused-ignore]


def _synced_advice(service: str) -> str:
    return (
        f"This plan is in a {service} folder. {service} copies it to other computers a little "
        "while after each save. That is safe when one person edits the plan at a time: close "
        f"it on one computer and wait for {service} to finish before opening it on another. "
        f"If two people edit it at once, {service} may keep two versions side by side (often "
        "with “conflict” or a computer's name added to one file name). Nothing is lost: open "
        "your plan and use File → Merge from copy… to bring the other version's changes in."
    )


_NETWORK_ADVICE = (
    "This plan is on a network drive. Several people can open it, but only one at a time can "
    "make changes: anyone else who opens it will be told who has it and can look at it "
    "read-only, seeing each change shortly after it is saved. If the network drops while you "
    "are working, your change stays on screen and you can try again or save a copy elsewhere."
)

_REMOVABLE_ADVICE = (
    "This plan is on a removable drive, such as a USB stick. Close the plan before you remove "
    "the drive. If the drive is removed while the plan is open, your change stays on screen "
    "and you can save a copy of the plan on this computer."
)
