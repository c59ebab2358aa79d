"""Terms are found where the text uses them: abbreviations as written, words in any case."""

from __future__ import annotations

from lio_planner.domain.glossary import Glossary
from lio_planner.domain.model import GlossaryEntry

GLOSSARY = Glossary(
    [
        GlossaryEntry("LEP", "Local enterprise partnership.", ("LEPs",)),
        GlossaryEntry("social value", "The wider good.", ()),
        GlossaryEntry("#iwill Fund", "A youth fund.", ("#iwill",)),
    ]
)


def test_abbreviations_match_only_as_written() -> None:
    assert [e.term for e in GLOSSARY.terms_in("Two LEPs met.")] == ["LEP"]
    assert GLOSSARY.terms_in("He will help.") == []
    assert GLOSSARY.terms_in("a lep") == []


def test_words_match_in_any_case_and_only_whole() -> None:
    assert [e.term for e in GLOSSARY.terms_in("Social Value matters")] == ["social value"]
    assert GLOSSARY.terms_in("social valued") == []


def test_a_tooltip_lists_each_term_once_in_glossary_order() -> None:
    text = "The #iwill Fund and a LEP, the LEP again, and social value."
    assert GLOSSARY.explain(text) == (
        "LEP: Local enterprise partnership.\n"
        "social value: The wider good.\n"
        "#iwill Fund: A youth fund."
    )
