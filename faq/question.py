"""Question analysis: clean the text, find what kind of answer it asks for."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from faq.lexicon import (
    CONTENT_STOPWORDS,
    DETERMINERS,
    HONORIFIC_WORDS,
    HOW_WORDS,
    NEGATIONS,
    NUMBER_WORDS,
    PREPOSITIONS,
    QUESTION_WORDS,
    STOPWORDS,
    Token,
    can_be_noun,
    can_be_verb,
    is_english_word,
    is_noun_only,
    tokenize,
    word_parts,
)

_ADDRESSING_RE = re.compile(r"^\s*(?:/ask(?:@\w+)?\b|@\w+[\s,:]*)+", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
# <b>, </i>, <a href="…">: markup pasted with a question, never a word of it
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
SUBJECT_PRONOUNS = frozenset("i you we they he she it".split())
# "What's it called?", and as chats type it, "whats it called"
_WH_IS_RE = re.compile(
    r"\b(?:(what|who|where|when|how|which)['’]s|(what|who|where|when|how)s)\b", re.IGNORECASE
)
_IN_CHARGE_RE = re.compile(r"\b(is|are|was|were|will be) in charge of\b", re.IGNORECASE)
_LEADS = {"is": "leads", "are": "lead", "was": "led", "were": "led", "will be": "will lead"}
_NAMING_RE = re.compile(
    r"\bwhat (is|was|are|were) (the |its |their |his |her )?(\w+ )?names?\b|"
    r"\bwhat (is|was|are|were) .* called\b|\bwhat .* names? (of|for)\b|"
    r"\bwhat (is|was|are|were) .* names?$"
)
_POSSESSIVE_RE = re.compile(r"\w['’]s\s+\w|s['’]\s+\w")
_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}

DATE_NOUNS = frozenset(
    "year years date day days time times hours month months century centuries decade era "
    "week period".split()
)
PLACE_NOUNS = frozenset(
    "city cities country countries place places town towns capital region area nation "
    "nations location venue site continent state province village".split()
)
PROPORTION_NOUNS = frozenset(
    "proportion proportions percentage percentages share fraction ratio rate".split()
)
# A keyword query names the kind of answer it wants: "pipe length", "ticket price".
KEYWORD_TYPES = {
    **dict.fromkeys("length distance size height width depth duration".split(), "duration"),
    **dict.fromkeys("cost price fee fees budget".split(), "amount"),
    **dict.fromkeys("date".split(), "date"),
    **dict.fromkeys("location venue address".split(), "place"),
}
SCORE_NOUNS = frozenset("score final full-time half-time".split())
KIND_NOUNS = frozenset("kind kinds type types sort sorts form forms".split())
ANSWER_TYPE_NOUNS = DATE_NOUNS | PLACE_NOUNS | PROPORTION_NOUNS | frozenset("person".split())
AUXILIARIES = frozenset("did does do will would has have had is was are were can could".split())
TIME_UNITS = frozenset(
    "time seconds minutes hours days weeks months years decades centuries".split()
)
CURRENCY_NOUNS = frozenset("pounds dollars euros yen francs money cash".split())
# Words by which "how much …?" asks for a sum of money
MONEY_WORDS = CURRENCY_NOUNS | frozenset(
    "cost costs costing pay pays paid paying raise raises raised raising spend spends spent "
    "spending price priced fine fined fee fees fund funding funded grant budget salary wage "
    "wages worth invest invested investment compensation charge charged sell sold sale "
    "earn earned earns owe owed owes donate donated borrow borrowed lend lent bill".split()
)
# A change, which may be a share as well as a sum: "price rise" may be "6.9%"
CHANGE_WORDS = frozenset(
    "rise rises rose risen increase increased increases fall falls fell drop dropped "
    "cut cuts hike hikes higher lower cheaper dearer up down".split()
)
# "How tall …?" asks for a measure, not for any number
_MEASURE_QUESTION_RE = re.compile(r"\bhow (?:tall|high|deep|wide|heavy)\b")
YES_NO_STARTS = frozenset(
    "is are was were do does did will would can could has have had should shall may".split()
)


class AnswerType(enum.Enum):
    PERSON = "person"
    DATE = "date"
    PLACE = "place"
    NUMBER = "number"
    AMOUNT = "amount"
    DURATION = "duration"
    FREQUENCY = "frequency"
    AGE = "age"
    SCORE = "score"
    NAME = "name"
    PROPORTION = "proportion"
    REASON = "reason"
    MANNER = "manner"
    YES_NO = "yes/no"
    DEFINITION = "definition"
    THING = "thing"


@dataclass(frozen=True)
class Question:
    """A cleaned question, its words and the kind of answer it wants."""

    raw: str
    text: str
    tokens: tuple[Token, ...]
    answer_type: AnswerType
    negated: bool
    subject: str | None = None
    content_words: tuple[str, ...] = ()
    focus: str | None = None
    subject_head: str | None = None
    past: bool | None = None
    clock_time: bool = False  # "What time …?": a time of day, not a date
    measure: bool = False  # "How tall is the dam?": a height, not the year it was built
    money: bool = False  # "How much did residents raise?": a sum of money, not "three decades"
    # the person "she" or "he" stands for, when a conversation's context says (an entity id)
    referent: int | None = None


def clean_question(raw: str) -> str:
    """Return `raw` without a leading /ask or @botname, HTML tags, invisible characters or
    extra spaces."""
    text = _TAG_RE.sub(" ", unicodedata.normalize("NFKC", raw))
    text = "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE or c in "\n\t")
    text = _ADDRESSING_RE.sub("", text)
    text = _WH_IS_RE.sub(lambda m: f"{m[1] or m[2]} is", text)  # "What is it called?"
    text = _IN_CHARGE_RE.sub(lambda m: _LEADS[m[1].lower()], text)  # "is in charge of" leads
    return _SPACE_RE.sub(" ", text).strip()


def analyse(raw: str) -> Question:
    """Return the analysed form of the question `raw`."""
    text = _fix_question_word(clean_question(raw))
    tokens = tuple(tokenize(text))
    words = [t.folded for t in tokens]
    negated = any(w in NEGATIONS or w.endswith("n't") for w in words)
    answer_type, subject = _answer_type(words)
    if subject is not None and words[0] == "who" and _POSSESSIVE_RE.search(text):
        # "Who was Kaidu's grandfather?" asks for a relative, not who Kaidu is.
        answer_type, subject = AnswerType.PERSON, None
    return Question(
        raw,
        text,
        tokens,
        answer_type,
        negated,
        subject,
        _content_words(tokens),
        _focus(words),
        _subject_head(words),
        _asks_about_past(words),
        answer_type is AnswerType.DATE and _asks_clock_time(words),
        measure=bool(_MEASURE_QUESTION_RE.search(" ".join(words))),
        money=answer_type is AnswerType.AMOUNT
        and bool(MONEY_WORDS.intersection(words))
        and not CHANGE_WORDS.intersection(words),
    )


def _fix_question_word(text: str) -> str:
    """Return `text` with a misspelt first question word put right ("wher will …"), and the
    word after "how" ("how oftn")."""
    first, _, rest = text.partition(" ")
    fixed = _fix_word(first, QUESTION_WORDS)
    if fixed.lower() == "how" and rest:
        second, _, after = rest.partition(" ")
        rest = f"{_fix_word(second, HOW_WORDS)} {after}".rstrip()
    return f"{fixed} {rest}" if rest else text


def _fix_word(written: str, words: frozenset[str]) -> str:
    """Return `written`, or the one of `words` it misspells."""
    word = written.lower()
    if word in words or is_english_word(word):
        return written
    match = process.extractOne(word, sorted(words), scorer=fuzz.ratio, score_cutoff=80)
    return written if match is None else str(match[0])


def _asks_about_past(words: list[str]) -> bool | None:
    """Return True for "when did …", False for "when will …", None when it can't tell."""
    for word in words[:4]:
        if word in ("did", "was", "were", "had"):
            return True
        if word in ("will", "is", "are", "does", "do", "can", "would"):
            return False
    return None


def _subject_head(words: list[str]) -> str | None:
    """Return the head of the subject in "what did the Ukrainian government say …"."""
    if len(words) < 4 or words[0] not in QUESTION_WORDS or words[1] not in AUXILIARIES:
        return None
    if words[2] in SUBJECT_PRONOUNS:
        return None  # "how do I change a tyre": the subject is "I", not "change"
    head = None
    for position, word in enumerate(words[2:], start=2):
        if word in STOPWORDS:
            if head is None:
                continue
            break
        after = words[position + 1] if position + 1 < len(words) else ""
        noun_before_verb = can_be_noun(word) and after not in STOPWORDS and can_be_verb(after)
        if head is not None and can_be_verb(word) and not noun_before_verb:
            break  # "the old mill shut down": "mill" is the head, "shut" the verb
        head = word
    if head is not None and words[2] == head and words[3:4] and words[3] in PREPOSITIONS:
        return None  # "what is wrong with the labs": "wrong" is said of the subject
    return head


def _focus(words: list[str]) -> str | None:
    """Return the noun a "which X" / "what X" question asks to name ("which union")."""
    for i, wh in enumerate(words[:-1]):
        if wh not in ("which", "what"):
            continue
        if words[i + 1] in NUMBER_WORDS and i + 2 < len(words):
            i += 1  # "which two countries"
        noun = words[i + 1]
        if noun in KIND_NOUNS and words[i + 2 : i + 3] == ["of"]:
            return words[i + 3] if i + 3 < len(words) else None
        if noun not in STOPWORDS and noun not in ANSWER_TYPE_NOUNS:
            return head_noun(words[i + 1 :])
    return None


def head_noun(words: list[str]) -> str:
    """Return the last noun of the phrase opening `words` ("Khitan leader defected" → leader)."""
    head = words[0]
    for word in words[1:]:
        if word in STOPWORDS or (can_be_verb(word) and not can_be_noun(word)):
            break
        head = word
    return head


def _content_words(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """Return the folded content words (and parts of hyphenated words) of a question.

    Question words are left out, and so are the words that only name the kind of
    answer wanted ("how many", "in which city", "what year").
    """
    words = []
    previous = before_previous = ""
    folded = [t.folded for t in tokens]
    keyword_query = not QUESTION_WORDS.intersection(folded)
    naming = bool(_NAMING_RE.search(" ".join(folded)))
    opening_hours = _asks_opening_hours(folded)
    scoring = "score" in folded
    for token in tokens:
        word = token.folded
        if previous in ("what", "which") and word in NUMBER_WORDS:
            continue  # "which two countries": the number counts the answers
        names_answer_type = (
            (keyword_query and word in KEYWORD_TYPES)
            or (word == "hours" and opening_hours)
            or (word in ("name", "names", "called") and naming)
            or (word in SCORE_NOUNS and scoring)
            or (previous == "how" and word in HOW_WORDS)
            or (before_previous == "how" and previous == "much" and word in CURRENCY_NOUNS)
            or (previous in ("what", "which") and word in ANSWER_TYPE_NOUNS)
            or (previous in ("what", "which") and word in KIND_NOUNS)
        )
        before_previous, previous = previous, word
        if names_answer_type or word in CONTENT_STOPWORDS:
            continue  # and "won't" is not "won"
        for part in word_parts(word):
            if part not in CONTENT_STOPWORDS and part not in QUESTION_WORDS:
                words.append(part)
    return tuple(words)


def _answer_type(words: list[str]) -> tuple[AnswerType, str | None]:
    """Return the expected answer type and, for "who/what is X", the X."""
    if not words:
        return AnswerType.THING, None
    joined = " ".join(words)
    first = words[0]
    counting = re.search(r"\bhow (many|much)\b", joined)
    if counting:
        after = joined[counting.end() :].split()
        counted = after[0] if after else ""
        if counted in TIME_UNITS:
            return AnswerType.DURATION, None
        if counting.group(1) == "much" or counted in CURRENCY_NOUNS:
            return AnswerType.AMOUNT, None
        return AnswerType.NUMBER, None
    if re.search(r"\bhow often\b", joined):
        return AnswerType.FREQUENCY, None
    if re.search(r"\bhow old\b", joined):
        return AnswerType.AGE, None
    if re.search(r"\bhow (long|far|soon)\b", joined):
        return AnswerType.DURATION, None
    if re.search(r"\bhow (big|large|high|tall|deep|wide|heavy)\b", joined):
        return AnswerType.NUMBER, None  # a size: "85,000 square feet", "1,140 pupils"
    if re.search(r"\b(what|which) (was|is|were) the (final |full-time |half-time )?score", joined):
        return AnswerType.SCORE, None
    if re.search(r"\b(what|which) (" + "|".join(sorted(PROPORTION_NOUNS)) + r") of\b", joined):
        return AnswerType.PROPORTION, None
    if first in YES_NO_STARTS:
        return AnswerType.YES_NO, None  # "Is support lower among people who live …?"
    # the first question word is the one asked: "Who took over when he retired?" asks who
    asked_first = next((w for w in words if w in QUESTION_WORDS), None)
    if asked_first == "when" or re.search(
        r"\b(what|which|in what|in which) "
        r"(year|date|day|time|times|hours|month|century|decade|era|period)\b",
        joined,
    ):
        return AnswerType.DATE, None
    if asked_first == "where" or _asks_for_place(words):
        return AnswerType.PLACE, None
    if asked_first == "why":
        return AnswerType.REASON, None
    if _NAMING_RE.search(joined):
        return AnswerType.NAME, None
    if re.search(r"\bwho\b|\bwhom\b|\bwhose\b", joined):
        subject = _is_subject(words, ("who",))
        return (AnswerType.DEFINITION if subject else AnswerType.PERSON), subject
    if re.search(r"\bhow\b", joined):
        return AnswerType.MANNER, None
    subject = _occupation_of(joined) or _is_subject(words, ("what",))
    if subject:
        return AnswerType.DEFINITION, subject
    if not QUESTION_WORDS & set(words):
        if _asks_opening_hours(words):
            return AnswerType.DATE, None
        for word in words:
            if word in KEYWORD_TYPES:
                return AnswerType(KEYWORD_TYPES[word]), None
    return AnswerType.THING, None


def _asks_clock_time(words: list[str]) -> bool:
    """Return True for "What time …?", "At what time …?", "What hours …?" and the keyword
    query "tapir house opening hours"."""
    if _asks_opening_hours(words):
        return True
    asked = words[1:3] if words[:1] == ["at"] else words[:2]
    return asked[:1] == ["what"] and asked[1:2] in (["time"], ["times"], ["hours"])


def _asks_opening_hours(words: list[str]) -> bool:
    """Return True for the keyword query "tapir house opening hours", which asks for clock
    times, but not for "compensation 48 hours"."""
    if QUESTION_WORDS.intersection(words) or "hours" not in words:
        return False
    position = words.index("hours")
    return not (position and words[position - 1][:1].isdigit())


def _asks_for_place(words: list[str]) -> bool:
    """Return True for "which city …" but not for "which state policies …"."""
    for i, word in enumerate(words[:-1]):
        if words[i + 1] in NUMBER_WORDS and i + 2 < len(words):
            i += 1  # "which two countries"
        if word in ("what", "which") and words[i + 1] in PLACE_NOUNS:
            following = words[i + 2] if i + 2 < len(words) else ""
            return not is_noun_only(following)
    return False


def _occupation_of(joined: str) -> str | None:
    """Return X for "what does X do (for a living)?" or "what is X's job?": who X is."""
    m = re.fullmatch(r"what (?:does|do) (.+?) do(?: for (?:a living|work))?", joined)
    m = m or re.fullmatch(r"what did (.+?) do for (?:a living|work)", joined)
    m = m or re.fullmatch(r"what (?:is|was) (.+?) (?:job|occupation|profession)", joined)
    if m is None:
        return None
    person = _without_honorific(m.group(1).split())
    if len(person) > 4 or STOPWORDS.intersection(person):
        return None
    return " ".join(person)


def _without_honorific(words: list[str]) -> list[str]:
    """Return a name's words without its "Mr", "Dr": "who is Mr Lloyd" asks who Lloyd is."""
    return words[1:] if len(words) > 1 and words[0] in HONORIFIC_WORDS else words


def _is_subject(words: list[str], wh: tuple[str, ...]) -> str | None:
    """Return X for "who is X" / "what is the X" questions, else None."""
    if len(words) >= 3 and words[0] in wh and words[1] in ("is", "are", "was", "were"):
        rest = _without_honorific([w for w in words[2:] if w not in ("a", "an", "the")])
        if words[2].endswith("ing") and words[3:4] and words[3] in DETERMINERS:
            return None  # "who is heading the group" asks who does it
        if rest and all(w not in STOPWORDS for w in rest) and len(rest) <= 6:
            return " ".join(rest)
    return None
