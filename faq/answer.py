"""The structured answer the engine returns for one question."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAX_ANSWER_CHARS = 400


@dataclass(frozen=True)
class QuoteRef:
    """A direct quote from the article that bears on the question."""

    text: str
    speaker: str | None
    paragraph: int


@dataclass(frozen=True)
class SourceRef:
    """Where in the briefing the answer comes from."""

    briefing: str
    paragraph: int
    sentence: int
    text: str


@dataclass(frozen=True)
class Answer:
    """Question in, this out: a sourced answer, or an honest abstention."""

    question: str
    answered: bool
    answer: str
    confidence: float
    quotes: tuple[QuoteRef, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    suggestions: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON shape of `briefbot ask --json`."""
        data = asdict(self)
        data["quotes"] = [{"text": q.text, "speaker": q.speaker} for q in self.quotes]
        data.pop("suggestions")
        data["confidence"] = round(self.confidence, 3)
        return data
