"""File names as people see them in one-line messages, and names too long to use safely."""

from __future__ import annotations

import os
from pathlib import Path

# SQLite's Unix VFS refuses full paths longer than this (SQLITE_MAX_PATHNAME).
MAX_PATH_BYTES = 512
# The longest file name most file systems allow (NAME_MAX), in bytes.
MAX_NAME_BYTES = 255
# The longest suffix LIO Planner puts after a plan's name for a file beside it ("-journal").
_LONGEST_SUFFIX = max(len("-journal"), len(".~lock.#"))  # the journal; the lock file


def one_line(text: str) -> str:
    """``text`` with control characters, lone surrogates and invisible line breaks escaped.

    A file name may hold a newline or a tab; written into a message as it is, it would split the
    one-line error in two. Each such character is shown the way Python writes it (``\\n``).
    """
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or 0xD800 <= code < 0xE000:
            out.append(repr(char)[1:-1] if code < 0xD800 else f"\\u{code:04x}")
        elif char in "\u2028\u2029\u0085":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def display_name(path: Path | str) -> str:
    """The file's name for a one-line message."""
    return one_line(Path(path).name)


def name_problem(path: Path, *, for_editing: bool) -> str:
    """Why ``path`` is too long for LIO Planner to use, in words; "" when it is fine.

    Opening a plan for editing puts a journal ("name-journal") and a lock file beside it, so its
    own name must leave room for them.
    """
    full = len(os.fsencode(str(path)))
    if full > MAX_PATH_BYTES:
        return (
            f"is in a folder whose full path is too long ({full} characters; LIO Planner can "
            f"use at most {MAX_PATH_BYTES}). Move it to a folder with a shorter path, such as "
            "your Documents folder."
        )
    name = len(os.fsencode(path.name))
    if for_editing and name + _LONGEST_SUFFIX > MAX_NAME_BYTES:
        room = MAX_NAME_BYTES - _LONGEST_SUFFIX
        return (
            f"has a name too long to edit safely ({name} characters; at most {room} leaves "
            "room for the files LIO Planner keeps beside it while saving). Rename it to "
            "something shorter."
        )
    return ""
