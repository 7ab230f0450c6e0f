"""Paragraph and sentence splitting keeps verbatim text and handles hard punctuation."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.sentences import is_heading, segment, split_paragraphs, split_sentences

BRIEFINGS = Path(__file__).parent / "briefings"


def _paragraphs(name: str) -> list[str]:
    paragraphs = split_paragraphs((BRIEFINGS / name).read_text(encoding="utf-8"))
    return paragraphs[1:] if is_heading(paragraphs[0]) else paragraphs


def test_each_line_is_a_paragraph_and_blank_lines_are_skipped() -> None:
    body = "\nFirst line here.\n\n  Second line here.  \nThird.\n"
    assert split_paragraphs(body) == ["First line here.", "Second line here.", "Third."]


@pytest.mark.parametrize(
    "line",
    [
        "Imperialism",
        "Yuan dynasty",
        "Storm hits the coast",
        "Four in ten Royal Hartmoor A&E patients wait more than four hours as £14m urgent "
        "care centre gets ready to open",
    ],
)
def test_short_line_without_final_punctuation_is_a_heading(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "The storm hit the coast on Monday.",
        "Is this a question?",
        "Wait!",
        "Listed below:",
        "Part of Kingsway in Ashcombe town centre will close to traffic for five weeks from "
        "Monday 14 April while a 120-year-old water main is replaced.",
        " ".join(["word"] * 26),
    ],
)
def test_sentence_like_line_is_not_a_heading(line: str) -> None:
    assert not is_heading(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr Patel met Mr. Jones at St. Mary's. They talked.",
            ["Dr Patel met Mr. Jones at St. Mary's.", "They talked."],
        ),
        (
            "The ferry costs £3.50 and fares rose 4.5% this year. Few noticed.",
            ["The ferry costs £3.50 and fares rose 4.5% this year.", "Few noticed."],
        ),
        (
            "Work by W. E. B. Du Bois was cited. Critics agreed.",
            ["Work by W. E. B. Du Bois was cited.", "Critics agreed."],
        ),
        (
            "Use a tool, e.g. a hammer, i.e. something heavy. Then stop.",
            ["Use a tool, e.g. a hammer, i.e. something heavy.", "Then stop."],
        ),
        (
            "Prices in the U.S. rose sharply. The U.S. Senate voted later.",
            ["Prices in the U.S. rose sharply.", "The U.S. Senate voted later."],
        ),
        (
            "Is it safe? Nobody knows! The tests continue.",
            ["Is it safe?", "Nobody knows!", "The tests continue."],
        ),
        (
            'The chef said the dish was "better than ever". Diners agreed.',
            ['The chef said the dish was "better than ever".', "Diners agreed."],
        ),
        (
            "She called it “the end of an era.” Others disagreed.",
            ["She called it “the end of an era.”", "Others disagreed."],
        ),
        (
            "Rivers flooded the valley.Farmers moved their cattle.",
            ["Rivers flooded the valley.", "Farmers moved their cattle."],
        ),
        (
            "The tower fell in 1601.[3] A new one was built.[c] It still stands.",
            ["The tower fell in 1601.[3]", "A new one was built.[c]", "It still stands."],
        ),
        (
            "Some critics[who?] disagreed. Others wrote about it.:42 Later work followed.",
            ["Some critics[who?] disagreed.", "Others wrote about it.:42", "Later work followed."],
        ),
        (
            '"Where is the money?" asked the auditor. Nobody replied.',
            ['"Where is the money?" asked the auditor.', "Nobody replied."],
        ),
        (
            "The talks (held in Geneva. Or so we heard.) ended early. Delegates left.",
            ["The talks (held in Geneva. Or so we heard.) ended early.", "Delegates left."],
        ),
    ],
)
def test_split_sentences_handles_tricky_punctuation(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_quote_spanning_sentences_keeps_attribution_with_last_sentence() -> None:
    text = '"We waited for years. Now it is done," the mayor said.'
    assert split_sentences(text) == ['"We waited for years.', 'Now it is done," the mayor said.']


def test_sentences_are_verbatim_substrings_numbered_per_paragraph() -> None:
    paragraphs = ["One. Two here.", "Three is alone."]
    spans = segment(paragraphs)
    assert [(s.paragraph, s.index, s.text) for s in spans] == [
        (1, 1, "One."),
        (1, 2, "Two here."),
        (2, 1, "Three is alone."),
    ]
    for s in spans:
        assert paragraphs[s.paragraph - 1][s.start : s.end] == s.text


def test_riverside_has_twelve_paragraphs_and_one_split_quote_paragraph() -> None:
    paragraphs = _paragraphs("riverside-library.txt")
    spans = segment(paragraphs)
    assert len(paragraphs) == 12
    counts = [sum(1 for s in spans if s.paragraph == p) for p in range(1, 13)]
    assert counts == [1] * 8 + [2] + [1] * 3
    assert spans[9].text == 'Instead we have given it another hundred years," she said.'


def test_coalition_sentences() -> None:
    spans = segment(_paragraphs("coalition-of-the-willing.txt"))
    assert len(spans) == 14
    assert [s.text for s in spans if s.paragraph == 11] == [
        "The Kremlin has effectively rejected a US proposal for an immediate and full "
        "30-day halt in the fighting in Ukraine.",
        "The Kyiv government has consented to it.",
    ]


def test_wikipedia_sample_initials_markers_and_missing_space() -> None:
    texts = [s.text for s in segment(_paragraphs("imperialism.txt"))]
    assert any(t.startswith("J. A. Hobson identifies") for t in texts)
    assert "These societies also served as a space for travellers to share these stories." in (
        texts
    )
    assert any(t.startswith("Political geographers such as Friedrich Ratzel") for t in texts)
    assert any(t.endswith("discussions of colonialism.:116") for t in texts)
    assert any(t.endswith("political focus.[further explanation needed]") for t in texts)


def test_wikipedia_sample_wiki_marker_inside_sentence() -> None:
    texts = [s.text for s in segment(_paragraphs("yuan-dynasty.txt"))]
    assert any(t.endswith("official founder of the dynasty as Taizu.[b]") for t in texts)
    assert any(
        t.startswith("Some of the Mongolian Emperors") and "(i.e. Mongolian)" in t for t in texts
    )
