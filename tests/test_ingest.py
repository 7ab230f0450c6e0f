"""Decoding, reading and parsing briefings, including every kind of bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from store.errors import (
    BriefingNotFound,
    BriefingTooLarge,
    EmptyBriefing,
    LoadError,
    NoSentences,
    NotText,
)
from store.frontmatter import split_front_matter
from store.ingest import decode_briefing, parse_document, read_briefing_file
from store.text import fold, normalize

BRIEFINGS = Path(__file__).parent / "briefings"
SAMPLES = sorted(BRIEFINGS.glob("*.txt"))


def test_decode_accepts_utf8_and_strips_bom() -> None:
    assert decode_briefing("\ufeffCafé news.".encode()) == "Café news."


@pytest.mark.parametrize("ending", [b"\r\n", b"\r"])
def test_decode_gives_the_same_text_whatever_the_line_endings(ending: bytes) -> None:
    lines = [b"Headline", b"", b"First paragraph.", b"", b"Second paragraph."]
    assert decode_briefing(ending.join(lines)) == decode_briefing(b"\n".join(lines))


@pytest.mark.parametrize("data", [b"", b"   \n\t \n"])
def test_decode_rejects_empty_or_whitespace(data: bytes) -> None:
    with pytest.raises(EmptyBriefing):
        decode_briefing(data)


def test_decode_rejects_binary_with_nul_and_says_where() -> None:
    with pytest.raises(
        NotText, match=r"briefing\.pdf is not UTF-8 text \(binary data at byte 10\)"
    ):
        decode_briefing(b"%PDF-1.4\n\n\x00\x01\x02", name="briefing.pdf")


def test_decode_rejects_invalid_utf8() -> None:
    with pytest.raises(NotText, match="not UTF-8"):
        decode_briefing("Caf\u00e9".encode("latin-1"))


def test_decode_rejects_many_control_characters() -> None:
    with pytest.raises(NotText):
        decode_briefing(bytes(range(1, 32)) * 5)


def test_decode_rejects_over_the_limit() -> None:
    with pytest.raises(BriefingTooLarge, match="too large"):
        decode_briefing(b"a" * 101, max_bytes=100)


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BriefingNotFound, match="does not exist"):
        read_briefing_file(tmp_path / "nope.txt")


def test_read_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(BriefingNotFound):
        read_briefing_file(tmp_path)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyBriefing),
        (b"  \n ", EmptyBriefing),
        (b"abc\x00def", NotText),
        (b"\xff\xfe\xfa bad", NotText),
        (b"x" * 2000, BriefingTooLarge),
    ],
)
def test_read_bad_files(tmp_path: Path, content: bytes, error: type[LoadError]) -> None:
    path = tmp_path / "briefing.txt"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_briefing_file(path, max_bytes=1000)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("text", ["...\n!!!\n", "— — —\n", "12 34\n"])
def test_parse_rejects_text_without_sentences(text: str) -> None:
    with pytest.raises(NoSentences):
        parse_document(text, file_name="odd.txt")


def test_normalize_and_fold() -> None:
    assert normalize("A\u200b  b\r\nc\u00a0 d\x07") == "A b\nc d"
    assert fold("“It’s” – ok") == '"It\'s" - ok'
    assert len(fold("“‘’”")) == 4


def test_front_matter_yaml_block() -> None:
    meta, body = split_front_matter(
        "---\ntitle: Bridge reopens\nsource: Daily Post\nurl: https://example.org/a\n"
        "published: 2024-05-01\nauthor: X\n---\nThe bridge reopened.\n"
    )
    assert meta == {
        "title": "Bridge reopens",
        "source": "Daily Post",
        "url": "https://example.org/a",
        "published": "2024-05-01",
    }
    assert body.strip() == "The bridge reopened."


def test_front_matter_key_value_lines() -> None:
    meta, body = split_front_matter("Title: Storm warning\nSource: Met desk\n\nWinds rose.\n")
    assert meta == {"title": "Storm warning", "source": "Met desk"}
    assert body.strip() == "Winds rose."


def test_no_front_matter() -> None:
    text = "The river rose: it flooded the road.\n"
    assert split_front_matter(text) == ({}, text)


def test_parse_uses_front_matter_and_checksum() -> None:
    text = "---\ntitle: Harbour news\nurl: https://example.org/h\n---\nBoats returned today.\n"
    doc = parse_document(text, file_name="h.txt")
    assert doc.title == "Harbour news"
    assert doc.url == "https://example.org/h"
    assert doc.checksum == hashlib.sha256(text.encode()).hexdigest()
    assert doc.paragraphs == ("Boats returned today.",)
    assert doc.file_name == "h.txt"
    assert doc.loaded_at is None


def test_heading_line_becomes_title_not_paragraph() -> None:
    doc = parse_document("Harbour reopens\nBoats returned today. Crowds cheered.\n")
    assert doc.title == "Harbour reopens"
    assert doc.paragraphs == ("Boats returned today. Crowds cheered.",)
    assert [(s.paragraph, s.index) for s in doc.sentences] == [(1, 1), (1, 2)]


def test_title_falls_back_to_truncated_first_sentence() -> None:
    sentence = "Boats " + "and more boats " * 12 + "returned to the harbour today."
    doc = parse_document(sentence + "\n")
    assert len(doc.title) <= 100
    assert doc.title.endswith("…")
    assert sentence.startswith(doc.title[:-1])


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_samples_parse_with_verbatim_sentences(path: Path) -> None:
    doc = parse_document(read_briefing_file(path), file_name=path.name)
    assert doc.sentences
    for s in doc.sentences:
        assert s.text in doc.paragraphs[s.paragraph - 1]


def test_sample_titles() -> None:
    titles = {
        p.name: parse_document(p.read_text(encoding="utf-8"), file_name=p.name).title
        for p in SAMPLES
    }
    assert titles["imperialism.txt"] == "Imperialism"
    assert titles["yuan-dynasty.txt"] == "Yuan dynasty"
    assert titles["coalition-of-the-willing.txt"].startswith("The Defence Secretary will urge")


def test_markdown_marks_are_layout_not_text() -> None:
    text = "# Town hall to close\n\n- The work will cost £2.5m.\n\n1. The library will move.\n"
    document = parse_document(text)
    assert document.title == "Town hall to close"
    assert [s.text for s in document.sentences] == [
        "The work will cost £2.5m.",
        "The library will move.",
    ]


def test_short_quote_after_an_attributed_one_has_the_same_speaker() -> None:
    text = (
        'Council news.\n\n"We have no choice," said council leader Ann Price. '
        '"The roof is unsafe."\n'
    )
    quotes = parse_document(text).quotes
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ann Price", "We have no choice"),
        ("Ann Price", "The roof is unsafe."),
    ]


def test_bidirectional_controls_are_stripped_from_the_title_and_text() -> None:
    text = "Council \u202ecod.exe\u202c budget\n\nThe council \u2066approved\u2069 the budget.\n"
    document = parse_document(text)
    assert document.title == "Council cod.exe budget"
    assert document.sentences[0].text == "The council approved the budget."
