"""Writing export files safely: never half a file under the user's chosen name."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


class ExportError(Exception):
    """An export could not be written, in words for the user."""


@contextlib.contextmanager
def replace_atomically(path: Path, mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` in one step."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(temporary, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise ExportError(
            f"“{path.name}” could not be written ({exc.strerror or exc}). "
            "Check the folder exists, you can save there and the disk is not full."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def temporary_beside(path: Path) -> Path:
    """A temporary name next to ``path`` for writers that need a file name, not a handle."""
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def move_into_place(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ExportError(f"“{path.name}” could not be written ({exc.strerror or exc}).") from None
