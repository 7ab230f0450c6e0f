"""Per-sentence facts: numbers, amounts, dates and places, as verbatim strings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from store.wordlists import CAP_STOP, DEMONYMS

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?:{_DIGITS}|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))*)"
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "twenty-first|twenty-second"
)
_UNITS = (
    "mile|kilometre|kilometer|km|metre|meter|foot|feet|inch|yard|hour|minute|second|day|"
    "week|month|year|decade|kg|kilogram|gram|tonne|ton|pound|litre|liter|gallon|acre|hectare|"
    "mph|degree|storey|seat|bed|megawatt|MW|GW|mile-long"
)

_COUNT_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|dozen"
)
NUMBER = re.compile(
    rf"(?<![\w.,:])(?:{_DIGITS})(?![\w]|\.\d)"
    rf"|\b(?!one\b)(?:{_COUNT_WORDS})\b"
    # "one" that counts nothing is no number: "one of my deputies", "no one", "one day"
    r"|(?<!\bno )(?<!\bany )(?<!\bevery )(?<!\bthe )\bone\b(?! of\b| another\b| day\b)",
    re.I,
)
AMOUNT = re.compile(
    rf"[£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k|thousand)\b)?"
    rf"|\b\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)"
    rf"|\b\d[\d,]*(?:\.\d+)?\s(?:pounds|dollars|euros|pence|yuan|yen|rupees)\b"
    rf"|\b{_NUM}(?:-|\s)(?:{_UNITS})s?\b(?:\s(?:a|an|per)\s(?:hour|day|week|month|year))?",
    re.I,
)
DATE = re.compile(
    rf"\b{_ORD}\s?(?:to|-|–|and)\s?{_ORD}\s(?:{_MONTHS})\b(?:,?\s\d{{4}})?"
    rf"|\b{_ORD}\s(?:{_MONTHS})\b(?:,?\s\d{{4}})?"
    rf"|\b(?:{_MONTHS})\s{_ORD}(?:,?\s\d{{4}})?\b"
    rf"|\b(?:{_MONTHS})\s\d{{4}}\b"
    rf"|\b(?:(?:last|next|this|every)\s)?(?:{_DAYS})s?\b"
    rf"|\b(?:(?:earlier|later)\s)?(?:last|next|this)\s(?:week|weekend|month|year|spring|"
    rf"summer|autumn|winter|morning|afternoon|evening|night|decade|century)\b"
    rf"|\b(?:today|yesterday|tomorrow|tonight)\b"
    rf"|\b(?:(?:{_ORD}|{_ORDINAL_WORDS})(?:\sand\s|\sto\s|-|–))?(?:{_ORD}|{_ORDINAL_WORDS})"
    rf"\scentur(?:y|ies)\b(?:\s(?:BC|BCE|AD|CE)\b)?"
    rf"|\b(?:\d{{2}})?\d0s\b"
    rf"|(?:(?<=\bin )|(?<=\bon )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\bfrom )"
    rf"|(?<=\bduring )|(?<=\bbefore )|(?<=\bafter ))(?:{_MONTHS})\b",
)
_DATE_HINTS = tuple(
    w.lower()
    for w in f"{_MONTHS}|{_DAYS}|today|yesterday|tomorrow|tonight|last|next|this|centur".split("|")
)
_DIGIT = re.compile(r"\d")


def _may_have_date(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    lowered = text.lower()
    return any(hint in lowered for hint in _DATE_HINTS)


_YEAR = re.compile(
    r"(?<![\w£$€.,:])(1\d{3}|20\d{2})(?![\w%]|[.,]\d)"
    r"(?!\s(?!was\b|has\b|is\b|as\b|its\b|this\b|his\b)[a-z]+s\b)"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _cap_sequences(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words separated by single spaces (Unicode-aware)."""
    runs: list[tuple[int, int, str]] = []
    start = end = -1
    for m in _WORD.finditer(text):
        word = m.group(0)
        if not word[0].isupper():
            if start >= 0:
                runs.append((start, end, text[start:end]))
                start = -1
            continue
        if start >= 0 and text[end : m.start()] == " ":
            end = m.end()
            continue
        if start >= 0:
            runs.append((start, end, text[start:end]))
        start, end = m.start(), m.end()
    if start >= 0:
        runs.append((start, end, text[start:end]))
    return runs


_LOCATIVE = re.compile(
    r"(?<![Aa]ccording )\b(?:in|at|from|to|into|near|across|throughout|towards|toward|around|"
    r"outside|within|via)\s+(?:the\s+)?$"
)
PLACE_HEADS = frozenset(
    """Street Road Avenue Lane Square Park Bridge River Lake Sea Ocean Mountains Mountain Hills
    Valley Island Islands Bay Gulf Coast Desert Forest City Town Village County Province
    State Region District Kingdom Republic Peninsula Strait Canal Harbour Port East West
    North South America Africa Asia Europe""".split()
)
_NOT_PLACE = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays
    Thursdays Fridays Saturdays Sundays God Heaven Christmas Easter""".split()
)
# Countries and regions (general knowledge, never article-specific).
KNOWN_PLACES = frozenset(
    """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bangladesh
    Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China
    Colombia Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Estonia Ethiopia Europe
    Finland France Georgia Germany Ghana Greece Hungary Iceland India Indonesia Iran Iraq Ireland
    Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Latvia Lebanon Libya
    Lithuania Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Myanmar
    Nepal Netherlands Nigeria Norway Pakistan Palestine Peru Philippines Poland Portugal Qatar
    Romania Russia Rwanda Scotland Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden
    Switzerland Syria Taiwan Tanzania Thailand Tunisia Turkey Uganda Ukraine UK US USA Uzbekistan
    Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia America Antarctica Arctic
    Australasia Oceania Scandinavia Balkans Caribbean London Paris Berlin Moscow Washington
    Beijing Tokyo Brussels Kyiv Kiev Rome Madrid Lisbon Dublin Edinburgh Cardiff Belfast""".split()
)


@dataclass(frozen=True)
class Facts:
    """The facts found in one sentence."""

    numbers: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.strip() for i in items if i.strip()))


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans, in text order."""
    kept: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and a < kept[-1][1]:
            continue
        kept.append((a, b))
    return kept


def find_numbers(text: str) -> tuple[str, ...]:
    """Numbers as written: "30", "2,000", "6.2", "1889", "two"."""
    return _dedupe(m.group(0) for m in NUMBER.finditer(text))


def find_amounts(text: str) -> tuple[str, ...]:
    """Money, percentages and quantities with units: "£6.2 million", "56 hours a week"."""
    spans = _non_overlapping([m.span() for m in AMOUNT.finditer(text)])
    return _dedupe(text[a:b] for a, b in spans)


def find_dates(text: str) -> tuple[str, ...]:
    """Dates, days, months, years and centuries: "3 March", "last weekend", "1271"."""
    if not _may_have_date(text):
        return ()
    spans = [m.span() for m in DATE.finditer(text)]
    money = [m.span() for m in AMOUNT.finditer(text)]
    for m in _YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in money):
            spans.append(m.span())
    return _dedupe(text[a:b] for a, b in _non_overlapping(spans))


def _clean_place(name: str) -> str:
    words = name.split()
    while words and (words[0] in CAP_STOP or words[0] == "the"):
        words.pop(0)
    return " ".join(words).removesuffix("’s").removesuffix("'s").rstrip("'’")


def _is_place_like(name: str, non_places: frozenset[str]) -> bool:
    if not name or name in non_places:
        return False
    words = name.split()
    if any(w in _NOT_PLACE or w in DEMONYMS or w in non_places for w in words):
        return False
    return not all(w in CAP_STOP for w in words)


def places_in_document(sentences: Iterable[str], non_places: frozenset[str]) -> frozenset[str]:
    """Names used as places somewhere in the document ("in Brussels", "from Kyiv")."""
    found: set[str] = set()
    for text in sentences:
        for start, _, seq in _cap_sequences(text):
            before = text[:start]
            if not _LOCATIVE.search(before):
                continue
            name = _clean_place(seq)
            if (
                before.endswith("the ")
                and name.split()[-1:]
                and name.split()[-1] not in (PLACE_HEADS)
            ):
                continue
            if _is_place_like(name, non_places):
                found.add(name)
    return frozenset(found)


def find_places(
    text: str, known: frozenset[str] = frozenset(), non_places: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Place names in one sentence: those used as places in the document, or well known."""
    out: list[str] = []
    for _, _, seq in _cap_sequences(text):
        name = _clean_place(seq)
        if name in non_places:
            continue
        candidates = [name]
        if name not in known and name not in KNOWN_PLACES:
            candidates = [_clean_place(w) for w in name.split()]
        for cand in candidates:
            if (cand in known or cand in KNOWN_PLACES) and (_is_place_like(cand, non_places)):
                out.append(cand)
    return _dedupe(out)


def sentence_facts(
    text: str, known: frozenset[str] = frozenset(), non_places: frozenset[str] = frozenset()
) -> Facts:
    """All the facts of one sentence."""
    return Facts(
        numbers=find_numbers(text),
        amounts=find_amounts(text),
        dates=find_dates(text),
        places=find_places(text, known, non_places),
    )
