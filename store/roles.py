"""Find the role a text gives a person next to their name: "minister X", "X, the chief of Y"."""

from __future__ import annotations

import re

from store.sentences import Span
from store.wordlists import (
    CAP_STOP,
    DETERMINERS,
    HUMAN_VERBS,
    ORG_DESCRIPTORS,
    ROLE_NOUNS,
    TITLE_WORDS,
)


def role_before(paragraph: str, pos: int, span: Span) -> str | None:
    """A lower-case role phrase ending right before `pos`: "German defence minister"."""
    text = paragraph[span.start : pos]
    if not text.endswith(" "):
        return None
    words = text.rstrip().split(" ")
    if not words or not words[-1]:
        return None
    head = words[-1]
    if not (head.lower() in ROLE_NOUNS or head.lower() in ORG_DESCRIPTORS):
        return None
    if head[:1].isupper() and head not in TITLE_WORDS and head.lower() not in ROLE_NOUNS:
        return None
    if len(words) > 1 and words[-2].lower() in ("who", "which", "that"):
        return None  # "who chairs Ashcombe's partnership": a verb, not a role
    taken = [head]
    for w in reversed(words[:-1]):
        bare = w.rstrip(",;:")
        if bare != w or not bare or bare.lower() in DETERMINERS or bare in CAP_STOP:
            break
        if bare.lower() in _STOP_LOWER or not re.fullmatch(r"[\w'’-]+", bare):
            break
        if bare.endswith(("ed", "ing")) and bare.islower() and bare not in {"acting"}:
            break
        taken.insert(0, bare)
        if len(taken) >= 5:
            break
    return " ".join(taken)


_STOP_LOWER = frozenset(w.lower() for w in CAP_STOP) | {
    "and",
    "or",
    "with",
    "said",
    "says",
    "told",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "by",
    "as",
    # prepositions: "a low shot past Vale goalkeeper Piotr Zielinski"
    *"past to into onto against through after before than near beside behind at for in on "
    "from via like".split(),
}


# ", 54," after a name: an age, as news reports give for people (never for places or firms).
_AGE = re.compile(r",\s+(?:[1-9]|[1-9]\d|1[01]\d)(?=,\s+(?!and\b|or\b)[a-z])")
_APPOSED = re.compile(  # "for 1,200 homes" does not end the apposition
    r",\s+((?:[^,;:()\"“”]|(?<=\d),(?=\d{3})){2,120}?)\s*(?=,(?!\d{3})|[;.!?]|$)"
    # or up to a "who" clause running on without a comma: "34, a nurse from Leeds who had …"
    r"|,\s+((?:an?|the)\s[^,;:()\"“”]{2,80}?)(?=\s+who\s)"
)
_ROLE_PREPS = frozenset(
    "of for at in on from with to within across behind inside under over".split()
)
_POSS_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_CLAUSE_WORDS = frozenset(
    "who whom whose which that when where while because but if than said says told".split()
)
# Participles that are part of a role ("retired teacher", "acting head", "managing director").
_PARTICIPLE_OK = frozenset(
    """retired elected appointed acting leading managing governing founding presiding serving
    sitting visiting qualified trained registered unnamed outgoing incoming ruling reigning
    consulting practising practicing supervising commanding planning marketing nursing
    engineering accounting housing training licensing operating purchasing publishing
    fundraising campaigning teaching safeguarding policing""".split()
)


_ORDINALS = frozenset({"first", "second", "third"})


def _verbish(word: str) -> bool:
    low = word.lower()
    if low in HUMAN_VERBS or low in _CLAUSE_WORDS:
        return True
    return word.islower() and low.endswith(("ed", "ing")) and low not in _PARTICIPLE_OK


def _is_role_head(word: str) -> bool:
    low = word.lower().rstrip(".")
    if low not in ROLE_NOUNS or low in {"residents", "chairs"}:
        return False
    return not (low.endswith("s") and low[:-1] in ROLE_NOUNS)


def _role_phrase(text: str, *, keep_the: bool) -> str | None:
    """A role such as "regional organiser for the union" or "Acme's chief executive".

    The phrase must be noun modifiers ending in a role noun, optionally followed by a
    prepositional complement ("of X", "for Y at Z"); a relative clause or participle ends
    the complement. A leading "a"/"an" or possessive pronoun is dropped, and "the" unless
    `keep_the` (appositions after a name keep it: "the chief executive of the port").
    """
    words = text.split()
    if not words:
        return None
    lead = words[0].lower()
    if lead in {"a", "an"} or lead in _POSS_PRONOUNS or (lead == "the" and not keep_the):
        words = words[1:]
    body = 1 if words and words[0].lower() == "the" else 0
    prep = next((i for i in range(body, len(words)) if words[i] in _ROLE_PREPS), len(words))
    pre, comp = words[body:prep], words[prep:]
    if not 1 <= len(pre) <= 6 or not _is_role_head(pre[-1]):
        return None
    for k, w in enumerate(pre[:-1]):
        if not re.fullmatch(r"[\w'’.&-]+", w):
            return None
        if w in {"and", "&"} and k > 0:
            continue
        if w.lower() in _ORDINALS:  # "first minister", "second officer"
            continue
        if w in CAP_STOP or w.lower() in DETERMINERS or w.lower() in _STOP_LOWER:
            return None
        if _verbish(w):
            return None
    kept: list[str] = []
    for w in comp:
        after_prep = bool(kept) and (kept[-1] in _ROLE_PREPS or kept[-1].lower() in DETERMINERS)
        if not re.fullmatch(r"[\w'’.&-]+", w) or w.lower() in _CLAUSE_WORDS:
            break
        if _verbish(w) and not after_prep:  # "head of nursing" but not "GP based in X"
            break
        kept.append(w)
    while kept and (kept[-1] in _ROLE_PREPS or kept[-1].lower() in DETERMINERS | {"and"}):
        kept.pop()
    if len(kept) > 10:
        return None
    return " ".join(words[:prep] + kept)


def age_after(paragraph: str, end: int, span: Span) -> re.Match[str] | None:
    return _AGE.match(paragraph, end, span.end)


def after_apposition(paragraph: str, end: int, span: Span) -> tuple[str | None, str | None]:
    """(role, description) from ", the Y of Z," or ", who chairs ...," after a name.

    An age first (", 54, a teacher from Leeds,") is skipped. "a"/"an" is dropped from the
    role ("a GP on Skye" gives "GP on Skye"); "the" is kept ("the chief executive of X").
    """
    age = age_after(paragraph, end, span)
    rest = paragraph[age.end() if age else end : span.end]
    m = _APPOSED.match(rest)
    if not m:
        return None, None
    phrase = (m.group(1) or m.group(2)).strip()
    if phrase.startswith("who "):
        if 3 <= len(phrase) <= 90:
            return None, phrase
        return None, None
    description: str | None = None
    who = re.search(r"\s+who\s+", phrase)
    if who:
        description = phrase[who.start() :].strip()
        phrase = phrase[: who.start()]
        if len(description) > 90:
            description = None
    role = _role_phrase(phrase, keep_the=True)
    words = phrase.split()
    if role is None and len(words) > 1 and words[0] in {"the", "a", "an"} and len(phrase) <= 90:
        # Any short noun phrase with an article: "a GP on Saltmarsh Island".
        verbish = any(w.endswith("ed") and w.islower() for w in words[2:])
        listed = words[1][:1].isupper() and "and" in words  # "Dubai, the Maldives and Florida"
        clause = bool(_CLAUSE_VERBS.intersection(words))  # "in Wakefield, the court heard"
        place = words[1].lower() in _PLACE_KINDS  # "Cradley Wood, an area of oak woodland"
        if (
            len(words) <= 10
            and not (verbish or listed or clause or place)
            and not any(_verbish(w) for w in words)
        ):
            role = " ".join(words[1:]) if words[0] != "the" else phrase
    if role is None:
        return None, None
    return role, description


_PLACE_KINDS = frozenset(
    """area village town city region district suburb estate woodland wood forest park site
    island valley hill river lake street road neighbourhood neighborhood county parish
    borough hamlet stretch beach bay coast""".split()
)
_CLAUSE_VERBS = frozenset(
    "heard said says told added found was is were are has have had will would".split()
)
_ROLE_CHUNK_BREAK = re.compile(r"[,;:()\"“”—–]")
# Words that make what precedes ", Name," an introductory phrase, not an apposition.
_INTRO_WORDS = frozenset(
    """in at to after before for with from on during as like unlike under over about
    against into onto towards toward without despite since until""".split()
)


_COURT_ROLES = {
    "prosecuting": "prosecutor",
    "defending": "defence counsel",
    "mitigating": "defence counsel",
}


def court_role(paragraph: str, start: int, span: Span) -> str | None:
    """Court reports: "Prosecuting, Sarah Keene said ..." (a British convention)."""
    m = re.fullmatch(r"\s*[\"“]?(\w+),\s+", paragraph[span.start : start])
    return _COURT_ROLES.get(m.group(1).lower()) if m else None


def role_before_comma(paragraph: str, start: int, end: int, span: Span) -> str | None:
    """ "Tidewater's operations director, Gareth Lyle, told ...": the role before a name."""
    head = paragraph[span.start : start]
    if not head.endswith(", ") or not re.match(r"\s*(?:,|[.!?;:]|$)", paragraph[end : span.end]):
        return None
    chunk = head[:-2]
    breaks = list(_ROLE_CHUNK_BREAK.finditer(chunk))
    words = chunk[breaks[-1].end() if breaks else 0 :].split()
    if [w.lower() for w in words[:2]] == ["according", "to"]:
        words = words[2:]
    # The longest tail of the clause that is a role phrase; one after a preposition is the
    # object of an introductory phrase ("In a letter to the chief executive, X said").
    for i in range(max(0, len(words) - 12), len(words)):
        role = _role_phrase(" ".join(words[i:]), keep_the=False)
        if role is None:
            continue
        if any(w.lower() in _INTRO_WORDS for w in words[:i]):
            return None
        return role
    return None
