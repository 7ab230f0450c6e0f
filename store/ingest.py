"""Ingestion pipeline: bytes or a file in, a `Document` out (pure, no SQL)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from store.document import Document, EntityKind, Sentence
from store.entities import extract_entities
from store.errors import BriefingNotFound, BriefingTooLarge, EmptyBriefing, NoSentences, NotText
from store.facts import places_in_document, sentence_facts
from store.frontmatter import split_front_matter
from store.quotes import extract_quotes
from store.sentences import is_heading, segment, split_paragraphs
from store.text import normalize

DEFAULT_MAX_BYTES = 1_000_000
_BOM = b"\xef\xbb\xbf"
_TITLE_MAX = 60


def _label(name: str | None) -> str:
    return name or "The briefing"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} KB"
    return f"{n} bytes"


def decode_briefing(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None
) -> str:
    """Decode UTF-8 briefing bytes with "\n" line endings, rejecting empty, oversized,
    binary or non-UTF-8 data."""
    label = _label(name)
    if len(data) > max_bytes:
        raise BriefingTooLarge(
            f"{label} is too large ({_size(len(data))}; the limit is {_size(max_bytes)})."
        )
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    nul = data.find(b"\x00")
    if nul != -1:
        raise NotText(f"{label} is not UTF-8 text (binary data at byte {nul}).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotText(f"{label} is not UTF-8 text (invalid byte at byte {exc.start}).") from None
    # Windows and old Mac line endings: the same article, the same text and checksum
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyBriefing(f"{label} is empty: it has no text to learn from.")
    controls = sum(1 for ch in text if ch not in "\n\r\t\f\v" and unicodedata.category(ch) == "Cc")
    if controls > max(8, len(text) // 100):
        raise NotText(f"{label} is not plain text (it contains {controls} control characters).")
    return text


def read_briefing_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read and decode a briefing file, checking its size before reading it."""
    try:
        if not path.is_file():
            if path.exists():
                raise BriefingNotFound(f"{path} is not a file.")
            raise BriefingNotFound(f"{path} does not exist.")
        size = path.stat().st_size
        if size > max_bytes:
            raise BriefingTooLarge(
                f"{path.name} is too large ({_size(size)}; the limit is {_size(max_bytes)})."
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BriefingNotFound(f"{path} cannot be read ({reason}).") from None
    return decode_briefing(data, max_bytes=max_bytes, name=path.name)


def _title_from_sentence(sentence: str) -> str:
    """Return the first sentence as a title: cut at a word, never inside a quotation."""
    text = sentence.strip()
    if len(text) <= _TITLE_MAX:
        return text
    cut = text[: _TITLE_MAX - 1]
    space = cut.rfind(" ")
    if space > _TITLE_MAX // 2:
        cut = cut[:space]
    if cut.count("“") > cut.count("”") or cut.count('"') % 2:
        opening = max(cut.rfind("“"), cut.rfind('"'))
        if opening > _TITLE_MAX // 3:
            cut = cut[:opening]
    return cut.rstrip(" ,;:–—-") + "…"


_LETTER = re.compile(r"[^\W\d_]")
_TWO_ALNUM = re.compile(r"[^\W_].*?[^\W_]", re.S)


def _useful(sentence: str) -> bool:
    return bool(_LETTER.search(sentence) and _TWO_ALNUM.search(sentence))


def parse_document(text: str, *, file_name: str | None = None) -> Document:
    """Turn a briefing's text into a Document (title, sentences, facts, entities, quotes)."""
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta, body = split_front_matter(normalize(text))
    paragraphs = split_paragraphs(body)
    heading: str | None = None
    if len(paragraphs) > 1 and is_heading(paragraphs[0]):
        heading = paragraphs.pop(0)
    paragraphs = [p for p in paragraphs if _useful(p)]
    spans = segment(paragraphs)
    spans = [s for s in spans if _useful(s.text)]
    if not spans:
        label = file_name or "The briefing"
        raise NoSentences(f"{label} has no sentences to learn from.")

    found = extract_entities(paragraphs, spans)
    quotes = extract_quotes(paragraphs, spans, found)
    non_places: set[str] = set()
    for entity in found.entities:
        non_places.add(entity.name)
        non_places.update(entity.aliases)
        if entity.kind is EntityKind.PERSON:
            non_places.update(entity.name.split())
    frozen_non_places = frozenset(non_places)
    known = places_in_document((s.text for s in spans), frozen_non_places)
    sentences = []
    for s in spans:
        facts = sentence_facts(s.text, known, frozen_non_places)
        sentences.append(
            Sentence(
                paragraph=s.paragraph,
                index=s.index,
                text=s.text,
                numbers=facts.numbers,
                amounts=facts.amounts,
                dates=facts.dates,
                places=facts.places,
            )
        )

    title = meta.get("title") or heading
    if not title:
        title = _title_from_sentence(spans[0].text)
    if not title and file_name:
        title = Path(file_name).stem
    return Document(
        title=title or "Untitled briefing",
        checksum=checksum,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        entities=found.entities,
        source=meta.get("source"),
        url=meta.get("url"),
        published=meta.get("published"),
        file_name=file_name,
    )
