"""Curated FAQ entries: optional question→answer pairs per briefing, matched first.

A data file in faq/data/ is named after the briefing and records the checksum
of the text it was written for; when the article changes, the entries go stale
and are ignored (with a warning) instead of answering about an old text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from rapidfuzz import fuzz, process

from faq.answer import Answer, QuoteRef, SourceRef
from faq.question import clean_question

if TYPE_CHECKING:
    from faq.index import BriefingIndex
    from store.document import Document

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
MATCH_CUTOFF = 90


@dataclass(frozen=True)
class CuratedEntry:
    """One curated question and the source sentence that answers it."""

    question: str
    answer: str
    paragraph: int
    sentence: int


class CuratedFaq:
    """The curated entries valid for the active briefing."""

    def __init__(self, entries: list[CuratedEntry], index: BriefingIndex) -> None:
        self.entries = entries
        self.index = index
        self._questions = [clean_question(e.question).lower() for e in entries]

    def match(self, question: str) -> Answer | None:
        """Return the curated answer for a question phrased like an entry, if any."""
        if not self.entries:
            return None
        found = process.extractOne(
            question.lower(),
            self._questions,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=MATCH_CUTOFF,
        )
        if found is None:
            return None
        entry = self.entries[found[2]]
        document = self.index.document
        sentence = document.sentence(entry.paragraph, entry.sentence)
        if sentence is None:
            return None
        quotes = tuple(
            QuoteRef(q.text, q.speaker, q.paragraph)
            for q in document.quotes
            if q.speaker and entry.paragraph in (q.paragraphs or (q.paragraph,))
        )
        return Answer(
            question=question,
            answered=True,
            answer=entry.answer,
            confidence=1.0,
            quotes=quotes,
            sources=(SourceRef(document.title, sentence.paragraph, sentence.index, sentence.text),),
        )


def load_curated(directory: Path, document: Document, index: BriefingIndex) -> CuratedFaq | None:
    """Return the curated entries in `directory` written for this exact briefing text."""
    if not directory.is_dir():
        return None
    for path in sorted(directory.glob("*.yaml")):
        try:
            data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            log.warning("Ignoring curated FAQ %s: %s", path.name, error)
            continue
        if not isinstance(data, dict) or data.get("checksum") != document.checksum:
            if isinstance(data, dict) and data.get("briefing") == document.file_name:
                log.warning("Curated FAQ %s is stale: the briefing text has changed", path.name)
            continue
        entries = [
            CuratedEntry(str(e["q"]), str(e["answer"]), int(e["paragraph"]), int(e["sentence"]))
            for e in data.get("entries", [])
        ]
        return CuratedFaq(entries, index)
    return None
