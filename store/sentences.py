"""Split a briefing body into paragraphs and verbatim sentences."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A sentence located in its paragraph: `text == paragraph_text[start:end]`."""

    paragraph: int
    index: int
    start: int
    end: int
    text: str


# Titles that never end a sentence when followed by a capitalised word (case-sensitive).
_TITLES = frozenset(
    "Mr Mrs Ms Mx Dr Prof St Sr Jr Rev Revd Gen Col Capt Lt Sgt Gov Sen Rep Hon Mt Ft Fr "
    "Supt Insp Det Cllr Maj Adm Brig Cpl Pte Messrs Mme Mlle Cmdr Cdr Pres".split()
)
# Abbreviations that end a sentence only when a common sentence starter follows.
_ABBREVIATIONS = frozenset(
    "etc approx vs v cf ca c lit al fig figs no nos vol vols pp p ch ed eds trans est dept "
    "inc ltd co corp plc bros ave rd blvd jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun op repr viz resp".split()
)
# Dotted lower-case abbreviations that never end a sentence.
_NEVER_END = frozenset({"i.e", "e.g", "cf", "viz", "c.f"})
# Words that typically start a new sentence (lower-cased).
_STARTERS = frozenset(
    "the a an he she it they we i you this that these those there but and yet so in on at "
    "for his her its their our my your however meanwhile after before when while as if "
    "although though some many most both all one two three no not what who why how where "
    "later then earlier since during under over each every other such".split()
)

_TERMINATORS = ".!?…"
_CLOSERS = "\"”’'»)]"
_OPENERS = "\"“‘'«([¿¡"
_WIKI_MARK = re.compile(r"\[[^\[\]\n]{1,40}\]|:\d+(?:[-–]\d+)?(?=\s|$)")
_SPEECH_TAIL = re.compile(
    r"\s+(?:[\w’'.-]+\s+){0,4}?(?:said|says|asked|asks|added|adds|replied|shouted|cried|"
    r"exclaimed|wondered|told|tells|insisted|warned|wrote|writes)\b"
)
_NO_SPACE_BREAK = re.compile(r"[A-Z][a-z]{2,}")
_WORD_AFTER = re.compile(r"[\"“‘'«(]*([\w’'-]+)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_BLOCK_MARK = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d{1,3}[.)]\s+(?=[A-Z“\"‘']))")
_HEADING_END = re.compile(r"[.!?…:;,][\"”’')\]]*$")


def split_paragraphs(body: str) -> list[str]:
    """Each non-empty line is a paragraph (news convention); blank lines also separate.

    Markdown block marks (`# `, `- `, `1. `, `> `) are layout, not text, and go.
    """
    lines = (_BLOCK_MARK.sub("", line.strip()) for line in body.split("\n"))
    return [line.strip() for line in lines if line.strip()]


def is_heading(line: str) -> bool:
    """A line of up to 25 words with no sentence-ending punctuation, like "Yuan dynasty"
    or a news headline ("Four in ten A&E patients wait more than four hours as …")."""
    words = line.split()
    return (
        0 < len(words) <= 25
        and len(line) <= 200
        and not _HEADING_END.search(line)
        and any(ch.isalpha() for ch in line)
    )


def _matching_brackets(text: str) -> list[tuple[int, int]]:
    """Spans of balanced (...) and [...] groups."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "["}
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in ")]":
            while stack and stack[-1][0] != pairs[ch]:
                stack.pop()
            if stack:
                _, start = stack.pop()
                spans.append((start, i))
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in spans)


def _quote_depth_before(text: str, pos: int) -> bool:
    """True when `pos` is inside an open double quote."""
    open_ = False
    for ch in text[:pos]:
        if ch == "“":
            open_ = True
        elif ch == "”":
            open_ = False
        elif ch == '"':
            open_ = not open_
    return open_


def _token_before(text: str, end: int) -> str:
    """The run of non-space characters ending at `end`."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(token: str, next_word: str) -> bool:
    """Whether `token.` (the token before a period) is an abbreviation, not a sentence end."""
    core = token.lstrip("\"“‘'«([")
    if not core:
        return False
    starter = next_word.lower() in _STARTERS
    if core in _TITLES:
        return True
    if core.lower() in _NEVER_END:
        return True
    if _DOTTED.match(core):
        return core.lower() in {"i.e", "e.g"} or not starter
    if len(core) == 1 and core.isalpha() and core.isupper():
        # "J. A. Hobson": another initial follows, or a name does.
        return len(next_word) == 1 or not starter
    if core.lower() in _ABBREVIATIONS:
        return not starter
    return False


def _boundaries(text: str) -> list[int]:
    """Offsets where a new sentence starts (excluding 0)."""
    brackets = _matching_brackets(text)
    cuts: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch not in _TERMINATORS:
            i += 1
            continue
        term_start = i
        j = i + 1
        while j < n and text[j] in _TERMINATORS:
            j += 1
        closed_quote = False
        while j < n:
            if text[j] in _CLOSERS:
                if text[j] in "\"”’'»":
                    closed_quote = True
                j += 1
                continue
            m = _WIKI_MARK.match(text, j)
            if m:
                j = m.end()
                continue
            break
        i = j
        if _inside(brackets, term_start):
            continue
        if j >= n:
            break
        if not text[j].isspace():
            # "these stories.Political geographers": a missing space after a period.
            before = _token_before(text, term_start)
            if (
                ch == "."
                and j == term_start + 1
                and re.fullmatch(r"[a-z]{3,}", before)
                and _NO_SPACE_BREAK.match(text, j)
            ):
                cuts.append(j)
            continue
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            break
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        word_m = _WORD_AFTER.match(text, k)
        next_word = word_m.group(1) if word_m else ""
        if ch == "." and j == term_start + 1:
            before = _token_before(text, term_start)
            if before and _is_abbreviation(before, next_word):
                continue
        if (
            ch in "!?"
            and (closed_quote or _quote_depth_before(text, term_start))
            and _SPEECH_TAIL.match(text, j)
        ):
            continue
        cuts.append(k)
    return cuts


def sentence_offsets(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `paragraph`, trimmed of surrounding spaces."""
    cuts = [0, *_boundaries(paragraph), len(paragraph)]
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        while a < b and paragraph[a].isspace():
            a += 1
        while b > a and paragraph[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, each an exact substring of it."""
    return [paragraph[a:b] for a, b in sentence_offsets(paragraph)]


def segment(paragraphs: list[str]) -> list[Span]:
    """Number sentences: paragraphs from 1, sentences from 1 within each paragraph."""
    spans: list[Span] = []
    for p, para in enumerate(paragraphs, start=1):
        for s, (a, b) in enumerate(sentence_offsets(para), start=1):
            spans.append(Span(p, s, a, b, para[a:b]))
    return spans
