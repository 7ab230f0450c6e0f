"""Questions about people: "who is X", "what is X's job", "who is the <role>", "what did X say"."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from faq.answer import MAX_ANSWER_CHARS, Answer, QuoteRef, SourceRef
from faq.compose import compose
from faq.index import BriefingIndex, IndexedSentence
from faq.lexicon import tokenize
from faq.matcher import Candidate
from faq.question import AnswerType, Question
from store.document import Entity

# "What did she say?", "what has the judge said": what someone said, about nothing more
_SAID_RE = re.compile(
    r"^what (?:did|does|do|has|have|had) (?P<who>.+?) (?:say|said|says)\W*$", re.IGNORECASE
)
_PRONOUNS = frozenset("he she they him her them".split())
SAID_CONFIDENCE = 0.9
ROLE_MATCH_CUTOFF = 86
NAME_MATCH_CUTOFF = 84
_ROLE_WORDS = frozenset("job role position title post occupation".split())


def answer_about_person(index: BriefingIndex, question: Question) -> Answer | None:
    """Return the answer to "who is X" / "who is the <role>", or None if it is not one."""
    if question.answer_type is not AnswerType.DEFINITION or not question.subject:
        return None
    subject = [w for w in question.subject.split() if w not in _ROLE_WORDS]
    entity_id = _entity_by_name(index, subject)
    asked_for_name = False
    if entity_id is None:
        entity_id = _entity_by_role(index, " ".join(subject))
        asked_for_name = entity_id is not None
    if entity_id is None:
        return None
    entity = index.entities[entity_id]
    sentence = _introduction(index, entity_id, entity)
    if sentence is None:
        return None
    if asked_for_name:
        lead = f"{entity.name} — {entity.role}." if entity.role else entity.name
    elif entity.role and entity.role.startswith("who "):  # "X chairs the group."
        lead = f"{entity.name} {entity.role.removeprefix('who ')}."
    elif entity.role:
        lead = f"{entity.name}: {entity.role}."
    else:
        lead = sentence.text
    if len(lead) > MAX_ANSWER_CHARS:
        lead = lead[: MAX_ANSWER_CHARS - 1].rsplit(" ", 1)[0] + "…"
    quotes = tuple(
        QuoteRef(q.text, q.speaker, q.paragraph)
        for q in index.document.quotes
        if q.speaker == entity.name
    )[:2]
    return Answer(
        question=question.raw,
        answered=True,
        answer=lead,
        confidence=0.9,
        quotes=quotes,
        sources=(
            SourceRef(
                briefing=index.document.title,
                paragraph=sentence.sentence.paragraph,
                sentence=sentence.sentence.index,
                text=sentence.text,
            ),
        ),
    )


def answer_about_speech(index: BriefingIndex, question: Question) -> Answer | None:
    """Return the first quote of the one person asked "What did X say?" (by name, role or,
    in a conversation, "she"), or None if the question asks more or X is never quoted."""
    said = _SAID_RE.match(question.text)
    if said is None:
        return None
    words = [t.folded for t in tokenize(said["who"]) if t.folded not in ("the", "a", "an")]
    if set(words) <= _PRONOUNS:
        entity_id = question.referent
    else:
        entity_id = _entity_by_name(index, words)
        if entity_id is None:
            entity_id = _entity_by_role(index, " ".join(words))
    if entity_id is None:
        return None
    name = index.entities[entity_id].name
    quote = next((q for q in index.document.quotes if q.speaker == name), None)
    sentence = None if quote is None else index.sentence_at(quote.paragraph, quote.sentence)
    if sentence is None:
        return None
    return compose(
        index,
        question,
        [Candidate(sentence, 1.0, ())],
        speakers=frozenset({name}),
        confidence=SAID_CONFIDENCE,
    )


def _entity_by_name(index: BriefingIndex, subject: list[str]) -> int | None:
    """Return the entity the subject names ("pistorius", "lecornu"), allowing typos."""
    if not subject:
        return None
    corrected = [index.correct(word) or word for word in subject]
    for words in (subject, corrected):
        mentions = index.mentions(words)
        if len(mentions) == 1 and mentions[0][1] - mentions[0][0] == len(words):
            return mentions[0][2]
    found = process.extractOne(
        " ".join(subject), list(index.alias_map), scorer=fuzz.ratio, score_cutoff=NAME_MATCH_CUTOFF
    )
    return None if found is None else index.alias_map[found[0]]


def _entity_by_role(index: BriefingIndex, wanted: str) -> int | None:
    """Return the one entity whose role matches `wanted` ("uk defence secretary")."""
    words = tuple(wanted.split())
    titled = [
        entity_id
        for title, entity_id in index.role_titles.items()
        if len(title) == len(words)
        and all(_clipped(w, t) for w, t in zip(words, title, strict=True))
    ]
    if len(set(titled)) == 1:
        return titled[0]  # "the chief exec": the one person titled chief executive
    roles = {
        i: " ".join(t.folded for t in tokenize(e.role))
        for i, e in enumerate(index.entities)
        if e.role
    }
    if not roles:
        return None
    found = process.extract(
        wanted, roles, scorer=fuzz.ratio, score_cutoff=ROLE_MATCH_CUTOFF, limit=2
    )
    if len(found) == 1 or (len(found) == 2 and found[0][1] > found[1][1]):
        return int(found[0][2])
    return None


def _clipped(word: str, full: str) -> bool:
    """Return True when `word` is `full` or its clipped form ("exec" for executive)."""
    return word == full or (len(word) >= 4 and full.startswith(word))


def _introduction(index: BriefingIndex, entity_id: int, entity: Entity) -> IndexedSentence | None:
    """Return the sentence that gives the entity's role, else the first that names it."""
    role = (entity.role or "").lower()
    naming = [s for s in index.sentences if entity_id in s.named_entities]
    with_role = [s for s in naming if role and role in s.text.lower()]
    if with_role:
        return with_role[0]
    return naming[0] if naming else None
