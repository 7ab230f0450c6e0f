"""English synonyms from WordNet 3.0, for question words the briefing never uses.

The table (faq/data/synonyms.tsv.gz) is built by tools/build_synonyms.py; its
licence is in faq/data/WORDNET-LICENSE.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files


@cache
def _table() -> dict[str, tuple[str, ...]]:
    data = files("faq").joinpath("data/synonyms.tsv.gz").read_bytes()
    table = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, synonyms = line.partition("\t")
        table[word] = tuple(synonyms.split())
    return table


def synonyms(word: str) -> tuple[str, ...]:
    """Return the close synonyms of a lower-case word or two-word phrase, or ().

    "shut" gives close, "set up" gives found; synonyms are single words.
    """
    return _table().get(word, ())


def warm_up() -> None:
    """Read the table now rather than on the first question."""
    _table()
