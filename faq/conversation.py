"""Follow-up questions: the context a conversation keeps, and reading a question in it.

A follow-up ("What did she say about it?", "And Kyiv?", "When was that?", "What did the
councillor want?") is rewritten into a question that stands on its own before the engine
answers it, so matching and scoring are the same as for any question. A question with
nothing to resolve is left exactly as asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from faq.answer import Answer
from faq.index import BriefingIndex
from faq.lexicon import (
    DETERMINERS,
    FEMALE_PRONOUNS,
    HOW_WORDS,
    MALE_PRONOUNS,
    PREPOSITIONS,
    QUESTION_WORDS,
    STOPWORDS,
    Token,
    can_be_noun,
    can_be_verb,
    is_noun_only,
    stem,
    tokenize,
)
from faq.question import AUXILIARIES as QUESTION_AUXILIARIES
from faq.question import AnswerType, analyse
from faq.synonyms import synonyms, word_family
from store.document import EntityKind

AUXILIARIES = QUESTION_AUXILIARIES | frozenset("should shall may might".split())
_GROUP_PRONOUNS = frozenset("they them their theirs".split())
_THING_PRONOUNS = frozenset("it its".split())
_DEMONSTRATIVES = frozenset("that this".split())
_THING_WORDS = _THING_PRONOUNS | _DEMONSTRATIVES
_PRONOUNS = FEMALE_PRONOUNS | MALE_PRONOUNS | _GROUP_PRONOUNS | _THING_PRONOUNS
# after "that"/"this", a word that shows it stands for a thing ("was that", "that happen")
_AFTER_DEMONSTRATIVE = AUXILIARIES | PREPOSITIONS | frozenset("mean happen happened cost".split())
_OPENERS = frozenset("and but so ok okay then".split())

# "Why?", "When was that?", "Where did that happen?", "And how much?"
_ELLIPSIS_RE = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay)\W+)?"
    r"(?P<wh>why|when|where|who|what|how(?:\s+(?:much|many|long|often|far|old))?)"
    r"(?:(?:\s+(?:is|was|were|are|did|does|do|will|would|has|had|have)|['’]?s)"
    r"\s+(?:that|it|this))?"
    r"(?:\s+(?:happen|happened|take place|start|end|be|come about|come|go))?"
    r"(?:\s+(?:then|exactly|again|though|not))?\W*$",
    re.IGNORECASE,
)
# "And Kyiv?", "What about the teachers?", "how about in 2024"
_ABOUT_RE = re.compile(
    r"^\W*(?:(?:and|but)\s+)?(?:what|how)\s+about\s+(?P<about>.+?)\W*$"
    r"|^\W*(?:and|but)\s+(?P<and>.+?)\W*$",
    re.IGNORECASE,
)
_MAX_ABOUT_WORDS = 5
# "Who said that?": the speaker of the last answer
_WHO_SAID_RE = re.compile(
    r"^\W*(?:(?:and|so)\W+)?who\s+(?:said|says|say|wrote)\s+(?:that|this|it)\W*$", re.I
)
_NAME_RE = re.compile(
    r"^\W*(?:and\W+)?what(?:['’]?s|\s+is|\s+was)\s+(his|her)\s+(?:full\s+)?name\W*$", re.I
)
# A follow-up with at most this many words of its own ("How many nations?") is read
# as asking about what the last question asked about.
_FEW_WORDS = 1
_FEW_WORDS_AFTER_OPENER = 3
_ROLE_END_RE = re.compile(r",|\b(?:who|which|that|of|at|for|on|in|with|from)\b", re.I)
_YEAR_RE = re.compile(r"\b(1[89]|20)\d\d\b")


@dataclass(frozen=True)
class Context:
    """What a conversation remembers of its last question and answer."""

    briefing_id: int
    question: str  # the last question as understood
    paragraph: int | None  # where the last answer came from
    sentence: int | None
    people: tuple[int, ...]  # entity ids, the most recently named first
    organisations: tuple[int, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """A question as understood in its context; `note` says how, when it was resolved.

    The engine is asked `query` with `referent`: "she" stays "she" there, standing for
    the person the context names, as the article itself refers to her.
    """

    text: str
    note: str = ""
    names: tuple[str, ...] = ()  # what the follow-up's words were taken to refer to
    query: str = ""
    referent: int | None = None
    # only a guess ("How many nations?" about the last question's subject): the question
    # is answered alone when it can be
    tentative: bool = False

    @property
    def follows_up(self) -> bool:
        return bool(self.note)

    @property
    def asked(self) -> str:
        """Return the text the engine answers."""
        return self.query or self.text


def context_after(index: BriefingIndex, briefing_id: int, question: str, answer: Answer) -> Context:
    """Return the context after `answer` to `question` (as understood)."""
    people: list[int] = []
    organisations: list[int] = []
    places: list[str] = []
    source = answer.sources[0] if answer.answered and answer.sources else None
    named = _entity_ids(index, question)
    if source is not None:
        found = index.sentence_at(source.paragraph, source.sentence)
        if found is not None:
            named += _entity_ids(index, found.text)
            named += sorted(found.entities - set(named))
            places = list(found.sentence.places)
    for entity_id in dict.fromkeys(named):
        kind = index.entities[entity_id].kind
        (people if kind is EntityKind.PERSON else organisations).append(entity_id)
    return Context(
        briefing_id=briefing_id,
        question=question,
        paragraph=source.paragraph if source else None,
        sentence=source.sentence if source else None,
        people=tuple(people),
        organisations=tuple(organisations),
        places=tuple(places),
    )


def read_in_context(index: BriefingIndex, question: str, context: Context | None) -> Reading:
    """Return `question` as understood after `context`: unchanged when it stands alone."""
    if context is None or not question.strip():
        return Reading(question)
    ellipsis = _ELLIPSIS_RE.match(question)
    if ellipsis is not None:
        return _ask_again(context.question, ellipsis.group("wh"))
    if _WHO_SAID_RE.match(question) and context.paragraph and context.sentence:
        said = index.sentence_at(context.paragraph, context.sentence)
        if said is not None:
            return Reading(f"Who said “{said.text}”?", "Taking “that” as the last answer")
    name = _NAME_RE.match(question)
    if name is not None:  # "What's her name?" asks who she is
        person = _person(index, context, "f" if name.group(1).lower() == "her" else "m")
        if person is not None:
            who = f"Who is {index.entities[person].name}?"
            return Reading(who, f"Taking this as “{who}”", referent=person)
    about = _ABOUT_RE.match(question)
    if about is not None:
        subject = about.group("about") or about.group("and")
        if (
            len(subject.split()) <= _MAX_ABOUT_WORDS
            and not _starts_question(subject)
            and not _PRONOUNS & {t.folded for t in tokenize(subject)}  # "and her job?"
        ):
            if subject.split()[0].lower() in PREPOSITIONS:  # "And in snow?" adds a phrase
                text = f"{context.question.rstrip(' ?!.')} {subject.strip()}?"
                return Reading(text, f"Taking this as “{text}”")
            swapped = _swap_subject(index, context.question, subject)
            if swapped is not None:
                return swapped
    reading = _replace_references(index, question, context)
    if not reading.follows_up and _needs_context(question) and not _names_a_person(question):
        return _following_on(question, context.question)
    return reading


def _names_a_person(question: str) -> bool:
    """Return True when the question says "he" or "she": one the context did not name."""
    return any(t.folded in FEMALE_PRONOUNS | MALE_PRONOUNS for t in tokenize(question))


def _needs_context(question: str) -> bool:
    """Return True for a question with too few words of its own to stand alone: "How
    many nations?", "and when does it start"."""
    tokens = tokenize(question)
    if not any(t.folded.isalpha() for t in tokens):
        return False  # "🙂🙂" or "?" asks nothing
    own = [
        t
        for t in tokens
        if t.folded not in STOPWORDS
        and t.folded not in QUESTION_WORDS
        and t.folded not in HOW_WORDS
    ]
    opener = bool(tokens) and tokens[0].folded in _OPENERS
    return len(own) <= (_FEW_WORDS_AFTER_OPENER if opener else _FEW_WORDS)


def _following_on(question: str, previous: str) -> Reading:
    """Return `question` with what the last question asked about added to it."""
    previous = previous.rsplit(" — ", 1)[-1]  # not "… — … — …" after several of these
    tokens = tokenize(previous)
    rest = _after_question_phrase(tokens)
    about = previous[rest.start :] if rest is not None else previous
    text = f"{question.strip().rstrip(' ?!.')} — {about.strip().rstrip(' ?!.')}?"
    return Reading(text, f"Taking this as following on from “{previous}”", tentative=True)


def supported(index: BriefingIndex, asked: str, reading: Reading, answer: Answer) -> bool:
    """Return True unless the things a follow-up names are all missing from the briefing.

    Context must never make an off-topic question answered: in "What did they have for
    dinner there?" the context supplies who and where, but the briefing says nothing
    about dinner, in any words.
    """
    if not reading.follows_up or not answer.answered:
        return True
    if reading.referent is not None and not _about(index, reading.referent, answer):
        return False  # "Is she from Castlebridge?" is not settled by a sentence about trains
    supplied = {t.folded for name in reading.names for t in tokenize(name)}
    own = [
        t.folded
        for t in tokenize(asked)
        if t.folded not in STOPWORDS
        and t.folded not in QUESTION_WORDS
        and t.folded not in supplied
        and len(t.folded) > 3
        # things the question asks about ("dinner"), not what it asks ("start", "long")
        and can_be_noun(t.folded)
        and not can_be_verb(t.folded)
    ]
    if own and not any(
        stem(related) in index.doc_freq or index.correct(word) is not None
        for word in own
        for related in (word, *synonyms(word), *word_family(word))
    ):
        return False
    # and the answer must have one of them: "Is there parking in the town hall?" is not
    # answered by a sentence about a meeting at the town hall
    return not (own and reading.names) or _has_any(index, own, answer)


def _has_any(index: BriefingIndex, words: list[str], answer: Answer) -> bool:
    """Return True when the answer's sentence has one of `words`, in any of their forms."""
    stems: set[str] = set()
    for source in answer.sources:
        found = index.sentence_at(source.paragraph, source.sentence)
        if found is not None:
            stems |= set(found.stems)
    return any(
        stem(related) in stems
        for word in words
        for related in (word, *synonyms(word), *word_family(word))
    )


def _about(index: BriefingIndex, person: int, answer: Answer) -> bool:
    """Return True when the answer's sentence names or refers to `person`, or quotes them."""
    for source in answer.sources:
        found = index.sentence_at(source.paragraph, source.sentence)
        if found is not None and person in found.entities:
            return True
    name = index.entities[person].name
    return name in answer.answer or any(q.speaker == name for q in answer.quotes)


# -- "When was that?": the last question asked again with another question word ------


def _ask_again(previous: str, wh: str) -> Reading:
    """Return the previous question with its question word replaced by `wh`."""
    previous = previous.rsplit(" — ", 1)[-1]  # "Where — Who …?", not "Where — When — Who …?"
    tokens = tokenize(previous)
    rest = _after_question_phrase(tokens)
    body = previous[rest.start :].rstrip(" ?!.") if rest is not None else ""
    wh = " ".join(wh.split()).capitalize()
    if not body:
        return Reading(previous)
    if rest is not None and rest.folded in AUXILIARIES and not _asks_subject(tokens, rest):
        text = f"{wh} {body}?"
    else:
        text = f"{wh} — {previous.rstrip(' ?!.')}?"
    return Reading(text, f"Taking this as “{text}”")


def _asks_subject(tokens: list[Token], auxiliary: Token) -> bool:
    """Return True for "Who is chairing the meeting?", where the question word is the
    subject: "When is chairing the meeting?" would make no sense."""
    if tokens[0].folded not in ("who", "what", "which"):
        return False
    at = tokens.index(auxiliary)
    after = tokens[at + 1] if at + 1 < len(tokens) else None
    return after is not None and after.folded.endswith(("ing", "ed")) and can_be_verb(after.folded)


def _after_question_phrase(tokens: list[Token]) -> Token | None:
    """Return the first token after the question's "how many seats"/"which party"/"who"."""
    if not tokens:
        return None
    if tokens[0].folded not in QUESTION_WORDS:
        return tokens[0]  # "Did the chiefs meet Zelensky?": the whole question
    i = 1
    if tokens[0].folded == "how" and len(tokens) > 1 and tokens[1].folded in HOW_WORDS:
        i = 2
    if tokens[0].folded in ("what", "which") or i == 2:
        while i < len(tokens) and tokens[i].folded not in AUXILIARIES and i < 4:
            if can_be_verb(tokens[i].folded) and not is_noun_only(tokens[i].folded):
                break
            i += 1
    return tokens[i] if i < len(tokens) else None


# -- "And Kyiv?": the last question about someone or something else -----------------


def _swap_subject(index: BriefingIndex, previous: str, subject: str) -> Reading | None:
    """Return the previous question asked about `subject` instead of what it was about."""
    subject = subject.strip()
    tokens = tokenize(previous)
    span = _same_kind_span(index, previous, tokens, subject)
    if span is None and _YEAR_RE.search(subject):
        year = _YEAR_RE.search(previous)
        span = (year.start(), year.end()) if year else None
    if span is None:
        span = _subject_span(tokens)
    if span is None:
        return None
    start, end = span
    if subject[:1].isupper() and previous[:start].lower().endswith("the "):
        start -= len("the ")  # "the Kremlin" → "Kyiv", not "the Kyiv"
    text = f"{previous[:start]}{subject}{previous[end:]}"
    text = text[:1].upper() + text[1:]
    if not text.rstrip().endswith("?"):
        text = text.rstrip(" .!") + "?"
    # the subject is the follow-up's own words, not something the context supplied
    return Reading(text, f"Taking this as “{text}”")


def _same_kind_span(
    index: BriefingIndex, previous: str, tokens: list[Token], subject: str
) -> tuple[int, int] | None:
    """Return where the previous question names someone or something like `subject`."""
    wanted = _entity_ids(index, subject)
    kind = index.entities[wanted[0]].kind if wanted else None
    folded = [t.folded for t in tokens]
    for start, end, entity_id in index.mentions(folded):
        if index.entities[entity_id].kind is kind or (kind is None and subject[:1].isupper()):
            return tokens[start].start, tokens[end - 1].end
    if subject[:1].isupper():  # a name the briefing knows only as a word: "Kyiv", "Moscow"
        for token in tokens[1:]:
            if token.text[:1].isupper() and token.folded not in QUESTION_WORDS:
                return token.start, token.end
    return None


def _subject_span(tokens: list[Token]) -> tuple[int, int] | None:
    """Return the span of the subject after the auxiliary: "the union" in "What did the
    union say?"."""
    at = next((i for i, t in enumerate(tokens) if t.folded in AUXILIARIES), None)
    if at is None:
        return None
    span = _noun_phrase(tokens, at + 1)
    return None if span is None else (tokens[span[0]].start, tokens[span[1] - 1].end)


def _noun_phrase(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """Return token indices [start, end) of the noun phrase beginning at `start`."""
    i = start
    if i < len(tokens) and tokens[i].folded in DETERMINERS:
        i += 1
    nouns = 0
    while i < len(tokens):
        word = tokens[i].folded
        if word in PREPOSITIONS or word in AUXILIARIES or word in QUESTION_WORDS:
            break
        verb = can_be_verb(word) and not is_noun_only(word) and not tokens[i].text[:1].isupper()
        if nouns and verb:
            break
        if not (tokens[i].text[:1].isupper() or can_be_noun(word) or not verb):
            break
        nouns += 1
        i += 1
    return (start, i) if nouns else None


# -- "What did she say about it?": pronouns and roles -------------------------------


def _replace_references(index: BriefingIndex, question: str, context: Context) -> Reading:
    """Return `question` with its pronouns and bare roles replaced by what they refer to."""
    tokens = tokenize(question)
    names_person = any(
        index.entities[e].kind is EntityKind.PERSON for e in _entity_ids(index, question)
    )
    names_organisation = any(
        index.entities[e].kind is EntityKind.ORGANISATION for e in _entity_ids(index, question)
    )
    replacements: list[tuple[int, int, str, str]] = []  # start, end, new text, as said
    referent: int | None = None
    for i, token in enumerate(tokens):
        word = token.folded
        following = tokens[i + 1].folded if i + 1 < len(tokens) else None
        new: str | None = None
        if word in FEMALE_PRONOUNS | MALE_PRONOUNS and not names_person:
            person = _person(index, context, "f" if word in FEMALE_PRONOUNS else "m")
            if person is not None and referent in (None, person):
                referent = person
                new = _as_pronoun(index.entities[person].name, word, following)
        elif word in _GROUP_PRONOUNS and not names_organisation and not _plural_before(tokens, i):
            group = _group(index, context)
            if group is not None:
                new = f"{group}'s" if word in ("their", "theirs") else group
        elif word in _THING_PRONOUNS or (
            word in _DEMONSTRATIVES and (following is None or following in _AFTER_DEMONSTRATIVE)
        ):
            topic = _topic(index, context)
            if topic is not None:
                new = f"{topic}'s" if word == "its" else topic
        elif word == "there" and following not in ("is", "are", "was", "were", "be", "will"):
            place = _place(context)
            if place is not None and (i == 0 or tokens[i - 1].folded not in AUXILIARIES):
                new = f"in {place}"
        elif word == "the" and following is not None:
            role = _role_holder(index, context, tokens, i)
            if role is not None:
                end, name = role
                said = question[token.start : tokens[end - 1].end]
                replacements.append((token.start, tokens[end - 1].end, name, said))
                continue
        if new is not None:
            replacements.append((token.start, token.end, new, token.text))
    if not replacements:
        return Reading(question)
    text = query = question
    for start, end, new, said in reversed(replacements):
        text = text[:start] + new + text[end:]
        if said.lower() not in FEMALE_PRONOUNS | MALE_PRONOUNS:
            query = query[:start] + new + query[end:]
    names = tuple(new.removeprefix("in ").removesuffix("'s") for _s, _e, new, _ in replacements)
    taken = [
        f"“{said}” as {name}" for (_s, _e, _n, said), name in zip(replacements, names, strict=True)
    ]
    if analyse(text).answer_type is AnswerType.DEFINITION:
        query = text  # "What is her job?" is "What is Margaret Oduya's job?"
    # "it" is only a guess at the last question's thing: asked alone first
    things_only = all(said.lower() in _THING_WORDS for _s, _e, _n, said in replacements)
    return Reading(
        _capitalised(text),
        "Taking " + _join(dict.fromkeys(taken)),
        names,
        query=_capitalised(query),
        referent=referent,
        tentative=things_only,
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural_before(tokens: list[Token], at: int) -> bool:
    """Return True when a plural noun comes before `at`: "their" in "Will the drivers lose
    their jobs?" refers to the drivers."""
    return any(
        t.folded.endswith("s")
        and len(t.folded) > 3
        and can_be_noun(t.folded)
        and n > 0
        and tokens[n - 1].folded in DETERMINERS
        for n, t in enumerate(tokens[:at])
    )


def _person(index: BriefingIndex, context: Context, gender: str) -> int | None:
    """Return the person "he" or "she" most likely is: the one the last question asked
    about ("Who is X?"), else the most recently named person the article shows to be of
    `gender`, else the most recent of no known gender."""
    genders = index.known_genders
    asked = [e for e in _entity_ids(index, context.question) if e in context.people]
    defined = analyse(context.question).answer_type is AnswerType.DEFINITION
    if defined and len(asked) == 1 and genders.get(asked[0], gender) == gender:
        return asked[0]
    known = [e for e in context.people if genders.get(e) == gender]
    unknown = [e for e in context.people if e not in genders]
    return next(iter(known + unknown), None)


def _place(context: Context) -> str | None:
    """Return the place "there" refers to: the answer to "Where …?", or a place the last
    question named."""
    asked = context.question.lower()
    named = [p for p in context.places if p.lower() in asked]
    if asked.lstrip().startswith("where"):  # the answer's place, not the asker's
        return next((p for p in context.places if p not in named), None)
    return named[0] if named else None


def _as_pronoun(name: str, pronoun: str, following: str | None) -> str:
    """Return `name` in the place of `pronoun`: "his" and a possessive "her" become "X's"."""
    if pronoun in ("his", "hers"):
        return f"{name}'s"
    if pronoun == "her" and following is not None and following not in _NOT_AFTER_POSSESSIVE:
        return f"{name}'s"
    return name


_NOT_AFTER_POSSESSIVE = PREPOSITIONS | AUXILIARIES | _OPENERS | frozenset("or if when".split())


def _group(index: BriefingIndex, context: Context) -> str | None:
    """Return who "they" most likely are: the last organisation named, or the plural
    subject of the last question ("the chiefs")."""
    if context.organisations:
        return index.entities[context.organisations[0]].name
    tokens = tokenize(context.question)
    at = next((i for i, t in enumerate(tokens) if t.folded in AUXILIARIES), None)
    span = None if at is None else _noun_phrase(tokens, at + 1)
    if span is not None and tokens[span[1] - 1].folded.endswith("s"):
        return context.question[tokens[span[0]].start : tokens[span[1] - 1].end]
    return None


def _topic(index: BriefingIndex, context: Context) -> str | None:
    """Return the thing the last question was about: its last "the …" phrase that names
    no one ("the US proposal" in "What did the Kremlin do with the US proposal?")."""
    tokens = tokenize(context.question)
    named = {
        i for start, end, _ in index.mentions([t.folded for t in tokens]) for i in range(start, end)
    }
    found = None
    for i, token in enumerate(tokens):
        if token.folded in ("the", "a", "an", "its", "their") and i > 0:
            span = _noun_phrase(tokens, i)
            if span is not None and not named & set(range(*span)):
                found = span
    if found is None:
        return None
    phrase = context.question[tokens[found[0]].start : tokens[found[1] - 1].end]
    first = tokens[found[0]].folded
    return "the " + phrase.split(None, 1)[1] if first in ("a", "an") and " " in phrase else phrase


def _role_holder(
    index: BriefingIndex, context: Context, tokens: list[Token], at: int
) -> tuple[int, str] | None:
    """Return (end token, name) when "the councillor" at `at` is a person in the context."""
    for size in (2, 1):
        words = [t.folded for t in tokens[at + 1 : at + 1 + size]]
        if len(words) < size or any(w in AUXILIARIES or w in PREPOSITIONS for w in words):
            continue
        for entity_id in context.people + context.organisations:
            role = index.entities[entity_id].role
            if role is None:
                continue
            head = [t.folded for t in tokenize(_ROLE_END_RE.split(role, maxsplit=1)[0])]
            if head[-len(words) :] == words:  # "the manager", not "the library"
                return at + 1 + size, index.entities[entity_id].name
    return None


# -- helpers -------------------------------------------------------------------------


def _entity_ids(index: BriefingIndex, text: str) -> list[int]:
    """Return the ids of the people and organisations `text` names, in order."""
    return [entity for _start, _end, entity in index.mentions([t.folded for t in tokenize(text)])]


def _starts_question(text: str) -> bool:
    first = text.split(None, 1)[0].lower() if text.split() else ""
    return first in QUESTION_WORDS or first in AUXILIARIES


def _join(parts: Iterable[str]) -> str:
    items = list(parts)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
