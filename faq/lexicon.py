"""Words: tokenising, folding, stemming and the stopword list the matcher shares."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from lemminflect import getAllLemmas
from wordnet_lookup import is_wordnet_term

from faq import synonyms

_STEMMER = snowballstemmer.stemmer("english")

WORD_RE = re.compile(r"[^\W_](?:[\w'’.,\-]*[^\W_])?")
_INNER_SPLIT_RE = re.compile(r"[-'’]")
_NUMERIC_RE = re.compile(r"^\d[\d,.]*$")
_ORDINAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    "hundred": "100",
    "thousand": "1000", "dozen": "12", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
}  # fmt: skip

# honorifics: "Mrs Oyelaran" is the person the article calls Margaret Oyelaran
HONORIFIC_WORDS = frozenset("mr mrs ms miss dr".split())
STOPWORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each "
    "either few for from further had has have having he her here hers herself him himself "
    "his how i if in into is it its itself just let me more most my myself no nor not of "
    "off on once only or other our ours ourselves out over own same shall she should so "
    "some such than that the their theirs them themselves then there these they this those "
    "through to too under until up very was we were what when where which while who whom "
    "whose why will with would you your yours yourself yourselves s t d ll m re ve y what's "
    "who's where's when's how's it's that's there's does did done doing get got gets may "
    "might must need per via upon onto ever yet according "
    # negated auxiliaries, whole and as split at the apostrophe ("didn't", "didn")
    "don't doesn't didn't isn't aren't wasn't weren't can't cannot couldn't won't wouldn't "
    "shouldn't hasn't haven't hadn't mustn't needn't don doesn didn isn aren wasn weren "
    "couldn wouldn shouldn hasn haven hadn mustn needn "
    f"{' '.join(sorted(HONORIFIC_WORDS))} "
    "anybody anyone anything somebody someone something everybody everyone everything".split()
)

# Words asking what someone said: "What was the Treasury's response?"
RESPONSE_WORDS = frozenset(
    "response responses reaction reactions reply comment comments verdict describe describes "
    "described".split()
)
# What says that someone said something
SPEECH_VERB_FORMS = frozenset("say says said tell told add added state stated call called".split())
# "Who speaks for the company?" asks for its spokesperson
SPEAKING_FOR = frozenset("speak speaks spoke speaking".split())
SPOKESPERSON_FORMS = frozenset("spokesman spokeswoman spokesperson spokespeople".split())

# Verbs that deny what follows them: "When did Kublai reject the plan?" asks about a
# rejection, and a sentence without one does not answer it.
NEGATING_VERBS = frozenset(
    "reject refuse fail deny oppose prevent stop abandon ignore avoid discourage dismiss "
    "decline forbid ban block resist cancel disprove neglect overturn reverse withdraw "
    "disestablish".split()
)
# Verbs that say something joins two places, as "runs between A and B" does
CONNECTING_VERBS = frozenset(
    "link links linked linking connect connects connected connecting join joins joined "
    "joining".split()
)
# Words by which a sentence leaves something out: "calling at every station except Dunmere
# Halt" says which station the buses won't call at.
EXCEPTIONS = frozenset("except excluding apart besides".split())
# Words by which a sentence says that something stopped: "closed to trains since 1964"
# answers "when did trains stop running?".
ENDING_WORDS = frozenset("stop close closure shut cease halt suspend fail abandon".split())

# Function words that still tell sentences apart when a question copies them
# ("Europe thought of itself as what?"); they count, but little.
WEAK_WORDS = frozenset(
    "itself himself herself themselves both each other others most own against over under "
    "between during through until above below few such only again once same make makes made "
    "making carry carried carrying happen happens happened use uses used using".split()
)
CONTENT_STOPWORDS = STOPWORDS - WEAK_WORDS

QUESTION_WORDS = frozenset("who whom whose what which when where why how".split())
HOW_WORDS = frozenset("many much long often far old big large soon".split())

DETERMINERS = frozenset("the a an its their his her our your my this that these those".split())
PREPOSITIONS = frozenset("in at on for with by from to of about under over".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
MALE_PRONOUNS = frozenset("he his him himself".split())
# Nouns by which an article refers to the company it is about ("the firm said").
COMPANY_WORDS = frozenset("company firm startup start-up".split())
NEGATIONS = frozenset(
    "not no never nobody none nothing neither nor without n't cannot don't doesn't didn't "
    "isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't haven't hasn't "
    "hadn't lack lacks lacked".split()
)


@dataclass(frozen=True)
class Token:
    """A word of a text: where it is, how it was written, and its folded form."""

    text: str
    start: int
    end: int
    folded: str


def fold_word(word: str) -> str:
    """Return `word` lowercased, without accents, with straight apostrophes."""
    word = word.replace("’", "'").replace("‘", "'").lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[Token]:
    """Return the words of `text` with their offsets; trailing ',' and '.' are dropped."""
    tokens = []
    for match in WORD_RE.finditer(text):
        raw = match.group()
        end = match.end()
        while raw and raw[-1] in ",.":
            raw, end = raw[:-1], end - 1
        if raw.endswith(("'s", "’s")):
            raw, end = raw[:-2], end - 2
        if raw:
            tokens.append(Token(raw, match.start(), end, fold_word(raw)))
    return tokens


def word_parts(folded: str) -> list[str]:
    """Return the parts of a hyphenated or dotted word, the whole first ('620-mile')."""
    if _NUMERIC_RE.match(folded):
        return [folded.replace(",", "")]
    parts = [p for p in _INNER_SPLIT_RE.split(folded) if p]
    return [folded, *parts] if len(parts) > 1 else [folded]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the stem of a folded word; numbers and number words share a form.

    "three" and "3" are one stem, "third" and "3rd" another: a 4th son is no 4 sons.
    """
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if _ORDINAL_RE.match(word):
        return word
    if _NUMERIC_RE.match(word):
        return word.replace(",", "")
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=65536)
def stem_forms(word: str) -> tuple[str, ...]:
    """Return the stem of `word` and of its irregular base forms ("led" → led, lead)."""
    forms = [stem(word)]
    if word.isalpha():
        for lemmas in getAllLemmas(word).values():
            for lemma in lemmas:
                form = stem(lemma)
                if form not in forms:
                    forms.append(form)
    return tuple(forms)


def is_noun_only(word: str) -> bool:
    """Return True when `word` can only be a noun ("policies", not "proposed")."""
    lemmas = getAllLemmas(word) if word.isalpha() else {}
    return bool(lemmas) and set(lemmas) <= {"NOUN", "PROPN"}


@lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """Return `word` and its dictionary forms ("rejected" → rejected, reject)."""
    lemmas = getAllLemmas(word) if word.isalpha() else {}
    return frozenset({word, *(lemma for forms in lemmas.values() for lemma in forms)})


_PARTS = {
    "NOUN": "noun",
    "PROPN": "noun",
    "VERB": "verb",
    "AUX": "verb",
    "ADJ": "adj",
    "ADV": "adv",
}


@lru_cache(maxsize=65536)
def dictionary_forms(word: str) -> tuple[tuple[str, str | None], ...]:
    """Return the (lemma, part of speech) pairs `word` can be ("levelled" → level, verb).

    A word the lemmatiser does not know is itself (and, ending in "s", its singular),
    as any part of speech (None).
    """
    lemmas = getAllLemmas(word) if word.isalpha() else {}
    pairs = {
        (lemma, _PARTS[tag]) for tag, forms in lemmas.items() if tag in _PARTS for lemma in forms
    }
    if pairs:
        return tuple(sorted(pairs))
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        return ((word, None), (word[:-1], None))  # a plural it does not know: "labs"
    return ((word, None),)


def can_be_noun(word: str) -> bool:
    """Return True when `word` can be a noun ("pressure", not "said")."""
    return word.isalpha() and bool({"NOUN", "PROPN"} & set(getAllLemmas(word)))


def can_be_verb(word: str) -> bool:
    """Return True when `word` can be a verb form ("say", "die", "went")."""
    return word.isalpha() and "VERB" in getAllLemmas(word)


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Load the word lists now rather than on a question (they load lazily, in shards)."""
    for n in range(_WARM_UP_WORDS):
        is_wordnet_term(f"w{n}")
    getAllLemmas("warmed")
    synonyms.warm_up()


_WARM_UP_WORDS = 3000  # enough look-ups to touch every one of the 256 shards


def is_english_word(word: str) -> bool:
    """Return True when `word` is in WordNet's English vocabulary (so it is no typo)."""
    return bool(is_wordnet_term(word))


# Common opposites of general English (closed-class and everyday gradable words):
# a question that swaps one for the other asks about something the text does not say.
_OPPOSITES = """
more less most least many few higher lower highest lowest high low best worst better worse
greatest smallest largest smallest biggest smallest first last early late
earliest latest rapid slow fast slow quick slow increase decrease rise fall raise lower
win lose won lost accept reject accepted rejected include exclude included excluded
unite divide united divided unites divides ancient modern old new older newer oldest newest
open close opened closed begin end began ended start end started ended born died birth death
attack defend attacked defended north south east west northern southern eastern western
success failure succeed fail succeeded failed strong weak strongest weakest rich poor
inside outside above below always never allow forbid allowed forbidden agree disagree
approve oppose approved opposed support oppose supported opposed love hate right wrong
true false public private major minor maximum minimum top bottom upper lower cause prevent
""".split()
OPPOSITES: dict[str, set[str]] = {}
for _a, _b in zip(_OPPOSITES[::2], _OPPOSITES[1::2], strict=True):
    OPPOSITES.setdefault(_a, set()).add(_b)
    OPPOSITES.setdefault(_b, set()).add(_a)
_NEGATING_PREFIXES = ("un", "non", "in", "im", "il", "ir", "dis", "anti")


def opposite_forms(word: str) -> set[str]:
    """Return words meaning the opposite of `word`: listed opposites and un-/non-/dis- forms."""
    forms = {o for base in base_forms(word) for o in OPPOSITES.get(base, ())}
    if len(word) < 5 or word in STOPWORDS:
        return forms
    for prefix in _NEGATING_PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 5:
            forms.add(rest)
        forms.add(prefix + word)
        forms.add(prefix + "-" + word)
    return forms


# "Who leads/runs/heads X?" is answered by the person whose role is X's leader.
LEADING_VERBS = frozenset(
    "lead leads led leading head heads headed run runs ran running govern governs governed "
    "rule rules ruled chair chairs chaired manage manages managed direct directs directed "
    "command commands commanded".split()
)
LEADING_ROLES = frozenset(
    "leader president head chief chair chairman chairwoman chairperson premier prime "
    "governor mayor ruler king queen emperor empress monarch director manager boss "
    "commander captain chancellor khan sultan".split()
)


def negates(words: set[str], *, exceptions: bool = True) -> bool:
    """Return True when the words (with their base forms) say no, not, a verb like
    "reject", or, with `exceptions`, "except" ("every station except Dunmere")."""
    return any(
        w in NEGATIONS
        or (exceptions and w in EXCEPTIONS)
        or w in NEGATING_VERBS
        or w.endswith("n't")
        for w in words
    )
