"""Turning the best-matching sentence into an answer: lead text, quotes and sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from faq.answer import MAX_ANSWER_CHARS, Answer, QuoteRef, SourceRef
from faq.index import BriefingIndex, IndexedSentence
from faq.lexicon import STOPWORDS, base_forms, negates, stem, tokenize
from faq.question import AnswerType, Question
from store.document import EntityKind

if TYPE_CHECKING:
    from faq.matcher import Candidate
    from faq.terms import Term

NOT_COVERED = "The briefing doesn't say."
MAX_QUOTES = 3
MAX_SUGGESTIONS = 3
NAME_MATCH = 85  # how like a name's word a question's word must be to suggest it
_CLAUSE_RE = re.compile(r"[^,;:()–—]+[,;:()–—]*")
# "But she said …", "He added …": a sentence whose subject is only a pronoun
_PRONOUN_SUBJECT_RE = re.compile(r"^\W*(?:(?:but|and|however|yet|so),?\s+)?(?:he|she)\b", re.I)
# "a battery failure rather than a navigation error": what follows is set aside
_CONTRASTS = frozenset({("rather", "than"), ("instead", "of"), ("opposed", "to")})
# A yes/no answer is given only when the answer is this likely to be right.
YES_NO_CONFIDENCE = 0.6


def compose(
    index: BriefingIndex,
    question: Question,
    candidates: Sequence[Candidate],
    *,
    speakers: frozenset[str] = frozenset(),
    terms: Sequence[Term] = (),
    confidence: float,
) -> Answer:
    """Return the answer built from the best candidate sentence.

    `speakers` are the people a "what did X say" question asks about: their
    quotes come with the answer even when the best sentence is reported speech.
    `terms` are the question's words as measured; without them a yes/no question
    gets no verdict.
    """
    best = candidates[0]
    sentence = best.sentence
    lead = _lead_text(index, question, best)
    verdict_text = verdict(question, sentence, confidence, terms)
    if verdict_text and len(verdict_text) + len(lead) + 1 <= MAX_ANSWER_CHARS:
        lead = f"{verdict_text} {lead}"
    return Answer(
        question=question.raw,
        answered=True,
        answer=lead,
        confidence=round(confidence, 3),
        quotes=_quotes(index, sentence, speakers),
        sources=(_source(index, sentence),),
    )


def abstain(index: BriefingIndex, question: Question, *, confidence: float = 0.0) -> Answer:
    """Return an honest "not covered" answer with a few near questions to try.

    `confidence` is the probability that the best sentence would have been right.
    """
    return Answer(
        question=question.raw,
        answered=False,
        answer=NOT_COVERED,
        confidence=round(confidence, 3),
        suggestions=suggest(index, question.text),
    )


def suggest(index: BriefingIndex, text: str) -> tuple[str, ...]:
    """Return up to three questions the briefing can answer about someone or something
    the question names: "What is the capital of France?" shares only "What is" with
    "What is Harrow & Finch?", and gets no suggestion."""
    words = [w for w in (t.folded for t in tokenize(text)) if len(w) > 2 and w not in STOPWORDS]
    ranked = []
    for choice in suggestion_pool(index):
        names = _name_words(choice)
        named = max((fuzz.ratio(w, n) for w in words for n in names), default=0.0)
        if named >= NAME_MATCH:
            ranked.append((named, fuzz.token_set_ratio(text, choice), choice))
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    return tuple(choice for _named, _alike, choice in ranked[:MAX_SUGGESTIONS])


def _name_words(choice: str) -> list[str]:
    """Return the words of the name a suggested question asks about."""
    name = choice.removeprefix("Who is ").removeprefix("What is ").removesuffix("?")
    return [t.folded for t in tokenize(name)]


def suggestion_pool(index: BriefingIndex) -> list[str]:
    """Return questions every briefing can answer: who its people are, what its
    organisations are ("Who is X?" is answered from the sentence that introduces X)."""
    return [
        f"Who is {e.name}?" if e.kind is EntityKind.PERSON else f"What is {e.name}?"
        for e in index.entities
    ]


def _lead_text(index: BriefingIndex, question: Question, best: Candidate) -> str:
    """Return the answer's lead: the sentence, a span of it, named where a pronoun hides who."""
    text = _span(best.sentence.text, best.matched, reserve=2)
    pronoun = bool(_PRONOUN_SUBJECT_RE.match(best.sentence.text))
    if question.answer_type is AnswerType.PERSON or pronoun:
        name = _unnamed_person(index, question, best.sentence)
        if name is not None:
            text = _span(best.sentence.text, best.matched, reserve=len(name) + 5)
            return f"{name}: {balance_quotes(text)}"
    return balance_quotes(text)


def balance_quotes(text: str) -> str:
    """Return `text` with the quotation marks a sentence split or a span cut off put back:
    the second sentence of a quote, `If we do nothing now, …," she said.`, gets its
    opening mark, and a quote cut short gets its closing one."""
    opened: str | None = None
    missing_open = ""
    for i, char in enumerate(text):
        if char == "“" or (char == '"' and opened is None and _opens(text, i)):
            opened = char
        elif char in '”"':
            if opened is None:
                missing_open = missing_open or ("“" if char == "”" else char)
            opened = None
    if missing_open:
        text = missing_open + text
    if opened is not None:
        text += "”" if opened == "“" else opened
    return text


def _opens(text: str, i: int) -> bool:
    """Return True when the straight quotation mark at `i` opens a quote: it starts the
    text or follows a space or a dash, and a word follows it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "—–-(") and not after.isspace()


def verdict(
    question: Question, sentence: IndexedSentence, confidence: float, terms: Sequence[Term]
) -> str:
    """Return "Yes." or "No." for a yes/no question the sentence settles, else "".

    Only a sentence that has everything the question asks about settles it: "The last
    rationing, in 1994, …" says nothing either way to "Was the last rationing in 2001?".
    It says no when it negates ("not", "never", "rejected") and the question does not,
    or when what is asked about is what it sets aside ("a battery failure rather than a
    navigation error"); it says yes when neither. A negated question is left unsettled.
    """
    if question.answer_type is not AnswerType.YES_NO or confidence < YES_NO_CONFIDENCE:
        return ""
    asks_future = bool(question.tokens) and question.tokens[0].folded in ("will", "shall")
    if question.negated or (sentence.tense == "future" and not asks_future):
        return ""  # "Has the bridge reopened?" is not settled by "it will reopen in May"
    places, missing = _places_of_terms(terms, sentence)
    if missing or not terms:
        return ""  # "in 1994" is not about 2001, "keep their jobs" not "lose their jobs"
    contrast = _contrast_at(sentence.words)
    if contrast is not None and any(p > contrast for p in places):
        return "No." if all(p > contrast for p in places) else ""
    words = set(sentence.words)
    if "whether" in words:
        return ""  # "the council has not yet said whether it will" leaves it open
    # "rejected" answers "Did the Kremlin reject it?" with yes: the verb asked about is
    # no negation
    asked = {b for t in question.tokens for b in (t.folded, *base_forms(t.folded))}
    words = {w for w in words if not ({w, *base_forms(w)} & asked)}
    with_bases = words | {b for w in words for b in base_forms(w)}
    # "except" does not say no to a yes/no question, and "apart" in "fell apart" never does
    return "No." if negates(with_bases, exceptions=False) else "Yes."


def _places_of_terms(
    terms: Sequence[Term], sentence: IndexedSentence
) -> tuple[list[int], list[str]]:
    """Return where the sentence says each thing the question asks about (its words,
    their forms and synonyms, the people it names), and the question's words it leaves
    out."""
    places, missing = [], []
    for term in terms:
        found = [p for m in term.matches for p in sentence.positions.get(m, ())]
        if found:
            places.append(min(found))
        elif term.entity is None or term.entity not in sentence.entities:
            missing.append(term.word)
    return places, missing


def _contrast_at(words: Sequence[str]) -> int | None:
    """Return the position of "rather than", "instead of" or "as opposed to", if any."""
    for i in range(1, len(words)):
        if (words[i - 1], words[i]) in _CONTRASTS:
            return i
    return None


def _unnamed_person(
    index: BriefingIndex, question: Question, sentence: IndexedSentence
) -> str | None:
    """Return the person a sentence is about when it refers to them only by role or pronoun."""
    asked = {t.folded for t in question.tokens}

    def new_people(entity_ids: set[int]) -> list[str]:
        people = [index.entities[i] for i in sorted(entity_ids)]
        return [
            e.name
            for e in people
            if e.kind is EntityKind.PERSON and e.name.split()[-1].lower() not in asked
        ]

    if new_people(sentence.named_entities):
        return None  # "his deputy, Ruth Cole, challenged …" names the answer itself
    return next(iter(new_people(sentence.entities - sentence.named_entities)), None)


def _span(text: str, matched: Sequence[str], *, reserve: int = 0) -> str:
    """Return `text`, or the window of its clauses that best covers `matched`, within the limit."""
    limit = MAX_ANSWER_CHARS - reserve
    if len(text) <= limit:
        return text
    wanted = {stem(w) for w in matched}
    clauses = [m.group() for m in _CLAUSE_RE.finditer(text)]
    scores = [sum(1 for t in tokenize(c) if stem(t.folded) in wanted) for c in clauses]
    best = max(range(len(clauses)), key=lambda i: scores[i])
    start, end = best, best + 1
    while True:
        grown = False
        for left, right in ((start - 1, end), (start, end + 1)):
            fits = left >= 0 and right <= len(clauses)
            if fits and len("".join(clauses[left:right])) <= limit:
                start, end, grown = left, right, True
                break
        if not grown:
            break
    span = "".join(clauses[start:end]).strip()
    if len(span) > limit:
        span = span[: limit - 1].rsplit(" ", 1)[0] + "…"
    return span


def _quotes(
    index: BriefingIndex, sentence: IndexedSentence, speakers: frozenset[str]
) -> tuple[QuoteRef, ...]:
    """Return the attributed quotes in the answering sentence, then those of `speakers`."""
    quotes = index.document.quotes
    chosen = [i for i in sentence.quote_ids if quotes[i].speaker]
    chosen += [i for i, q in enumerate(quotes) if q.speaker in speakers and i not in chosen]
    return tuple(
        QuoteRef(quotes[i].text, quotes[i].speaker, quotes[i].paragraph)
        for i in chosen[:MAX_QUOTES]
    )


def _source(index: BriefingIndex, sentence: IndexedSentence) -> SourceRef:
    return SourceRef(
        briefing=index.document.title,
        paragraph=sentence.sentence.paragraph,
        sentence=sentence.sentence.index,
        text=sentence.text,
    )
