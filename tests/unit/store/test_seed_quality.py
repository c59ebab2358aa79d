"""The shipped content can be cited, says how old it is, and explains its own words."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lio_planner.bundled import seed_path
from lio_planner.domain.enums import Foundation
from lio_planner.store.seed import Seed, load_seed


@pytest.fixture(scope="module")
def seed() -> Seed:
    return load_seed(seed_path())


def content_texts(seed: Seed) -> list[tuple[str, str]]:
    """(where, text) for every piece of text the app shows from the content."""
    texts = [("about", seed.notes.about)]
    texts += [(f"theme {t.id}", f"{t.title} {t.summary}") for t in seed.themes]
    for o in seed.opportunities:
        texts.append((o.id, " ".join([o.title, o.strategy_says or "", o.why_it_matters])))
        texts += [(f"{o.id} action", a.text) for a in o.lio_actions]
        texts += [(f"{o.id} since then", n.text) for n in o.since_then]
    return texts


def glossary_forms(seed: Seed) -> set[str]:
    return {form for g in seed.notes.glossary for form in (g.term, *g.also)}


def test_every_source_can_be_followed_up(seed: Seed) -> None:
    for source in seed.sources.values():
        assert source.url.startswith("https://") or source.url.startswith("http://"), source.id
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", source.date), source.id
        assert source.title and source.publisher, source.id


def test_the_ncvo_posts_link_to_their_own_pages(seed: Seed) -> None:
    ncvo = [s for s in seed.sources.values() if s.publisher == "NCVO blog"]
    assert len(ncvo) == 3
    for source in ncvo:
        assert source.url.startswith("https://blogs.ncvo.org.uk/2018/"), source.id
        assert source.url.startswith(f"https://blogs.ncvo.org.uk/{source.date.replace('-', '/')}/")


def test_the_strategy_itself_is_cited_from_gov_uk(seed: Seed) -> None:
    strategy = seed.notes.strategy
    assert strategy is not None
    assert strategy.title == "Civil Society Strategy: building a future that works for everyone"
    assert strategy.url.startswith("https://www.gov.uk/government/publications/")
    assert strategy.date.startswith("2018-08")


def test_the_content_says_how_old_it_is(seed: Seed) -> None:
    assert seed.notes.written == "2018-08"
    assert "August 2018" in seed.notes.about
    assert "Support Cambridgeshire" in seed.notes.pages_note


def test_every_since_then_note_cites_a_dated_source(seed: Seed) -> None:
    notes = [n for o in seed.opportunities for n in o.since_then]
    assert len(notes) >= 6
    seed_posts = {s.post for s in seed.sources.values() if s.file}
    for note in notes:
        assert note.sources
        for source in note.sources:
            assert source.url and source.date, source.title
            assert source not in seed_posts, (
                f"{source.title}: a 'since then' note must cite a later source"
            )


@pytest.mark.parametrize(
    ("opportunity", "words"),
    [
        ("dormant-accounts-financial-inclusion", "Fair4All Finance"),
        ("youth-employment-dormant-accounts", "Youth Futures Foundation"),
        ("iwill-youth-social-action", "The National Lottery Community Fund"),
        ("collaborative-commissioning", "integrated care boards"),
        ("lep-boards-diversity", "April 2024"),
        ("innovation-partnerships", "Procurement Act 2023"),
    ],
)
def test_dated_entries_say_what_changed(seed: Seed, opportunity: str, words: str) -> None:
    entry = next(o for o in seed.opportunities if o.id == opportunity)
    assert any(words in note.text for note in entry.since_then)


def test_every_term_used_is_in_the_glossary(seed: Seed) -> None:
    forms = glossary_forms(seed)
    missing = set()
    for where, text in content_texts(seed):
        for word in re.findall(r"#?\b[A-Z][A-Z0-9]+s?\b", text):
            if word not in forms and word.rstrip("s") not in forms:
                missing.add(f"{word} ({where})")
    assert not missing


def test_the_issue_s_terms_are_defined(seed: Seed) -> None:
    forms = {f.casefold() for f in glossary_forms(seed)}
    for term in ("LIO", "CVS", "VCSE", "NCVO", "NAVCA", "DCMS", "the Compact", "commissioning",
                 "social value", "social investment", "social impact bonds",
                 "integrated care boards"):  # fmt: skip
        assert term.casefold() in forms, term


def test_suggested_actions_are_concrete_and_say_where_they_come_from(seed: Seed) -> None:
    for o in seed.opportunities:
        for action in o.lio_actions:
            assert not action.text.startswith(("Consider", "Watch")), action.text
            cited = {seed.sources[s].origin for s in o.sources}
            assert action.is_ours or action.origin in cited, (o.id, action.text)
            # no action waits on something in 2018's future
            assert "by 2020" not in action.text and "once it launches" not in action.text
    origins = Counter(a.is_ours for o in seed.opportunities for a in o.lio_actions)
    assert origins[True] and origins[False]


def test_no_suggested_action_is_repeated(seed: Seed) -> None:
    texts = Counter(a.text for o in seed.opportunities for a in o.lio_actions)
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_opportunity_belongs_to_a_foundation(seed: Seed) -> None:
    used = {f for o in seed.opportunities for f in o.foundations}
    assert used == set(Foundation)
    assert all(o.foundations for o in seed.opportunities)


@pytest.mark.parametrize(
    ("opportunity", "must_not_say"),
    [
        ("local-support-system", "closest the strategy comes to naming CVSs"),
        ("social-value-act", "Government will strengthen the Social Value Act so that"),
        ("infrastructure-support-models", "Government admits"),
        ("grant-guidance-and-transparency", "open data"),
    ],
)
def test_claims_no_stronger_than_their_sources(
    seed: Seed, opportunity: str, must_not_say: str
) -> None:
    entry = next(o for o in seed.opportunities if o.id == opportunity)
    text = " ".join([entry.title, entry.strategy_says or "", entry.why_it_matters])
    assert must_not_say.casefold() not in text.casefold()


def test_corrections_rest_on_the_right_posts(seed: Seed) -> None:
    by_id = {o.id: o for o in seed.opportunities}
    assert "ultimate aim" in (by_id["social-value-act"].strategy_says or "")
    models = by_id["infrastructure-support-models"].why_it_matters
    assert "NCVO" in models and "no overt reference" in models
    assert "NCVO" in by_id["innovation-partnerships"].why_it_matters
    assert "Support Cambridgeshire" in by_id["compact-renewal"].why_it_matters
    front_door = by_id["lio-front-door"].why_it_matters
    assert "reader commenting" in front_door and "social prescribing" in front_door
    assert by_id["digital-inclusion-and-tech"].sources == (
        "support-cambs-local-infrastructure",
        "waltham-forest-all-about-people",
    )
    assert by_id["community-assets"].sources == ("ncvo-local-infrastructure",)
    assert by_id["system-failure-gap"].strategy_says is None  # a gap, not something it says
