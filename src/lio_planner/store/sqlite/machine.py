"""Who and where: the signed-in person, this computer, and whether a process still runs.

The lock uses these to tell a live holder from one that has certainly gone.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path


def user_name() -> str:
    """The signed-in person's name (LIO_PLANNER_USER overrides it, as for "changed by")."""
    chosen = os.environ.get("LIO_PLANNER_USER", "").strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser() or "someone"
    except (OSError, KeyError, ImportError):
        return "someone"


def machine_name() -> str:
    """This computer's name as colleagues know it (CVS-LAPTOP-2 on Windows)."""
    import socket  # here: reading a plan (an export, say) never needs the machine's name

    return (os.environ.get("COMPUTERNAME") or socket.gethostname() or "this computer").strip()


def boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def process_started(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), or empty where unknown."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    # The command name (field 2) may hold spaces and brackets; fields after it are plain.
    fields = raw[raw.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else ""


def process_alive(pid: int, started: str = "") -> bool:
    """Whether the process that wrote a lock on this computer is still running."""
    if pid <= 0:
        return True  # unknown: never assume the holder has gone
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    except OSError:
        return True
    # The number may have been reused by an unrelated process since the lock was written.
    return not (started and process_started(pid) not in ("", started))


def _windows_process_alive(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows, so ask the kernel instead.
    import ctypes

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        error_access_denied = 5
        return bool(kernel32.GetLastError() == error_access_denied)
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
