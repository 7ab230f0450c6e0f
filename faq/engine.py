"""The answering engine: one object the CLI and the Telegram handlers talk to.

It keeps the active briefing's facts and their search index in memory, so a
question is answered without touching the database; `refresh()` (run off the
event loop) picks up a briefing loaded by another process.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from faq.answer import Answer
from faq.curated import CuratedFaq, load_curated
from faq.index import BriefingIndex
from faq.matcher import answer_question
from store.document import Document, Entity, Quote
from store.errors import StoreEmpty
from store.loader import DEFAULT_MAX_BYTES, LoadReport, load_bytes, load_file
from store.repository import Repository
from store.text import fold


@dataclass(frozen=True)
class _Active:
    """The loaded briefing's index and curated answers, swapped in as one reference."""

    briefing_id: int
    index: BriefingIndex
    curated: CuratedFaq | None


class Engine:
    """Answers questions about the active briefing in one repository."""

    def __init__(
        self,
        repository: Repository,
        *,
        curated_dir: Path | None = None,
        max_briefing_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.repository = repository
        self.curated_dir = curated_dir
        self.max_briefing_bytes = max_briefing_bytes
        self._active: _Active | None = None

    # -- the active briefing -------------------------------------------------

    def refresh(self) -> bool:
        """Reload the facts if another briefing became active; return True if so."""
        active_id = self.repository.active_id()
        if active_id is None or (self._active and active_id == self._active.briefing_id):
            return False
        snapshot = self.repository.active()
        if snapshot is None:
            return False
        briefing_id, document = snapshot
        index = BriefingIndex(document)
        curated = load_curated(self.curated_dir, document, index) if self.curated_dir else None
        # One assignment: a question being answered sees the old briefing or the new.
        self._active = _Active(briefing_id, index, curated)
        return True

    def _current(self) -> _Active:
        """Return the loaded briefing; raise StoreEmpty if none is loaded."""
        if self._active is None:
            self.refresh()
        if self._active is None:
            raise StoreEmpty("No briefing is loaded yet: run `briefbot load FILE` first.")
        return self._active

    @property
    def index(self) -> BriefingIndex:
        """Return the active briefing's index; raise StoreEmpty if none is loaded."""
        return self._current().index

    @property
    def document(self) -> Document:
        return self.index.document

    # -- answering -------------------------------------------------------------

    def ask(self, question: str) -> Answer:
        """Answer `question` from the in-memory facts (fast; no I/O once loaded)."""
        active = self._current()
        return answer_question(active.index, question, curated=active.curated)

    async def answer(self, question: str) -> Answer:
        """Answer `question`; the first call loads the facts off the event loop."""
        if self._active is None:
            await asyncio.to_thread(self.refresh)
        return self.ask(question)

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        """Return the direct quotes, optionally only those whose speaker matches."""
        quotes = [q for q in self.document.quotes if q.speaker]
        if not speaker:
            return quotes
        wanted = fold(speaker)
        names = {e.name for e in self.who(speaker)}
        return [q for q in quotes if q.speaker in names or wanted in fold(q.speaker or "")]

    def who(self, name: str | None = None) -> list[Entity]:
        """Return the people and organisations matching `name` (all when empty)."""
        entities = list(self.document.entities)
        if not name:
            return entities
        return self.index.find_entities(name)

    def coverage(self) -> str:
        """Return one line saying what the briefing covers."""
        return self.index.coverage()

    # -- loading ---------------------------------------------------------------

    def load_file(self, path: Path) -> LoadReport:
        """Load the briefing at `path`, make it active and answer from it."""
        report = load_file(self.repository, path, max_bytes=self.max_briefing_bytes)
        self.refresh()
        return report

    def load_bytes(self, data: bytes, *, file_name: str) -> LoadReport:
        """Load an uploaded briefing, make it active and answer from it."""
        report = load_bytes(
            self.repository, data, file_name=file_name, max_bytes=self.max_briefing_bytes
        )
        self.refresh()
        return report
