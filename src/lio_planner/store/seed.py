"""The strategy content shipped in data/seed.json: a strict, typed loader.

A mistake in the file (a missing field, a wrong type, an unknown theme) is reported with the
entry and the field, so whoever edits the content can find it at once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED_FORMAT = 1


class SeedError(ValueError):
    """The strategy content file is malformed; the message names the entry and field."""


@dataclass(frozen=True)
class SeedSource:
    id: str
    file: str
    title: str
    publisher: str


@dataclass(frozen=True)
class SeedTheme:
    id: str
    title: str
    summary: str


@dataclass(frozen=True)
class SeedOpportunity:
    id: str
    theme: str
    title: str
    strategy_says: str
    why_it_matters: str
    pages: str | None
    lio_actions: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Seed:
    content_version: str
    digest: str
    sources: dict[str, SeedSource]
    themes: tuple[SeedTheme, ...]
    opportunities: tuple[SeedOpportunity, ...]

    def source_refs(self, opportunity: SeedOpportunity) -> list[dict[str, str]]:
        """The opportunity's source posts, as stored in the plan file."""
        return [
            {"title": self.sources[s].title, "publisher": self.sources[s].publisher}
            for s in opportunity.sources
        ]


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
    top.keys({"format", "content_version", "sources", "themes", "opportunities"})
    if top.value("format", int) != SEED_FORMAT:
        raise SeedError(f"{where}: the file: field 'format' must be {SEED_FORMAT}")

    sources: dict[str, SeedSource] = {}
    for n, item in enumerate(top.value("sources", list), start=1):
        e = _Entry(where, f"source {n}", item)
        e.keys({"id", "file", "title", "publisher"})
        src = SeedSource(e.ident(), e.text("file"), e.text("title"), e.text("publisher"))
        e.unique(src.id, sources)
        sources[src.id] = src

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
                "title",
                "strategy_says",
                "why_it_matters",
                "pages",
                "lio_actions",
                "sources",
            }
        )
        opp = SeedOpportunity(
            id=e.ident(),
            theme=e.text("theme"),
            title=e.text("title"),
            strategy_says=e.text("strategy_says"),
            why_it_matters=e.text("why_it_matters"),
            pages=e.optional_text("pages"),
            lio_actions=e.texts("lio_actions"),
            sources=e.texts("sources"),
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
        sources=sources,
        themes=tuple(themes.values()),
        opportunities=tuple(opportunities.values()),
    )


class _Entry:
    """One JSON object being validated, which knows how to name itself in an error."""

    def __init__(self, where: str, name: str, data: Any) -> None:
        self.where = where
        self.name = name
        if not isinstance(data, Mapping):
            raise SeedError(f"{where}: {name}: must be an object")
        self.data: Mapping[str, Any] = data
        ident = data.get("id")
        if isinstance(ident, str) and ident:
            self.name = f"{name} '{ident}'"

    def fail(self, field: str, problem: str) -> None:
        raise SeedError(f"{self.where}: {self.name}: field '{field}' {problem}")

    def keys(self, expected: set[str]) -> None:
        for missing in sorted(expected - self.data.keys()):
            self.fail(missing, "is missing")
        for extra in sorted(self.data.keys() - expected):
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

    def ident(self) -> str:
        ident = self.text("id")
        if not all(c.islower() or c.isdigit() or c == "-" for c in ident) or not ident.isascii():
            self.fail("id", "must be lower-case letters, digits and hyphens")
        return ident

    def unique(self, ident: str, seen: Mapping[str, object]) -> None:
        if ident in seen:
            self.fail("id", f"repeats the id '{ident}'")


_KIND_NAMES = {str: "text", int: "a whole number", list: "a list"}
