"""The one way LIO Planner writes a file: whole and checked, or not at all.

Every file the app writes (PDF, Word and CSV exports, Save a Copy, new plans, backups, and any
format added later) is made under a temporary name beside the target, flushed and synced to the
disk, checked, and only then renamed over the target in one step. A full disk, a file-size
limit, a drive pulled out or a writer that fails quietly (Qt's PDF writer reports no write
errors) therefore never leaves a broken file under the person's chosen name, and never replaces
a good earlier file with a broken one. The temporary file is always removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from lio_planner.store.names import display_name

# A check gets the finished temporary file and returns what is wrong with it, or "".
Check = Callable[[Path], str]


class WriteFailed(Exception):
    """A file could not be written; whatever was at the target before is still there."""

    def __init__(self, target: Path, reason: str) -> None:
        self.target = Path(target)
        self.reason = reason
        super().__init__(f"“{display_name(self.target)}” could not be written: {reason}")


@contextlib.contextmanager
def write_whole(target: Path, check: Check | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; on success it replaces ``target``.

    The caller writes the file at the yielded path (by name, for writers such as SQLite or Qt).
    Afterwards the file is synced, must be non-empty and pass ``check``, and is renamed into
    place; the folder is synced so the rename survives a power cut. Any failure raises
    :class:`WriteFailed` (OSError is worded here); the temporary file never lingers.
    """
    target = Path(target)
    temporary = temporary_beside(target)
    try:
        yield temporary
        finish(temporary, target, check)
    except OSError as exc:
        raise WriteFailed(target, explain_os_error(exc)) from None
    finally:
        remove_temporary(temporary)


def finish(temporary: Path, target: Path, check: Check | None = None) -> None:
    """Sync, check and rename a finished temporary file into place (see :func:`write_whole`)."""
    with open(temporary, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())
        size = os.fstat(handle.fileno()).st_size
    if size == 0:
        raise WriteFailed(target, "nothing was written (the disk may be full).")
    problem = check(temporary) if check else ""
    if problem:
        raise WriteFailed(target, problem)
    os.replace(temporary, target)
    sync_folder(target.parent)


def temporary_beside(target: Path) -> Path:
    """A hidden, unused name in ``target``'s folder, short enough for any file system.

    The name stays well under the 255-byte limit even for a long target name, with room for
    SQLite's "-journal" beside it.
    """
    stem = os.fsencode(target.name)[:60].decode("utf-8", "ignore")
    return target.with_name(f".{stem}.{os.urandom(4).hex()}.part")


def remove_temporary(temporary: Path) -> None:
    for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def sync_folder(folder: Path) -> None:
    """Make a rename survive a power cut (POSIX; Windows cannot open folders)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def explain_os_error(exc: OSError) -> str:
    """Words for why writing failed, ending with a full stop."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full. Free some space, or choose another drive."
    if code == errno.EFBIG:
        return "the file is larger than this drive or this computer allows."
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "you cannot save in that folder (it is read-only or you lack permission)."
    if code == errno.ENOENT:
        return "its folder does not exist."
    if code == errno.ENAMETOOLONG:
        return "its name or folder path is too long. Choose a shorter name or folder."
    if code == errno.EISDIR:
        return "a folder already has that name."
    return f"{exc.strerror or exc}."


def explain_sqlite_error(exc: BaseException) -> str:
    """Words for why SQLite could not write a new file, ending with a full stop."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "full" in text:
        return "the disk is full. Free some space, or choose another drive."
    if "disk i/o" in text or "too big" in text:
        return (
            "writing to the disk failed: the disk may be full, the file may be larger than "
            "the drive allows, or the drive may have been disconnected."
        )
    if "readonly" in text or "read-only" in text:
        return "you cannot save in that folder (it is read-only)."
    if "unable to open" in text:
        return "the folder or the drive it is on is not available."
    if isinstance(exc, OSError):
        return explain_os_error(exc)
    return "writing to the disk failed (the disk may be full)."
