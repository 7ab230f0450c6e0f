"""Okapi BM25 over a briefing's sentences, on the stems the index already holds."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol

K1 = 1.2
B = 0.75


class _Stemmed(Protocol):
    @property
    def stems(self) -> dict[str, int]: ...


class Bm25:
    """Scores each sentence of a briefing for a bag of question stems."""

    def __init__(self, sentences: Sequence[_Stemmed]) -> None:
        self._counts = [dict(s.stems) for s in sentences]
        self._lengths = [sum(c.values()) for c in self._counts]
        count = len(self._counts)
        self._average = (sum(self._lengths) / count) if count else 1.0
        frequency: dict[str, int] = {}
        for counts in self._counts:
            for form in counts:
                frequency[form] = frequency.get(form, 0) + 1
        self._idf = {
            form: math.log(1 + (count - n + 0.5) / (n + 0.5)) for form, n in frequency.items()
        }

    def scores(self, stems: Iterable[str]) -> list[float]:
        """Return one BM25 score per sentence (0 for a sentence sharing no stem)."""
        wanted = [s for s in dict.fromkeys(stems) if s in self._idf]
        result = []
        for counts, length in zip(self._counts, self._lengths, strict=True):
            norm = K1 * (1 - B + B * length / (self._average or 1.0))
            total = 0.0
            for form in wanted:
                tf = counts.get(form, 0)
                if tf:
                    total += self._idf[form] * tf * (K1 + 1) / (tf + norm)
            result.append(total)
        return result
