"""The structured answer the engine returns for one question."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from faq.conversation import Context

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
    # a follow-up: the question as understood, and how ("Taking “she” as Priya Raman")
    resolved: str = field(default="", compare=False)
    reading: str = field(default="", compare=False)
    # what the conversation remembers after this answer, for the next question
    context: Context | None = field(default=None, compare=False, repr=False)

    def to_json(self, *, resolved: bool = False) -> dict[str, Any]:
        """Return the JSON shape of `briefbot ask --json`; `resolved` adds the question as
        understood (`ask --json --conversation`)."""
        data = asdict(self)
        data["quotes"] = [{"text": q.text, "speaker": q.speaker} for q in self.quotes]
        for name in ("suggestions", "resolved", "reading", "context"):
            data.pop(name)
        if resolved:
            data["resolved"] = self.resolved or self.question
        data["confidence"] = round(self.confidence, 3)
        return data
