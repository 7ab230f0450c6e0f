"""Direct quotes are found, scare quotes are not, and speakers are attributed."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.document import Document, Quote
from store.ingest import parse_document

BRIEFINGS = Path(__file__).parent / "briefings"


def _doc(name: str) -> Document:
    return parse_document((BRIEFINGS / name).read_text(encoding="utf-8"), file_name=name)


def _quotes(text: str) -> list[Quote]:
    return list(parse_document(text).quotes)


def _find(quotes: list[Quote] | tuple[Quote, ...], start: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(start)]
    assert len(matches) == 1, [q.text for q in quotes]
    return matches[0]


@pytest.mark.parametrize(
    "sentence",
    [
        '"The bridge will reopen in June," Mr Okafor said.',
        '"The bridge will reopen in June," said Mr Okafor.',
        "“The bridge will reopen in June,” Mr Okafor told reporters.",
        '"The bridge will reopen in June," Mr Okafor added.',
        'Mr Okafor said: "The bridge will reopen in June."',
        'Mr Okafor is expected to say: "The bridge will reopen in June."',
        '"The bridge will reopen in June," according to Mr Okafor.',
    ],
)
def test_speaker_attribution_phrasings(sentence: str) -> None:
    text = f"Engineer Daniel Okafor inspected the crossing on Monday.\n{sentence}\n"
    quote = _find(_quotes(text), "The bridge will reopen in June")
    assert quote.speaker == "Daniel Okafor"
    assert quote.paragraph == 2


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        # the subject of "said" speaks the words after "adding:"
        ("The airport's managing director, Graham Oduya, said flights had resumed. He said "
         "the airport would review its backup system, adding: “We had a plan for this, and "
         "it took too long to kick in.”\n",
         "We had a plan", "Graham Oduya"),
        # a police rank written short
        ("Detective Inspector Mark Fenwick said the men arrived on motorcycles.\n\n"
         '"This was a fast and clearly planned attack," DI Fenwick said.\n',
         "This was a fast", "Mark Fenwick"),
        # a long "who" clause with a number in it before "said:"
        ("Priya Nandra, a primary school teacher, won the seat.\n\n"
         "Ms Nandra, who campaigned against a plan for 1,200 homes on farmland at Copthorne "
         "Fields, said: “People here have been told for years that nothing ever changes.”\n",
         "People here", "Priya Nandra"),
        # two appositions in a row
        ("Owen Tregarthen, the Labour MP for Penmarrow and Carnbrea, who raised the theatre's "
         'plight in March, said: "This is a building where my grandparents did their courting."\n',
         "This is a building", "Owen Tregarthen"),
        # "He …, adding:" after a sentence whose verb is not one of speech
        ('"I had basically accepted it as my future," Mr. Fontaine said.\n\nHe intends to keep '
         'taking the pill, adding: "My daughter is 14 and I want her to have options."\n',
         "My daughter", "Mr Fontaine"),
        # a full name first seen where nothing shows it is a person's
        ("The Foxes won thanks to an unbeaten 71 from Samuel Okonjo.\n\n"
         "“I just told myself to watch the ball, not the scoreboard,” said Okonjo.\n",
         "I just told myself", "Samuel Okonjo"),
        # "who chairs Ashcombe's partnership" makes no person of Ashcombe
        ("Councillor Denise Walker, who chairs Ashcombe's town centre partnership, spoke "
         "first.\n\nDetective Inspector Mark Fenwick urged witnesses to come forward.\n\n"
         '"Someone will have seen these men before or after the raid," he said.\n',
         "Someone will have seen", "Mark Fenwick"),
    ],
)  # fmt: skip
def test_more_speaker_styles(text: str, start: str, speaker: str) -> None:
    assert _find(_quotes(text), start).speaker == speaker


def test_she_said_resolves_to_most_recent_woman() -> None:
    text = (
        "Mr Grant opened the fair.\n"
        "Head teacher Ms Priya Raman praised the pupils.\n"
        '"They worked incredibly hard all year long," she said.\n'
    )
    quote = _find(_quotes(text), "They worked")
    assert quote.speaker == "Priya Raman"


def test_he_said_skips_a_more_recent_woman() -> None:
    text = (
        "Coach Mr Leo Brandt watched from the stand.\n"
        "Captain Ms Ana Silva scored twice.\n"
        '"I have never seen a better game from this squad," he said.\n'
    )
    assert _find(_quotes(text), "I have never").speaker == "Leo Brandt"


def test_pronoun_subject_before_quote_uses_previous_sentence_subject() -> None:
    text = (
        "Health minister Carla Diaz will visit the hospital today.\n"
        'She is expected to say: "Every patient deserves a safe and clean ward."\n'
    )
    assert _find(_quotes(text), "Every patient").speaker == "Carla Diaz"


def test_partial_quotes_in_reported_speech() -> None:
    text = (
        "Mayor Ruth Adeyemi will tell councillors they must show “real ambition” "
        "and must not “waste the chance to rebuild the high street”.\n"
    )
    quotes = _quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("real ambition", "Ruth Adeyemi"),
        ("waste the chance to rebuild the high street", "Ruth Adeyemi"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The group calls itself the “friends of the forest” and meets weekly.",
        "Officials discussed a possible “recovery fund” for farmers.",
        'The Greek word "polis" means city.',
        'Critics call this process "greenwashing" and say it misleads people.',
        'Planning is defined as "a set of decisions about the future use of land".',
    ],
)
def test_scare_quotes_and_terms_are_not_quotes(sentence: str) -> None:
    assert _quotes(sentence + "\n") == []


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        "Fire chief Sam Whitlock spoke after the blaze.\n"
        "He said: “Crews arrived within six minutes of the first call.\n"
        "“They stopped the fire from spreading to the school next door.\n"
        "“I am proud of every one of them.”\n"
        "The cause is being investigated.\n"
    )
    quotes = _quotes(text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.speaker == "Sam Whitlock"
    assert quote.paragraphs == (2, 3, 4)
    assert quote.text.split("\n") == [
        "Crews arrived within six minutes of the first call.",
        "They stopped the fire from spreading to the school next door.",
        "I am proud of every one of them.",
    ]


def test_a_quote_paragraph_after_reported_speech_is_the_reporting_speaker_s() -> None:
    text = (
        "Dr Anika Sorensen founded the company in 2021.\n"
        "She said the choice of Carrow Quay had been deliberate.\n"
        "“This town made paper for 140 years.\n"
        "“We will train people ourselves.\n"
        "“If we get this right, the first factory will not be the last.”\n"
        "Analysts were less sure.\n"
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Anika Sorensen"
    assert quote.paragraphs == (3, 4, 5)


def test_a_colon_after_a_sentence_about_someone_introduces_their_words() -> None:
    text = 'Her grandson, Noah Banda, 9, had a clear favourite: "The shoe. It is tiny."\n'
    (quote,) = _quotes(text)
    assert quote.speaker == "Noah Banda"
    assert _quotes('The sign on the door read: "Closed for repairs."\n') == []


def test_the_role_alone_names_the_person_with_that_role() -> None:
    text = (
        "Lead inspector Dr Miriam Leftwich found that attendance had fallen to 86%.\n"
        "“Leaders know what the problems are,” the inspector wrote.\n"
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Miriam Leftwich"


def test_unattributed_follow_on_quote_inherits_speaker_in_same_paragraph() -> None:
    text = (
        "Shop owner Nadia Karim welcomed the ruling.\n"
        '"It is a relief," Ms Karim said. "We can finally plan for next year."\n'
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Nadia Karim", "Nadia Karim"]
    assert quotes[1].sentence == 2


def test_apostrophes_are_not_quotes() -> None:
    text = "The UK’s plan and the council’s budget were approved. It's done.\n"
    assert _quotes(text) == []


def test_coalition_quotes() -> None:
    doc = _doc("coalition-of-the-willing.txt")
    long_quote = _find(doc.quotes, "A couple of weeks ago")
    assert long_quote.speaker == "John Healey"
    assert len(long_quote.paragraphs) == 4
    assert long_quote.paragraphs == (6, 7, 8, 9)
    assert long_quote.text.endswith("deter future Russian aggression.")
    assert _find(doc.quotes, "even more pressure").speaker == "John Healey"
    assert _find(doc.quotes, "jeopardise the peace by forgetting").speaker == "John Healey"
    texts = [q.text for q in doc.quotes]
    assert "coalition of the willing" not in texts
    assert "reassurance force" not in texts
    assert len(doc.quotes) == 3


def test_riverside_quotes() -> None:
    doc = _doc("riverside-library.txt")
    assert _find(doc.quotes, "warmer, brighter").speaker == "Tom Alvarez"
    assert _find(doc.quotes, "warmer, brighter").text == (
        "warmer, brighter and open longer than ever before"
    )
    assert _find(doc.quotes, "We listened to more than 2,000").speaker == "Tom Alvarez"
    easy = _find(doc.quotes, "It would have been easy")
    assert easy.speaker == "Helen Baptiste"
    assert easy.text.endswith("another hundred years")
    assert len(doc.quotes) == 3


def test_wikipedia_quotes_only_attributed_definitions() -> None:
    doc = _doc("imperialism.txt")
    speakers = {q.speaker for q in doc.quotes}
    assert _find(doc.quotes, "imperialism was the highest form").speaker == "Lenin"
    assert _find(doc.quotes, "It is desirable").speaker == "J. A. Hobson"
    assert None not in speakers
    texts = " ".join(q.text for q in doc.quotes)
    assert "A policy of extending" not in texts
    assert "othering" not in texts
    assert not any(q.text == "imperium" for q in doc.quotes)


def test_quote_text_is_verbatim_from_article() -> None:
    for name in ("coalition-of-the-willing.txt", "riverside-library.txt", "imperialism.txt"):
        doc = _doc(name)
        body = "\n".join(doc.paragraphs)
        for q in doc.quotes:
            for part in q.text.split("\n"):
                assert part in body


def test_a_name_in_apposition_after_said_is_the_speaker() -> None:
    text = (
        "Ward report\n\n"
        "Pauline Ashworth, 81, waited 19 hours for a bed.\n\n"
        "“Every time a nurse walked past they said sorry,” said her son, Kevin Ashworth.\n"
    )
    (quote,) = parse_document(text).quotes
    assert quote.speaker == "Kevin Ashworth"


def test_a_pronoun_speaker_is_not_someone_named_inside_the_quote() -> None:
    text = (
        "Ceasefire signed\n\n"
        "Miro Talvek, the foreign minister, struck a more cautious tone. “We will judge "
        "Andrei Kostan by what he does on Friday, not by what he signs on Tuesday,” he said.\n"
    )
    quotes = parse_document(text).quotes
    assert [q.speaker for q in quotes] == ["Miro Talvek"]
