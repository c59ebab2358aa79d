"""The strategy content shipped in data/seed.json: a strict, typed loader.

A mistake in the file (a missing field, a wrong type, an unknown theme) is reported with the
entry and the field, so whoever edits the content can find it at once.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from lio_planner.domain.enums import Foundation
from lio_planner.domain.model import (
    ContentNotes,
    GlossaryEntry,
    SinceThen,
    SourcePost,
    SuggestedAction,
)

SEED_FORMAT = 2

# Where a suggested action is the app's own idea rather than a source post's.
OUR_ORIGIN = "ours"

# Publication dates as the source gives them: a day, or only a month or a year.
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class SeedError(ValueError):
    """The strategy content file is malformed; the message names the entry and field."""


@dataclass(frozen=True)
class SeedSource:
    id: str
    file: str | None  # the post's file in the seed material, for posts the content draws on
    title: str
    publisher: str
    date: str
    url: str

    @property
    def post(self) -> SourcePost:
        """The source as the plan cites it."""
        return SourcePost(self.title, self.publisher, self.date, self.url)

    @property
    def origin(self) -> str:
        """How a suggested action drawn from this post names where it comes from."""
        return f"{self.publisher}: {self.title}"


@dataclass(frozen=True)
class SeedTheme:
    id: str
    title: str
    summary: str


@dataclass(frozen=True)
class SeedOpportunity:
    id: str
    theme: str
    foundations: tuple[Foundation, ...]
    title: str
    strategy_says: str | None  # None for a gap the posts point out, where the strategy is silent
    why_it_matters: str
    pages: str | None
    # The suggestions and notes are the plan's own values, their sources already looked up.
    lio_actions: tuple[SuggestedAction, ...]
    sources: tuple[str, ...]
    since_then: tuple[SinceThen, ...]


@dataclass(frozen=True)
class Seed:
    content_version: str
    digest: str
    notes: ContentNotes  # what the plan keeps about the content: its age, sources and glossary
    sources: dict[str, SeedSource]
    themes: tuple[SeedTheme, ...]
    opportunities: tuple[SeedOpportunity, ...]

    # What the plan file keeps is these values as JSON: written here from the same types that
    # store.plain_rows reads them back into, so the two cannot drift apart.
    def source_refs(self, opportunity: SeedOpportunity) -> list[dict[str, str]]:
        """The opportunity's source posts, as stored in the plan file."""
        return [asdict(self.sources[s].post) for s in opportunity.sources]

    def suggestions(self, opportunity: SeedOpportunity) -> list[dict[str, str]]:
        """The suggested actions with their origin in words ("" for the app's own)."""
        return [asdict(s) for s in opportunity.lio_actions]

    def since_then(self, opportunity: SeedOpportunity) -> list[dict[str, Any]]:
        return [asdict(n) for n in opportunity.since_then]

    def content_notes(self) -> dict[str, Any]:
        """What the plan keeps about the content as a whole: its age, sources and glossary."""
        return asdict(self.notes)


def load_seed(path: Path) -> Seed:
    """Read and validate a seed file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    return parse_seed(raw, where=path.name)


def parse_seed(raw: bytes, where: str = "seed.json") -> Seed:
    """Validate seed JSON bytes and return typed content."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(f"{where}: not valid JSON ({exc})") from None
    top = _Entry(where, "the file", data)
    top.keys(
        {
            "format",
            "content_version",
            "about",
            "sources",
            "foundations",
            "glossary",
            "themes",
            "opportunities",
        }
    )
    if top.value("format", int) != SEED_FORMAT:
        raise SeedError(f"{where}: the file: field 'format' must be {SEED_FORMAT}")

    sources: dict[str, SeedSource] = {}
    for n, item in enumerate(top.value("sources", list), start=1):
        e = _Entry(where, f"source {n}", item)
        e.keys({"id", "file", "title", "publisher", "date", "url"})
        src = SeedSource(
            e.ident(),
            e.optional_text("file"),
            e.text("title"),
            e.text("publisher"),
            e.date("date"),
            e.url("url"),
        )
        e.unique(src.id, sources)
        sources[src.id] = src

    about_entry = _Entry(where, "about", top.value("about", dict))
    about_entry.keys({"written", "summary", "strategy", "pages_note"})
    written, summary = about_entry.date("written"), about_entry.text("summary")
    strategy, pages_note = about_entry.text("strategy"), about_entry.text("pages_note")
    if strategy not in sources:
        about_entry.fail("strategy", f"names an unknown source '{strategy}'")

    known_foundations = {f.value for f in Foundation}
    for n, item in enumerate(top.value("foundations", list), start=1):
        e = _Entry(where, f"foundation {n}", item)
        e.keys({"id", "title"})
        ident = e.ident()
        if ident not in known_foundations:
            e.fail("id", f"is not one of the strategy's five foundations ({ident})")
        if e.text("title") != Foundation(ident).label:
            e.fail("title", f"must be '{Foundation(ident).label}'")

    glossary: dict[str, GlossaryEntry] = {}
    for n, item in enumerate(top.value("glossary", list), start=1):
        e = _Entry(where, f"glossary entry {n}", item, key="term")
        e.keys({"term", "meaning"}, optional={"also"})
        entry = GlossaryEntry(
            e.text("term"),
            e.text("meaning"),
            e.texts("also") if "also" in e.data else (),
        )
        if entry.term.casefold() in glossary:
            e.fail("term", f"repeats the term '{entry.term}'")
        glossary[entry.term.casefold()] = entry

    themes: dict[str, SeedTheme] = {}
    for n, item in enumerate(top.value("themes", list), start=1):
        e = _Entry(where, f"theme {n}", item)
        e.keys({"id", "title", "summary"})
        theme = SeedTheme(e.ident(), e.text("title"), e.text("summary"))
        e.unique(theme.id, themes)
        themes[theme.id] = theme

    opportunities: dict[str, SeedOpportunity] = {}
    for n, item in enumerate(top.value("opportunities", list), start=1):
        e = _Entry(where, f"opportunity {n}", item)
        e.keys(
            {
                "id",
                "theme",
                "foundations",
                "title",
                "strategy_says",
                "why_it_matters",
                "pages",
                "lio_actions",
                "sources",
                "since_then",
            }
        )
        opp = SeedOpportunity(
            id=e.ident(),
            theme=e.text("theme"),
            foundations=e.foundations("foundations"),
            title=e.text("title"),
            strategy_says=e.optional_text("strategy_says"),
            why_it_matters=e.text("why_it_matters"),
            pages=e.optional_text("pages"),
            lio_actions=e.suggestions("lio_actions", sources),
            sources=e.texts("sources"),
            since_then=e.notes("since_then", sources),
        )
        if opp.theme not in themes:
            e.fail("theme", f"names an unknown theme '{opp.theme}'")
        for ref in opp.sources:
            if ref not in sources:
                e.fail("sources", f"names an unknown source '{ref}'")
        e.unique(opp.id, opportunities)
        opportunities[opp.id] = opp

    if not opportunities:
        raise SeedError(f"{where}: the file: field 'opportunities' must not be empty")
    return Seed(
        content_version=top.text("content_version"),
        digest=hashlib.sha256(raw).hexdigest(),
        notes=ContentNotes(
            about=summary,
            written=written,
            strategy=sources[strategy].post,
            pages_note=pages_note,
            sources=tuple(s.post for s in sources.values()),
            glossary=tuple(glossary.values()),
        ),
        sources=sources,
        themes=tuple(themes.values()),
        opportunities=tuple(opportunities.values()),
    )


class _Entry:
    """One JSON object being validated, which knows how to name itself in an error."""

    def __init__(self, where: str, name: str, data: Any, key: str = "id") -> None:
        self.where = where
        self.name = name
        if not isinstance(data, Mapping):
            raise SeedError(f"{where}: {name}: must be an object")
        self.data: Mapping[str, Any] = data
        ident = data.get(key)
        if isinstance(ident, str) and ident:
            self.name = f"{name} '{ident}'"

    def fail(self, field: str, problem: str) -> None:
        raise SeedError(f"{self.where}: {self.name}: field '{field}' {problem}")

    def keys(self, expected: set[str], optional: frozenset[str] | set[str] = frozenset()) -> None:
        for missing in sorted(expected - self.data.keys()):
            self.fail(missing, "is missing")
        for extra in sorted(self.data.keys() - expected - optional):
            self.fail(extra, "is not a known field")

    def value(self, field: str, kind: type) -> Any:
        value = self.data[field]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.fail(field, f"must be {_KIND_NAMES.get(kind, kind.__name__)}")
        return value

    def text(self, field: str) -> str:
        value = self.value(field, str)
        if not value.strip():
            self.fail(field, "must not be empty")
        return str(value).strip()

    def optional_text(self, field: str) -> str | None:
        return None if self.data[field] is None else self.text(field)

    def texts(self, field: str) -> tuple[str, ...]:
        items = self.value(field, list)
        if not items:
            self.fail(field, "must list at least one item")
        for item in items:
            if not isinstance(item, str) or not item.strip():
                self.fail(field, "must be a list of non-empty text")
        return tuple(item.strip() for item in items)

    def date(self, field: str) -> str:
        value = self.text(field)
        if not _DATE.fullmatch(value):
            self.fail(field, "must be a date such as 2018-08-30, 2018-08 or 2018")
        return value

    def url(self, field: str) -> str:
        value = self.text(field)
        if not value.startswith(("https://", "http://")) or " " in value:
            self.fail(field, "must be a web address starting with https:// or http://")
        return value

    def foundations(self, field: str) -> tuple[Foundation, ...]:
        names = self.texts(field)
        known = {f.value: f for f in Foundation}
        for name in names:
            if name not in known:
                self.fail(field, f"names an unknown foundation '{name}'")
        return tuple(known[name] for name in names)

    def suggestions(
        self, field: str, sources: Mapping[str, SeedSource]
    ) -> tuple[SuggestedAction, ...]:
        found = []
        for number, text, origin in self._texts_with(field, "item", "origin"):
            if origin != OUR_ORIGIN and origin not in sources:
                self.fail(
                    field, f"item {number} names an unknown origin '{origin}' (a source or 'ours')"
                )
            found.append(SuggestedAction(text, _origin(origin, sources)))
        if not found:
            self.fail(field, "must list at least one item")
        return tuple(found)

    def notes(self, field: str, sources: Mapping[str, SeedSource]) -> tuple[SinceThen, ...]:
        found = []
        for number, text, refs in self._texts_with(field, "note", "sources"):
            if not isinstance(refs, list) or not refs:
                self.fail(field, f"note {number} must cite at least one source")
            for ref in refs:
                if ref not in sources:
                    self.fail(field, f"note {number} names an unknown source '{ref}'")
            found.append(SinceThen(text, tuple(sources[ref].post for ref in refs)))
        return tuple(found)

    def _texts_with(self, field: str, word: str, other: str) -> list[tuple[int, str, Any]]:
        """A list of objects holding just some text and ``other``: each one's number (for
        messages, which call it a ``word``), its text stripped, and its ``other``."""
        found = []
        for number, item in enumerate(self.value(field, list), start=1):
            if not isinstance(item, Mapping) or set(item) != {"text", other}:
                self.fail(field, f"{word} {number} must have just 'text' and '{other}'")
            text = item["text"]
            if not isinstance(text, str) or not text.strip():
                self.fail(field, f"{word} {number} must have some text")
            found.append((number, text.strip(), item[other]))
        return found

    def ident(self) -> str:
        ident = self.text("id")
        if not all(c.islower() or c.isdigit() or c == "-" for c in ident) or not ident.isascii():
            self.fail("id", "must be lower-case letters, digits and hyphens")
        return ident

    def unique(self, ident: str, seen: Mapping[str, object]) -> None:
        if ident in seen:
            self.fail("id", f"repeats the id '{ident}'")


def _origin(origin: str, sources: Mapping[str, SeedSource]) -> str:
    """A suggestion's origin in words: the post's publisher and title ("" for the app's own)."""
    return "" if origin == OUR_ORIGIN else sources[origin].origin


_KIND_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "an object"}


def load_if_changed(seed_file: Path, digest: str) -> Seed | None:
    """Parse the seed only when its bytes differ from what the plan last merged (rarely)."""
    raw_digest = hashlib.sha256(seed_file.read_bytes()).hexdigest()
    if raw_digest == digest:
        return None
    return load_seed(seed_file)
