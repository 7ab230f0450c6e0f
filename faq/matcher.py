"""The lexical matcher: what each sentence shares with a question, and the checks that
say a sentence contradicts it or cannot answer it. Its measures are signals for the
fitted scorer (`faq/signals.py`); it decides nothing by itself."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from faq.answer import Answer
from faq.compose import abstain, compose
from faq.index import BriefingIndex, IndexedSentence
from faq.leaders import Leaders
from faq.lexicon import (
    CONNECTING_VERBS,
    DETERMINERS,
    ENDING_WORDS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NEGATING_VERBS,
    PREPOSITIONS,
    RESPONSE_WORDS,
    STOPWORDS,
    WEAK_WORDS,
    base_forms,
    can_be_verb,
    fold_word,
    is_english_word,
    negates,
    opposite_forms,
    stem,
    stem_forms,
    tokenize,
)
from faq.question import AnswerType, Question, head_noun
from faq.synonyms import synonyms, word_family
from faq.terms import Term, question_terms
from store.document import Entity, EntityKind
from store.wordlists import DEMONYMS

# "What was the score?" is answered from the first sentence giving one: a report's lede.
FIRST_SCORE_CONFIDENCE = 0.9

RELATED_QUALITY = 0.8
TYPE_BONUS = 0.1
TYPE_PENALTY = 0.5
NAME_BONUS = 0.15
NAME_PENALTY = 0.2
NAMING_BONUS = 0.3  # "named", "known as", "called" for "what is it called?"
NAMED_FOCUS_BONUS = 0.25  # the name itself says it is the kind asked for
REFERENCE_PENALTY = 0.3
REFERRING_WORDS = DETERMINERS - {"a", "an"}
_NATIONALITY_NOUNS = frozenset("nationality nationalities ethnicity ethnicities".split())
# The Evidence field that shows a sentence can give each kind of answer.
EVIDENCE_FOR = {
    AnswerType.DATE: "date",
    AnswerType.NUMBER: "number",
    AnswerType.DURATION: "duration",
    AnswerType.AMOUNT: "amount",
    AnswerType.PLACE: "place",
    AnswerType.FREQUENCY: "frequency",
    AnswerType.PROPORTION: "proportion",
    AnswerType.REASON: "reason",
    AnswerType.AGE: "age",
    AnswerType.SCORE: "score",
    AnswerType.NAME: "naming",
}
_COPULAR_WHO = [["who", "is"], ["who", "was"], ["who", "are"], ["who", "were"]]
ORGANISATION_NOUNS = frozenset(
    "court courts hospital hospitals school schools university college hospice "
    "company companies firm firms organisation organization organisations organizations "
    "business businesses group groups charity charities agency agencies body bodies union "
    "unions team teams club clubs party parties council councils department ministry "
    "contractor contractors operator operators".split()
)
CONTEXT_SHARE = 0.6
HEADLINE_SHARE = 1.0  # a news lede spells out its headline
PAIR_WEIGHT = 0.5
# "the prime minister of Kestrany", "Kestrany's prime minister": (owner, role) in a question
_OWNER_AFTER_RE = re.compile(r"\b([a-z]+) of ([A-Z][\w-]+)")
_OWNER_BEFORE_RE = re.compile(r"\b([A-Z][\w-]+)['’]s ([a-z]+)(?: ([a-z]+))?")
_NAMING_AFTER_RE = re.compile(r"(?:\w+ )?(?:known as|called|named|nicknamed|dubbed)\b")
# Words after which a question word is a noun: "the decline in", "which stops"
_BEFORE_NOUNS = DETERMINERS | PREPOSITIONS | {"which", "what", "whose", "many"}
_IS_THE = [["is", "the"], ["was", "the"], ["are", "the"], ["were", "the"]]
_NUMBER_WORD_RE = re.compile(
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozen|dozens|million"
)
PROXIMITY_WEIGHT = 0.05
# The lexical signals `rank` measures for each sentence, in the order of Candidate.parts.
LEXICAL_SIGNALS = (
    "coverage",
    "type_fit",
    "length",
    "name_fit",
    "defines_asked",
    "names_leader",
    "counts_asked",
    "names_asked_term",
    "quote_not_asked",
    "action_missing",
    "tense_mismatch",
    "gender_mismatch",
)
SPEECH_WORDS = (
    frozenset(
        "say says said saying tell tells told think thinks thought quote quoted quotes claim "
        "claimed claims argue argued argues believe believes believed feel feels felt warn "
        "warned urge urged want wants wanted".split()
    )
    | RESPONSE_WORDS
)


@dataclass(frozen=True)
class Candidate:
    """A sentence that shares words with a question, and the lexical signals it gives."""

    sentence: IndexedSentence
    coverage: float
    matched: tuple[str, ...]
    parts: tuple[float, ...] = ()  # the LEXICAL_SIGNALS, in order


def first_score(index: BriefingIndex, question: Question) -> Answer:
    """Answer "what was the score?" from the first sentence that gives one (a report's lede)."""
    for sentence in index.sentences:
        if sentence.evidence.score:
            best = Candidate(sentence, 1.0, ())
            return compose(index, question, [best], confidence=FIRST_SCORE_CONFIDENCE)
    return abstain(index, question)


def names_unknown_thing(question: Question, terms: list[Term]) -> bool:
    """Return True when the question names something the briefing never mentions.

    "What is the capital of Germany?" is not about a briefing without Germany
    in it, however well "capital" matches.
    """
    unmatched = {t.word for t in terms if not t.matches and t.entity is None}
    for position, token in enumerate(question.tokens):
        acronym = token.text.removesuffix("s").isupper()  # "NHS", "EVs"
        capitalised = token.text[:1].isupper() and not acronym
        if (
            token.folded in unmatched
            and capitalised
            and (position > 0 or not is_english_word(token.folded))
        ):
            return True
    return False


def matches_only_names(
    index: BriefingIndex, question: Question, terms: list[Term], best: Candidate
) -> bool:
    """Return True when only a name in the question matches ("Pistorius's favourite food?").

    A sentence that merely names the person asked about does not answer an
    untyped question about them, unless it links two people the question names.
    """
    named = {t.entity for t in terms if t.entity is not None}
    others = [t for t in terms if t.entity is None and t.word not in WEAK_WORDS]
    if len(named) != 1 or any(t.word in best.matched for t in others):
        return False
    if not others:  # "How old is Paula Kinnaird?" wants an age, not just her name
        typed = question.answer_type in EVIDENCE_FOR and question.answer_type is not AnswerType.NAME
        return typed and _type_fit(index, question, best.sentence, named) < 0
    if _names_focus_organisation(index, question, best.sentence, named):
        return False  # "Which firm does the analyst work for?": "an analyst at Pinecrest"
    return _type_fit(index, question, best.sentence, named) <= 0


def _names_focus_organisation(
    index: BriefingIndex, question: Question, sentence: IndexedSentence, asked: set[int]
) -> bool:
    """Return True when a "which company/union/club …?" question is answered by an
    organisation the sentence names and the question does not."""
    if question.focus not in ORGANISATION_NOUNS:
        return False
    named = sentence.named_entities - asked
    return any(_could_be(index.entities[i], question.focus) for i in named)


def contradicts(index: BriefingIndex, question: Question, sentence: IndexedSentence) -> bool:
    """Return True when the question negates or reverses what the sentence says."""
    words = _words_in_context(index, sentence)
    if question.negated and not negates(words):
        return True
    asked = {t.folded for t in question.tokens}
    if _other_nationality(question, sentence, words) or _other_owner(question, sentence):
        return True
    for position, token in enumerate(question.tokens):
        word = token.folded
        before = question.tokens[position - 1].folded if position else ""
        if before == "how":
            continue  # "how old" asks an age: it says nothing is old
        if word in ("first", "last") and before not in DETERMINERS:
            continue  # "when did a final last go to extra time" asks when, not which
        verb = before not in _BEFORE_NOUNS
        if (
            verb
            and base_forms(word) & NEGATING_VERBS
            and not _kin(base_forms(word)) & words
            and not (base_forms(word) & ENDING_WORDS and ENDING_WORDS & words)
        ):
            following = question.tokens[position + 1 : position + 2]
            if not (following and _says_not(sentence, following[0].folded)):
                return True  # "stop running" is said by "will not run", and only so
        if word in words or base_forms(word) & words:
            continue  # "opening" is not reversed by "closed" in a sentence that says "open"
        if "-" in token.text and token.text.split("-")[-1][:1].isupper():
            continue
        # "shut" is reversed by "open", the opposite of its synonym "close"
        opposites = opposite_forms(word).union(*(opposite_forms(s) for s in synonyms(word)))
        reversed_in_text = opposites & words
        if reversed_in_text and not reversed_in_text & asked:
            return True
    return False


def _words_in_context(index: BriefingIndex, sentence: IndexedSentence) -> set[str]:
    """Return the sentence's words and their base forms, with the previous sentence's
    words when this one refers back to it ("He said it would not …")."""
    words = set(sentence.folded_words)
    previous = index.previous(sentence)
    if previous is not None and sentence.anaphoric:
        words |= previous.folded_words
    return words | {base for word in words for base in base_forms(word)}


def _says_not(sentence: IndexedSentence, verb: str) -> bool:
    """Return True when the sentence negates `verb`: "will not run" for "stop running"."""
    forms = base_forms(verb) | {verb}
    words = sentence.words
    for i, word in enumerate(words):
        if word in ("not", "never", "cannot") or word.endswith("n't"):
            following = words[i + 1 : i + 4]
            if any(forms & (base_forms(w) | {w}) for w in following):
                return True
    return False


def _kin(lemmas: Iterable[str]) -> set[str]:
    """Return the lemmas with their synonyms and word families ("refuse" → refusal, reject)."""
    return {k for lemma in lemmas for k in (lemma, *synonyms(lemma), *word_family(lemma))}


def _other_nationality(question: Question, sentence: IndexedSentence, words: set[str]) -> bool:
    """Return True for "the French defence minister" against "German defence minister"."""
    tokens = question.tokens
    for token, after in itertools.pairwise(tokens):
        if token.text not in DEMONYMS or token.folded in words:
            continue
        for before, word in itertools.pairwise(sentence.words):
            if word == after.folded and before != token.folded and before.title() in DEMONYMS:
                return True
    return False


def _other_owner(question: Question, sentence: IndexedSentence) -> bool:
    """Return True for "the prime minister of Kestrany" (or "Kestrany's prime minister")
    against "Valdoria’s prime minister": the sentence gives the role to another owner."""
    asked = [(m[2], m[1]) for m in _OWNER_AFTER_RE.finditer(question.text)]
    asked += [
        (m[1], role) for m in _OWNER_BEFORE_RE.finditer(question.text) for role in m.groups()[1:]
    ]
    for owner, role in asked:
        if role is None or fold_word(owner) in sentence.folded_words:
            continue
        pattern = rf"\b([A-Z][\w-]+)[’']s (?:\w+ )?{re.escape(role.lower())}\b"
        found = re.search(pattern, sentence.sentence.text)
        if found and fold_word(found.group(1)) != fold_word(owner):
            return True
    return False


def type_fits(index: BriefingIndex, question: Question, terms: list[Term]) -> list[float]:
    """Return, for every sentence, how well it holds the kind of answer asked for
    (positive) or lacks it (negative), whether or not it shares a word with the question."""
    question_entities = {t.entity for t in terms if t.entity is not None}
    return [_type_fit(index, question, s, question_entities) for s in index.sentences]


def rank(
    index: BriefingIndex,
    question: Question,
    terms: list[Term] | None = None,
    fits: list[float] | None = None,
) -> list[Candidate]:
    """Return the sentences that share anything with the question, most covered first."""
    if terms is None:
        terms = question_terms(index, question)
    total = sum(t.weight for t in terms) or 1.0
    question_entities = {t.entity for t in terms if t.entity is not None}
    about_speech = asks_about_speech(question)
    action = _asked_action(question, terms)
    defining = question.answer_type in (AnswerType.THING, AnswerType.DEFINITION)
    pairs = [
        (stem(a.word), stem(b.word), min(a.weight, b.weight))
        for a, b in itertools.pairwise(terms)
        if "-" not in a.word and "-" not in b.word
    ]
    counted = _counted_forms(question, terms)
    asked_gender = _pronoun_gender(question, index, question_entities)
    leaders = Leaders.of(index, terms)
    leaders_asked = [leaders.titled(sentence) for sentence in index.sentences]
    qualities = [
        _term_qualities(terms, sentence, leaders.leads, leaders_asked[sentence.position])
        for sentence in index.sentences
    ]
    headline = (
        []
        if index.headline is None
        else _term_qualities(terms, index.headline, leaders.leads, leaders.titled(index.headline))
    )
    candidates = []
    for position, sentence in enumerate(index.sentences):
        own = qualities[position]
        fit = (
            fits[position]
            if fits is not None
            else _type_fit(index, question, sentence, question_entities)
        )
        previous = index.previous(sentence)
        if (
            previous is not None
            and (any(own) or fit > 0)
            and (
                sentence.anaphoric
                or (
                    fit > 0
                    and _type_fit(index, question, previous, question_entities) <= 0
                    and index.cohesive(previous, sentence)
                )
            )
        ):
            if previous is index.headline:
                inherited = [HEADLINE_SHARE * q for q in headline]
            else:
                inherited = [CONTEXT_SHARE * q for q in qualities[previous.position]]
            own = [max(a, b) for a, b in zip(own, inherited, strict=True)]
        matched = tuple(t.word for t, q in zip(terms, own, strict=True) if q)
        if not matched:
            continue
        matched_weight = sum(t.weight * q for t, q in zip(terms, own, strict=True))
        for first, second, weight in pairs:
            if (first, second) in sentence.pairs:
                matched_weight += PAIR_WEIGHT * weight
        coverage = matched_weight / total + PROXIMITY_WEIGHT * _proximity(terms, own, sentence)
        length = math.log2(max(1.0, sentence.length / index.average_length))
        name_bonus = _name_bonus(question, terms, sentence, index, question_entities)
        parts = (
            coverage,
            fit,
            length,
            name_bonus,
            float(defining and sentence.defines in question_entities),
            float(bool(leaders_asked[position])),  # it names who leads what is asked about
            float(bool(counted) and _counts(counted, sentence)),
            float(question.answer_type is AnswerType.NAME and _names_term(terms, own, sentence)),
            float(bool(sentence.quote_ids) and not about_speech),
            float(action is not None and action not in matched),
            float(
                question.past is not None
                and sentence.tense == ("future" if question.past else "past")
            ),
            float(asked_gender is not None and _other_gender_only(sentence, asked_gender)),
        )
        candidates.append(Candidate(sentence, coverage, matched, parts))
    subject = question.subject_head
    candidates.sort(
        key=lambda c: (-round(c.coverage, 6), subject not in c.matched, c.sentence.position)
    )
    return candidates


def _pronoun_gender(
    question: Question, index: BriefingIndex, question_entities: set[int]
) -> str | None:
    """Return "m" or "f" for a question that asks about "he" or "she" and names no one."""
    if any(index.entities[e].kind is EntityKind.PERSON for e in question_entities):
        return None
    words = {t.folded for t in question.tokens}
    male, female = bool(words & MALE_PRONOUNS), bool(words & FEMALE_PRONOUNS)
    return None if male == female else "m" if male else "f"


def _other_gender_only(sentence: IndexedSentence, gender: str) -> bool:
    """Return True when the sentence's pronouns are all of the other gender: "she bought"
    does not answer "How much did he borrow?"."""
    words = sentence.folded_words
    male, female = bool(words & MALE_PRONOUNS), bool(words & FEMALE_PRONOUNS)
    return female and not male if gender == "m" else male and not female


def names_nothing(
    index: BriefingIndex, question: Question, terms: list[Term], best: Candidate
) -> bool:
    """Return True for "What is the name of the assistant?" when the best sentence gives
    no name at all: it says an assistant was hurt, not what she is called."""
    if question.answer_type is not AnswerType.NAME:
        return False
    entities = {t.entity for t in terms if t.entity is not None}
    return _type_fit(index, question, best.sentence, entities) <= -TYPE_PENALTY


def _names_asked(
    index: BriefingIndex, word: str, question_entities: set[int], asked: set[str]
) -> bool:
    """Return True when `word` is part of the name of someone the question names by name
    ("Smith" for "What is Jane's dog called?"), not by title ("the conservation officer")."""
    for i in question_entities:
        name = {t.folded for t in tokenize(index.entities[i].name)}
        if word in name and name & asked:
            return True
    return False


def _counted_forms(question: Question, terms: list[Term]) -> set[str]:
    """Return the stems matching the noun counted in "How many flights …?"."""
    words = [t.folded for t in question.tokens]
    for i, (a, b) in enumerate(itertools.pairwise(words)):
        counted = None
        if a == "how" and b == "many" and i + 2 < len(words):
            counted = head_noun(words[i + 2 :])
        elif a == "how" and b in ("big", "large") and words[i + 2 : i + 4] in _IS_THE:
            counted = head_noun(words[i + 4 :]) if i + 4 < len(words) else None  # the crowd
        if counted is not None:
            term = next((t for t in terms if t.word == counted), None)
            return set(term.matches) if term is not None else set()
    return set()


def _names_term(terms: list[Term], qualities: list[float], sentence: IndexedSentence) -> bool:
    """Return True when "known as", "called" or "named" follows a matched question word
    within three words: "significant scarring, known as fibrosis"."""
    words = sentence.words
    for term, quality in zip(terms, qualities, strict=True):
        if not quality:
            continue
        for form in term.matches:
            for p in sentence.positions.get(form, ()):
                after = " ".join(words[p + 1 : p + 4])
                if _NAMING_AFTER_RE.match(after):
                    return True
    return False


def _counts(counted: set[str], sentence: IndexedSentence) -> bool:
    """Return True when a number comes just before the counted noun ("cancel 212 flights")
    or right after it ("a crowd of 11,482")."""
    words = sentence.words
    for form in counted:
        for p in sentence.positions.get(form, ()):
            before = words[max(0, p - 3) : p]
            after = words[p + 1 : p + 3]
            if any(_NUMBER_WORD_RE.fullmatch(w) for w in before) or (
                len(after) == 2 and after[0] == "of" and _NUMBER_WORD_RE.fullmatch(after[1])
            ):
                return True
    return False


def _who_verb(question: Question, terms: list[Term]) -> Term | None:
    """Return the term for VERB in "Who VERB …?" ("who challenged", "who owns")."""
    words = [t.folded for t in question.tokens]
    if len(words) < 3 or words[0] != "who" or not can_be_verb(words[1]):
        return None
    term = next((t for t in terms if t.word == words[1]), None)
    return None if term is None or term.entity is not None or term.leading else term


def _asked_action(question: Question, terms: list[Term]) -> str | None:
    """Return the verb of "Who VERB …?" when the briefing uses it ("who challenged")."""
    term = _who_verb(question, terms)
    return term.word if term is not None and term.matches else None


def unknown_action(question: Question, terms: list[Term]) -> bool:
    """Return True for "Who owns X?" when the briefing never says anyone owns anything."""
    term = _who_verb(question, terms)
    return term is not None and not term.matches


def leader_unknown(
    index: BriefingIndex, question: Question, terms: list[Term], best: Candidate
) -> bool:
    """Return True for "Who leads the UK?" when the best sentence names no UK leader
    (nor an organisation, which may be what runs it: "Who runs the ferry?")."""
    words = [t.folded for t in question.tokens]
    verb = next((t for t in terms if t.leading and t.word in words[1:2]), None)
    if words[:1] != ["who"] or verb is None or verb.word in best.matched:
        return False
    kinds = {index.entities[i].kind for i in best.sentence.named_entities}
    return EntityKind.ORGANISATION not in kinds


def _term_qualities(
    terms: list[Term],
    sentence: IndexedSentence,
    led: Callable[[int], bool],
    leader_words: frozenset[str] = frozenset(),
) -> list[float]:
    """Return how well `sentence` matches each question term, from 0 to 1.

    "leads" in "Who leads Ukraine?" is matched by a leader (`led` tells whose role
    names what the question asks about: "Ukrainian President"), and so are the
    words of what they lead (`leader_words`: "union" and "teachers" in the role of
    the general secretary of the National Union of Teachers).
    """
    qualities = []
    for term in terms:
        if term.entity is not None and term.entity in sentence.entities:
            qualities.append(1.0)
        elif term.leading and any(led(i) for i in sentence.leaders):
            qualities.append(RELATED_QUALITY)
        elif term.leading:  # "took the lead" leads nothing
            qualities.append(
                max(
                    (
                        q
                        for s, q in term.matches.items()
                        if s in sentence.stems and not _only_as_noun(s, sentence)
                    ),
                    default=0.0,
                )
            )
        else:
            own = max((q for s, q in term.matches.items() if s in sentence.stems), default=0.0)
            if own < RELATED_QUALITY and leader_words.intersection(term.matches):
                own = RELATED_QUALITY
            if not own and term.word in CONNECTING_VERBS and sentence.evidence.links:
                own = RELATED_QUALITY  # "which places does the ferry link?": "between A and B"
            qualities.append(own)
    return qualities


def _name_bonus(
    question: Question,
    terms: list[Term],
    sentence: IndexedSentence,
    index: BriefingIndex,
    question_entities: set[int],
) -> float:
    """Return a bonus when the sentence names what the question asks to name.

    "Which union …?" is answered best by "the Maritime Workers Union" (the name
    says it is a union), "Which company …?" also by an organisation whose name
    says nothing of its kind, and "Who runs the ferry?" by "Tidewater Ferries".
    """
    if question.focus is not None and _names_focus_organisation(
        index, question, sentence, question_entities
    ):
        says_what_it_is = stem(question.focus) in sentence.name_stems
        return NAMED_FOCUS_BONUS if says_what_it_is else NAME_BONUS
    if question.focus is not None:
        if _only_referred_to(stem(question.focus), sentence):
            return -REFERENCE_PENALTY
        if _only_as_verb(stem(question.focus), sentence):
            return -REFERENCE_PENALTY
        if any(stem(question.focus) in stem_forms(word) for word in sentence.capitalised):
            return NAMED_FOCUS_BONUS  # "the River Wend" for "which river", named or not
        if _names_after(question.focus, sentence.sentence.text):
            return NAMED_FOCUS_BONUS  # "the Millbridge-born artist Eleanor Thwaite"
        wanted = {stem(question.focus)}
    elif question.answer_type is AnswerType.PERSON:
        wanted = {stem(t.word) for t in terms if t.entity is None}
    else:
        return 0.0
    if not wanted & sentence.name_stems:
        return 0.0
    return NAMED_FOCUS_BONUS if question.focus is not None else NAME_BONUS


def _names_after(noun: str, text: str) -> bool:
    """Return True when a name follows `noun` in `text`: "artist Eleanor Thwaite"."""
    return bool(_name_after_re(noun).search(text))


@functools.cache
def _name_after_re(noun: str) -> re.Pattern[str]:
    return re.compile(rf"(?i:\b{re.escape(noun)}s?),?\s+[A-Z][\w’'-]+\s+[A-Z]")


def _could_be(entity: Entity, kind: str) -> bool:
    """Return True when an organisation could be the `kind` asked for.

    "Which company …?" may be Wessex Vale Water, but not Ashcombe Town Council.
    """
    if entity.kind is not EntityKind.ORGANISATION:
        return False
    words = {t.folded for t in tokenize(entity.name)}
    return stem(kind) in {stem(w) for w in words} or not words & ORGANISATION_NOUNS


def _only_referred_to(term: str, sentence: IndexedSentence) -> bool:
    """Return True when `term` only follows "the", "its", "their" … in the sentence.

    "Which company …?" is not answered by "the company's helpline": the sentence
    refers to a company it does not name.
    """
    if any(term in stem_forms(word) for word in sentence.capitalised):
        return False  # "the Journal of Clinical Nephrology" names one
    return _only_after(term, sentence, REFERRING_WORDS)


def _only_as_noun(term: str, sentence: IndexedSentence) -> bool:
    """Return True when `term` only follows a determiner in the sentence ("the lead")."""
    return _only_after(term, sentence, DETERMINERS)


def _only_as_verb(term: str, sentence: IndexedSentence) -> bool:
    """Return True when `term` only follows "to" in the sentence: "to mean" is no "means"."""
    return _only_after(term, sentence, frozenset(["to"]))


def _only_after(term: str, sentence: IndexedSentence, before: frozenset[str]) -> bool:
    """Return True when `term` is in the sentence, and every time right after one of `before`."""
    spots = sentence.positions.get(term, ())
    return bool(spots) and all(i > 0 and sentence.words[i - 1] in before for i in spots)


def _proximity(terms: list[Term], qualities: list[float], sentence: IndexedSentence) -> float:
    """Return k/w for the smallest window of w words holding k matched terms (k >= 2), else 0.

    Long sentences often match a question's words far apart by chance; the
    sentence a question was written from holds them close together.
    """
    spots = []
    for term, quality in zip(terms, qualities, strict=True):
        if quality:
            found = [p for s in term.matches for p in sentence.positions.get(s, ())]
            if found:
                spots.append(found)
    if len(spots) < 2:
        return 0.0
    events = sorted((p, k) for k, found in enumerate(spots) for p in found)
    best = len(events) and (events[-1][0] - events[0][0] + 1)
    counts: dict[int, int] = {}
    left = 0
    for position, k in events:
        counts[k] = counts.get(k, 0) + 1
        while len(counts) == len(spots):
            start, first = events[left]
            best = min(best, position - start + 1)
            counts[first] -= 1
            if not counts[first]:
                del counts[first]
            left += 1
    return len(spots) / max(best, len(spots))


def _asked_role(question: Question) -> str | None:
    """Return the role in "Who is the chief executive of X?", not the "charge" of "in charge"."""
    words = [t.folded for t in question.tokens]
    role = question.subject_head
    if role is None or role not in words:
        return None
    at = words.index(role)
    if words[at - 1] in PREPOSITIONS or question.tokens[at].text[:1].isupper():
        return None  # "in charge of", or a name ("Who was Kaidu's grandfather?")
    return role


def _role_stems(role: str) -> set[str]:
    """Return the stems of a role word and of its synonyms ("boss" → boss, chief, head)."""
    return {stem(role)} | {stem(s) for s in synonyms(role, "noun")}


def asks_about_speech(question: Question) -> bool:
    """Return True when the question asks what someone said or thinks."""
    return any(t.folded in SPEECH_WORDS for t in question.tokens)


def _type_fit(
    index: BriefingIndex,
    question: Question,
    sentence: IndexedSentence,
    question_entities: set[int],
) -> float:
    """Return a bonus when the sentence holds the kind of answer asked for, else a penalty."""
    wanted = question.answer_type
    evidence = sentence.evidence
    words = [t.folded for t in question.tokens[:2]]
    if question.focus in _NATIONALITY_NOUNS:  # "What ethnicity was Shi Tianze?": "Han Chinese"
        fits = any(word.title() in DEMONYMS for word in sentence.capitalised)
    elif wanted in (AnswerType.DEFINITION, AnswerType.PERSON) and words in _COPULAR_WHO:
        # "who is the chief executive of X" wants someone the sentence names
        role = _asked_role(question)
        named = sentence.named_entities - question_entities
        if role is None:
            fits = bool(named)
        else:
            # the role must be theirs: "military chiefs" near a name is no "boss"
            role_words = _role_stems(role)
            fits = any(role_words & index.role_words[i] for i in named)
    elif wanted is AnswerType.PERSON:
        # a person, or a group or nation ("the Ottomans"): a name the question lacks
        asked = {t.folded for t in question.tokens}
        names = {w for w in sentence.capitalised if w not in asked and w not in STOPWORDS}
        fits = bool(sentence.entities - question_entities or names)
    elif wanted is AnswerType.PLACE and evidence.place and not evidence.located:
        return 0.0  # names a place, but not where something happens ("for Ukraine")
    elif question.clock_time:
        fits = evidence.clock  # "What time did the raid happen?": "at about 10.25am"
    elif question.measure:
        fits = evidence.measure  # "How tall is the dam?": "149 metres", not "in 2015"
    elif question.money:
        fits = evidence.money  # "How much did residents raise?": "£18,500", not "three decades"
    elif wanted is AnswerType.DATE and not evidence.date and evidence.duration:
        return 0.0  # "for the first time in 60 years" says when, counting back
    elif wanted is AnswerType.NAME and not evidence.naming:
        # names are often given without "called" or "known as", but not without a name
        asked = {t.folded for t in question.tokens}
        new_names = {
            w
            for w in sentence.capitalised
            if w not in asked
            and w not in STOPWORDS
            and not _names_asked(index, w, question_entities, asked)
        }
        return -NAME_PENALTY if new_names else -TYPE_PENALTY
    elif wanted in EVIDENCE_FOR:
        fits = bool(getattr(evidence, EVIDENCE_FOR[wanted]))
    else:
        return 0.0
    if fits and wanted is AnswerType.NAME:
        return NAMING_BONUS  # "named Plumeseeker-1" says what it is called
    return TYPE_BONUS if fits else -TYPE_PENALTY
