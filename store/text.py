"""Text normalisation helpers shared by the ingestion pipeline."""

from __future__ import annotations

import re
import unicodedata

# Characters that are invisible and carry no meaning in a briefing, and the
# bidirectional controls that can make a title or a quote display as something else.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad"
        "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
)

# One character to one character, so offsets in folded text match the original.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def nfc(text: str) -> str:
    """Return `text` in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold curly quotes, apostrophes, dashes and odd spaces to ASCII, keeping the length."""
    return text.translate(_FOLD)


def strip_invisible(text: str) -> str:
    """Remove zero-width characters, soft hyphens and control characters (keeps \\n and \\t)."""
    return _CONTROL.sub("", text.translate(_INVISIBLE))


def collapse_whitespace(text: str) -> str:
    """Collapse runs of spaces/tabs to one space and trim each line (newlines are kept)."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def normalize(text: str) -> str:
    """NFC, unified newlines, no invisible characters, collapsed whitespace within lines."""
    text = _NEWLINES.sub("\n", nfc(text))
    return collapse_whitespace(strip_invisible(text))
