"""Finding the glossary's terms in a piece of text, for tooltips and the printed glossary."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lio_planner.domain.model import GlossaryEntry


def _pattern(form: str) -> re.Pattern[str]:
    # Abbreviations match as written ("LEP" is not "lep"); words match in any case.
    flags = 0 if form.isupper() or form.startswith("#") else re.IGNORECASE
    return re.compile(rf"(?<![\w#]){re.escape(form)}(?!\w)", flags)


def terms_in(text: str, glossary: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The entries whose term (or another form of it) appears in ``text``, in glossary order."""
    if not text:
        return []
    return [
        entry
        for entry in glossary
        if any(_pattern(form).search(text) for form in (entry.term, *entry.also) if form)
    ]


def explain(text: str, glossary: Iterable[GlossaryEntry]) -> str:
    """A tooltip for ``text``: each term it uses and what it means ("" when none)."""
    return "\n".join(f"{e.term}: {e.meaning}" for e in terms_in(text, glossary))
