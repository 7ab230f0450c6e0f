"""Companies whose names look like people's: utilities, "X, which ..., said", apposed kinds.

Conventions these tests pin down:
- A name ending in a utility or transport word ("Water", "Energy", "Gas", "Power", "Rail",
  "Housing", "Broadband", ...) is an organisation unless something marks it as a person
  (an honorific, a title, a role, an age): "Samantha Power, the ambassador" is a person.
- "X, which is based in Y, said" is an organisation: people are "who", not "which".
- An apposition naming a kind of organisation ("X, the water company,") makes X one.
"""

from __future__ import annotations

import pytest

from store.document import Document, Entity, EntityKind
from store.ingest import parse_document


def _doc(text: str) -> Document:
    return parse_document(text + "\n")


def _by_name(doc: Document) -> dict[str, Entity]:
    return {e.name: e for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Severn Dale Water said the main would be replaced by June.", "Severn Dale Water"),
        ("Northfield Energy has raised its prices for the second time this year.",
         "Northfield Energy"),
        ("Lakeside Gas customers were left without heating on Sunday.", "Lakeside Gas"),
        ("The developer, Blackwater Renewables, says the scheme will power 52,000 homes.",
         "Blackwater Renewables"),
        ("Coastline Power will build a solar farm near the harbour.", "Coastline Power"),
        ("Tenants said Moorland Housing had ignored their complaints.", "Moorland Housing"),
        ("Ridgeway Broadband apologised for the outage, which lasted two days.",
         "Ridgeway Broadband"),
        ("Passengers told Kestrel Rail that the new timetable was worse.", "Kestrel Rail"),
        ("“We are sorry for the disruption,” Marsh Valley Water said in a statement.",
         "Marsh Valley Water"),
    ],
)  # fmt: skip
def test_utility_names_are_organisations(text: str, name: str) -> None:
    doc = _doc(text)
    assert doc.people == (), doc.people
    assert _by_name(doc)[name].kind is EntityKind.ORGANISATION


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Samantha Power, the US ambassador, said the vote was a mistake.", "Samantha Power"),
        ("Ms Jane Power said she was pleased with the result.", "Jane Power"),
        ("Tom Power, 61, said the road had flooded three times.", "Tom Power"),
        ("Health minister Alan Rail said the hospital would stay open.", "Alan Rail"),
    ],
)
def test_a_person_with_a_utility_word_for_a_surname_stays_a_person(text: str, name: str) -> None:
    assert _by_name(_doc(text))[name].kind is EntityKind.PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brackenridge Ovens, which is based in Leeds, said it had hired 40 staff.",
         "Brackenridge Ovens"),
        ("Hartwell Bio, which makes vaccines for cattle, announced a new plant on Monday.",
         "Hartwell Bio"),
        ("Talbot Grain, which was founded in 1898, has confirmed the mill will close.",
         "Talbot Grain"),
    ],
)  # fmt: skip
def test_which_clause_and_speech_make_an_organisation(text: str, name: str) -> None:
    doc = _doc(text)
    assert doc.people == ()
    assert _by_name(doc)[name].kind is EntityKind.ORGANISATION


def test_who_clause_keeps_a_person() -> None:
    doc = _doc("Jane Hart, who runs a bakery in Leeds, said trade had been slow.")
    assert _by_name(doc)["Jane Hart"].kind is EntityKind.PERSON


def test_which_company_short_form_is_an_alias_and_speaks_as_it() -> None:
    doc = _doc(
        "Brackenridge Ovens, which is based in Leeds, said it had hired 40 staff.\n"
        "Brackenridge said it would open a second factory next year. "
        "“Demand has never been stronger across Europe,” it said."
    )
    company = _by_name(doc)["Brackenridge Ovens"]
    assert company.kind is EntityKind.ORGANISATION
    assert "Brackenridge" in company.aliases
    assert doc.people == ()
    assert [q.speaker for q in doc.quotes] == ["Brackenridge Ovens"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Thames Vale Water, the water company, said bills would rise.", "Thames Vale Water",
         "the water company"),
        ("Kestrel Freight, a haulage firm, said it would cut 40 jobs.", "Kestrel Freight",
         "haulage firm"),
        ("Fenlow Digital, a Leeds software startup, said it had raised £2 million.",
         "Fenlow Digital", "Leeds software startup"),
    ],
)  # fmt: skip
def test_apposed_kind_of_organisation(text: str, name: str, role: str) -> None:
    doc = _doc(text)
    assert doc.people == ()
    entity = _by_name(doc)[name]
    assert entity.kind is EntityKind.ORGANISATION
    assert entity.role == role


def test_apposed_role_and_title_are_both_kept() -> None:
    doc = _doc(
        "Dunmore Borough Council voted to back the plan, and its leader, Councillor Ann Bray, "
        "said the town would benefit."
    )
    person = _by_name(doc)["Ann Bray"]
    assert person.kind is EntityKind.PERSON
    assert person.role == "Councillor, leader"


def test_a_company_s_short_name_after_a_clause_comma_is_still_the_company() -> None:
    doc = _doc(
        "Tidewell Energy has raised $120 million to build a factory.\n\n"
        "If lithium stays cheap, Tidewell will have to win on safety."
    )
    assert "Tidewell" in _by_name(doc)["Tidewell Energy"].aliases


def test_a_short_name_after_a_street_is_a_place() -> None:
    doc = _doc(
        "Radford Homes will build 40 flats.\n\nThe site is on Elm Grove, Radford, near the station."
    )
    assert "Radford" not in _by_name(doc)["Radford Homes"].aliases


def test_sports_clubs_and_their_teams_are_organisations_with_short_names() -> None:
    doc = _doc(
        "Ashbury Rovers Women won the county cup, beating holders Millbeck Town 3-2.\n\n"
        "Millbeck took the lead after 11 minutes.\n\n"
        "Ashbury Rovers will now play in the regional shield."
    )
    clubs = _by_name(doc)
    assert clubs["Ashbury Rovers Women"].kind is EntityKind.ORGANISATION
    assert "Ashbury Rovers" in clubs["Ashbury Rovers Women"].aliases
    assert clubs["Millbeck Town"].aliases == ("Millbeck",)


def test_a_club_is_called_by_the_last_word_of_its_name() -> None:
    doc = _doc(
        "Kirkbridge Athletic moved to within two points of the top of the Northern Premier "
        "Division after a 3-1 win on Saturday.\n\n"
        "Athletic levelled on 27 minutes through their captain.\n"
    )
    clubs = _by_name(doc)
    assert "Athletic" in clubs["Kirkbridge Athletic"].aliases
    # "Premier" is no title here: the league is an organisation, not a person "Division"
    assert clubs["Northern Premier Division"].kind is EntityKind.ORGANISATION
    assert doc.people == ()


def test_a_saint_s_institution_is_one_organisation() -> None:
    doc = _doc("She stole from St Aidan’s Hospice in Wakefield, the court heard.\n")
    assert _by_name(doc)["St Aidan’s Hospice"].kind is EntityKind.ORGANISATION
    assert doc.people == ()  # nor is "Wakefield" someone whose role is "the court heard"


def test_a_list_of_places_is_no_role() -> None:
    doc = _doc("The rest paid for holidays in Dubai, the Maldives and Florida and a car.\n")
    assert doc.people == ()


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("CARVER FALLS, Ohio — Keystone Home Appliances will close its plant, the company said.",
         "Keystone Home Appliances"),
        ("An audit by accountancy firm Hewitt & Lowe found that money was missing.",
         "Hewitt & Lowe"),
        ("Jane Smith, a partner at Hewitt & Lowe, said it was rare.", "Hewitt & Lowe"),
        ("Skyline Air cancelled 140 flights on Sunday.", "Skyline Air"),
        ("The Department for Education said the deal was fair.", "Department for Education"),
        ("Eastvale Fire and Rescue Service said crews had rescued 47 people.",
         "Eastvale Fire and Rescue Service"),
        ("Scientists at the Front Range Institute for Atmospheric Research found leaks.",
         "Front Range Institute for Atmospheric Research"),
    ],
)  # fmt: skip
def test_more_firms_are_organisations(text: str, organisation: str) -> None:
    doc = _doc(text + "\n")
    assert _by_name(doc)[organisation].kind is EntityKind.ORGANISATION
    assert organisation not in {p.name for p in doc.people}


@pytest.mark.parametrize(
    "text",
    [
        "The bats hunt moths over Cradley Wood, an area of ancient oak woodland to the south.",
        "Sepsis is one of the leading causes of death in U.S. hospitals.",
    ],
)
def test_places_and_initials_are_not_people(text: str) -> None:
    assert _doc(text + "\n").people == ()


def test_a_full_name_after_its_party_is_a_person() -> None:
    doc = _doc(
        "Labour's Sean Driscoll came third with 977 votes.\n\n"
        "Mr Driscoll said the party had been squeezed.\n"
    )
    assert _by_name(doc)["Sean Driscoll"].aliases == ("Mr Driscoll", "Driscoll")


def test_a_who_clause_is_no_role_and_numbers_do_not_cut_it() -> None:
    doc = _doc(
        "Councillor Denise Walker, who chairs Ashcombe's town centre partnership, spoke.\n\n"
        "Callum Fenwick, 19, who joined from Ashby Rovers for a fee of £450,000, scored.\n"
    )
    assert "Ashcombe" not in _by_name(doc)
    assert (
        _by_name(doc)["Callum Fenwick"].role == "who joined from Ashby Rovers for a fee of £450,000"
    )


def test_a_firm_is_called_by_the_first_word_of_a_long_name() -> None:
    doc = _doc(
        "Residents received letters from Castlegate Property Holdings on Monday.\n\n"
        "Castlegate, which bought the freehold in 2019, said it shared their frustration.\n"
    )
    assert _by_name(doc)["Castlegate Property Holdings"].aliases == ("Castlegate",)
    assert len(doc.entities) == 1


def test_a_road_is_no_person() -> None:
    assert _doc("The fire started near mile marker 37 on State Route 88.\n").people == ()


def test_a_place_described_after_its_name_is_no_person() -> None:
    doc = _doc(
        "David Okonjo, head teacher of Hollins Park Academy in Oldham, a secondary school "
        "with 1,140 pupils, welcomed the deal.\n"
    )
    assert {p.name for p in doc.people} == {"David Okonjo"}


def test_and_joins_only_an_organisation_s_name() -> None:
    doc = _doc("Smith and Jones said the deal was fair, Mr Smith told reporters.\n")
    assert "Smith and Jones" not in _by_name(doc)


def test_a_company_is_found_by_its_first_word_when_its_name_ends_inc() -> None:
    doc = _doc(
        "Vantrel Systems Inc. said on Thursday it would eliminate 1,150 jobs.\n\n"
        "Vantrel shares tumbled 23% in morning trading.\n\n"
        "Jordan Kettleby had worked at Vantrel for five years.\n"
    )
    (company,) = [e for e in doc.entities if e.kind is EntityKind.ORGANISATION]
    assert company.name == "Vantrel Systems Inc"
    assert "Vantrel" in company.aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "He appeared at Pellingford Magistrates’ Court on Tuesday.",
            "Pellingford Magistrates’ Court",
        ),
        ("The rest will stay with the Rovers Supporters' Trust.", "Rovers Supporters' Trust"),
    ],
)
def test_a_plural_possessive_inside_an_organisation_s_name(text: str, name: str) -> None:
    entity = _by_name(_doc(text))[name]
    assert entity.kind is EntityKind.ORGANISATION
