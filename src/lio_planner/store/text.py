"""Text the window cannot produce (NUL, other control characters, lone surrogates), made safe.

The window's editors only ever give plain text, tabs and line breaks. Text arriving another way
(a service called from a script, a merged copy, a file altered by another program) can hold a
NUL, which ends a line early in some programs and makes a Word file invalid, or a lone
surrogate, which cannot be encoded at all. Every text value written to a plan passes through
:func:`clean_text` (see :func:`lio_planner.store.sqlite.database.make_engine`), and every exporter
cleans what it reads the same way, so no field is treated differently from another.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar, cast

T = TypeVar("T")

# C0 controls but tab and line feed, DEL, C1 controls, and surrogates (never valid alone).
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\r":
        return "\n"
    return "\ufffd" if "\ud800" <= char <= "\udfff" else ""


def clean_text(text: str) -> str:
    """``text`` without control characters other than tab and line feed; CR becomes LF, CR LF
    one LF, and a lone surrogate the replacement character."""
    if not _UNWANTED.search(text):
        return text
    return _UNWANTED.sub(_replace, text.replace("\r\n", "\n"))


def clean_strings(value: T) -> T:
    """``value`` with :func:`clean_text` applied to every string inside it (dataclasses, tuples,
    lists and dicts are rebuilt only where something changed); for what an exporter reads."""
    return cast(T, _clean_any(value))


def _clean_any(value: Any) -> Any:
    if type(value) is str:  # never a str-valued Enum: its value is ours
        return clean_text(value)
    if isinstance(value, tuple | list):
        items = [_clean_any(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(items) if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {_clean_any(k): _clean_any(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = _clean_any(old)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
