"""Entities, roles, aliases and quote speakers across news styles (small inline articles).

Conventions these tests pin down:
- A role after a name keeps "the" ("the chief executive of the port") but drops "a"/"an"
  ("a GP on Skye" gives "GP on Skye"); a role before a name drops its article too
  ("The library's manager, Sian Roberts," gives "library's manager").
- A title and an apposition are both kept: "Councillor, the council's cabinet member ...".
- Unnamed speakers are a descriptive phrase without its article ("council spokesperson",
  "spokesperson for the council"), or the organisation when it is a known entity
  ("a spokesperson for Northfield Council" gives "Northfield Council"). A spokesperson or
  lawyer *for a person* is never that person.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.document import Document, Entity, EntityKind, Quote
from store.ingest import parse_document

EVAL = Path(__file__).parent / "eval"


def _doc(text: str) -> Document:
    return parse_document(text)


def _by_name(doc: Document) -> dict[str, Entity]:
    return {e.name: e for e in doc.entities}


def _people(doc: Document) -> set[str]:
    return {e.name for e in doc.people}


def _orgs(doc: Document) -> set[str]:
    return {e.name for e in doc.entities if e.kind is EntityKind.ORGANISATION}


def _quote(doc: Document, start: str) -> Quote:
    matches = [q for q in doc.quotes if q.text.startswith(start)]
    assert len(matches) == 1, [(q.text, q.speaker) for q in doc.quotes]
    return matches[0]


BRITISH_LOCAL = """\
Plans to close Hartley Road Library have been paused after a public outcry.
Mill Valley Borough Council had proposed shutting the branch to save £180,000 a year.
Councillor Anita Shah, the council's cabinet member for communities, said no decision would be taken before the spring.
“We have heard the strength of feeling and we will look again at every option,” she said.
Campaigner Robert Finch, 67, a retired teacher from Mill Valley, said: “This library is a lifeline for older people.”
A spokesperson for the council said: “No final decision has been made about the branch.”
The library's manager, Sian Roberts, told the meeting that visitor numbers had risen by 12%.
Ms Roberts said the building needed a new roof.
Mr Finch said campaigners would keep up the pressure.
"""  # noqa: E501


def test_british_local_news() -> None:
    doc = _doc(BRITISH_LOCAL)
    by_name = _by_name(doc)
    assert _people(doc) == {"Anita Shah", "Robert Finch", "Sian Roberts"}
    assert by_name["Mill Valley Borough Council"].kind is EntityKind.ORGANISATION
    assert by_name["Anita Shah"].role == (
        "Councillor, the council's cabinet member for communities"
    )
    assert by_name["Robert Finch"].role == "Campaigner, retired teacher from Mill Valley"
    assert by_name["Sian Roberts"].role == "library's manager"
    assert {"Ms Roberts", "Roberts"} <= set(by_name["Sian Roberts"].aliases)
    assert {"Mr Finch", "Finch"} <= set(by_name["Robert Finch"].aliases)
    assert _quote(doc, "We have heard").speaker == "Anita Shah"
    assert _quote(doc, "This library is a lifeline").speaker == "Robert Finch"
    # An unnamed spokesperson for an organisation that is not an entity: the phrase.
    assert _quote(doc, "No final decision").speaker == "spokesperson for the council"


AMERICAN = """\
Sen. Maria Cantwell, D-Wash., introduced the bill on Tuesday.
“This is about keeping families safe on the water,” said Jonathan Pryce, president of the National Boating Federation.
Pryce said the group had lobbied for the change for a decade.
The bill was opposed by Harbor Marine Industries, a trade group.
“The costs will be passed on to consumers,” said Kelly Dunn, a spokeswoman for Harbor Marine Industries.
Dunn said the industry would seek changes in committee.
Rep. Tom Alder, a Republican from Oregon, said he was undecided.
“We will rebuild the marina before the summer season,” Mr. Alder said.
"""  # noqa: E501


def test_american_news() -> None:
    doc = _doc(AMERICAN)
    by_name = _by_name(doc)
    assert _people(doc) == {"Maria Cantwell", "Jonathan Pryce", "Kelly Dunn", "Tom Alder"}
    assert {"National Boating Federation", "Harbor Marine Industries"} <= _orgs(doc)
    assert by_name["Jonathan Pryce"].role == "president of the National Boating Federation"
    assert by_name["Kelly Dunn"].role == "spokeswoman for Harbor Marine Industries"
    assert "Pryce" in by_name["Jonathan Pryce"].aliases
    assert _quote(doc, "This is about keeping").speaker == "Jonathan Pryce"
    assert _quote(doc, "The costs will be").speaker == "Kelly Dunn"
    # "Mr." with a full stop does not cut the speaker's name short.
    assert _quote(doc, "We will rebuild").speaker == "Tom Alder"


SPORT = """\
Striker Leon Mbeki scored twice as Ashford Town beat Crowley Rovers 3-1 on Saturday.
Mbeki, 23, opened the scoring after 12 minutes.
“The lads were brilliant and we deserved the win,” Ashford manager Gary Holt told BBC Radio Kent.
Rovers boss Dean Clarke said his side had been second best.
“We did not turn up today,” Clarke said.
"""


def test_sports_report() -> None:
    doc = _doc(SPORT)
    by_name = _by_name(doc)
    assert _people(doc) == {"Leon Mbeki", "Gary Holt", "Dean Clarke"}
    assert by_name["Crowley Rovers"].kind is EntityKind.ORGANISATION
    assert by_name["Leon Mbeki"].role == "Striker"
    assert by_name["Gary Holt"].role == "Ashford manager"
    # "Dean" is a first name here, not an academic title.
    assert by_name["Dean Clarke"].role == "Rovers boss"
    assert _quote(doc, "The lads were brilliant").speaker == "Gary Holt"
    assert _quote(doc, "We did not turn up").speaker == "Dean Clarke"


BUSINESS = """\
Shares in Brightwater Homes fell 8% after the housebuilder cut its profit forecast.
The company said in a statement that higher mortgage rates had hit demand.
Brightwater's chief executive, Linda Osei, said the market would recover next year.
“We remain confident in the long-term demand for new homes,” Ms Osei said.
Mark Webb, an analyst at Fenwick Securities, said: “The guidance was disappointing.”
Tom Reyes, Calder Foods' chief executive, said: “Costs are finally falling for us.”
Northern Rail Holdings chief executive Paul Kerr said the deal would go ahead.
"""


def test_business_story() -> None:
    doc = _doc(BUSINESS)
    by_name = _by_name(doc)
    assert _people(doc) == {"Linda Osei", "Mark Webb", "Tom Reyes", "Paul Kerr"}
    assert {
        "Brightwater Homes",
        "Fenwick Securities",
        "Calder Foods",
        "Northern Rail Holdings",
    } <= _orgs(doc)
    # The short form of a company's name is an alias of the company, not a new entity.
    assert "Brightwater" in by_name["Brightwater Homes"].aliases
    assert by_name["Linda Osei"].role == "Brightwater's chief executive"
    assert by_name["Mark Webb"].role == "analyst at Fenwick Securities"
    assert by_name["Tom Reyes"].role == "Calder Foods' chief executive"
    assert by_name["Paul Kerr"].role == "Northern Rail Holdings chief executive"
    assert _quote(doc, "We remain confident").speaker == "Linda Osei"
    assert _quote(doc, "The guidance was").speaker == "Mark Webb"
    assert _quote(doc, "Costs are finally").speaker == "Tom Reyes"


COURT = """\
A man who stole £40,000 from his employer has been jailed for three years.
Daniel Price, 34, of Elm Grove, Radford, admitted fraud at Radford Crown Court.
The court heard Price had worked as a bookkeeper for Radford Motors for six years.
Prosecuting, Sarah Keene said Price had taken the money in 87 separate payments.
Judge Alan Merritt told Price: “You abused the trust placed in you.”
Defending, Tom Hale said his client was deeply ashamed.
Det Con Lisa Grant, of Radford Police, said after the hearing: “This was a calculated fraud.”
"""


def test_court_report() -> None:
    doc = _doc(COURT)
    by_name = _by_name(doc)
    assert _people(doc) == {
        "Daniel Price",
        "Sarah Keene",
        "Alan Merritt",
        "Tom Hale",
        "Lisa Grant",
    }
    assert "Price" in by_name["Daniel Price"].aliases
    assert by_name["Sarah Keene"].role == "prosecutor"
    assert by_name["Tom Hale"].role == "defence counsel"
    assert by_name["Alan Merritt"].role == "Judge"
    assert by_name["Lisa Grant"].role == "Det Con"
    assert by_name["Radford Motors"].kind is EntityKind.ORGANISATION
    # "Radford" is also a town here, so it is not taken as short for "Radford Motors".
    assert "Radford" not in by_name["Radford Motors"].aliases
    assert _quote(doc, "You abused").speaker == "Alan Merritt"
    assert _quote(doc, "This was a calculated").speaker == "Lisa Grant"


def test_harbour_ferry_strike_entities() -> None:
    doc = parse_document((EVAL / "harbour-ferry-strike.txt").read_text(encoding="utf-8"))
    by_name = _by_name(doc)
    assert _people(doc) == {"Priya Natarajan", "Gareth Lyle", "Helen Oduya"}
    assert by_name["Tidewater Ferries"].kind is EntityKind.ORGANISATION
    assert "Tidewater" in by_name["Tidewater Ferries"].aliases
    assert by_name["Maritime Workers Union"].kind is EntityKind.ORGANISATION
    assert by_name["Priya Natarajan"].role == "regional organiser for the Maritime Workers Union"
    assert by_name["Gareth Lyle"].role == "Tidewater's operations director"
    assert by_name["Helen Oduya"].role == "GP on Saltmarsh Island"
    assert {"Ms Natarajan", "Natarajan"} <= set(by_name["Priya Natarajan"].aliases)
    assert {"Mr Lyle", "Lyle"} <= set(by_name["Gareth Lyle"].aliases)
    assert {"Dr Oduya", "Oduya"} <= set(by_name["Helen Oduya"].aliases)
    speakers = {q.text[:20]: q.speaker for q in doc.quotes}
    assert speakers == {
        "Nobody takes this st": "Priya Natarajan",
        "Our members have bee": "Priya Natarajan",
        "We have made a fair ": "Gareth Lyle",
        "I am worried about o": "Helen Oduya",
        "Some of them cannot ": "Helen Oduya",
    }


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Mark Bell, a spokesperson for Harlow Homes, said work would end in May.", "Mark Bell",
         "spokesperson for Harlow Homes"),
        ("Janet Cole, 54, a teacher from Dunmore, said the closure was a blow.", "Janet Cole",
         "teacher from Dunmore"),
        ("Greenfield Foods chief executive Sarah Pike said profits had doubled.", "Sarah Pike",
         "Greenfield Foods chief executive"),
        ("Tom Reyes, Acme's chief executive, said profits had doubled.", "Tom Reyes",
         "Acme's chief executive"),
        ("The council's director, Ruth Kemp, said the plan was sound.", "Ruth Kemp",
         "council's director"),
        ("Paul Grant, a former minister, said the plan would fail.", "Paul Grant",
         "former minister"),
        ("Former minister Paul Grant said the plan would fail.", "Paul Grant",
         "Former minister"),
        ("Lisa Ray, formerly head of nursing at the hospital, said staff were tired.", "Lisa Ray",
         "formerly head of nursing at the hospital"),
        ("“This is a disgrace,” said Labour MP Jane Doe.", "Jane Doe", "Labour MP"),
        ("Those present included the mayor, Jane Doe, and other guests.", "Jane Doe", "mayor"),
        ("Lisa Ray, a former nurse who now runs a care home, said staff were tired.", "Lisa Ray",
         "former nurse, who now runs a care home"),
        ("“We will appeal,” said Alan Moss, who leads the Residents Association.", "Alan Moss",
         "who leads the Residents Association"),
        ("Ann Lee, professor of economics at the University of Leeds, said rates would fall.",
         "Ann Lee", "professor of economics at the University of Leeds"),
        ("Scotland's first minister, John Swinney, said the vote was fair.", "John Swinney",
         "Scotland's first minister"),
        ("Her husband, John Doe, said the family was devastated.", "John Doe", "husband"),
        ("Substitute Leah Tranter, 17, scored the winner.", "Leah Tranter", "Substitute"),
        ("The chief executive of Kingsbridge and Westmoor NHS Foundation Trust, Helen Okafor, "
         "opened it.", "Helen Okafor",
         "chief executive of Kingsbridge and Westmoor NHS Foundation Trust"),
        ("Chief Fire Officer Ruth Kellaway said the river was high.", "Ruth Kellaway",
         "Chief Fire Officer"),
        ("“It was a plan,” Assistant District Attorney Karen Lindqvist told the court.",
         "Karen Lindqvist", "Assistant District Attorney"),
        ("The council's emergency planning manager, Mr Anil Raghavan, said 312 homes flooded.",
         "Anil Raghavan", "council's emergency planning manager"),
        ("His low shot went past Vale goalkeeper Piotr Zielinski.",
         "Piotr Zielinski", "Vale goalkeeper"),
        ("Coxswain Jory Trewin, who has volunteered with the station for 26 years, said so.",
         "Jory Trewin", "Coxswain, who has volunteered with the station for 26 years"),
        ("Among those stranded was Aisha Khan, 34, a nurse from Leeds who had been due to fly "
         "to Malaga with her husband and their two children for a week's holiday in the sun.",
         "Aisha Khan", "nurse from Leeds"),
    ],
)  # fmt: skip
def test_role_patterns(sentence: str, name: str, role: str) -> None:
    by_name = _by_name(_doc(sentence + "\n"))
    assert name in by_name, list(by_name)
    assert by_name[name].kind is EntityKind.PERSON
    assert by_name[name].role == role


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("About 140 staff employed by Tidewater Ferries voted to strike.", "Tidewater Ferries"),
        ("Riverside Hotels said it would close two sites.", "Riverside Hotels"),
        ("Coastal Railways confirmed the new timetable.", "Coastal Railways"),
        ("Staff at Greyhound Buses walked out on Monday.", "Greyhound Buses"),
        ("Passengers on Northern Airways flights faced delays.", "Northern Airways"),
        ("Shares in Blue Horizon fell 4% on Monday.", "Blue Horizon"),
        ("Staff at John Lewis will get a bonus this year.", "John Lewis"),
        ("Forest Green Rovers won again on Saturday.", "Forest Green Rovers"),
    ],
)
def test_companies_are_organisations_not_people(sentence: str, name: str) -> None:
    doc = _doc(sentence + "\n")
    assert doc.people == ()
    assert _by_name(doc)[name].kind is EntityKind.ORGANISATION


@pytest.mark.parametrize(
    "sentence",
    [
        # An introductory phrase before the name, not an apposition.
        "In a letter to the council's chief executive, Jane Doe, a resident, warned of delays.",
        "Like her father, Jane Doe, 34, became a doctor.",
        "Sources close to the minister, Jane Doe, said she would resign.",
        # The name does not end the clause: "Mary Poppins" is not a person here.
        "“It was wonderful,” said Mary Poppins star Julie Andrews.",
    ],
)
def test_no_wrong_roles(sentence: str) -> None:
    doc = _doc(sentence + "\n")
    assert all(e.role is None for e in doc.people), doc.people
    assert "Mary Poppins" not in _people(doc)


def test_said_in_a_statement_is_not_evidence_of_a_person() -> None:
    assert _doc("Blue Horizon said in a statement that it would appeal.\n").people == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A spokesperson for the council said: “We are reviewing the decision.”",
         "spokesperson for the council"),
        ("“We are reviewing the decision,” a council spokesperson said.", "council spokesperson"),
        ("“We are reviewing the decision,” a spokesperson for Northfield Council said.",
         "Northfield Council"),
        ("A Tidewater Ferries spokesperson said: “Services will run as normal on Friday.”",
         "Tidewater Ferries"),
        ("Mr Tom Reyes was sued. “We will fight this in court,” a lawyer for Mr Reyes said.",
         "lawyer for Mr Reyes"),
        ("“We are growing fast in every market,” Tom Reyes, Acme's chief executive, said.",
         "Tom Reyes"),
        ("“We are growing fast in every market,” Tom Reyes, 54, said.", "Tom Reyes"),
        ("The chief executive of Harbour Homes, Lisa Ray, said: “We are delighted with it.”",
         "Lisa Ray"),
        ("Tidewater's operations director, Gareth Lyle, said talks failed. About 140 staff "
         "employed by Tidewater Ferries voted to strike. Tidewater said: “We are disappointed "
         "by the vote.”", "Tidewater Ferries"),
    ],
)  # fmt: skip
def test_unnamed_and_apposed_speakers(text: str, speaker: str) -> None:
    quotes = _doc(text + "\n").quotes
    assert [q.speaker for q in quotes] == [speaker]


def test_an_apposition_of_one_article_is_no_role() -> None:
    doc = _doc("Jane Smith, the.\n")  # cut short: nothing to read as a role, and no crash
    assert all(e.role is None for e in doc.entities)


def test_a_side_named_before_its_players_roles_is_no_person() -> None:
    doc = _doc(
        "Kirkbridge Athletic beat Hallam Vale 3-1 on Saturday.\n\n"
        "Vale defender Liam Dacre was sent off, and Vale boss Simon Arkwright was furious.\n\n"
        "The defeat leaves Hallam Vale 11th in the table.\n"
    )
    assert "Hallam Vale" not in _people(doc)
    assert {"Liam Dacre", "Simon Arkwright"} <= _people(doc)


def test_a_nationality_after_the_is_no_determiner_of_the_name() -> None:
    doc = _doc(
        "Tennis final\n\n"
        "His coach, the Australian Greg Mallender, who has worked with him since he was 16, "
        "said the difference had been his temperament.\n\n"
        "“He has always had the shots. What he has found this year is patience,” Mallender "
        "said. “Two years ago he would have panicked at 5-4 down.”"
    )
    assert _by_name(doc)["Greg Mallender"].role == "coach"
    assert _quote(doc, "He has always had the shots").speaker == "Greg Mallender"
    assert _quote(doc, "Two years ago").speaker == "Greg Mallender"
