"""Finding the glossary's terms in a piece of text, for tooltips and the printed glossary."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lio_planner.domain.model import GlossaryEntry


class Glossary:
    """The glossary, ready to find its terms in text quickly (two searches per text).

    Abbreviations match only as written ("LEP" is not "lep"); other terms in any case.
    """

    def __init__(self, entries: Iterable[GlossaryEntry] = ()) -> None:
        self.entries = tuple(entries)
        self._by_form: dict[str, int] = {}
        exact: list[str] = []
        folded: list[str] = []
        for number, entry in enumerate(self.entries):
            for form in (entry.term, *entry.also):
                if not form:
                    continue
                if form.isupper() or form.startswith("#"):
                    exact.append(form)
                    self._by_form.setdefault(form, number)
                else:
                    folded.append(form)
                    self._by_form.setdefault(form.casefold(), number)
        self._exact = _alternation(exact, 0)
        self._folded = _alternation(folded, re.IGNORECASE)

    def terms_in(self, text: str) -> list[GlossaryEntry]:
        """The entries whose term (or another form of it) appears in ``text``, in order."""
        found: set[int] = set()
        if text and self._exact is not None:
            found.update(self._by_form[m] for m in self._exact.findall(text))
        if text and self._folded is not None:
            found.update(self._by_form[m.casefold()] for m in self._folded.findall(text))
        return [self.entries[n] for n in sorted(found)]

    def explain(self, text: str) -> str:
        """A tooltip for ``text``: each term it uses and what it means ("" when none)."""
        return "\n".join(f"{e.term}: {e.meaning}" for e in self.terms_in(text))


def _alternation(forms: list[str], flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    # Longest first, so "social value" wins over "social" and "LEPs" over "LEP".
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile(rf"(?<![\w#])({'|'.join(map(re.escape, ordered))})(?!\w)", flags)
