"""The answering engine: one object the CLI and the Telegram handlers talk to.

It keeps the active briefing's facts, search index and sentence vectors in memory, so
a question is answered without touching the database; `refresh()` (run off the
event loop) picks up a briefing loaded by another process. The sentence vectors are
computed once per load and stored with the briefing; a question's vector is computed
when it is asked (off the event loop in `answer`). Answers to repeated questions come
from a bounded cache.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from faq.answer import Answer
from faq.compose import abstain
from faq.conversation import Context, Reading, context_after, read_in_context, supported
from faq.curated import CuratedFaq, load_curated
from faq.embedding import DIMENSIONS, Embedder, Vectors, load_embedder, unavailable_reason
from faq.index import BriefingIndex
from faq.pipeline import Semantics, answer_question
from faq.question import analyse, clean_question
from store.document import Document, Entity, Quote
from store.errors import StoreEmpty, VersionNotFound
from store.loader import DEFAULT_MAX_BYTES, LoadReport, load_bytes, load_file
from store.repository import Repository, StoredVectors, Version
from store.text import fold

CACHED_ANSWERS = 2048
# A follow-up abstained on as read in its context ("they" taken as the wrong group) is
# answered as asked when that answer is this sure. Chosen on the six conversation sets
# (373 follow-ups): 11 more right, one fewer wrong, one more of 38 off-topic follow-ups
# answered; below 0.8, wrong answers came in. "She" and "he" keep their guard: a
# sentence that is not about her does not answer "Does she have children?".
SURE_ALONE = 0.8
RECENT_VERSIONS = 3  # versions kept indexed in memory, the active one included


@dataclass(frozen=True)
class _Active:
    """The loaded briefing's index, vectors and curated answers, swapped in as one reference."""

    briefing_id: int
    index: BriefingIndex
    curated: CuratedFaq | None
    vectors: Vectors | None


class Engine:
    """Answers questions about the active briefing in one repository."""

    def __init__(
        self,
        repository: Repository,
        *,
        curated_dir: Path | None = None,
        max_briefing_bytes: int = DEFAULT_MAX_BYTES,
        semantic: bool = True,
    ) -> None:
        self.repository = repository
        self.curated_dir = curated_dir
        self.max_briefing_bytes = max_briefing_bytes
        self.embedder: Embedder | None = load_embedder() if semantic else None
        self._active: _Active | None = None
        self._recent: OrderedDict[int, _Active] = OrderedDict()
        self._refresh_lock = threading.Lock()
        self._cache: OrderedDict[tuple[int, str, int | None], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._answer_lock = threading.Lock()

    @property
    def matching(self) -> str:
        """Return one line saying how questions are matched, for `/source`."""
        if self.mode == "semantic" and self.embedder is not None:
            return f"semantic ({self.embedder.name}) and lexical, one fitted score"
        reason = unavailable_reason() or "the model is turned off"
        return f"lexical only: the semantic model could not be used ({reason})"

    @property
    def mode(self) -> str:
        """Return how questions are matched: "semantic" or "lexical"."""
        active = self._active
        if self.embedder is None or (active is not None and active.vectors is None):
            return "lexical"
        return "semantic"

    # -- the active briefing -------------------------------------------------

    def refresh(self) -> bool:
        """Reload the facts if another briefing became active; return True if so.

        The last few versions stay indexed in memory (a version never changes), so going
        back and forth between them, as a rollback does, costs one read of the store.
        """
        with self._refresh_lock:
            active_id = self.repository.active_id()
            if active_id is None or (self._active and active_id == self._active.briefing_id):
                return False
            recent = self._recent.pop(active_id, None)
            if recent is None:
                recent = self._read_active()
                if recent is None:
                    return False
            self._recent[recent.briefing_id] = recent
            while len(self._recent) > RECENT_VERSIONS:
                self._recent.popitem(last=False)
            # One assignment: a question being answered sees the old briefing or the new.
            self._active = recent
            return True

    def _read_active(self) -> _Active | None:
        """Read the active version from the store and index it."""
        snapshot = self.repository.active()
        if snapshot is None:
            return None
        briefing_id, document = snapshot
        with self._answer_lock:
            index = BriefingIndex(document)
            curated = load_curated(self.curated_dir, document, index) if self.curated_dir else None
        vectors = self._sentence_vectors(briefing_id, document)
        return _Active(briefing_id, index, curated, vectors)

    def _sentence_vectors(self, briefing_id: int, document: Document) -> Vectors | None:
        """Return the stored vectors of the briefing's sentences, computing them if missing."""
        if self.embedder is None:
            return None
        stored = self.repository.vectors(briefing_id, self.embedder.name)
        if stored is None or stored.rows != len(document.sentences):
            stored = self.embed(document)
            if stored is None:
                return None
            self.repository.save_vectors(briefing_id, stored)
        matrix = np.frombuffer(stored.data, dtype=np.float32)
        return matrix.reshape(stored.rows, stored.dimensions)

    def embed(self, document: Document) -> StoredVectors | None:
        """Return the vectors of a document's sentences, ready to store with it."""
        if self.embedder is None:
            return None
        matrix = self.embedder.passages([s.text for s in document.sentences])
        return StoredVectors(
            self.embedder.name, len(document.sentences), DIMENSIONS, matrix.tobytes()
        )

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

    def ask(
        self, question: str, *, threshold: float | None = None, context: Context | None = None
    ) -> Answer:
        """Answer `question` from the in-memory facts (no I/O once loaded).

        `context` is what the conversation remembers of its last answer: a follow-up
        ("What did she say?") is read in it first. `threshold` replaces the fitted answer
        threshold (for `briefbot eval --curve`).
        """
        active = self._current()
        if context is not None and context.briefing_id != active.briefing_id:
            context = None  # the briefing changed: its paragraphs and people are gone
        with self._answer_lock:  # the stemmer and word caches are not thread-safe
            reading = read_in_context(active.index, question, context)
        if reading.tentative:
            alone = self.ask(question, threshold=threshold)
            if alone.answered:
                return alone
        key = (active.briefing_id, fold(clean_question(reading.asked)), reading.referent)
        answer = self._cached(key) if threshold is None else None
        if answer is None:
            answer = self._answer(active, question, reading, threshold)
            if threshold is None:
                self._remember(key, answer)
        if not answer.answered and reading.follows_up and reading.referent is None:
            alone = self.ask(question, threshold=threshold)
            if alone.answered and alone.confidence >= SURE_ALONE:
                return alone
        # "Taking “she” as Priya Raman" goes without saying when the answer names her
        obvious = bool(reading.names) and all(name in answer.answer for name in reading.names)
        return replace(
            answer,
            # a question the briefing does not answer leaves the conversation where it was
            context=answer.context if answer.answered or context is None else context,
            question=question,
            resolved=reading.text if reading.follows_up else "",
            reading="" if obvious else reading.note,
        )

    def _answer(
        self, active: _Active, asked: str, reading: Reading, threshold: float | None
    ) -> Answer:
        """Answer a question as read in its context, with the context after the answer."""
        query, referent = reading.asked, reading.referent
        with self._answer_lock:
            if referent is not None and not analyse(query).content_words:
                # "How old is he?" has nothing but "he" to go on: ask about him by name
                query, referent = reading.text, None
        answer = self._answer_text(active, query, referent, threshold)
        with self._answer_lock:
            if not supported(active.index, asked, reading, answer):
                answer = abstain(active.index, analyse(reading.text))
            context = context_after(active.index, active.briefing_id, reading.text, answer)
        return replace(answer, context=context)

    def _answer_text(
        self, active: _Active, question: str, referent: int | None, threshold: float | None
    ) -> Answer:
        semantics = None
        if self.embedder is not None and active.vectors is not None:
            semantics = Semantics(active.vectors, self.embedder.query(question))
        with self._answer_lock:
            return answer_question(
                active.index,
                question,
                curated=active.curated,
                semantics=semantics,
                threshold=threshold,
                referent=referent,
            )

    async def answer(self, question: str, context: Context | None = None) -> Answer:
        """Answer `question` off the event loop: embedding a question takes milliseconds."""
        return await asyncio.to_thread(functools.partial(self.ask, question, context=context))

    def forget_answers(self) -> None:
        """Empty the cache of answers (for benchmarks of uncached answering)."""
        with self._cache_lock:
            self._cache.clear()

    def _cached(self, key: tuple[int, str, int | None]) -> Answer | None:
        with self._cache_lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
            return found

    def _remember(self, key: tuple[int, str, int | None], answer: Answer) -> None:
        with self._cache_lock:
            self._cache[key] = answer
            while len(self._cache) > CACHED_ANSWERS:
                self._cache.popitem(last=False)

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

    def load_file(self, path: Path, *, force: bool = False, if_empty: bool = False) -> LoadReport:
        """Load the briefing at `path`, make it active and answer from it; `force` loads
        a briefing shorter than two sentences; with `if_empty` it becomes active only if
        no version is yet (several instances starting together load it once)."""
        report = load_file(
            self.repository,
            path,
            max_bytes=self.max_briefing_bytes,
            embed=self.embed,
            force=force,
            if_empty=if_empty,
        )
        self.refresh()
        return report

    def load_bytes(self, data: bytes, *, file_name: str, force: bool = False) -> LoadReport:
        """Load an uploaded briefing, make it active and answer from it."""
        report = load_bytes(
            self.repository,
            data,
            file_name=file_name,
            max_bytes=self.max_briefing_bytes,
            embed=self.embed,
            force=force,
        )
        self.refresh()
        return report

    # -- versions --------------------------------------------------------------

    def versions(self) -> list[Version]:
        """Return the stored versions, newest first."""
        return self.repository.versions()

    def activate(self, version_id: int | None = None) -> Version:
        """Make a stored version active and answer from it (a rollback); None means the
        newest version older than the active one. Raise VersionNotFound if there is none."""
        if version_id is None:
            version_id = self.repository.previous_id()
            if version_id is None:
                raise VersionNotFound("there is no version older than the active one")
        version = self.repository.activate(version_id)
        self.refresh()
        return version
