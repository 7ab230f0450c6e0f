"""Question words matched to the briefing's words: stems, word families, typos, names."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from rapidfuzz import fuzz

from faq.index import BriefingIndex
from faq.lexicon import (
    COMPANY_WORDS,
    DETERMINERS,
    FEMALE_PRONOUNS,
    LEADING_VERBS,
    NUMBER_WORDS,
    RESPONSE_WORDS,
    SPEAKING_FOR,
    SPEECH_VERB_FORMS,
    SPOKESPERSON_FORMS,
    WEAK_WORDS,
    dictionary_forms,
    is_english_word,
    stem,
    stem_forms,
    tokenize,
)
from faq.question import Question
from faq.synonyms import synonyms, word_family
from store.document import EntityKind

# How much a question word the briefing never uses counts against a sentence,
# relative to the rarest word the briefing does use.
UNSEEN_WEIGHT = 1.0
TYPO_QUALITY = 0.9
COMPOUND_QUALITY = 0.7
PREFIX_QUALITY = 0.85
REDONE_QUALITY = 0.7
FAMILY_QUALITY = 0.8
SYNONYM_QUALITY = 0.5
PHRASE_VERB_QUALITY = 0.7  # "paid" alone, when the question says "paid back"
WEAK_FACTOR = 0.3
SUBJECT_FACTOR = 1.5
NAME_SIMILARITY = 80  # rapidfuzz ratio for a misspelt full name
NAME_WORD_SIMILARITY = 60  # … and for each of its words: "Harbour built" is no "Harbour Trust"
PERSONAL_PRONOUNS = frozenset("he she his her him".split())


@dataclass(frozen=True)
class Term:
    """One content word of the question and the briefing's stems that match it."""

    word: str
    weight: float
    matches: dict[str, float]
    entity: int | None = None
    leading: bool = False


def question_terms(index: BriefingIndex, question: Question) -> list[Term]:
    """Return the question's content words with their weights and matching stems."""
    terms = []
    mentioned = mentioned_entities(index, question)
    entity_words = {w: e for e, words in mentioned.items() for w in words}
    following = _following_words(question)
    company = _company_asked_about(index, question, mentioned)
    leading_verbs = _leading_verbs(question)
    particles = _verb_phrase_particles(index, question)
    for word in dict.fromkeys(question.content_words):
        if word in particles:
            continue  # "place" in "take place": the phrase means "happen"
        term_stem = stem(word)
        matches: dict[str, float] = {}
        if len(term_stem) >= 5:
            for other in index.by_stem_prefix.get(term_stem[:5], ()):
                quality = _prefix_quality(term_stem, other)
                if quality:
                    matches[other] = quality
        for form in stem_forms(word):
            if form in index.idf:
                matches[form] = 1.0
        for redone in _redone_stems(index, word):  # "building" and "rebuild"
            matches.setdefault(redone, REDONE_QUALITY)
        if not matches or max(matches.values()) < 1.0:
            corrected = index.correct(word)
            if corrected is not None and stem(corrected) in index.idf:
                matches[stem(corrected)] = TYPO_QUALITY
        if not matches and word in RESPONSE_WORDS:  # a response is what someone said
            matches = {f: SYNONYM_QUALITY for f in map(stem, SPEECH_VERB_FORMS) if f in index.idf}
        if not matches:
            matches = _compound_parts(index, word)
        if not matches and word not in leading_verbs:  # a leader is matched by role
            matches = _family_stems(index, word)
        if not matches and word not in leading_verbs:  # "lead" is not "result" here
            matches = _synonym_stems(index, word)
        if word in SPEAKING_FOR and following.get(word) == "for":
            matches = {f: 1.0 for f in map(stem, SPOKESPERSON_FORMS) if f in index.idf}
        if following.get(word) in particles:
            # the phrase's meaning ("repaid" for "paid back") beats the bare verb ("paid for")
            phrase = dict.fromkeys(_synonym_stems(index, word, following[word]), 1.0)
            matches = {**{m: PHRASE_VERB_QUALITY * q for m, q in matches.items()}, **phrase}
        elif word in following:  # "set up" is "found"
            matches = {**_synonym_stems(index, word, following[word]), **matches}
        if word in WEAK_WORDS:
            weight = WEAK_FACTOR * max((index.idf[m] for m in matches), default=index.max_idf)
        elif matches:
            weight = max(index.idf[m] for m in matches)
        elif word in LEADING_VERBS:
            weight = index.max_idf / 2
        else:
            weight = UNSEEN_WEIGHT * index.max_idf
        if word == question.subject_head:
            weight *= SUBJECT_FACTOR
        terms.append(
            Term(
                word,
                weight,
                matches,
                entity_words.get(word, company if word in COMPANY_WORDS else None),
                leading=word in leading_verbs,
            )
        )
    pronoun_term = _pronoun_term(index, question, mentioned)
    if pronoun_term is not None:
        terms.append(pronoun_term)
    return terms


def _pronoun_term(
    index: BriefingIndex, question: Question, mentioned: dict[int, set[str]]
) -> Term | None:
    """Return "she" as the person the conversation was about, or else as the article's
    main person, when the question names nobody.

    "Who sentenced her?" asked of a court report is about the defendant.
    """
    pronoun = next((t.folded for t in question.tokens if t.folded in PERSONAL_PRONOUNS), None)
    person = question.referent
    if person is None:
        person = index.main_person
        if person is not None and index.genders[person] != (
            "f" if pronoun in FEMALE_PRONOUNS else "m"
        ):
            return None
    if (
        pronoun is None
        or person is None
        or any(index.entities[e].kind is EntityKind.PERSON for e in mentioned)
    ):
        return None
    name_stems = [stem(t.folded) for t in tokenize(index.entities[person].name)]
    weight = max((index.idf.get(s, 0.0) for s in name_stems), default=0.0)
    return Term(pronoun, weight, {}, person)


def _leading_verbs(question: Question) -> set[str]:
    """Return the question's verbs of leading ("who runs"), not nouns ("the rules of")."""
    leading = set()
    tokens = question.tokens
    for position, token in enumerate(tokens):
        previous = tokens[position - 1].folded if position else ""
        after_previous = question.text[tokens[position - 1].end :] if position else ""
        possessive = after_previous[:1] in ("'", "’")
        if (
            token.folded in LEADING_VERBS
            and previous not in DETERMINERS
            and previous not in NUMBER_WORDS
            and previous not in ("many", "much")  # "how many runs" counts a noun
            and not possessive  # "the centre's head" is a noun
        ):
            leading.add(token.folded)
    return leading


def _redone_stems(index: BriefingIndex, word: str) -> set[str]:
    """Return the stems of the briefing's verbs for `word` done again ("build" → rebuild).

    Not the other way: "reset my phone" is not about whatever the briefing "set".
    """
    return {s for form in stem_forms(word) for s in index.redone.get(form, ())}


def _company_asked_about(
    index: BriefingIndex, question: Question, mentioned: dict[int, set[str]]
) -> int | None:
    """Return the article's main organisation for "the company" in a question naming none."""
    words = [t.folded for t in question.tokens]
    asks = any(a == "the" and b in COMPANY_WORDS for a, b in itertools.pairwise(words))
    named = any(index.entities[e].kind is EntityKind.ORGANISATION for e in mentioned)
    return index.main_organisation if asks and not named else None


def _verb_phrase_particles(index: BriefingIndex, question: Question) -> set[str]:
    """Return the second words of the question's two-word verbs with synonyms ("take place"),
    unless the briefing uses the phrase itself ("paid back")."""
    words = [t.folded for t in question.tokens]
    return {
        second
        for first, second in itertools.pairwise(words)
        if any(synonyms(f"{lemma} {second}", "verb") for lemma, _ in dictionary_forms(first))
        and not _uses_phrase(index, first, second)
    }


def _uses_phrase(index: BriefingIndex, first: str, second: str) -> bool:
    """Return True when a sentence has a form of `first` right before `second`."""
    firsts, seconds = stem_forms(first), stem_forms(second)
    for sentence in index.sentences:
        after = {p + 1 for f in firsts for p in sentence.positions.get(f, ())}
        if any(after.intersection(sentence.positions.get(s, ())) for s in seconds):
            return True
    return False


def _following_words(question: Question) -> dict[str, str]:
    """Return each question word and the word after it."""
    words = [t.folded for t in question.tokens]
    return dict(itertools.pairwise(words))


def _synonym_stems(index: BriefingIndex, word: str, particle: str = "") -> dict[str, float]:
    """Return the stems of the briefing's words that are synonyms of `word` ("shut" → close),
    or of the phrase it makes with `particle` ("set up" → found).
    """
    found = {}
    for lemma, part in dictionary_forms(word):
        for synonym in synonyms(f"{lemma} {particle}" if particle else lemma, part):
            if synonym in NUMBER_WORDS:
                continue  # "first" is a synonym of "start", but not of the "1st" it stands for
            synonym_stem = stem(synonym)
            if synonym_stem in index.idf:
                found[synonym_stem] = SYNONYM_QUALITY
    return found


def _family_stems(index: BriefingIndex, word: str) -> dict[str, float]:
    """Return the stems of the briefing's words in `word`'s family ("abstain" → abstention)."""
    found = {}
    for lemma, _ in dictionary_forms(word):
        for relative in word_family(lemma):
            relative_stem = stem(relative)
            if relative_stem in index.idf:
                found[relative_stem] = FAMILY_QUALITY
    return found


def _compound_parts(index: BriefingIndex, word: str) -> dict[str, float]:
    """Return the stems of two briefing words that `word` is made of ("roadworks")."""
    for cut in range(3, len(word) - 2):
        first, second = word[:cut], word[cut:]
        if first in index.vocabulary or is_english_word(first):
            parts = (stem(first), stem(second))
            if all(part in index.idf for part in parts) and is_english_word(second):
                return dict.fromkeys(parts, COMPOUND_QUALITY)
    return {}


def _prefix_quality(a: str, b: str) -> float:
    """Return how well two stems sharing a 5-letter prefix match, or 0 when they do not.

    "justifi"/"justif" and "ukrain"/"ukrainian" are one word in two forms;
    "countri"/"counterpart" only share letters.
    """
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    if shared < 6 and shared < min(len(a), len(b)):
        return 0.0
    tail = (a if len(a) > len(b) else b)[shared:]
    if len(tail) == 1 and tail not in "aeiouy":
        return 0.0  # "though" is no form of "thought"
    return min(PREFIX_QUALITY, 0.4 + 0.5 * shared / max(len(a), len(b)))


def mentioned_entities(index: BriefingIndex, question: Question) -> dict[int, set[str]]:
    """Return the entities the question names (allowing typos) and the words naming them.

    "Pria Nayr" names Priya Nair: a full name is matched as a whole, so each word
    may be a little off. A lower-case English word ("fell") only names someone
    ("Dr Marcus Fell") in a question written all in lower case.
    """
    tokens = question.tokens
    words = [t.folded for t in tokens]
    corrected = [index.correct(w) or w for w in words]
    casual = all(not t.text[:1].isupper() for t in tokens)
    found: dict[int, set[str]] = {}
    taken: set[int] = set()
    for sequence in (words, corrected):
        for start, end, entity_id in index.mentions(sequence):
            if end - start == 1 and not casual and _plain_word(tokens[start].text):
                continue
            found.setdefault(entity_id, set()).update(words[start:end])
            taken.update(range(start, end))
    asks_title = words[:1] == ["who"] and words[1:2] != ["does"] and words[1:2] != ["did"]
    titles = () if asks_title else (3, 2, 1)  # "who is the mayor" asks who has the title
    for size in titles:  # "the chief executive": the one person with that title
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            title = tuple(words[start : start + size])
            if title in index.role_titles and not taken.intersection(span):
                if size == 1 and "the" not in words[max(start - 2, 0) : start]:
                    continue  # a one-word title must be "the (Rovers) manager", not "a manager"
                found.setdefault(index.role_titles[title], set()).update(title)
                taken.update(span)
    for alias in index.aliases_longest_first:
        size = alias.count(" ") + 1
        if size < 2:
            break
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if taken.intersection(span):
                continue
            span_words = words[start : start + size]
            if fuzz.ratio(" ".join(span_words), alias) >= NAME_SIMILARITY and all(
                fuzz.ratio(a, b) >= NAME_WORD_SIMILARITY
                for a, b in zip(span_words, alias.split(), strict=True)
            ):
                found.setdefault(index.alias_map[alias], set()).update(words[i] for i in span)
                taken.update(span)
    return found


def _plain_word(text: str) -> bool:
    """Return True for a lower-case English word ("fell"), which is no name."""
    return not text[:1].isupper() and is_english_word(text.lower())
