"""The in-memory search index of one briefing: terms, entities and facts per sentence."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from faq.bm25 import Bm25
from faq.evidence import NO_EVIDENCE, Evidence, evidence_of
from faq.lexicon import (
    COMPANY_WORDS,
    CONTENT_STOPWORDS,
    DETERMINERS,
    FEMALE_PRONOUNS,
    LEADING_ROLES,
    LEADING_VERBS,
    STOPWORDS,
    Token,
    can_be_noun,
    can_be_verb,
    dictionary_forms,
    fold_word,
    is_english_word,
    stem,
    stem_forms,
    tokenize,
    warm_up,
    word_parts,
)
from faq.synonyms import done_again
from store.document import Document, Entity, EntityKind, Sentence
from store.text import fold
from store.wordlists import ORG_DESCRIPTORS

_PRONOUNS = frozenset("he she his her him hers himself herself".split())
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"])
_FEMALE_TITLES = frozenset(["mrs", "ms", "miss", "dame", "lady"])
_MALE_TITLES = frozenset(["mr", "sir", "lord"])
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
_MAX_ALIAS_WORDS = 8
_SHORT_SENTENCE = 12
_PAST_WORDS = frozenset("was were had did ago lasted".split())
_FUTURE_WORDS = frozenset("will shall going plans planned expected hopes next".split())
_COPULAS = frozenset("is was are were".split())
_PRONOUN_ANYWHERE_RE = re.compile(r"\b(it|this|they|them|he|she|him|her)\b", re.IGNORECASE)
_MAIN_LEAD = 1.5  # mentions of the main person (or organisation) against the next one
_COMPANY_REFERENCE_RE = re.compile(
    r"\b[Tt]he (?:[\w-]+ )?(?:" + "|".join(map(re.escape, sorted(COMPANY_WORDS))) + r")\b"
)
_KIND_REFERENCE_RE = re.compile(r"(?:The|Its|Their) (" + "|".join(sorted(ORG_DESCRIPTORS)) + r")\b")
_KIND_MENTION_RE = re.compile(r"\b[Tt]he (" + "|".join(sorted(ORG_DESCRIPTORS)) + r")\b")
# the words of a leader's title that do not say what they lead
_BARE_TITLE_WORDS = LEADING_ROLES | frozenset(
    "the its their executive general secretary deputy vice acting interim".split()
)
# "chief information security officer", "chief financial officer", "head of marketing":
# titles of someone who leads a part of an organisation, not the whole of it
_DEPARTMENT_HEAD_RE = re.compile(
    r"(?i:\bchief (?!executive\b)[a-z]+(?: [a-z]+)* officer\b)"
    r"|\b(?i:head) of (?!state\b|government\b|the\b)[a-z]"
)
_ROLE_CUT_RE = re.compile(r",|\s(?:of|at|for|who|in|on|from|with)\s")
_DESCRIBED_LEDE_RE = re.compile(r"^An? [a-z0-9]")
_ANAPHOR_RE = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(it|this|that|these|those|they|he|she|his|her|its|their|such)\b",
    re.IGNORECASE,
)


@dataclass
class IndexedSentence:
    """A sentence with everything the matcher looks at, computed once per load."""

    position: int
    sentence: Sentence
    stems: Counter[str]
    folded_words: frozenset[str]
    entities: set[int] = field(default_factory=set)
    named_entities: set[int] = field(default_factory=set)
    capitalised: frozenset[str] = frozenset()
    quote_ids: tuple[int, ...] = ()
    evidence: Evidence = field(default_factory=lambda: NO_EVIDENCE)
    pairs: frozenset[tuple[str, str]] = frozenset()
    leaders: set[int] = field(default_factory=set)
    name_stems: frozenset[str] = frozenset()
    positions: dict[str, tuple[int, ...]] = field(default_factory=dict)
    defines: int | None = None
    words: tuple[str, ...] = ()
    anaphoric: bool = False

    @functools.cached_property
    def tense(self) -> str:
        """Return "past", "future" or "" for a sentence about both or neither."""
        past = bool(_PAST_WORDS.intersection(self.words))
        future = bool(_FUTURE_WORDS.intersection(self.words))
        return "past" if past and not future else "future" if future and not past else ""

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def length(self) -> int:
        return sum(self.stems.values())


class BriefingIndex:
    """Everything needed to answer questions about one document, held in memory."""

    def __init__(self, document: Document) -> None:
        warm_up()
        self.document = document
        self.entities: tuple[Entity, ...] = document.entities
        # stems of each entity's role and aliases ("Defence Secretary"), for "who is the X"
        self.role_words = tuple(_role_words(e) for e in document.entities)
        self.alias_map = _alias_map(document.entities)
        # stems of the parts of each role that say what its holder leads: "customer-success
        # manager" of "customer-success manager, who had worked at Vantrel"
        self.led_words = tuple(_led_words(e) for e in document.entities)
        # "chief executive" → Tom Reed, the one person whose role ends so
        self.role_titles = _role_titles(document.entities)
        self.aliases_longest_first = sorted(self.alias_map, key=lambda a: (-len(a.split()), a))
        self._organisations = tuple(
            e.name for e in document.entities if e.kind is EntityKind.ORGANISATION
        )
        self.sentences = [self._index_sentence(i, s) for i, s in enumerate(document.sentences)]
        self.headline = self._headline()
        self._link_entities()
        self._link_described_lede()
        self._link_company_references()
        self._link_kind_references()
        self._link_quotes()
        # "chair" for Mrs Garvie: the words of each leader's title
        self.leading_titles = tuple(_leading_title(e) for e in self.entities)
        leader_ids = {i for i, title in enumerate(self.leading_titles) if title}
        self._link_leaders_to_organisations(leader_ids)
        for s in self.sentences:
            s.leaders = s.named_entities & leader_ids
            s.name_stems = frozenset(
                stem(t.folded) for i in s.named_entities for t in tokenize(self.entities[i].name)
            )
        self.doc_freq: Counter[str] = Counter()
        for s in self.sentences:
            self.doc_freq.update(set(s.stems))
        count = len(self.sentences)
        self.average_length = max(1.0, sum(s.length for s in self.sentences) / max(1, count))
        self.max_idf = math.log((count + 0.5) / 0.5 + 1.0)
        self.idf = {
            term: math.log((count - df + 0.5) / (df + 0.5) + 1.0)
            for term, df in self.doc_freq.items()
        }
        self.vocabulary: dict[str, str] = {}
        for s in self.sentences:
            for word in s.folded_words:
                self.vocabulary.setdefault(word, stem(word))
        self._vocab_list = sorted(w for w in self.vocabulary if len(w) >= 3)
        # "build" → {"rebuild"}: the briefing's verbs that mean another done again
        self.redone: dict[str, set[str]] = {}
        for word, word_stem in self.vocabulary.items():
            for lemma, part in dictionary_forms(word):
                base = done_again(lemma) if part == "verb" else None
                if base is not None:
                    self.redone.setdefault(stem(base), set()).add(word_stem)
        self.by_stem_prefix: dict[str, set[str]] = {}
        for term in self.doc_freq:
            if len(term) >= 5:
                self.by_stem_prefix.setdefault(term[:5], set()).add(term)

    # -- building ---------------------------------------------------------------

    def _index_sentence(self, position: int, sentence: Sentence) -> IndexedSentence:
        tokens = tokenize(sentence.text)
        stems: Counter[str] = Counter()
        words = set()
        capitalised = set()
        sequence: list[str] = []
        positions: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            future = _future_auxiliary(tokens, i)
            for part in word_parts(token.folded):
                words.add(part)
                if part not in CONTENT_STOPWORDS and not future:
                    for form in stem_forms(part):
                        stems[form] += 1
                        positions.setdefault(form, []).append(i)
            if token.folded not in STOPWORDS:
                sequence.append(stem(word_parts(token.folded)[-1]))
            if i > 0 and token.text[:1].isupper():
                capitalised.add(token.folded)
        return IndexedSentence(
            position,
            sentence,
            stems,
            frozenset(words),
            capitalised=frozenset(capitalised),
            evidence=evidence_of(sentence, self._organisations),
            anaphoric=bool(
                _ANAPHOR_RE.match(sentence.text)
                or (len(tokens) <= _SHORT_SENTENCE and _PRONOUN_ANYWHERE_RE.search(sentence.text))
            ),
            pairs=_near_pairs(sequence),
            positions={k: tuple(v) for k, v in positions.items()},
            words=tuple(t.folded for t in tokens),
        )

    def _headline(self) -> IndexedSentence | None:
        """Return the title as a sentence when the article has its own headline.

        A title cut from the first sentence is not a headline: it adds nothing.
        """
        title = self.document.title.rstrip("…")
        first = self.document.sentences[0].text if self.document.sentences else ""
        if not title or first.startswith(title):
            return None
        return self._index_sentence(-1, Sentence(paragraph=0, index=0, text=title))

    def _link_entities(self) -> None:
        """Find each sentence's entities: by name, then by he/she from context.

        A pronoun opening a sentence refers to the person the previous sentences
        were about: the first person named in the latest sentence naming one,
        or the latest person of the pronoun's gender (see `genders`).
        """
        genders = self.genders
        salient: int | None = None
        by_gender: dict[str, int] = {}
        previous_paragraph = 0
        for s in self.sentences:
            words = [t.folded for t in tokenize(s.text)]
            mentions = self.mentions(words)
            s.named_entities = {entity_id for _, _, entity_id in mentions}
            s.entities |= s.named_entities
            for start, end, entity_id in mentions:
                if start == 0 and end < len(words) and words[end] in _COPULAS:
                    s.defines = entity_id
            pronoun_at = next((i for i, w in enumerate(words) if w in _PRONOUNS), None)
            if pronoun_at is not None and s.sentence.paragraph - previous_paragraph <= 1:
                gender = "f" if words[pronoun_at] in FEMALE_PRONOUNS else "m"
                referent = by_gender.get(gender, salient)
                named_before = any(start < pronoun_at for start, _, _ in mentions)
                if referent is not None and not named_before:
                    s.entities.add(referent)
            people = [e for _, _, e in mentions if self.entities[e].kind is EntityKind.PERSON]
            if people:
                salient = people[0]
                for entity_id in reversed(people):
                    by_gender[genders.get(entity_id, "m")] = entity_id
            previous_paragraph = s.sentence.paragraph

    @functools.cached_property
    def genders(self) -> dict[int, str]:
        """Return each person's gender ("f"/"m"): as `known_genders` shows it, else the
        news default, "m"."""
        return {
            i: self.known_genders.get(i, "m")
            for i, entity in enumerate(self.entities)
            if entity.kind is EntityKind.PERSON
        }

    @functools.cached_property
    def known_genders(self) -> dict[int, str]:
        """Return the gender ("f"/"m") of each person the article shows one for: from a
        title, else from the pronouns (outside quotes) of the sentences naming only them."""
        votes: dict[int, Counter[str]] = {}
        for s in self.sentences:
            words = [t.folded for t in tokenize(_QUOTED_RE.sub(" ", s.text))]
            mentions = self.mentions(words)
            people = {e for _, _, e in mentions if self.entities[e].kind is EntityKind.PERSON}
            if len(people) != 1:
                continue
            (person,) = people
            first = min(start for start, _, e in mentions if e == person)
            tally = votes.setdefault(person, Counter())
            for word in words[first:]:
                if word in _PRONOUNS:
                    tally["f" if word in FEMALE_PRONOUNS else "m"] += 1
        known = {}
        for i, entity in enumerate(self.entities):
            tally = votes.get(i, Counter())
            if entity.kind is not EntityKind.PERSON:
                continue
            shown = _title_gender(entity) or (
                "f" if tally["f"] > tally["m"] else "m" if tally["m"] > tally["f"] else None
            )
            if shown is not None:
                known[i] = shown
        return known

    def _link_company_references(self) -> None:
        """Link "the company" and "the firm" to the organisation the article is about."""
        company = self.main_organisation
        if company is None:
            return
        for s in self.sentences:
            if _COMPANY_REFERENCE_RE.search(s.text):
                s.entities.add(company)

    def _link_kind_references(self) -> None:
        """Link "the bank" to the one organisation whose name says it is a bank ("Harland
        Bank"), and "The airline's chief executive …" to the one organisation the sentence
        before it names ("Skyline Air, which runs … was worst hit.")."""
        by_kind: dict[str, list[int]] = {}
        for i, entity in enumerate(self.entities):
            if entity.kind is EntityKind.ORGANISATION:
                for word in {t.folded for t in tokenize(entity.name)} & ORG_DESCRIPTORS:
                    by_kind.setdefault(word, []).append(i)
        for s in self.sentences:
            for mention in _KIND_MENTION_RE.finditer(s.text):
                named = by_kind.get(mention.group(1).lower(), [])
                if len(named) == 1:
                    s.entities.add(named[0])
        for previous, sentence in itertools.pairwise(self.sentences):
            m = _KIND_REFERENCE_RE.match(sentence.text)
            if m is None or previous.sentence.paragraph != sentence.sentence.paragraph:
                continue
            organisations = [
                e
                for e in previous.named_entities
                if self.entities[e].kind is EntityKind.ORGANISATION
            ]
            if len(organisations) == 1:
                sentence.entities.add(organisations[0])

    def _link_leaders_to_organisations(self, leader_ids: set[int]) -> None:
        """Give a leader whose title says nothing of what they lead ("Its chair, Mrs Garvie",
        "The union's general secretary") the words of the one organisation their first
        sentence (or the one before it) is about, so "Who heads the campaign?" finds them."""
        led_words = list(self.led_words)
        for leader in leader_ids:
            role = {t.folded for t in tokenize(self.entities[leader].role or "")}
            if role - _BARE_TITLE_WORDS - ORG_DESCRIPTORS:
                continue  # "Council leader", "chief executive of X" say what they lead
            first = next((s for s in self.sentences if leader in s.named_entities), None)
            if first is None:
                continue
            organisation = self._one_organisation(first)
            previous = self.previous(first)
            if (
                organisation is None
                and previous is not None
                and previous is not self.headline
                and previous.sentence.paragraph == first.sentence.paragraph
            ):
                organisation = self._one_organisation(previous)
            if organisation is not None:
                org = self.entities[organisation]
                led_words[leader] |= _role_words(org) | {stem(t.folded) for t in tokenize(org.name)}
        self.led_words = tuple(led_words)

    def _one_organisation(self, sentence: IndexedSentence) -> int | None:
        organisations = {
            e for e in sentence.entities if self.entities[e].kind is EntityKind.ORGANISATION
        }
        return organisations.pop() if len(organisations) == 1 else None

    @functools.cached_property
    def main_organisation(self) -> int | None:
        """Return the organisation the most sentences name, when one clearly leads."""
        return self._leading(EntityKind.ORGANISATION, named_only=True)

    def _leading(self, kind: EntityKind, *, named_only: bool = False) -> int | None:
        counts = Counter(
            e
            for s in self.sentences
            for e in (s.named_entities if named_only else s.entities)
            if self.entities[e].kind is kind
        )
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[1][1] * _MAIN_LEAD > ranked[0][1]):
            return None
        return ranked[0][0]

    def _link_described_lede(self) -> None:
        """Link a lede that describes someone unnamed to the person the next sentence names.

        "A former finance manager who stole … has been jailed." is about
        "Deborah Marsh, 47, of Castleford, …" who opens the second sentence.
        """
        if len(self.sentences) < 2 or not _DESCRIBED_LEDE_RE.match(self.sentences[0].text):
            return
        lede, second = self.sentences[0], self.sentences[1]
        if any(self.entities[e].kind is EntityKind.PERSON for e in lede.named_entities):
            return
        opening = [m for m in self.mentions([t.folded for t in tokenize(second.text)]) if m[0] == 0]
        if opening and self.entities[opening[0][2]].kind is EntityKind.PERSON:
            lede.entities.add(opening[0][2])

    def mentions(self, words: list[str]) -> list[tuple[int, int, int]]:
        """Return (start, end, entity id) of the names in `words`, longest names first.

        In "Shi Tianze" both words belong to Shi Tianze, even when another
        person is called "Shi" for short.
        """
        taken = [False] * len(words)
        found = []
        for alias in self.aliases_longest_first:
            target = alias.split()
            size = len(target)
            for start in range(len(words) - size + 1):
                if words[start : start + size] == target and not any(taken[start : start + size]):
                    found.append((start, start + size, self.alias_map[alias]))
                    for i in range(start, start + size):
                        taken[i] = True
        return sorted(found)

    def _link_quotes(self) -> None:
        """Attach each quote to the sentences it spans and their speaker's entity."""
        for quote_id, quote in enumerate(self.document.quotes):
            speaker = self.entity_named(quote.speaker) if quote.speaker else None
            fragment = quote.text.split("\n")[0][:40]
            paragraphs = set(quote.paragraphs or (quote.paragraph,))
            folded = fold(quote.text)
            for s in self.sentences:
                # a quote of several sentences: each of them starts inside its text
                start = fold(s.text).lstrip(" \"'")[:20]
                in_quote = s.sentence.paragraph in paragraphs and (
                    len(paragraphs) > 1 or fragment[:20] in s.text or start in folded
                )
                if in_quote:
                    s.quote_ids = (*s.quote_ids, quote_id)
                    if speaker is not None:
                        s.entities.add(speaker)

    # -- look-ups -----------------------------------------------------------------

    @functools.cached_property
    def bm25(self) -> Bm25:
        """Return the BM25 scorer over the sentences' stems."""
        return Bm25(self.sentences)

    def previous(self, sentence: IndexedSentence) -> IndexedSentence | None:
        """Return the sentence before `sentence` when it is in the same or previous paragraph.

        The first sentence's predecessor is the headline, when there is one.
        """
        if sentence.position <= 0:
            return self.headline if sentence.position == 0 else None
        before = self.sentences[sentence.position - 1]
        if sentence.sentence.paragraph - before.sentence.paragraph > 1:
            return None
        return before

    def cohesive(self, first: IndexedSentence, second: IndexedSentence) -> bool:
        """Return True when two sentences are about the same people or things."""
        if first.entities & second.entities:
            return True
        shared = set(first.stems) & set(second.stems)
        return sum(1 for term in shared if self.idf.get(term, 0.0) >= self.max_idf / 2) >= 2

    # -- more look-ups -----------------------------------------------------------------

    def sentence_at(self, paragraph: int, number: int) -> IndexedSentence | None:
        """Return sentence `number` of `paragraph` (both from 1), or None."""
        return next(
            (
                s
                for s in self.sentences
                if s.sentence.paragraph == paragraph and s.sentence.index == number
            ),
            None,
        )

    def entity_named(self, name: str | None) -> int | None:
        """Return the id of the entity with this exact name or alias."""
        if not name:
            return None
        return self.alias_map.get(" ".join(t.folded for t in tokenize(name)))

    def find_entities(self, name: str) -> list[Entity]:
        """Return entities whose name or an alias matches `name`, allowing typos."""
        wanted = " ".join(t.folded for t in tokenize(name))
        if not wanted:
            return []
        exact = self.alias_map.get(wanted)
        if exact is not None:
            return [self.entities[exact]]
        found = process.extract(
            wanted, list(self.alias_map), scorer=fuzz.WRatio, score_cutoff=85, limit=5
        )
        ids = dict.fromkeys(self.alias_map[alias] for alias, _score, _ in found)
        return [self.entities[i] for i in ids]

    def correct(self, word: str) -> str | None:
        """Return the briefing's word closest to a misspelt `word`, if close enough.

        A real English word the briefing does not use ("router") is not a typo of
        one it does use ("route").
        """
        if len(word) < 4 or word in self.vocabulary or is_english_word(word):
            return None
        cutoff = 80 if len(word) >= 6 else 84
        best = process.extractOne(word, self._vocab_list, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is not None:
            return str(best[0])
        if len(word) >= 5:  # two letters swapped: "rasie" is "raise" (as in "raised")
            swapped = process.extractOne(
                word, self._lemma_list, scorer=OSA.distance, score_cutoff=1
            )
            if swapped is not None:
                return str(swapped[0])
        return None

    @functools.cached_property
    def _lemma_list(self) -> list[str]:
        """The briefing's words and their dictionary forms ("raised" and "raise")."""
        lemmas = {lemma for w in self._vocab_list for lemma, _ in dictionary_forms(w)}
        return sorted(lemmas | set(self._vocab_list))

    @functools.cached_property
    def main_person(self) -> int | None:
        """Return the person the most sentences are about, when one clearly leads."""
        return self._leading(EntityKind.PERSON)

    def coverage(self) -> str:
        """Return one line saying what the briefing covers: its subjects and main people."""
        return self._coverage

    @functools.cached_property
    def _coverage(self) -> str:
        people = [e.name for e in self.entities if e.kind is EntityKind.PERSON][:4]
        subjects = self.subjects()
        parts = []
        if subjects:
            parts.append(f"It covers {_join(subjects)}")
        if people:
            parts.append(("with " if parts else "It covers ") + _join(people))
        return (", ".join(parts) or f"It covers {self.document.title}") + "."

    def subjects(self, count: int = 4) -> list[str]:
        """Return the briefing's most repeated content words, as the article writes them."""
        name_words = {
            t.folded for e in self.entities if e.kind is EntityKind.PERSON for t in tokenize(e.name)
        }
        seen: Counter[str] = Counter()
        written: dict[str, Counter[str]] = {}
        for s in self.sentences:
            tokens = tokenize(s.text)
            for token in {t.folded: t for t in tokens}.values():
                word = token.folded
                if len(word) < 4 or word in STOPWORDS or word in name_words:
                    continue
                if not word.isalpha() or not (token.text[0].isupper() or can_be_noun(word)):
                    continue
                seen[stem(word)] += 1
                # a capital that only starts the sentence is no name: "Council" → council
                opening = token.start == tokens[0].start
                form = word if opening and is_english_word(word) else token.text
                written.setdefault(stem(word), Counter())[form] += 1
        common = [term for term, n in seen.most_common(count * 3) if n > 1]
        return [_usual_form(written[term]) for term in common[:count]]


def _usual_form(forms: Counter[str]) -> str:
    """Return how the article usually writes a word, lower case when it ever does."""
    lower = [f for f in forms if f.islower()]
    return max(lower, key=lambda f: forms[f]) if lower else forms.most_common(1)[0][0]


def _future_auxiliary(tokens: list[Token], i: int) -> bool:
    """Return True for "going" in "is going to feel": the future, not a movement."""
    if tokens[i].folded != "going" or i + 2 >= len(tokens) or tokens[i + 1].folded != "to":
        return False
    verb = tokens[i + 2]
    return verb.text.islower() and can_be_verb(verb.folded) and verb.folded not in DETERMINERS


def _led_words(entity: Entity) -> frozenset[str]:
    """Return the stems of the parts of the entity's role that give a leading title."""
    words: set[str] = set()
    for part in (entity.role or "").split(","):
        folded = {t.folded for t in tokenize(part)}
        if _title_words(folded):
            words |= {stem(word) for word in folded}
    return frozenset(words)


def _title_words(words: set[str]) -> set[str]:
    """Return the words that make a role's holder the leader of something."""
    title = words & (LEADING_ROLES | LEADING_VERBS)
    if {"general", "secretary"} <= words or "secretary-general" in words:
        title |= {"secretary", "secretary-general"} & words
    return title


def _leading_title(entity: Entity) -> frozenset[str]:
    """Return the stems of the words of the entity's role that make them the leader of
    something: a title ("chairman") or a leading verb in a clause ("who chairs the …")."""
    if _DEPARTMENT_HEAD_RE.search(entity.role or ""):
        return frozenset()  # a "chief information security officer" runs one department
    role_words = {t.folded for t in tokenize(entity.role or "")}
    return frozenset(stem(word) for word in _title_words(role_words))


def _near_pairs(stems: list[str]) -> frozenset[tuple[str, str]]:
    """Return the ordered pairs of content stems at most one content word apart."""
    pairs = set()
    for i, first in enumerate(stems):
        for second in stems[i + 1 : i + 3]:
            pairs.add((first, second))
    return frozenset(pairs)


def _alias_map(entities: tuple[Entity, ...]) -> dict[str, int]:
    """Return folded alias → entity id, skipping aliases shared by two entities."""
    seen: dict[str, int] = {}
    shared: set[str] = set()
    for entity_id, entity in enumerate(entities):
        for alias in (entity.name, *entity.aliases):
            words = [t.folded for t in tokenize(alias)]
            while words and words[0] in ("the", "a", "an"):
                words = words[1:]
            if not words or len(words) > _MAX_ALIAS_WORDS:
                continue
            if len(words) == 1 and (words[0] in STOPWORDS or words[0] in _TITLE_WORDS):
                continue
            key = " ".join(words)
            if key in seen and seen[key] != entity_id:
                shared.add(key)
            seen.setdefault(key, entity_id)
    return {k: v for k, v in seen.items() if k not in shared}


def _role_titles(entities: tuple[Entity, ...]) -> dict[tuple[str, ...], int]:
    """Return the last one to three words of each person's job title and whose it is,
    when no one else's title ends with them: ("chief", "executive") for "the airline's
    chief executive"."""
    seen: dict[tuple[str, ...], set[int]] = {}
    for entity_id, entity in enumerate(entities):
        if entity.kind is not EntityKind.PERSON or not entity.role:
            continue
        title = _ROLE_CUT_RE.split(entity.role, maxsplit=1)[0]
        words = [t.folded for t in tokenize(title)]
        if not words or words[-1] in STOPWORDS or words[-1] in _TITLE_WORDS:
            continue
        for size in range(1, min(3, len(words)) + 1):
            seen.setdefault(tuple(words[-size:]), set()).add(entity_id)
    return {title: ids.pop() for title, ids in seen.items() if len(ids) == 1}


def _role_words(entity: Entity) -> frozenset[str]:
    """Return the stems of the words of an entity's role and aliases."""
    text = " ".join([entity.role or "", *entity.aliases])
    return frozenset(stem(t.folded) for t in tokenize(text))


def _title_gender(entity: Entity) -> str | None:
    """Return "f" or "m" when a title (Ms, Mr) tells the entity's gender, else None."""
    titles = {fold_word(a.split()[0]) for a in entity.aliases if a.split()}
    if titles & _FEMALE_TITLES:
        return "f"
    return "m" if titles & _MALE_TITLES else None


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
