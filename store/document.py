"""The facts learned from one briefing, as plain frozen dataclasses.

Ingestion produces a `Document`; the repository stores it and reads it back as
the same dataclasses, so the answering code never sees SQL.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class EntityKind(enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Sentence:
    """One sentence, numbered from 1 within its paragraph (paragraphs from 1 too)."""

    paragraph: int
    index: int
    text: str
    numbers: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quote, verbatim without its quote marks, and who said it.

    `paragraph`/`sentence` locate where the quote starts; a multi-paragraph quote
    lists every paragraph it spans in `paragraphs`.
    """

    text: str
    speaker: str | None
    paragraph: int
    sentence: int
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A person or organisation, their role as the article gives it, and aliases."""

    name: str
    kind: EntityKind = EntityKind.PERSON
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """Everything ingestion learned from one briefing."""

    title: str
    checksum: str
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    source: str | None = None
    url: str | None = None
    published: str | None = None
    file_name: str | None = None
    loaded_at: datetime | None = None
    version: int | None = None  # the stored version's id, once read back from the store

    def counts(self) -> str:
        """Return what the briefing holds, in one line: paragraphs, sentences, quotes, people."""
        attributed = sum(1 for q in self.quotes if q.speaker)
        return (
            f"{plural(len(self.paragraphs), 'paragraph')}, "
            f"{plural(len(self.sentences), 'sentence')}, "
            f"{plural(len(self.quotes), 'quote')} ({attributed} with a speaker), "
            f"{plural(len(self.people), 'person', 'people')}"
        )

    @property
    def people(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind is EntityKind.PERSON)

    def sentence(self, paragraph: int, index: int) -> Sentence | None:
        """Return the sentence at paragraph/index, or None."""
        for s in self.sentences:
            if s.paragraph == paragraph and s.index == index:
                return s
        return None


def plural(count: int, one: str, many: str | None = None) -> str:
    """Return "1 sentence", "2 sentences", "1 person", "3 people"."""
    return f"{count} {one if count == 1 else many or one + 's'}"
