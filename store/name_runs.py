"""Runs of capitalised words in a sentence: the stretches of text examined as possible names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.sentences import Span
from store.wordlists import DOTTED_TITLES, ORG_HEADS, PARTICLES

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class Token:
    text: str
    start: int
    end: int
    possessive: bool


@dataclass
class NameRun:
    """A run of capitalised words inside one sentence."""

    span: Span
    tokens: list[Token]
    initial: bool  # starts the sentence

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def _tokens(span: Span, paragraph: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(span.text):
        text = m.group(0)
        possessive = False
        for suffix in ("'s", "’s"):
            if text.endswith(suffix) and len(text) > 2:
                text, possessive = text[: -len(suffix)], True
        while text and text[-1] in "'’-":
            text, possessive = text[:-1], possessive or text[-1] in "'’"
        if not text:
            continue
        start = span.start + m.start()
        out.append(Token(text, start, start + len(text), possessive))
    return out


def _joins_organisation(tokens: list[Token], k: int, paragraph: str) -> bool:
    """Return True when the capitalised words from `k` on end an organisation's name."""
    while k < len(tokens) and is_cap(tokens[k].text):
        if tokens[k].text in ORG_HEADS:
            return True
        if k + 1 < len(tokens) and paragraph[tokens[k].end : tokens[k + 1].start] != " ":
            return False
        k += 1
    return False


def _saints(run: list[Token]) -> bool:
    """Return True for "St Aidan's" or "King's": a possessive that goes on naming a place
    ("St Aidan's Hospice", "King's College"), not an owner ("Acme's board")."""
    return (len(run) == 2 and run[0].text in ("St", "Saint")) or (
        len(run) == 1 and run[0].text in ("King", "Queen")
    )


def _names_its_owners(token: Token, following: Token) -> bool:
    """Return True for "Magistrates’" before "Court" or "Supporters’" before "Trust": a
    plural possessive inside an organisation's name."""
    return token.text.endswith("s") and following.text in ORG_HEADS


def name_runs(span: Span, paragraph: str) -> list[NameRun]:
    tokens = _tokens(span, paragraph)
    seqs: list[NameRun] = []
    i = 0
    first_word_at = span.start + (len(span.text) - len(span.text.lstrip("\"“‘'([")))
    while i < len(tokens):
        tok = tokens[i]
        if not is_cap(tok.text):
            i += 1
            continue
        run = [tok]
        j = i + 1
        while j < len(tokens) and (
            not run[-1].possessive or _saints(run) or _names_its_owners(run[-1], tokens[j])
        ):
            prev, nxt = run[-1], tokens[j]
            gap = paragraph[prev.end : nxt.start]
            if prev.possessive:
                gap = gap.removeprefix("'s").removeprefix("’s").removeprefix("'").removeprefix("’")
            is_initial = len(prev.text) == 1 and gap in {". ", "."}
            is_initial = is_initial or (prev.text in DOTTED_TITLES and gap == ". ")
            if is_cap(nxt.text) and (gap == " " or gap == " & " or is_initial):
                run.append(nxt)
                j += 1
                continue
            if (
                (nxt.text in PARTICLES or nxt.text in ("of", "for"))
                and gap == " "
                and j + 1 < len(tokens)
                and is_cap(tokens[j + 1].text)
                and paragraph[nxt.end : tokens[j + 1].start] == " "
            ):
                run.extend([nxt, tokens[j + 1]])
                j += 2
                continue
            if nxt.text == "and" and gap == " " and _joins_organisation(tokens, j + 1, paragraph):
                # "Eastvale Fire and Rescue Service", not "Smith and Jones"
                run.append(nxt)
                j += 1
                continue
            if (
                nxt.text == "of"
                and gap == " "
                and j + 2 < len(tokens)
                and tokens[j + 1].text == "the"
                and is_cap(tokens[j + 2].text)
                and paragraph[nxt.end : tokens[j + 2].start] == " the "
            ):
                run.extend(tokens[j : j + 3])
                j += 3
                continue
            break
        seqs.append(NameRun(span, run, initial=tok.start == first_word_at))
        i = j
    return seqs
