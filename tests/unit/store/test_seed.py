"""The shipped strategy content loads, and a mistake in it names the entry and the field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from lio_planner.bundled import seed_path
from lio_planner.store.seed import SeedError, load_seed, parse_seed

REQUIRED_TOPICS = {
    # a word that must appear in some opportunity's title, per topic the strategy covers
    "local support": "support system",
    "commissioning": "commissioning",
    "grants": "grant",
    "contracts law": "contract",
    "innovation partnerships": "innovation partnership",
    "social value": "social value",
    "assets": "asset",
    "LEPs": "lep",
    "social investment": "social investment",
    "social impact bonds": "impact bond",
    "compact": "compact",
    "charters": "charter",
    "place-based": "place-based",
    "community organisers": "organiser",
    "disasters": "incident",
    "young people": "youth",
    "care leavers": "care leaver",
    "mutuals": "mutual",
    "volunteering": "volunteering",
    "digital": "digital",
}


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(seed_path().read_text(encoding="utf-8"))
    return data


def test_shipped_content_loads() -> None:
    seed = load_seed(seed_path())
    assert len(seed.opportunities) >= 25
    posts = [s for s in seed.sources.values() if s.file]
    assert len(posts) == 5
    for opportunity in seed.opportunities:
        assert opportunity.lio_actions, opportunity.id


@pytest.mark.parametrize("topic", sorted(REQUIRED_TOPICS))
def test_shipped_content_covers_the_strategy(topic: str) -> None:
    seed = load_seed(seed_path())
    titles = " | ".join(o.title.lower() for o in seed.opportunities)
    assert REQUIRED_TOPICS[topic] in titles


def test_page_numbers_recorded_from_the_posts() -> None:
    seed = load_seed(seed_path())
    pages = {o.id: o.pages for o in seed.opportunities}
    assert pages["grants-2-0"] == "111–112"
    assert pages["community-organisers"] == "36"
    assert pages["compact-renewal"] == "16"


def _broken(change: Any) -> bytes:
    data = copy.deepcopy(shipped())
    change(data)
    return json.dumps(data).encode()


def _opportunity_2(data: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = data["opportunities"][1]
    return entry


CASES = {
    "missing title": (
        lambda d: _opportunity_2(d).pop("title"),
        r"opportunity 2 '[a-z0-9-]+': field 'title' is missing",
    ),
    "empty strategy text": (
        lambda d: _opportunity_2(d).update(strategy_says="  "),
        r"opportunity 2 '[a-z0-9-]+': field 'strategy_says' must not be empty",
    ),
    "actions not a list": (
        lambda d: _opportunity_2(d).update(lio_actions="Lobby"),
        r"field 'lio_actions' must be a list",
    ),
    "unknown theme": (
        lambda d: _opportunity_2(d).update(theme="nowhere"),
        r"field 'theme' names an unknown theme 'nowhere'",
    ),
    "unknown source": (
        lambda d: _opportunity_2(d).update(sources=["a-blog"]),
        r"field 'sources' names an unknown source 'a-blog'",
    ),
    "extra field": (
        lambda d: _opportunity_2(d).update(colour="red"),
        r"field 'colour' is not a known field",
    ),
    "repeated id": (
        lambda d: _opportunity_2(d).update(id=d["opportunities"][0]["id"]),
        r"field 'id' repeats the id",
    ),
    "bad id": (
        lambda d: _opportunity_2(d).update(id="Grants 2.0"),
        r"field 'id' must be lower-case",
    ),
    "pages a number": (
        lambda d: _opportunity_2(d).update(pages=36),
        r"field 'pages' must be text",
    ),
    "theme missing summary": (
        lambda d: d["themes"][0].pop("summary"),
        r"theme 1 '[a-z0-9-]+': field 'summary' is missing",
    ),
    "wrong format": (lambda d: d.update(format=1), r"field 'format' must be 2"),
    "source without a date": (
        lambda d: d["sources"][1].update(date=""),
        r"source 2 '[a-z0-9-]+': field 'date' must not be empty",
    ),
    "source with a made-up date": (
        lambda d: d["sources"][1].update(date="August 2018"),
        r"source 2 '[a-z0-9-]+': field 'date' must be a date",
    ),
    "source without a web address": (
        lambda d: d["sources"][1].update(url="blogs.ncvo.org.uk"),
        r"source 2 '[a-z0-9-]+': field 'url' must be a web address",
    ),
    "action without an origin": (
        lambda d: _opportunity_2(d)["lio_actions"][0].pop("origin"),
        r"opportunity 2 '[a-z0-9-]+': field 'lio_actions' item 1 must have just 'text' and "
        r"'origin'",
    ),
    "action from an unknown post": (
        lambda d: _opportunity_2(d)["lio_actions"][0].update(origin="a-blog"),
        r"field 'lio_actions' item 1 names an unknown origin 'a-blog'",
    ),
    "note citing nothing": (
        lambda d: _opportunity_2(d).update(since_then=[{"text": "Changed.", "sources": []}]),
        r"opportunity 2 '[a-z0-9-]+': field 'since_then' note 1 must cite at least one source",
    ),
    "note citing an unknown source": (
        lambda d: _opportunity_2(d).update(since_then=[{"text": "Changed.", "sources": ["x"]}]),
        r"field 'since_then' note 1 names an unknown source 'x'",
    ),
    "unknown foundation": (
        lambda d: _opportunity_2(d).update(foundations=["planet"]),
        r"field 'foundations' names an unknown foundation 'planet'",
    ),
    "glossary entry without meaning": (
        lambda d: d["glossary"][0].pop("meaning"),
        r"glossary entry 1 'LIO': field 'meaning' is missing",
    ),
    "repeated glossary term": (
        lambda d: d["glossary"].append(dict(d["glossary"][0])),
        r"field 'term' repeats the term 'LIO'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_entries_name_entry_and_field(case: str) -> None:
    change, message = CASES[case]
    with pytest.raises(SeedError, match=message):
        parse_seed(_broken(change))


def test_not_json_is_reported() -> None:
    with pytest.raises(SeedError, match="not valid JSON"):
        parse_seed(b"{ this is not json")
