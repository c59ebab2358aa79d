"""What files this test process still holds open, to prove closing a plan releases it."""

from __future__ import annotations

import os
from pathlib import Path


def open_handles_to(folder: Path) -> list[str]:
    """Files in ``folder`` this process still has open (Linux /proc/self/fd)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found
