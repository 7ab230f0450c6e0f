"""People and organisations: names, roles from appositions, aliases and linking."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.document import Document, Entity, EntityKind
from store.ingest import parse_document

BRIEFINGS = Path(__file__).parent / "briefings"


def _doc(name: str) -> Document:
    return parse_document((BRIEFINGS / name).read_text(encoding="utf-8"), file_name=name)


def _entities(text: str) -> dict[str, Entity]:
    return {e.name: e for e in parse_document(text).entities}


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Spanish foreign minister Elena Ruiz arrived in Rome.",
            "Elena Ruiz",
            "Spanish foreign minister",
        ),
        (
            "The plan was backed by Kenyan President Amara Otieno.",
            "Amara Otieno",
            "Kenyan President",
        ),
        ("Council leader Margaret Osei opened the session.", "Margaret Osei", "Council leader"),
        (
            "Transport manager Ivan Petrov said trains would run.",
            "Ivan Petrov",
            "Transport manager",
        ),
        (
            "Farid Haddad, the chief executive of the port, said little.",
            "Farid Haddad",
            "the chief executive of the port",
        ),
        ("The report was written by historian Clara Weiss.", "Clara Weiss", "historian"),
    ],
)
def test_role_from_apposition(sentence: str, name: str, role: str) -> None:
    entities = _entities(sentence + "\n")
    assert name in entities, list(entities)
    assert entities[name].role == role
    assert entities[name].kind is EntityKind.PERSON


def test_who_clause_is_part_of_the_role() -> None:
    entities = _entities("Councillor Joan Pike, who leads the housing board, voted against.\n")
    role = entities["Joan Pike"].role or ""
    assert role.startswith("Councillor")
    assert "leads the housing board" in role


def test_later_mentions_link_to_full_name() -> None:
    text = (
        "Energy secretary Paul Dunmore announced the scheme.\n"
        "Mr Dunmore said bills would fall.\n"
        "Dunmore later left for Cardiff.\n"
    )
    entities = _entities(text)
    assert list(entities) == ["Paul Dunmore"]
    assert "Mr Dunmore" in entities["Paul Dunmore"].aliases
    assert "Dunmore" in entities["Paul Dunmore"].aliases


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Campaign group Save Our Parks, which has 90 members, objected.", "Save Our Parks"),
        ("Westbrook District Council approved the budget.", "Westbrook District Council"),
        ("The Royal Society of Chemistry issued guidance.", "Royal Society of Chemistry"),
        ("Members of Friends of the Canal cleared the towpath.", "Friends of the Canal"),
    ],
)
def test_organisations(sentence: str, name: str) -> None:
    entities = _entities(sentence + "\n")
    assert name in entities, list(entities)
    assert entities[name].kind is EntityKind.ORGANISATION


@pytest.mark.parametrize(
    "sentence",
    [
        "In March the water level rose across the Mekong Delta.",
        "On Thursday the Northern Line was closed.",
        "The Great Barrier Reef is bleaching again.",
        "Visitors flocked to New Zealand and South Africa.",
        "Latin America exports copper.",
    ],
)
def test_places_months_and_things_are_not_people(sentence: str) -> None:
    people = parse_document(sentence + "\n").people
    assert people == ()


def test_role_subject_then_names_in_next_sentence() -> None:
    text = (
        "The Health Secretary will open a clinic as she and her Welsh counterpart tour Wales.\n"
        "Maria Lopez and Gareth Evans will visit three towns on Friday.\n"
    )
    entities = _entities(text)
    assert entities["Maria Lopez"].role == "Health Secretary"
    assert entities["Gareth Evans"].role == "Welsh counterpart"


def test_coalition_entities() -> None:
    doc = _doc("coalition-of-the-willing.txt")
    by_name = {e.name: e for e in doc.entities}
    assert "German defence minister" in (by_name["Boris Pistorius"].role or "")
    assert by_name["Volodymyr Zelensky"].role == "Ukrainian President"
    assert "Mr Healey" in by_name["John Healey"].aliases
    assert "Healey" in by_name["John Healey"].aliases
    assert by_name["John Healey"].role == "Defence Secretary"
    assert by_name["Ukraine Defence Contact Group"].kind is EntityKind.ORGANISATION
    people = {e.name for e in doc.people}
    assert people == {
        "John Healey",
        "Sebastien Lecorno",
        "Vladimir Putin",
        "Volodymyr Zelensky",
        "Boris Pistorius",
    }


def test_riverside_entities() -> None:
    doc = _doc("riverside-library.txt")
    by_name = {e.name: e for e in doc.entities}
    assert by_name["Tom Alvarez"].role == "Library services manager"
    assert "Mr Alvarez" in by_name["Tom Alvarez"].aliases
    role = by_name["Helen Baptiste"].role or ""
    assert "Councillor" in role
    assert "chairs the culture committee" in role
    assert by_name["Friends of Riverside"].kind is EntityKind.ORGANISATION
    assert by_name["Northfield City Council"].kind is EntityKind.ORGANISATION
    assert {e.name for e in doc.people} == {"Tom Alvarez", "Helen Baptiste"}


def test_wikipedia_people_include_initials_and_single_names() -> None:
    doc = _doc("imperialism.txt")
    people = {e.name for e in doc.people}
    assert {"J. A. Hobson", "Lenin", "Edward Said", "Friedrich Ratzel"} <= people
    assert "Latin America" not in people
    assert "Great Britain" not in people
    orgs = {e.name for e in doc.entities if e.kind is EntityKind.ORGANISATION}
    assert any(name.startswith("Royal Geographical Society") for name in orgs)


def test_diacritics_in_names() -> None:
    doc = _doc("yuan-dynasty.txt")
    people = {e.name for e in doc.people}
    assert {"Kublai Khan", "Möngke Khan", "Ögedei Khan", "Genghis Khan"} <= people
    assert not any(name.startswith(("Mongol", "Great", "Northern")) for name in people)
