"""English synonyms and word families from WordNet 3.0, for question words the briefing
never uses.

The table (faq/data/synonyms.tsv.gz) is built by tools/build_synonyms.py; its
licence is in faq/data/WORDNET-LICENSE.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


@cache
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    data = files("faq").joinpath("data/synonyms.tsv.gz").read_bytes()
    table = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, part, synonyms = line.split("\t")
        table[word, part] = tuple(synonyms.split())
    return table


def synonyms(word: str, part: str | None = None) -> tuple[str, ...]:
    """Return the close synonyms of a lower-case word or two-word phrase, or ().

    `part` ("noun", "verb", "adj", "adv") keeps one part of speech: the verb
    "level" is not the noun "tier". "shut" gives close, "set up" gives found.
    """
    parts = PARTS_OF_SPEECH if part is None else (part,)
    found = [s for p in parts for s in _table().get((word, p), ())]
    return tuple(dict.fromkeys(found))


def done_again(verb: str) -> str | None:
    """Return the verb that `verb` means doing again ("rebuild" → build), or None."""
    found = _table().get((verb, "again"))
    return found[0] if found else None


def word_family(word: str) -> tuple[str, ...]:
    """Return the words WordNet derives from a lemma or it from them, and what it measures:
    "abstain" gives abstention, "deep" gives depth."""
    return _table().get((word, "family"), ())


def warm_up() -> None:
    """Read the table now rather than on the first question."""
    _table()
