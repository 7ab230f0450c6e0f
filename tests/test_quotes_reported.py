"""Speakers after reported speech: pronouns, partial quotes, apposed names.

Conventions these tests pin down:
- `“...,” he said` after a sentence of reported speech goes to the person reported as
  speaking there ("Mr X said ..."), never to an organisation; `“...,” it said` goes to an
  organisation reported as speaking, never to a person.
- A partial quote inside reported speech is the speaker's when a person and a verb of speech
  or judgement govern it (`X called the results “impressive”`, `X described it as “...”`,
  `X said the work was “...”`); a scare quote or term with no such speaker is not a quote.
- In `its leader, Councillor Jane Doe, said` the apposed name is the speaker.
"""

from __future__ import annotations

import pytest

from store.document import Document, Quote
from store.ingest import parse_document


def _doc(text: str) -> Document:
    return parse_document(text + "\n")


def _quote(doc: Document, start: str) -> Quote:
    matches = [q for q in doc.quotes if q.text.startswith(start)]
    assert len(matches) == 1, [(q.text, q.speaker) for q in doc.quotes]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The company comes first in the sentence of reported speech.
        ("Brackenridge Ovens, which is based in Leeds, makes industrial ovens.\n"
         "Brackenridge's ovens cost about 15 percent more than rivals, Mr. Tunde Okafor said, "
         "but he expects the gap to close. “Scale is everything for us,” he said.",
         "Tunde Okafor"),
        ("Chief executive Tunde Okafor said Brackenridge Ovens would double its output. "
         "“We are hiring as fast as we can,” he said.", "Tunde Okafor"),
        # Another person, mentioned first, is not the one reported as speaking.
        ("Sarah Bell met Tom Reyes on Monday, and Mr Reyes said the talks had gone well. "
         "“We made real progress today,” he said.", "Tom Reyes"),
        ("Ms Ana Silva said that her coach, Mr Leo Brandt, had been a huge help. "
         "“He changed everything for me,” she said.", "Ana Silva"),
        # A long apposition between the name and the verb.
        ("Ravi Shah, a partner at Northwind Capital who will join the board next month, "
         "said the round was oversubscribed. “Investors could see the sales,” he said.",
         "Ravi Shah"),
    ],
)  # fmt: skip
def test_he_or_she_said_after_reported_speech(text: str, speaker: str) -> None:
    quotes = _doc(text).quotes
    assert [q.speaker for q in quotes] == [speaker]


def test_follow_on_quote_keeps_the_pronoun_speaker() -> None:
    doc = _doc(
        "Brackenridge Ovens, which is based in Leeds, makes industrial ovens.\n"
        "Its ovens cost more than rivals, Mr. Tunde Okafor said, but he expects the gap to "
        "close. “Scale is the whole game for us,” he said. “Every oven we add brings the "
        "price down.”"
    )
    assert [q.speaker for q in doc.quotes] == ["Tunde Okafor", "Tunde Okafor"]


def test_he_said_is_never_an_organisation() -> None:
    doc = _doc("Severn Dale Water said bills would rise. “It cannot be helped now,” he said.")
    assert [q.speaker for q in doc.quotes] == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Northgate Chemicals said it was investigating the smell. "
         "“There is no danger to anyone living nearby,” it said.", "Northgate Chemicals"),
        ("Talbot Grain, which was founded in 1898, confirmed the mill will close. "
         "“This has been a very difficult decision,” it said.", "Talbot Grain"),
        # "it" is not the person who spoke last, nor an organisation that did not speak.
        ("Plant manager Jo Reid said the smell was harmless. "
         "“There is no danger to anyone living nearby,” it said.", None),
        ("Residents blamed Northgate Chemicals for the smell. "
         "“We are investigating every complaint,” it said.", None),
        ("The report said rivers were in poor health. "
         "“Urgent action is needed across the country,” it said.", None),
    ],
)  # fmt: skip
def test_it_said_is_an_organisation(text: str, speaker: str | None) -> None:
    assert [q.speaker for q in _doc(text).quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Professor Hana Ito called the results “genuinely impressive” on Monday.",
         "genuinely impressive", "Hana Ito"),
        ("Mr Smith called the plan “a disgrace”.", "a disgrace", "Mr Smith"),
        ("Ms Jane Jones described the decision as “reckless” and vowed to appeal.",
         "reckless", "Jane Jones"),
        ("Tom Reyes, Acme's chief executive, described the results as “solid but "
         "unspectacular”.", "solid but unspectacular", "Tom Reyes"),
        ("Dr Maria Lopez said the study was a “useful first step” but urged caution.",
         "useful first step", "Maria Lopez"),
        # Coordinated verbs: the subject is before the quote, not "but".
        ("Dr Maria Lopez warned that the figures were self-reported and “not reliable”, but "
         "added that the trend was clear.", "not reliable", "Maria Lopez"),
        ("Dr Anika Patel cautioned that the survey was small and \"not a clinical study\", "
         "but said it matched what she saw.", "not a clinical study", "Anika Patel"),
        # A long apposition between the name and the verb.
        ("Hana Ito, a professor of materials science at the University of Leeds who has "
         "tested the panels but has no ties to the company, said their fire performance was "
         "“genuinely impressive” but that data was thin.", "genuinely impressive", "Hana Ito"),
        ("Jane Doe, a lecturer in politics at the University of Leeds who has studied the "
         "scheme for years but was not involved, said it was “a missed opportunity”.",
         "a missed opportunity", "Jane Doe"),
    ],
)  # fmt: skip
def test_partial_quotes_in_reported_speech(text: str, quote: str, speaker: str) -> None:
    assert _quote(_doc(text), quote).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Critics called the plan a “disgrace” and said it should be dropped.",
        "Ms Jane Jones said the so-called “reassurance force” would not be ready.",
        "Officials described the fund as a “lifeline” for small farms.",
        "The plan, dubbed “Project Lighthouse” by staff, was approved on Monday.",
        "Ministers will host talks on a potential “reassurance force” for the region.",
        "The Health Secretary will urge countries in the “coalition of the willing” to act.",
        'This is often through various forms of "othering" based on religion.',
    ],
)
def test_scare_quotes_without_a_speaker_stay_non_quotes(text: str) -> None:
    assert _doc(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Dunmore Borough Council voted to back the plan, and its leader, Councillor Ann "
         "Bray, told the Dunmore Post that it would be “worth more than any bypass”.",
         "worth more than any bypass", "Ann Bray"),
        ("The union backed the strike, and its general secretary, Dr Mary Holt, said the "
         "offer was “an insult”.", "an insult", "Mary Holt"),
        ("“It is a good day for the town,” the mayor, Councillor Jane Doe, said.",
         "It is a good day", "Jane Doe"),
        ("The council's leader, Cllr Jo Bloggs, told reporters that it was “a good day for "
         "the town”.", "a good day for the town", "Jo Bloggs"),
    ],
)  # fmt: skip
def test_apposed_name_after_a_role_is_the_speaker(text: str, quote: str, speaker: str) -> None:
    assert _quote(_doc(text), quote).speaker == speaker


# "he/she ... described as / called / said" is a person, the subject of the sentence first;
# in "<Org> boss <Person>" the leading word only modifies the role, even when the club or
# firm it names ("Marston Heath", "Fulton Creek") reads like a person's name.
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Marston Heath lost 2-0 to Kelby Town on Saturday.\n"
         "Heath manager Dave Pollard was unhappy with the penalty, which he called “a "
         "shocking decision that changed the game”.", "a shocking decision", "Dave Pollard"),
        ("Marston Heath lost 2-0 to Kelby Town on Saturday.\n"
         "Heath boss Dave Pollard was furious about the sending-off, which he described as "
         "“a soft decision”.", "a soft decision", "Dave Pollard"),
        ("Fulton Creek beat Ridgeway 3-1 on Friday night.\n"
         "Creek coach Mike Durant was thrilled with the defense, which he called “the best "
         "I have seen all season”.", "the best I have seen", "Mike Durant"),
        ("Shares in Bryant Hale fell sharply on Tuesday.\n"
         "Hale chief Laura Penn was upbeat about the results, which she described as “a "
         "solid quarter in a tough market”.", "a solid quarter", "Laura Penn"),
        ("Labour leader Keir Starmer was scathing about the budget, which he described as "
         "“a con on working people”.", "a con on working people", "Keir Starmer"),
        ("Apple chief Tim Cook was upbeat about the launch, which he called “the best phone "
         "we have ever made”.", "the best phone", "Tim Cook"),
        # The modifier can name a person too: "Mercer aide Tom Vance" is Tom Vance.
        ("President Dan Mercer signed the bill on Monday.\n"
         "Mercer aide Tom Vance defended the bill, which he called “a win for families "
         "across the country”.", "a win for families", "Tom Vance"),
        # A person named in an opening clause is not the subject.
        ("Referee Tom Reyes sent off two players.\n"
         "When Mr Reyes showed a second card, Creek coach Mike Durant criticised the "
         "decision, which he described as “frankly ridiculous”.", "frankly ridiculous",
         "Mike Durant"),
        ("Referee Tom Reyes sent off two players.\n"
         "After a row with Mr Reyes, Creek coach Mike Durant criticised the schedule, which "
         "he described as “frankly ridiculous for young players”.", "frankly ridiculous",
         "Mike Durant"),
    ],
)  # fmt: skip
def test_pronoun_in_a_partial_quote_is_the_subject_not_a_modifier(
    text: str, quote: str, speaker: str
) -> None:
    assert _quote(_doc(text), quote).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # `“...,” he said` after a sentence about "Heath manager Dave Pollard".
        ("Marston Heath lost 2-0 to Kelby Town on Saturday.\n"
         "Heath manager Dave Pollard was unhappy with the penalty. “It was a shocking "
         "decision,” he said.", "Dave Pollard"),
        ("Shares in Bryant Hale fell sharply on Tuesday.\n"
         "Hale chief Laura Penn was upbeat about the results. “We had a solid quarter,” she "
         "told analysts.", "Laura Penn"),
        # The subject phrase names the person, before or after the verb.
        ("Marston Heath lost 2-0 to Kelby Town on Saturday.\n"
         "“We were poor from start to finish,” Heath manager Dave Pollard said.",
         "Dave Pollard"),
        ("Marston Heath lost 2-0 to Kelby Town on Saturday.\n"
         "“It was a shocking decision,” said Heath manager Dave Pollard.", "Dave Pollard"),
        ("Fulton Creek beat Ridgeway 3-1 on Friday night.\n"
         "Creek coach Mike Durant said: “Our defense was the best I have seen all season.”",
         "Mike Durant"),
        ("Microsoft chief executive Satya Nadella was upbeat about the quarter. “Demand for "
         "our cloud is very strong,” he told analysts.", "Satya Nadella"),
    ],
)  # fmt: skip
def test_org_boss_person_is_the_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in _doc(text).quotes] == [speaker]


def test_a_partial_quote_after_a_noun_is_the_reporters_words() -> None:
    doc = _doc(
        "Carla Benning, a spokeswoman for Tamberlane, said the company disputed the claims "
        "and had reported the problem to the board “as soon as our engineers identified "
        "the cause.” She declined to comment further."
    )
    assert _quote(doc, "as soon as our engineers").speaker == "Carla Benning"


def test_a_short_quoted_term_after_a_noun_is_still_no_quote() -> None:
    doc = _doc("Ministers will discuss a new “reassurance force” for Ukraine on Thursday.")
    assert doc.quotes == ()


@pytest.mark.parametrize("verb", ["liked to say", "used to say", "loved to say"])
def test_a_habitual_saying_has_its_speaker(verb: str) -> None:
    doc = _doc(
        "Magnus Rendle built more than 400 boats.\n\n"
        f"Rendle never switched to fibreglass. “A wooden boat is never finished,” he {verb}. "
        "“You just stop working on it and put it in the water.”"
    )
    assert _quote(doc, "A wooden boat").speaker == "Magnus Rendle"
    assert _quote(doc, "You just stop").speaker == "Magnus Rendle"


@pytest.mark.parametrize("described", ["the Swede", "the Kenyan", "the 34-year-old"])
def test_said_the_nationality_or_age_is_the_person_just_named(described: str) -> None:
    doc = _doc(
        "Ellen Marchetti won the women’s race in 2:24:09. Rosa Lindqvist finished second.\n\n"
        "Lindqvist was gracious in defeat. “Ellen ran a perfect race today and I had nothing "
        f"left for the last five kilometres,” said {described}, who has run here four times."
    )
    assert _quote(doc, "Ellen ran a perfect race").speaker == "Rosa Lindqvist"


def test_a_clause_after_a_partial_quote_names_no_speaker() -> None:
    doc = _doc(
        "Ferry inquiry\n\n"
        "The inquiry, led by the retired Court of Appeal judge Sir Malcolm Ditchfield, found "
        "that Ms Varcoe had misled MPs.\n\n"
        "In his report, the judge wrote that the minister had “chosen reassurance over "
        "candour” and that officials had warned her in writing."
    )
    assert _quote(doc, "chosen reassurance").speaker == "Malcolm Ditchfield"
