"""Find direct quotes (speech, not scare quotes) and attribute each to its speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from store.document import EntityKind, Quote
from store.entities import Entities, Mention
from store.sentences import Span
from store.text import fold
from store.wordlists import (
    DETERMINERS,
    DOTTED_TITLES,
    HONORIFICS,
    NATIONALITY_NOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
)

_OPEN = "“"
_CLOSE = "”"


def _forms(base: str) -> set[str]:
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


_IRREGULAR = {
    "said",
    "says",
    "saying",
    "say",
    "told",
    "tell",
    "tells",
    "telling",
    "wrote",
    "write",
    "writes",
    "writing",
    "written",
    "admitted",
    "admitting",
    "admit",
    "admits",
    "pointed",
    "spoke",
    "speaking",
}
_REGULAR = """add ask urge warn insist argue explain state claim suggest note declare announce
reply respond acknowledge stress emphasise emphasize predict promise vow recall remark comment
observe describe call identify conclude concede assert maintain contend tweet confirm deny
complain criticise criticize praise accuse demand plead propose recommend report reveal caution
joke quip whisper shout exclaim answer testify tell""".split()
SPEECH_VERBS = frozenset(_IRREGULAR | {f for b in _REGULAR for f in _forms(b)})
_OPENING_PRONOUN = re.compile(r"\s*(He|She)\b")
_GERUND_SUBJECT = frozenset(v for v in SPEECH_VERBS if v.endswith("ing"))

_AUX = (
    r"(?:(?:has|had|have|will|would|could|should|may|might|must|also|later|then|is|was|were|"
    r"are|be|been|being|once|previously|recently|repeatedly|publicly|privately|reportedly|"
    r"not|never|went\s+on\s+to|\w+ly)\s+){0,4}(?:(?:expected|due|set|going|likely|about|"
    r"able|understood|believed|thought|liked|likes|loved|loves|used)\s+to\s+)?"
)
_VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_TAIL_VERB_FIRST = re.compile(
    r"^[\s,.!?;—–-]*(?:" + _VERB_ALT + r")\s+(?P<subj>[^,.;:!?\"“”()]{1,80})", re.UNICODE
)
_TAIL_SUBJ_FIRST = re.compile(
    r"^[\s,.!?;—–-]*(?P<subj>[^,.;:!?\"“”()]{1,80}?)\s+" + _AUX + r"(?:" + _VERB_ALT + r")\b"
)
# `," Tom Reyes, Acme's chief executive, said.` / `," the mayor, Jane Doe, said.`
_TAIL_APPOSED = re.compile(
    r"^[\s,.!?;—–-]*(?P<subj>[^,.;:!?\"“”()]{1,80}?),\s*(?P<app>[^,;:!?\"“”()]{1,100}?),\s+"
    + _AUX
    + r"(?:"
    + _VERB_ALT
    + r")\b"
)
_CONJUNCTION = re.compile(r"(?:but|and|yet|then|or|so)(?:\s+(?:also|then|later))?", re.I)
_CLAUSE_OPENING = re.compile(r"(?:and|but|or)?\s*(?:that|which|whether|because|while)\b", re.I)
_TRAILING_APPOSED = re.compile(r",\s*([^,;:()\"“”]{1,100}?),\s*$")
# A quoted passage, closed or running to the end of the sentence.
_QUOTED_PASSAGE = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")
# `," said her son, Kevin Ashworth.`: a name in apposition after the verb's subject
_TAIL_NAMED_AFTER = re.compile(r",\s*(?P<app>[^,;:!?\"“”()]{1,80}?)[\s.!?]*$")
_TAIL_ACCORDING = re.compile(r"^[\s,]*according\s+to\s+(?P<subj>[^,.;:!?\"“”()]{1,80})")
_LEAD_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<subj>[^,.;:!?\"“”()]{1,80}),\s*$", re.I)
_VERB_IN_LEAD = re.compile(r"(?<![\w-])(" + _VERB_ALT + r")(?![\w-])")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:that|and|but|while|because|when|after|before)\b")
_CLAUSE_TEXT = r"(?:[^,]|(?<=\d),(?=\d{3}))"  # "for 1,200 homes" does not end a clause
# One or more appositions in a row after a name: ", 54, the MP for X, who raised it,"
_APPOSITIVE = re.compile(
    r"(?:,\s*(?:\d{1,3}|(?:the|a|an)\b" + _CLAUSE_TEXT + r"{0,90}?"
    r"|(?:who|which|whose)\b" + _CLAUSE_TEXT + r"{0,140}?)(?=,(?!\d{3})))+,"
)
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_DOTTED_TITLE = re.compile(r"\b(?:" + "|".join(sorted(DOTTED_TITLES)) + r")\.(?=\s+[A-Z])")


def _undot(text: str) -> str:
    """ "Mr. Smith" -> "Mr  Smith" (same length), so the stop does not end the subject."""
    return _DOTTED_TITLE.sub(lambda m: m.group(0)[:-1] + " ", text)


@dataclass
class _Raw:
    """A quote found in the text: the content pieces, one per paragraph."""

    pieces: list[tuple[int, int, int]]  # (paragraph number, start, end) of the content
    opener: int  # offset of the opening mark in the first paragraph
    closer: int | None  # offset of the closing mark in the last paragraph


def _runs(paragraph: str) -> list[tuple[int, int | None]]:
    """(open, close) offsets of double-quote marks; close is None when never closed."""
    runs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    n = len(paragraph)
    for i, ch in enumerate(paragraph):
        if ch == _OPEN or (ch == '"' and open_at is None):
            if open_at is None:
                nxt = paragraph[i + 1] if i + 1 < n else " "
                if ch == '"' and nxt.isspace() and i > 0 and not paragraph[i - 1].isspace():
                    continue  # a stray closing mark
                open_at = i
        elif ch in {_CLOSE, '"'} and open_at is not None:
            runs.append((open_at, i))
            open_at = None
    if open_at is not None:
        runs.append((open_at, None))
    return runs


def _starts_with_quote(paragraph: str) -> bool:
    return paragraph[:1] in {_OPEN, '"'}


def find_raw_quotes(paragraphs: Sequence[str], spans: Sequence[Span]) -> list[_Raw]:
    """Every double-quoted stretch, joining the newspaper multi-paragraph convention."""
    sentence_end = {(s.paragraph, s.start): s.end for s in spans}
    sentences_by_para: dict[int, list[Span]] = {}
    for s in spans:
        sentences_by_para.setdefault(s.paragraph, []).append(s)
    raws: list[_Raw] = []
    inside: set[int] = set()  # paragraphs wholly inside a multi-paragraph quote
    continued: set[int] = set()  # paragraphs whose first quote closes an earlier one
    for p, para in enumerate(paragraphs):
        if p in inside:
            continue
        runs = _runs(para)[1:] if p in continued else _runs(para)
        for a, b in runs:
            if b is not None:
                raws.append(_Raw([(p + 1, a + 1, b)], a, b))
                continue
            pieces = [(p + 1, a + 1, len(para))]
            closer: int | None = None
            q = p + 1
            while q < len(paragraphs) and _starts_with_quote(paragraphs[q]):
                first_close = _runs(paragraphs[q])[0][1]
                if first_close is None:
                    pieces.append((q + 1, 1, len(paragraphs[q])))
                    inside.add(q)
                    q += 1
                    continue
                pieces.append((q + 1, 1, first_close))
                closer = first_close
                continued.add(q)
                break
            if len(pieces) == 1 and a > 0:
                # Never closed and not continued: end at the end of its sentence.
                for s in sentences_by_para.get(p + 1, []):
                    if s.start <= a < s.end:
                        pieces = [(p + 1, a + 1, sentence_end[(s.paragraph, s.start)])]
            raws.append(_Raw(pieces, a, closer))
    return raws


def _span_at(spans: Sequence[Span], paragraph: int, offset: int) -> Span:
    best = spans[0]
    for s in spans:
        if s.paragraph == paragraph and s.start <= offset:
            best = s
        elif s.paragraph > paragraph:
            break
    return best


def _blank_quotes(text: str) -> str:
    """Replace quoted stretches with spaces (same length) so verbs inside are ignored."""
    out = list(text)
    for a, b in _runs(text):
        end = len(text) if b is None else b + 1
        for i in range(a, end):
            out[i] = " "
    return "".join(out)


def _bare_role(role: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", fold(role).lower())


class _Resolver:
    """Resolves a subject phrase or pronoun to an entity name."""

    def __init__(self, entities: Entities, spans: Sequence[Span]) -> None:
        self.entities = entities
        self.by_name = entities.by_name()
        self.spans = list(spans)
        self.order = {(s.paragraph, s.index): i for i, s in enumerate(spans)}
        self.mentions: dict[tuple[int, int], list[Mention]] = {}
        for m in entities.mentions:
            self.mentions.setdefault((m.paragraph, m.sentence), []).append(m)

    def is_person(self, name: str) -> bool:
        e = self.by_name.get(name)
        return e is not None and e.kind is EntityKind.PERSON

    def mentions_in(self, span: Span, start: int, end: int) -> list[Mention]:
        return [
            m
            for m in self.mentions.get((span.paragraph, span.index), [])
            if start <= m.start and m.end <= end
        ]

    def is_org(self, name: str) -> bool:
        e = self.by_name.get(name)
        return e is not None and e.kind is EntityKind.ORGANISATION

    def pronoun(self, span: Span, pos: int, gender: str | None) -> str | None:
        """The person "he"/"she" refers to: in the nearest sentence naming a person who fits.

        Within that sentence the one reported as speaking ("X said ...", "said X") comes
        first, then one whose gender is known to match, then the earliest mentioned.
        """
        at = self.order[(span.paragraph, span.index)]
        for i in range(at, max(-1, at - 8), -1):
            s = self.spans[i]
            ms = sorted(self.mentions.get((s.paragraph, s.index), []), key=lambda m: m.start)
            if i == at:
                ms = [m for m in ms if m.end <= pos]
            quoted = _quoted_ranges(s.text)
            persons = [
                m
                for m in ms
                if self.is_person(m.entity)
                and not self.is_modifier(s, m, ms)
                and not _inside(quoted, m.start - s.start)
            ]
            fitting = [
                m
                for m in persons
                if gender is None or self.entities.genders.get(m.entity) in {None, gender}
            ]
            if not fitting:
                continue
            para = s.text
            subject = self.subject(s, ms) if i == at else None
            ranked = sorted(
                fitting,
                key=lambda m: (
                    m is not subject,
                    not _speaks(para, m.start - s.start, m.end - s.start),
                    gender is None or self.entities.genders.get(m.entity) != gender,
                    m.start,
                ),
            )
            return ranked[0].entity
        return None

    def is_modifier(self, span: Span, m: Mention, ms: Sequence[Mention]) -> bool:
        """Whether mention `m` only modifies a role before another person's name, as
        "Vale" in "Vale boss Simon Arkwright" or "Labour" in "Labour leader Keir Starmer"."""
        for other in ms:
            if other.start <= m.end or not self.is_person(other.entity):
                continue
            gap = _MODIFIER_GAP.fullmatch(span.text, m.end - span.start, other.start - span.start)
            if gap is None:
                continue
            words = gap.group("words").lower().split()
            return bool(words) and all(w in _ROLE_WORDS for w in words)
        return False

    def subject(self, span: Span, ms: Sequence[Mention]) -> Mention | None:
        """The person who is the subject of the sentence: the first one named, not as a
        modifier, after nothing but a role, title or determiner in its clause ("Vale boss
        Simon Arkwright was furious ...", "After the game, coach Mike Durant said ...")."""
        for m in sorted(ms, key=lambda m: m.start):
            if not self.is_person(m.entity) or self.is_modifier(span, m, ms):
                continue
            if m.text.split()[0].lower() in _NOT_BEFORE_SUBJECT:
                continue  # a mention that took in the word before it: "When Mr Reyes"
            head = list(span.text[: m.start - span.start])
            for other in ms:
                if other.end <= m.start:
                    for k in range(other.start - span.start, other.end - span.start):
                        head[k] = " "
            clause = re.split(r"[,;:()—–]", "".join(head))[-1]
            words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", clause)]
            if all(_leads_subject(w) for w in words):
                return m
        return None

    def it(self, span: Span, pos: int) -> str | None:
        """The organisation "it" refers to in `"...," it said`: one reported as speaking
        in the nearest sentence that names an organisation (never a person)."""
        at = self.order[(span.paragraph, span.index)]
        for i in range(at, max(-1, at - 3), -1):
            s = self.spans[i]
            ms = sorted(self.mentions.get((s.paragraph, s.index), []), key=lambda m: m.start)
            if i == at:
                ms = [m for m in ms if m.end <= pos]
            if any(self.is_person(m.entity) for m in ms):
                return None
            orgs = [m for m in ms if self.is_org(m.entity)]
            if not orgs:
                continue
            speaking = [m for m in orgs if _speaks(s.text, m.start - s.start, m.end - s.start)]
            return speaking[-1].entity if speaking else None
        return None

    def bare_name(self, span: Span, start: int, end: int, paragraph: str) -> str | None:
        """The person if paragraph[start:end] is nothing but a mention of them, perhaps
        after a title ("Councillor Derek Amos", "Chief Inspector Jo Reid")."""
        text = paragraph[start:end].strip()
        for m in self.mentions_in(span, start, end):
            if not self.is_person(m.entity) or not text.endswith(m.text):
                continue
            title = text[: len(text) - len(m.text)].split()
            if all(_is_title_word(w) for w in title):
                return m.entity
        return None

    def phrase(self, span: Span, start: int, end: int, paragraph: str) -> str | None:
        """The entity (or a descriptive phrase) named by paragraph[start:end].

        Unnamed speakers: "a council spokesperson" gives "council spokesperson" and
        "a spokesperson for the council" gives "spokesperson for the council" (the article
        dropped); when the organisation is a known entity ("a spokesperson for Northfield
        Council") the speaker is the organisation. "a lawyer for Mr X" is not Mr X.
        """
        found = list(re.finditer(r"[\w'’-]+", paragraph[start:end]))
        words = [w.group(0) for w in found]
        if not words:
            return None
        bare = re.sub(r"^(?:the|a|an)\s+", "", fold(" ".join(words)).lower())
        # "The operations director said" after "Gareth Lyle, the operations director".
        by_role = [
            e.name
            for e in self.entities.entities
            if any(bare and _bare_role(r) == bare for r in [e.role or "", *e.aliases])
        ]
        if len(by_role) == 1:
            return by_role[0]
        if words[0].lower() == "the" and len(words) == 2:
            # "the inspector wrote" after "Lead inspector Dr Miriam Leftwich found ...".
            by_head = [
                e.name
                for e in self.entities.entities
                if e.kind is EntityKind.PERSON and bare in _bare_role(e.role or "").split()
            ]
            if len(by_head) == 1:
                return by_head[0]
        if len(words) == 2 and words[0].lower() == "the" and _describes_someone(words[1]):
            # `“…,” said the Swede` / `said the 34-year-old`: the person named before
            return self.pronoun(span, span.start, None)
        ms = self.mentions_in(span, start, end)
        behalf = _on_behalf(words)
        persons = [m for m in ms if self.is_person(m.entity)]
        if behalf is not None:
            noun_at = start + found[behalf].start()
            if not any(m.start < noun_at for m in persons):
                if not persons and ms:
                    return max(ms, key=lambda m: m.start).entity
                return re.sub(r"^(?:The|A|An|the|a|an)\s+", "", " ".join(words))
        if ms:
            return max(ms, key=lambda m: m.start).entity
        last = words[-1].lower()
        if last in _PRONOUNS:
            return self.pronoun(span, start, _PRONOUNS[last])
        if last == "it" and len(words) == 1:
            return self.it(span, start)
        if last in {"they", "we", "i", "you", "it"}:
            return None
        phrase = " ".join(words)
        if len(words) <= 6 and last in _SPEAKER_NOUNS:
            return re.sub(r"^(?:The|A|An|the|a|an)\s+", "", phrase)
        return None


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Return where the quoted passages of `text` are: a speaker is named outside them."""
    return [(m.start(), m.end()) for m in _QUOTED_PASSAGE.finditer(text)]


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in ranges)


def _describes_someone(word: str) -> bool:
    """Return True for a nationality ("Swede") or an age ("34-year-old") used as a noun."""
    return word in NATIONALITY_NOUNS or re.fullmatch(r"\d{1,3}-year-old", word) is not None


def _is_title_word(word: str) -> bool:
    bare = word.rstrip(".")
    if not word[:1].isupper():
        return False
    return bare in HONORIFICS or bare in TITLE_WORDS or bare.lower() in ROLE_NOUNS


# After a mention: `X said`, `X, the firm's chief executive, told`; before it: `said X`.
_SPEAKS_AFTER = re.compile(r"(?:,[^,;:\"“”()]{1,160},)?\s+" + _AUX + r"(?:" + _VERB_ALT + r")\b")
_SPEAKS_BEFORE = re.compile(r"\b(?:" + _VERB_ALT + r")\s+$")


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether the mention at text[start:end] is reported as speaking."""
    if _SPEAKS_AFTER.match(text, end):
        return True
    return bool(_SPEAKS_BEFORE.search(text[max(0, start - 30) : start]))


_SPEAKER_NOUNS = ROLE_NOUNS | {"spokesperson", "spokesman", "spokeswoman", "source"}
# Words of a role between a modifier and a name: "Vale boss", "Apple chief executive",
# "Labour deputy leader", "Senate Majority Leader".
_ROLE_WORDS = (
    _SPEAKER_NOUNS
    | {w.lower() for w in TITLE_WORDS}
    | {"assistant", "managing", "team", "club", "party", "press", "senior", "majority"}
    | {"minority", "interim", "joint", "first", "vice", "group", "company", "board"}
)
_MODIFIER_GAP = re.compile(r"(?:['’]s)?\s+(?P<words>(?:[\w-]+\s+){1,3})")
# Capitalised at the start of a clause, these put the name after them out of subject place.
_NOT_BEFORE_SUBJECT = frozenset(
    {"for", "of", "at", "from", "to", "with", "by", "against", "after", "before", "over"}
    | {"on", "in", "and", "or", "but", "than", "unlike", "like", "despite", "without"}
    | {"when", "as", "while", "if", "because", "although", "though", "since", "once"}
    | {"until", "where", "whereas", "whether", "that", "who", "whom", "which", "whose"}
)


def _leads_subject(word: str) -> bool:
    """Whether `word` may come before the subject in its clause: a role, title or article,
    or a capitalised word such as a modifier ("Vale boss", "Former President")."""
    lower = word.lower()
    if lower in _NOT_BEFORE_SUBJECT:
        return False
    return lower in _ROLE_WORDS or lower in {"the", "a", "an"} or word[:1].isupper()


_BEHALF = frozenset({"for", "of", "at", "from", "to", "with"})


def _on_behalf(words: list[str]) -> int | None:
    """Index of the noun in "a spokesperson for the council", "a lawyer for Mr X"; else None."""
    if len(words) > 9:
        return None
    skip = 1 if words[0].lower() in {"a", "an", "the"} else 0
    for i in range(skip, min(len(words) - 1, skip + 4)):
        if words[i].lower() in _SPEAKER_NOUNS and words[i + 1] in _BEHALF:
            return i
    return None


_TERM_WORDS = 5  # a quoted term after "the board" is short; a longer quote is speech
_TERM_BEFORE = (DETERMINERS - {"that"}) | {"so-called", "word", "term", "phrase", "his", "her"}


def _is_term(paragraph: str, opener: int, content: str) -> bool:
    """Scare quotes and quoted terms: `the “coalition of the willing”`."""
    before = re.findall(r"[\w'’-]+|[^\w\s]", paragraph[:opener])[-3:]
    lowered = [w.lower() for w in before]
    if lowered and lowered[-1] in _TERM_BEFORE:
        return True
    words = content.split()
    if len(lowered) >= 2 and lowered[-2] in _TERM_BEFORE and lowered[-1].isalpha():
        # `a new “reassurance force”`, but not `reported it to the board “as soon as …”`
        return lowered[-1] not in SPEECH_VERBS and len(words) <= _TERM_WORDS
    return len(words) <= 3 and bool(lowered) and lowered[-1] in {"as", "called", "named"}


_WORDS = r"(?:[\w'’-]+\s+)"
# A partial quote as the complement of a verb of judgement or speech, which makes even a
# quoted phrase after "the"/"a" the speaker's words: `X called the results “impressive”`,
# `X described it as “a disgrace”`, `X said the scheme was a “lifeline”`.
_GOVERNED = re.compile(
    r"(?:(?<![\w-])(?:called|calls|call|branded|brands|labelled|labeled)\s+"
    + _WORDS
    + r"{0,5}"
    + r"|\b(?:described|describes|describing|hailed|hails|dismissed|dismisses|criticised|"
    r"criticized|condemned|condemns|praised|praises|denounced|characterised|characterized|"
    r"regarded|regards|viewed|views)\s+"
    + _WORDS
    + r"{0,6}as\s+"
    + _WORDS
    + r"{0,2}"
    + r"|\b(?:"
    + _VERB_ALT
    + r")\s+(?:that\s+)?"
    + _WORDS
    + r"{1,6}(?:was|is|were|are|would\s+be|will\s+be|had\s+been|has\s+been|remained|"
    r"remains|seemed|seems)\s+(?:(?:a|an|the)\s+)?)$"
)
_TERM_MARKERS = frozenset({"so-called", "word", "term", "phrase", "dubbed", "nicknamed"})


def _governed(lead: str) -> bool:
    """Whether a quote that looks like a term is the complement of a verb of judgement."""
    if not _GOVERNED.search(lead):
        return False
    last = [w.lower() for w in re.findall(r"[\w'’-]+", lead)[-2:]]
    return not _TERM_MARKERS.intersection(last)


def _full_sentence(content: str) -> bool:
    """Whether a quote reads as a sentence: capitalised, and long or with an ending stop."""
    words = len(content.split())
    ended = content.rstrip().endswith((".", "!", "?"))
    return content[:1].isupper() and (words >= 5 or (words >= 3 and ended))


def _subject_before(text: str, verb_start: int) -> tuple[int, int]:
    """(start, end) of the subject phrase before a verb in `text`."""
    head = text[:verb_start]
    aux = re.search(r"(?:\s+" + _AUX.rstrip("?") + r")?\s*$", head)
    end = aux.start() if aux and aux.start() > 0 else len(head.rstrip())
    cleaned = _APPOSITIVE.sub(lambda m: " " * len(m.group(0)), head[:end])
    breaks = list(_CLAUSE_BREAK.finditer(cleaned))
    start = breaks[-1].end() if breaks else 0
    while start < end and cleaned[start].isspace():
        start += 1
    return start, start + len(cleaned[start:end].rstrip())


def _lead_speaker(resolver: _Resolver, span: Span, para: str, lead: str, verb: int) -> str | None:
    """The speaker named before the verb in `lead` (the sentence up to the quote)."""
    a, b = _subject_before(lead, verb)
    if a == b:
        # "Tom Reyes, Acme's chief executive, said" / "The mayor, Jane Doe, said".
        head = lead[:verb]
        m = _TRAILING_APPOSED.search(head[:b])
        if m:
            app = (span.start + m.start(1), span.start + m.end(1))
            name = resolver.bare_name(span, *app, para)
            if name is not None:
                return name
            a, b = _subject_before(lead, m.start())
        else:
            name = _clause_subject(resolver, span, lead, b)
            if name is not None:
                return name
    return resolver.phrase(span, span.start + a, span.start + b, para)


def _reported_speaker(
    resolver: _Resolver, spans: Sequence[Span], paragraphs: Sequence[str], paragraph: int
) -> str | None:
    """The person a paragraph of reported speech ends with: "She said the choice had been
    deliberate." names who speaks in the quote paragraph after it."""
    para = paragraphs[paragraph - 1]
    last = [s for s in spans if s.paragraph == paragraph][-1:]
    if not last or _OPEN in para or '"' in para:
        return None
    span = last[0]
    lead = _undot(para[span.start : span.end])
    verb = _VERB_IN_LEAD.search(lead)
    if verb is None:
        return None
    speaker = _lead_speaker(resolver, span, para, lead, verb.start())
    return speaker if speaker is not None and resolver.is_person(speaker) else None


def _clause_subject(resolver: _Resolver, span: Span, lead: str, end: int) -> str | None:
    """ "Hollis Grant, a professor ... who has tested ..., said": a person named at the start
    of the clause and followed by a comma, when the apposition is too long to skip."""
    for m in sorted(
        resolver.mentions_in(span, span.start, span.start + end), key=lambda m: m.start
    ):
        a, b = m.start - span.start, m.end - span.start
        before = lead[:a]
        if lead[b : b + 1] != "," or not resolver.is_person(m.entity):
            continue
        if not before.strip(" \"“‘'") or before.endswith(", "):
            return m.entity
        return None
    return None


def extract_quotes(
    paragraphs: Sequence[str], spans: Sequence[Span], entities: Entities
) -> list[Quote]:
    """Direct quotes that are speech, each with its speaker (None when unknown)."""
    if not spans:
        return []
    resolver = _Resolver(entities, spans)
    quotes: list[Quote] = []
    last_speaker_by_para: dict[int, str] = {}
    for raw in find_raw_quotes(paragraphs, spans):
        p_first = raw.pieces[0][0]
        para = paragraphs[p_first - 1]
        span = _span_at(spans, p_first, raw.opener)
        contents = [paragraphs[p - 1][a:b].strip() for p, a, b in raw.pieces]
        text = "\n".join(c for c in contents if c).rstrip(",;: ")
        if not text:
            continue
        multi = len(raw.pieces) > 1
        full = multi or _full_sentence(text)
        lead = _undot(_blank_quotes(para[span.start : raw.opener]))
        # A term or scare quote, unless a person's verb of judgement governs it.
        term = not multi and not full and _is_term(para, raw.opener, text)
        if term and not _governed(lead):
            continue
        speaker: str | None = None
        attributed = False

        # Attribution after the closing mark: `," Mr X said.` / `," said X.`
        p_last = raw.pieces[-1][0]
        last_para = paragraphs[p_last - 1]
        if raw.closer is not None and not term:
            end_span = _span_at(spans, p_last, raw.closer)
            tail_start = raw.closer + 1
            tail = _undot(last_para[tail_start : end_span.end])
            for pattern in (_TAIL_ACCORDING, _TAIL_VERB_FIRST, _TAIL_SUBJ_FIRST, _TAIL_APPOSED):
                m = pattern.match(tail)
                if m and _CONJUNCTION.fullmatch(m.group("subj").strip()):
                    # `“...”, but said it ...`: the verb shares the subject before the quote.
                    break
                if m and _CLAUSE_OPENING.match(m.group("subj").strip()):
                    # `had “chosen reassurance” and that officials warned her`: a new
                    # clause of the reported speech, whose subject is no speaker
                    break
                if m:
                    a = tail_start + m.start("subj")
                    b = tail_start + m.end("subj")
                    if "app" in pattern.groupindex:
                        app = (tail_start + m.start("app"), tail_start + m.end("app"))
                        speaker = resolver.bare_name(end_span, *app, last_para)
                        if speaker is None:
                            speaker = resolver.phrase(end_span, a, b, last_para)
                    else:
                        speaker = resolver.phrase(end_span, a, b, last_para)
                        named = _TAIL_NAMED_AFTER.match(tail, m.end("subj"))
                        if named and pattern is _TAIL_VERB_FIRST:
                            app = (tail_start + named.start("app"), tail_start + named.end("app"))
                            speaker = resolver.bare_name(end_span, *app, last_para) or speaker
                    attributed = True
                    break

        # Attribution before the opening mark, in the same sentence.
        if not attributed and lead.strip():
            m = _LEAD_ACCORDING.search(lead)
            verbs = list(_VERB_IN_LEAD.finditer(lead))
            if m:
                speaker = resolver.phrase(
                    span, span.start + m.start("subj"), span.start + m.end("subj"), para
                )
                attributed = True
            elif verbs:
                verb = verbs[-1]
                if verb.group(1) in _GERUND_SUBJECT:
                    ms = resolver.mentions_in(span, span.start, span.start + verb.start())
                    persons = [
                        x
                        for x in ms
                        if resolver.is_person(x.entity) and not resolver.is_modifier(span, x, ms)
                    ]
                    opening = _OPENING_PRONOUN.match(lead)
                    if persons:
                        speaker = persons[0].entity
                    elif opening:  # "He intends to keep taking the pill, adding: “…”"
                        gender = "f" if opening.group(1).lower() == "she" else "m"
                        speaker = resolver.pronoun(span, span.start, gender)
                    else:  # "The chief said the airport would review it, adding: “…”"
                        speaker = _lead_speaker(resolver, span, para, lead, verbs[0].start())
                else:
                    speaker = _lead_speaker(resolver, span, para, lead, verb.start())
                    if speaker is None and len(verbs) > 1:
                        # `X said the firm … had reported it to the board “…”`: when the last
                        # verb's subject names nobody, the quote is the reporter's, X's
                        speaker = _lead_speaker(resolver, span, para, lead, verbs[0].start())
                attributed = True

        if not attributed and full and lead.rstrip().endswith(":"):
            # `Her grandson, Noah Banda, 9, had a clear favourite: "The shoe."`
            ms = resolver.mentions_in(span, span.start, raw.opener)
            persons = [
                m
                for m in ms
                if resolver.is_person(m.entity) and not resolver.is_modifier(span, m, ms)
            ]
            if persons:
                speaker, attributed = persons[0].entity, True
        if not attributed and full:
            speaker = last_speaker_by_para.get(p_first) or (
                last_speaker_by_para.get(p_first - 1) if raw.opener == 0 else None
            )
            if speaker is None and raw.opener == 0 and p_first > 1:
                # `She said the choice had been deliberate.` then a paragraph of her words.
                speaker = _reported_speaker(resolver, spans, paragraphs, p_first - 1)
            attributed = speaker is not None
        if not attributed or (speaker is None and not full):
            continue
        if term and (speaker is None or not resolver.is_person(speaker)):
            continue
        if speaker is not None:
            last_speaker_by_para[p_last] = speaker
        quotes.append(
            Quote(
                text=text,
                speaker=speaker,
                paragraph=p_first,
                sentence=span.index,
                paragraphs=tuple(p for p, _, _ in raw.pieces),
            )
        )
    return quotes
