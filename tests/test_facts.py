"""Per-sentence numbers, amounts, dates and places are found verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.facts import find_amounts, find_dates, find_numbers, find_places, sentence_facts
from store.ingest import parse_document

BRIEFINGS = Path(__file__).parent / "briefings"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 30 boats and 1,250 crew took part.", ("30", "1,250")),
        ("The mill was built in 1889 and rebuilt twice.", ("1889",)),
        ("Two engines and three wings.", ("Two", "three")),
        ("Printers with 3D scanning.", ()),
        ("One man died and the two others were hurt.", ("One", "two")),
        ("No one was hurt, but one of my deputies is at risk one day.", ()),
    ],
)
def test_numbers(text: str, expected: tuple[str, ...]) -> None:
    assert find_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebuild cost £6.2 million.", ("£6.2 million",)),
        ("Donors gave $85,000 and €3bn.", ("$85,000", "€3bn")),
        ("Turnout fell 3.5% while costs rose 12 per cent.", ("3.5%", "12 per cent")),
        ("Shops open 56 hours a week.", ("56 hours a week",)),
        ("A 620-mile front and a 30-day truce.", ("620-mile", "30-day")),
    ],
)
def test_amounts(text: str, expected: tuple[str, ...]) -> None:
    assert find_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pool reopens on 3 March.", ("3 March",)),
        ("It closed in September 2023.", ("September 2023",)),
        ("Talks resume on Thursday.", ("Thursday",)),
        ("Leaders met last weekend.", ("last weekend",)),
        ("The fair runs from 3 to 9 March.", ("3 to 9 March",)),
        ("The city fell in 1271.", ("1271",)),
        ("Trade grew in the 19th century.", ("19th century",)),
        ("Settlers arrived in the eighteenth century.", ("eighteenth century",)),
        ("Prices peaked in the 1970s.", ("1970s",)),
        ("It opened on May 4, 2021.", ("May 4, 2021",)),
        ("The team had 1500 players.", ()),
    ],
)
def test_dates(text: str, expected: tuple[str, ...]) -> None:
    assert find_dates(text) == expected


def test_places_after_prepositions_and_known_names() -> None:
    known = frozenset({"Lyon"})
    assert find_places("Ministers met in Lyon with officials from Spain.", known) == (
        "Lyon",
        "Spain",
    )


def test_people_are_not_places() -> None:
    text = "Mr Jordan flew to Jordan."
    assert find_places(text, frozenset(), frozenset({"Mr Jordan"})) == ("Jordan",)
    assert find_places("Alice Jordan spoke.", frozenset(), frozenset({"Jordan"})) == ()


def test_sentence_facts_bundle() -> None:
    facts = sentence_facts(
        "On 3 March, 2,000 runners raised £40,000 in Leeds.", frozenset({"Leeds"})
    )
    assert facts.dates == ("3 March",)
    assert "2,000" in facts.numbers
    assert facts.amounts == ("£40,000",)
    assert facts.places == ("Leeds",)


def test_places_learned_from_the_document() -> None:
    text = (
        "Floods hit homes in Dorvale on Monday.\nDorvale residents were evacuated to Marsh Hill.\n"
    )
    doc = parse_document(text)
    assert doc.sentences[0].places == ("Dorvale",)
    assert doc.sentences[1].places == ("Dorvale", "Marsh Hill")


def test_coalition_facts() -> None:
    text = (BRIEFINGS / "coalition-of-the-willing.txt").read_text(encoding="utf-8")
    doc = parse_document(text)
    s = doc.sentence(2, 1)
    assert s is not None
    assert "30" in s.numbers
    assert "Thursday" in s.dates
    assert "Brussels" in s.places
    s = doc.sentence(4, 1)
    assert s is not None
    assert "last weekend" in s.dates
    assert "Kyiv" in s.places
    s = doc.sentence(13, 1)
    assert s is not None
    assert "620-mile" in s.amounts


def test_riverside_facts() -> None:
    text = (BRIEFINGS / "riverside-library.txt").read_text(encoding="utf-8")
    doc = parse_document(text)
    first = doc.sentence(1, 1)
    assert first is not None
    assert "£6.2 million" in first.amounts
    assert "3 March" in first.dates
    assert "18-month" in first.amounts
    hours = doc.sentence(4, 1)
    assert hours is not None
    assert "56 hours a week" in hours.amounts
    assert "Sundays" in hours.dates
    festival = doc.sentence(11, 1)
    assert festival is not None
    assert festival.dates == ("3 to 9 March",)
