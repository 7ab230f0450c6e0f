"""Scoring the engine on a questions file (the format of shared/eval/dev-questions.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from faq.answer import MAX_ANSWER_CHARS, Answer
from faq.conversation import Context
from store.document import Quote
from store.errors import EvalFileError

ANSWERABLE, OFFTOPIC, UNANSWERABLE = "answerable", "offtopic", "unanswerable"


@dataclass(frozen=True)
class EvalQuestion:
    text: str
    kind: str = ANSWERABLE
    expect: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuoteCheck:
    has: str
    speaker: str


@dataclass(frozen=True)
class EvalBriefing:
    name: str
    path: Path
    questions: tuple[EvalQuestion, ...]
    quote_checks: tuple[QuoteCheck, ...] = ()
    # each a list of turns: the first stands alone, the rest are follow-ups
    conversations: tuple[tuple[EvalQuestion, ...], ...] = ()


class Asker(Protocol):
    """`Engine.ask`: a question, in the context of a conversation or alone, to an answer."""

    def __call__(self, question: str, *, context: Context | None = None) -> Answer: ...


@dataclass
class Tally:
    passed: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.passed += ok
        self.total += 1

    def __str__(self) -> str:
        if not self.total:
            return "n/a"
        return f"{self.passed}/{self.total} ({100 * self.passed / self.total:.1f}%)"


@dataclass
class BriefingResult:
    name: str
    answerable: Tally = field(default_factory=Tally)
    offtopic: Tally = field(default_factory=Tally)
    unanswerable: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    # answerable follow-up turns of conversations, and the same turns asked alone
    followups: Tally = field(default_factory=Tally)
    followups_alone: Tally = field(default_factory=Tally)
    failures: list[str] = field(default_factory=list)


def fold_quotes(text: str) -> str:
    """Return `text` lowercased with curly quotes and apostrophes made straight."""
    return text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"').lower()


def is_correct(answer: Answer, expect: tuple[str, ...]) -> bool:
    """Return True when the answer is given, short enough and contains an expected text."""
    if not answer.answered or len(answer.answer) > MAX_ANSWER_CHARS:
        return False
    folded = fold_quotes(answer.answer)
    return any(fold_quotes(e) in folded for e in expect)


def read_questions(path: Path) -> list[EvalBriefing]:
    """Return the briefings and questions of an eval file; paths are relative to it.

    Raise EvalFileError when the file is missing or not in the expected format.
    """
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvalFileError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise EvalFileError(f"{path} is not a YAML questions file: not UTF-8") from error
    except yaml.YAMLError as error:
        raise EvalFileError(
            f"{path} is not a YAML questions file: {_yaml_problem(error)}"
        ) from error
    try:
        return _briefings(path, data)
    except (AttributeError, KeyError, TypeError) as error:
        raise EvalFileError(
            f"{path} is not in the questions format (a `briefings:` mapping of briefings, "
            "each with `file:` and `questions:`; see tests/eval/dev-questions.yaml)"
        ) from error


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Return a YAML error as one line: what is wrong, and where."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        return f"{error.problem} at line {error.problem_mark.line + 1}"
    return " ".join(str(error).split())


def _briefings(path: Path, data: Any) -> list[EvalBriefing]:
    quote_data = data.get("quotes") or {}
    briefings = []
    for name, spec in (data.get("briefings") or {}).items():
        questions = tuple(_question(q) for q in spec.get("questions", ()))
        checks = tuple(
            QuoteCheck(str(c["has"]), str(c["speaker"])) for c in quote_data.get(name, ())
        )
        conversations = tuple(
            tuple(_question(turn) for turn in conversation)
            for conversation in spec.get("conversations", ())
        )
        briefings.append(
            EvalBriefing(
                name, (path.parent / spec["file"]).resolve(), questions, checks, conversations
            )
        )
    return briefings


def _question(data: Any) -> EvalQuestion:
    return EvalQuestion(
        text=str(data["q"]),
        kind=str(data.get("kind", ANSWERABLE)),
        expect=tuple(str(e) for e in data.get("expect", ())),
    )


def evaluate(briefing: EvalBriefing, ask: Asker, quotes: list[Quote]) -> BriefingResult:
    """Ask every question and conversation of `briefing`, check the quotes; return the
    tallies. A conversation's first turn counts as a question; its follow-ups are
    tallied apart, with the same turns asked alone beside them."""
    result = BriefingResult(briefing.name)
    for question in briefing.questions:
        _score(result, question, ask(question.text))
    for conversation in briefing.conversations:
        context: Context | None = None
        for turn, question in enumerate(conversation):
            answer = ask(question.text, context=context)
            context = answer.context
            if turn == 0 or question.kind != ANSWERABLE:
                _score(result, question, answer)
                continue
            ok = is_correct(answer, question.expect)
            result.followups.add(ok)
            result.followups_alone.add(is_correct(ask(question.text), question.expect))
            if not ok:
                understood = f" (read as {answer.resolved!r})" if answer.resolved else ""
                got = answer.answer if answer.answered else "(abstained)"
                result.failures.append(
                    f"follow-up {question.text!r}{understood}: expected "
                    f"{list(question.expect)}, got {got!r}"
                )
    for check in briefing.quote_checks:
        found = [q for q in quotes if check.has.lower() in fold_quotes(q.text)]
        ok = bool(found) and all(
            q.speaker is not None and check.speaker.lower() in q.speaker.lower() for q in found
        )
        result.quotes.add(ok)
        if not ok:
            speakers = [q.speaker for q in found] or "no such quote"
            result.failures.append(f"quote {check.has!r}: expected {check.speaker}, got {speakers}")
    return result


def _score(result: BriefingResult, question: EvalQuestion, answer: Answer) -> None:
    """Tally one answer to a question that stands alone."""
    if question.kind == ANSWERABLE:
        ok = is_correct(answer, question.expect)
        result.answerable.add(ok)
        if not ok:
            got = answer.answer if answer.answered else "(abstained)"
            result.failures.append(
                f"{question.text!r}: expected {list(question.expect)}, got {got!r}"
            )
    elif question.kind == OFFTOPIC:
        result.offtopic.add(not answer.answered)
        if answer.answered:
            understood = f" (read as {answer.resolved!r})" if answer.resolved else ""
            result.failures.append(
                f"off-topic {question.text!r}{understood} answered: {answer.answer!r}"
            )
    else:
        result.unanswerable.add(not answer.answered)


@dataclass(frozen=True)
class CurvePoint:
    """One question answered without a threshold: its kind, confidence and whether right."""

    kind: str
    confidence: float
    right: bool


def curve_points(briefing: EvalBriefing, ask: Callable[[str], Answer]) -> list[CurvePoint]:
    """Ask every question with no threshold; `ask` must always answer when it can."""
    points = []
    for question in briefing.questions:
        answer = ask(question.text)
        right = question.kind == ANSWERABLE and is_correct(answer, question.expect)
        points.append(
            CurvePoint(question.kind, answer.confidence if answer.answered else 0.0, right)
        )
    return points


def format_curve(points: list[CurvePoint], thresholds: tuple[float, ...]) -> list[str]:
    """Return the coverage/accuracy curve: at each threshold, how many questions are
    answered, how many of those are right, and the share of answerable ones answered right."""
    answerable = sum(1 for p in points if p.kind == ANSWERABLE) or 1
    offtopic = sum(1 for p in points if p.kind == OFFTOPIC)
    lines = [
        "threshold  answered  right-of-answered  answerable-right  answerable-wrong  "
        "off-topic-abstained"
    ]
    for threshold in thresholds:
        answered = [p for p in points if p.confidence >= threshold and p.confidence > 0]
        right = sum(p.right for p in answered)
        wrong = sum(1 for p in answered if p.kind == ANSWERABLE and not p.right)
        off_answered = sum(1 for p in answered if p.kind == OFFTOPIC)
        off = f"{offtopic - off_answered}/{offtopic}" if offtopic else "n/a"
        lines.append(
            f"{threshold:9.2f}  {len(answered):8d}  "
            f"{100 * right / max(1, len(answered)):16.1f}%  "
            f"{100 * right / answerable:15.1f}%  {100 * wrong / answerable:15.1f}%  {off:>19}"
        )
    return lines
