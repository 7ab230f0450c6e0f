"""Evidence in a sentence for each kind of answer: dates, numbers, amounts, places, reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.document import Sentence
from store.wordlists import DEMONYMS

_YEAR_RE = re.compile(
    r"\b(1\d{3}|20\d{2})s?\b|\b(?:AD|CE)\s?\d{1,4}\b|\b\d{1,4}\s?(?:BC|BCE|AD|CE)\b"
)
_CLOCK_TIME = (
    r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|\b\d{1,2}[.:]\d{2}\s?(?:hrs|GMT|BST)\b"
)
_DATE_WORD_RE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|"
    r"yesterday|tomorrow|tonight|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|winter|century|centuries|"
    r"decade|ago|week|month|year|morning|evening|night|midnight|noon|midday)\b|" + _CLOCK_TIME,
    re.IGNORECASE,
)
_CLOCK_RE = re.compile(
    _CLOCK_TIME
    + r"|\b(?:midnight|noon|midday|dawn|dusk|o'clock|half past \w+|quarter (?:past|to) \w+)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|dozen|"
    r"first|second|third|fourth|fifth)\b",
    re.IGNORECASE,
)
# "one" that counts nothing: "one of my deputies", "no one", "every one of them"
_NOT_A_COUNT_RE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which) one\b|\bone (?:of|another|day)\b", re.IGNORECASE
)
_DURATION_RE = re.compile(
    r"\b(\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|several|few|many)[\s-]+(?:\w+[\s-]+)?"
    r"(second|minute|hour|day|week|fortnight|month|year|decade|century|mile|kilometre|"
    r"kilometer|km|metre|meter|foot|feet|yard)s?\b(?![-\s]old\b)",  # "nine-year-old" is an age
    re.IGNORECASE,
)
# A distance or size written short: "40ft", "3.5km", "149 metres"
_MEASURE_RE = re.compile(
    r"(?<![£$€])\b\d[\d,.]*\s?(?:ft|km|cm|mm|metres?|meters?|miles?|feet|foot|yards?)\b"
)
# A height, depth or weight: "31 metres above", "a 22ft boat", "3.5 tonnes", "12 storeys"
_SIZE_RE = re.compile(
    r"(?<![£$€])\b\d[\d,.]*(?:\s|-)?(?:ft|km|cm|mm|m|(?:centi|milli|kilo)?(?:metres?|meters?)|"
    r"miles?|feet|foot|yards?|"
    r"inch(?:es)?|kg|kilos?|kilograms?|grams?|g|tonnes?|tons?|lb|lbs|pounds|stone|"
    r"storeys?|stories|floors?)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred)[\s-](?:(?:centi|milli|kilo)?metres?|feet|foot|inch(?:es)?|"
    r"tonnes?|tons?|kilos?|stone|storeys?|floors?)\b",
    re.IGNORECASE,
)
_FREQUENCY_RE = re.compile(
    r"\b(?:every|each|per|a|an)\s+(?:\d+\s+|other\s+|few\s+)?"
    r"(?:second|minute|hour|day|night|week|fortnight|month|year|season|morning|evening|"
    r"weekday|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|\b(?:once|twice|times)\s+(?:a|an|per|every|each)\b"
    r"|\b(?:daily|weekly|fortnightly|monthly|yearly|annually|hourly|nightly)\b",
    re.IGNORECASE,
)
_PROPORTION_RE = re.compile(
    r"\d\s?%|\bper ?cent\b|\b(one|two|three|four|five|\d+) (in|out of) (every )?\w+\b|"
    r"\b(half|a third|a quarter|two-thirds|three-quarters|majority|minority)\b",
    re.IGNORECASE,
)
_AGE_RE = re.compile(
    r"[A-Z][\w’'-]+,\s\d{1,3}(?:,|\.(?!\d))|\b\d{1,3}-year-old\b|\b\d{1,3} years old\b"
    r"|\baged\s(?:between\s|about\s|around\s|over\s|under\s)?\d{1,3}\b"
    r"|\bin (?:his|her|their) (?:early |mid-?|late )?(?:\d0s|teens|twenties|thirties|forties|"
    r"fifties|sixties|seventies|eighties|nineties)\b"
)
_SCORE_RE = re.compile(
    r"(?<![\d.£$€-])\b\d{1,2}\s?[-–]\s?\d{1,2}\b(?![\d%-]|\s?(?:day|year|month))"
)
_NAMING_RE = re.compile(
    r"\b(known as|called|named|rendered as|officially|nicknamed|dubbed|titled|the name)\b|"
    r"\((?:[A-Z][a-z]+|lit\.|pinyin):",
)
_AMOUNT_RE = re.compile(
    r"[£$€¥]\s?\d|\b\d[\d,.]*\s?(%|per ?cent|million|billion|bn|m|k)\b|"
    r"\b(pounds|dollars|euros)\b",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(
    r"[£$€¥]\s?\d|\b\d[\d,.]*\s?(?:million |billion )?"
    r"(?:pounds|dollars|euros|pence|yuan|yen|rupees)\b",
    re.IGNORECASE,
)
_NAME = r"(?:the )?[A-Z][\w’'-]*(?: (?:of |on |upon )?[A-Z][\w’'-]*)*"
_LINK_RE = re.compile(rf"\bbetween {_NAME} and {_NAME}|\bfrom {_NAME} to {_NAME}")
_BUILDING_RE = re.compile(
    r"\b(?:Hospital|Infirmary|Hospice|School|Academy|College|University|Museum|Library|"
    r"Gallery|Theatre|Prison|Court|Church|Cathedral|Centre|Center|Station|Hall|Stadium|"
    r"Airport|Park)$"
)
_PLACE_RE = re.compile(
    r"\b(?:in|at|from|of|near|across|into|outside|inside|between|along|"
    r"(?:taken|moved|flown|driven|carried|sent|transferred|brought|rushed|airlifted|"
    r"evacuated|returned|travelled|traveled|went|headed|admitted)(?:\s+\w+){0,2}\s+to)"
    r"\s+(?:the\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)([A-Z][\w’'-]+)"
)
_ADDRESS_RE = re.compile(
    r"\b[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*\s(?:Street|Road|Avenue|Lane|Way|Square|Place|Drive|"
    r"Crescent|Terrace|Bridge|Park|Hall|Centre|Center|Exchange|Station|Airport|Stadium)\b"
)
_DIRECTION_RE = re.compile(
    r"\b(north|south|east|west|northern|southern|eastern|western|north-?east|north-?west|"
    r"south-?east|south-?west|northeast|northwest|southeast|southwest|abroad|overseas|"
    r"frontier|border|coast|capital|city|country|island|region)\b",
    re.IGNORECASE,
)
_REASON_RE = re.compile(
    r"\b(because|since|after|as|due to|so that|so|in order to|when|while|owing to|following|"
    r"thanks to|led to|caused|reason|therefore|thus|so as to|needs? to|needed to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    """Which kinds of answer a sentence could give."""

    date: bool
    number: bool
    amount: bool
    place: bool
    reason: bool
    located: bool = False
    duration: bool = False
    frequency: bool = False
    age: bool = False
    score: bool = False
    naming: bool = False
    proportion: bool = False
    clock: bool = False
    money: bool = False
    measure: bool = False  # "149 metres", "22ft", "3.5 tonnes", "12 storeys"
    links: bool = False  # "between Port Evander and Saltmarsh Island", "from Leeds to York"


NO_EVIDENCE = Evidence(date=False, number=False, amount=False, place=False, reason=False)
"""Evidence of a sentence with no facts at all."""


def evidence_of(sentence: Sentence, organisations: tuple[str, ...] = ()) -> Evidence:
    """Return the kinds of answer `sentence` holds, from its facts and its wording.

    A place that is only part of an organisation's name ("the Ukraine Defence
    Contact Group") does not count as a place.
    """
    text = sentence.text
    # an organisation that is a building ("Ketterby Royal Infirmary") is a place too
    inside = [name for name in organisations if name in text and not _BUILDING_RE.search(name)]
    located = [m.group(1) for m in _PLACE_RE.finditer(text)]
    located = [p for p in located if p not in DEMONYMS and not any(p in n for n in inside)]
    places = located + [p for p in sentence.places if not any(p in name for name in inside)]
    return Evidence(
        located=bool(located or _DIRECTION_RE.search(text) or _ADDRESS_RE.search(text)),
        duration=bool(_DURATION_RE.search(text) or _MEASURE_RE.search(text)),
        frequency=bool(_FREQUENCY_RE.search(text)),
        age=bool(_AGE_RE.search(text)),
        score=bool(_SCORE_RE.search(text)),
        naming=bool(_NAMING_RE.search(text)),
        proportion=bool(_PROPORTION_RE.search(text)),
        clock=bool(_CLOCK_RE.search(text)),
        date=bool(sentence.dates or _YEAR_RE.search(text) or _DATE_WORD_RE.search(text)),
        number=bool(
            sentence.numbers or sentence.amounts or _NUMBER_RE.search(_NOT_A_COUNT_RE.sub("", text))
        ),
        amount=bool(sentence.amounts or _AMOUNT_RE.search(text)),
        money=bool(_MONEY_RE.search(text)),
        links=bool(_LINK_RE.search(text)),
        measure=bool(_SIZE_RE.search(text)),
        place=bool(places or _DIRECTION_RE.search(text) or _ADDRESS_RE.search(text)),
        reason=bool(_REASON_RE.search(text)),
    )
