"""Writing export files through the app's one writer: never half a file under the chosen name."""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lio_planner.store.writing import Check, WriteFailed, write_whole


class ExportError(Exception):
    """An export could not be written, in words for the user."""


@contextlib.contextmanager
def exporting(path: Path, check: Check | None = None) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; checked, then renamed into place.

    Every failure becomes one :class:`ExportError` line; an earlier file at ``path`` is left as
    it was, and the temporary file is removed (see :func:`lio_planner.store.writing.write_whole`).
    """
    try:
        with write_whole(Path(path), check) as temporary:
            # Made first with a plain open, so a missing folder or a read-only drive is told
            # in words before a writer starts (Qt's PDF writer would only say it failed).
            open(temporary, "wb").close()
            yield temporary
    except WriteFailed as exc:
        raise ExportError(str(exc)) from None


@contextlib.contextmanager
def replace_atomically(path: Path, mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` in one step."""
    with exporting(path) as temporary, open(temporary, mode, **kwargs) as handle:
        yield handle


def pdf_problem(path: Path, pages: int) -> str:
    """Why a PDF just written is not whole, or "": Qt's writer reports no write errors itself."""
    with open(path, "rb") as handle:
        head = handle.read(8)
        data = handle.read()
    if not head.startswith(b"%PDF-"):
        return "the PDF was not written (the disk may be full)."
    if not data.rstrip().endswith(b"%%EOF"):
        return "the PDF was cut short (the disk may be full or the file too large)."
    found = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if found != pages:
        return f"the PDF holds {found} of its {pages} pages (the disk may be full)."
    return ""


def xlsx_problem(path: Path) -> str:
    """Why an Excel workbook just written is not whole, or ""."""
    return _zip_problem(path, "xl/workbook.xml", "the Excel workbook")


def docx_problem(path: Path) -> str:
    """Why a Word file just written is not whole, or ""."""
    return _zip_problem(path, "word/document.xml", "the Word file")


def _zip_problem(path: Path, main_part: str, what: str) -> str:
    """Word and Excel files are zip archives: whole only if every member reads back."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is None and main_part in archive.namelist():
                return ""
    except (zipfile.BadZipFile, OSError):
        pass
    return f"{what} was not written whole (the disk may be full)."
