"""Optional front matter (title, source, url, published) at the top of a briefing."""

from __future__ import annotations

import re

import yaml

# The keys briefbot reads (title, source, url, published), under the spellings people use.
_ALIASES = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "published_at": "published",
}
_KEY_LINE = re.compile(
    r"^\s*(" + "|".join(sorted(_ALIASES, key=len, reverse=True)) + r")\s*:\s*(.*?)\s*$",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^-{3,}\s*$")
_END_FENCE = re.compile(r"^(-{3,}|\.{3})\s*$")


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip().strip("'\"").strip()
    return text or None


def _simple_pairs(lines: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in lines:
        m = _KEY_LINE.match(line)
        if m:
            value = _clean(m.group(2))
            key = _ALIASES[m.group(1).lower()]
            if value and key not in meta:
                meta[key] = value
    return meta


def _yaml_pairs(block: str) -> dict[str, str]:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return _simple_pairs(block.split("\n"))
    if not isinstance(loaded, dict):
        return _simple_pairs(block.split("\n"))
    meta: dict[str, str] = {}
    for raw_key, raw_value in loaded.items():
        key = _ALIASES.get(str(raw_key).strip().lower())
        value = _clean(raw_value)
        if key and value and key not in meta:
            meta[key] = value
    return meta


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return (metadata, body); metadata keys are among title, source, url, published."""
    lines = text.split("\n")
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines):
        return {}, text
    if _FENCE.match(lines[first]):
        for end in range(first + 1, len(lines)):
            if _END_FENCE.match(lines[end]):
                meta = _yaml_pairs("\n".join(lines[first + 1 : end]))
                return meta, "\n".join(lines[end + 1 :])
        return {}, text
    end = first
    while end < len(lines) and _KEY_LINE.match(lines[end]):
        end += 1
    if end == first:
        return {}, text
    return _simple_pairs(lines[first:end]), "\n".join(lines[end:])
