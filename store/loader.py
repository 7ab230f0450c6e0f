"""Load a briefing (file or upload) into the store and report what was learned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from store.document import Document, plural
from store.errors import TooShort
from store.ingest import decode_briefing, parse_document, read_briefing_file
from store.repository import Repository, StoredVectors

# Turns a document's sentences into stored vectors (the answering side supplies it).
Embed = Callable[[Document], StoredVectors | None]

DEFAULT_MAX_BYTES = 1_000_000
# A headline alone is no briefing: fewer sentences than this are refused unless forced.
MIN_SENTENCES = 2


@dataclass(frozen=True)
class LoadReport:
    """What one load put in the store, and how it differs from the previous briefing."""

    briefing_id: int
    title: str
    paragraphs: int
    sentences: int
    quotes: int
    quotes_with_speaker: int
    people: tuple[str, ...]
    people_added: tuple[str, ...] = ()
    people_gone: tuple[str, ...] = ()
    had_previous: bool = False
    reused: bool = False  # the same text was stored already: that version is active again

    def summary(self) -> str:
        """Return the one-line summary `briefbot load` prints."""
        return (
            f"Loaded “{self.title}”: {plural(self.paragraphs, 'paragraph')}, "
            f"{plural(self.sentences, 'sentence')}, {plural(self.quotes, 'quote')} "
            f"({self.quotes_with_speaker} with a speaker), "
            f"{plural(len(self.people), 'person', 'people')} ({self.version_note()})"
        )

    def version_note(self) -> str:
        """Return "version 4", or "the same text as version 2, active again"."""
        if self.reused:
            return f"the same text as version {self.briefing_id}, active again"
        return f"version {self.briefing_id}"


def load_file(
    repository: Repository,
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    embed: Embed | None = None,
    force: bool = False,
    if_empty: bool = False,
) -> LoadReport:
    """Ingest the briefing at `path` and make it active; raise LoadError on bad input.
    With `if_empty`, it becomes active only if no version is (a first start)."""
    text = read_briefing_file(path, max_bytes=max_bytes)
    document = _checked(parse_document(text, file_name=path.name), force=force)
    return _activate(repository, document, embed, if_empty=if_empty)


def load_bytes(
    repository: Repository,
    data: bytes,
    *,
    file_name: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    embed: Embed | None = None,
    force: bool = False,
) -> LoadReport:
    """Ingest an uploaded briefing and make it active; raise LoadError on bad input."""
    text = decode_briefing(data, max_bytes=max_bytes, name=file_name)
    document = _checked(parse_document(text, file_name=file_name), force=force)
    return _activate(repository, document, embed)


def _checked(document: Document, *, force: bool) -> Document:
    """Return `document`, or raise TooShort when it has too few sentences to be a briefing
    (a headline alone, like a file of front matter alone, is refused)."""
    count = len(document.sentences)
    if count < MIN_SENTENCES and not force:
        label = document.file_name or "The briefing"
        raise TooShort(
            f"{label} has only {count} sentence; a briefing needs at least {MIN_SENTENCES} "
            "(briefbot load --force loads it anyway)"
        )
    return document


def _activate(
    repository: Repository, document: Document, embed: Embed | None, *, if_empty: bool = False
) -> LoadReport:
    vectors = embed(document) if embed is not None else None
    current = repository.active()
    saved = repository.store(document, vectors, if_empty=if_empty)
    previous = None if current is None else current[1]
    return build_report(saved.id, document, previous, reused=saved.reused)


def build_report(
    briefing_id: int, document: Document, previous: Document | None, *, reused: bool = False
) -> LoadReport:
    """Return the load report for `document`, compared with `previous`."""
    people = tuple(p.name for p in document.people)
    before = {p.name for p in previous.people} if previous else set()
    return LoadReport(
        briefing_id=briefing_id,
        title=document.title,
        paragraphs=len(document.paragraphs),
        sentences=len(document.sentences),
        quotes=len(document.quotes),
        quotes_with_speaker=sum(1 for q in document.quotes if q.speaker),
        people=people,
        people_added=tuple(p for p in people if previous and p not in before),
        people_gone=tuple(sorted(before - set(people))),
        had_previous=previous is not None,
        reused=reused,
    )
