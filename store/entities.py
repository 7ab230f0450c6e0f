"""Find people and organisations, their roles and aliases, and where they are mentioned."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from store.document import Entity, EntityKind
from store.name_runs import NameRun, Token, is_cap, name_runs
from store.roles import after_apposition, age_after, court_role, role_before, role_before_comma
from store.sentences import Span
from store.wordlists import (
    BUSINESS_HEADS,
    CAP_STOP,
    CLUB_HEADS,
    CLUB_NICKNAMES,
    DEMONYMS,
    DETERMINERS,
    HONORIFICS,
    HONORIFICS_F,
    HONORIFICS_M,
    HUMAN_VERBS,
    NAME_TITLES,
    NON_NAME,
    ORG_DESCRIPTORS,
    ORG_FIRST,
    ORG_HEADS,
    ROLE_NOUNS,
    SECOND_TITLES,
    TEAM_WORDS,
    TITLE_WORDS,
    UTILITY_HEADS,
)

_AUX = r"(?:(?:has|had|have|will|would|could|should|may|might|must|also|later|then|is|was|"
_AUX += r"previously|recently|once|has\s+since|had\s+also)\s+){0,3}(?:(?:expected|due|set|"
_AUX += r"going|likely|about)\s+to\s+)?"

_PRONOUN_START = re.compile(r"^[\"“‘']?(He|She|His|Her)\b")


@dataclass(frozen=True)
class Mention:
    """One place where an entity is mentioned (offsets are within the paragraph)."""

    entity: str
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entities:
    """What entity extraction found: the entities, their mentions, and known genders."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    genders: dict[str, str] = field(default_factory=dict)

    def by_name(self) -> dict[str, Entity]:
        return {e.name: e for e in self.entities}


@dataclass
class _Candidate:
    name: str
    kind: EntityKind
    evidence: bool
    role: str | None
    description: str | None
    honorific: str | None
    seq: NameRun
    start: int
    end: int
    strong: bool = False
    company: bool = False  # an organisation known from company cues, not its name's last word


@dataclass
class _Person:
    name: str
    kind: EntityKind
    role: str | None = None
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    first: tuple[int, int, int] = (0, 0, 0)
    company: bool = False


_LAST_WORD = re.compile(r"([\w'’-]+)\W*$")


def _word_before(paragraph: str, pos: int, span: Span) -> str:
    m = _LAST_WORD.search(paragraph[max(span.start, pos - 60) : pos])
    return m.group(1) if m else ""


_STATEMENT = re.compile(r"\s+in\s+an?\s+(?:statement|filing|release|press\s+release|post)\b")


def _speech_after(paragraph: str, end: int, span: Span) -> bool:
    """ "X said ...": a verb of speech or thought after the name (not "said in a statement")."""
    rest = paragraph[end : span.end]
    m = re.match(r",?\s+" + _AUX + r"([a-z]+)\b", rest)
    if not m or m.group(1) not in HUMAN_VERBS:
        return False
    # Companies and councils "said in a statement" too: no evidence of a person either way.
    return not _STATEMENT.match(rest, m.end())


_INVERTED_VERBS = frozenset(
    """said says added adds explained insisted warned argued continued wrote writes noted
    recalled replied acknowledged admitted stressed suggested claimed declared announced
    observed remarked conceded""".split()
)
_INVERTED = re.compile(r"[,”\"’]\s*([a-z]+)\s+$")


def _speech_before(paragraph: str, start: int, end: int, span: Span) -> bool:
    """ "…,” said X.": the name follows a quote (or comma) and a verb of speech, and ends
    the clause (not "said Mary Poppins star Julie Andrews")."""
    if not re.match(r"[,.;:!?]|\s+(?:who|of|from)\b|$", paragraph[end : span.end]):
        return False
    m = _INVERTED.search(paragraph[max(span.start, start - 40) : start])
    return bool(m and m.group(1) in _INVERTED_VERBS)


def _valid_name_word(word: str) -> bool:
    if len(word) == 1:
        return word.isupper()
    if word.isupper() and len(word) > 1:
        return False
    if word in NON_NAME or word in DEMONYMS or word in CAP_STOP or word in ORG_HEADS:
        return False
    if word.endswith("s") and (word[:-1] in TITLE_WORDS or word[:-1].lower() in ROLE_NOUNS):
        return False
    return not word.lower().endswith(("ism", "ists"))


def _lower_words(paragraphs: Sequence[str]) -> frozenset[str]:
    return frozenset(w for p in paragraphs for w in re.findall(r"\b[a-z][a-z'’-]*\b", p))


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve several many few".split()
)
# "in Radford" is a place; "worked at Vantrel", "a letter to Acme" may be a company
_PLACE_PREPOSITIONS = frozenset(
    "in near outside across throughout into towards toward around within".split()
)
_LOCATIVE = frozenset(
    "in at from to into near across throughout towards toward around outside within via "
    "between against".split()
)


def _analyse(seq: NameRun, paragraph: str, lower_words: frozenset[str]) -> _Candidate | None:
    tokens = list(seq.tokens)
    span = seq.span
    word_before = _word_before(paragraph, tokens[0].start, span).lower()
    det_before = word_before in DETERMINERS
    before_text = paragraph[max(span.start, tokens[0].start - 60) : tokens[0].start]
    poss_before = bool(re.search(r"['’]s?\s$", before_text))
    # "His coach, the Australian Greg Mallender,": an apposition after its nationality too
    nationality_first = before_text.endswith(", the ") and tokens[0].text in DEMONYMS
    in_apposition = before_text.endswith(", ") or nationality_first
    apposition_at = tokens[0].start - len("the ") if nationality_first else tokens[0].start
    # Drop leading function words and, at the start of a sentence, common words.
    while tokens:
        w = tokens[0].text
        common = seq.initial and tokens[0] is seq.tokens[0] and w.lower() in lower_words
        if w in CAP_STOP or common or not is_cap(w):
            if w.lower() in DETERMINERS:
                det_before = True
            tokens.pop(0)
            continue
        break
    while tokens and not is_cap(tokens[-1].text):
        tokens.pop()
    if not tokens:
        return None
    words = [t.text for t in tokens]
    start, end = tokens[0].start, tokens[-1].end
    text = paragraph[start:end]
    descriptor = role_before(paragraph, start, span)
    desc_head = descriptor.split()[-1].lower() if descriptor else ""

    # Organisations.
    firsts = [k for k, w in enumerate(words) if w in ORG_FIRST and k + 1 < len(words)]
    if firsts and words[firsts[0] + 1] in ("of", "for"):
        tokens = tokens[firsts[0] :]
        words = words[firsts[0] :]
        start = tokens[0].start
        text = paragraph[start:end]
    # "Center for Inherited Kidney Disorders", "Bank of England"; not "Smith for Congress"
    for joiner in ("for", "of"):
        if joiner not in words:
            continue
        k = words.index(joiner)
        if words[0] in ORG_FIRST or any(w in ORG_HEADS for w in words[:k]):
            return _Candidate(
                text, EntityKind.ORGANISATION, True, descriptor, None, None, seq, start, end
            )
        tokens = tokens[:k]
        words = words[:k]
        end = tokens[-1].end
        text = paragraph[start:end]
    team = len(words) > 2 and words[-1] in TEAM_WORDS and words[-2] in CLUB_HEADS
    if (
        " & " in text  # "Hewitt & Lowe" is a firm, never one person
        or words[-1] in ORG_HEADS
        or team
        or (desc_head in ORG_DESCRIPTORS and desc_head not in ROLE_NOUNS)
    ):
        if len(words) == 1 and words[0] in CLUB_NICKNAMES:
            # "Athletic levelled": a club's short name, linked to the club if there is one
            return _Candidate(
                text, EntityKind.ORGANISATION, False, None, None, None, seq, start, end
            )
        if len(words) == 1 and words[0] in ORG_HEADS:
            return None
        role = descriptor if desc_head in ORG_DESCRIPTORS else None
        if role is None and not in_apposition:
            # "Kestrel Freight, a haulage firm, said": a kind of organisation is its role.
            app_role = after_apposition(paragraph, end, span)[0]
            role = app_role if _org_role(app_role) else None
        return _Candidate(text, EntityKind.ORGANISATION, True, role, None, None, seq, start, end)
    company = words[-1] in UTILITY_HEADS or _COMPANY_CLAUSE.match(paragraph, end, span.end)
    if len(words) > 1 and company and not _person_cue(words, paragraph, end, span, desc_head):
        # "Wessex Vale Water said", "Fernhollow Biomaterials, which is based in X, said".
        app_role = None if in_apposition else after_apposition(paragraph, end, span)[0]
        role = app_role if _org_role(app_role) else None
        return _Candidate(
            text, EntityKind.ORGANISATION, True, role, None, None, seq, start, end, company=True
        )
    titled = words[0] in HONORIFICS or words[0] in TITLE_WORDS or words[0].lower() in ROLE_NOUNS
    if (
        not titled
        and _org_context(paragraph, start, end, span, len(words))
        and all(_valid_name_word(w) for w in words)
    ):
        return _Candidate(text, EntityKind.ORGANISATION, True, None, None, None, seq, start, end)

    # Honorifics and titles written in capitals before the name.
    honorific: str | None = None
    title: list[Token] = []
    abbrev = [
        k for k, t in enumerate(tokens[:-1]) if t.text.isupper() and t.text.lower() in ROLE_NOUNS
    ]
    if abbrev and tokens[0].text not in HONORIFICS:
        # "Labour MP Jane Doe", "Acme CEO John Smith": the title ends at the abbreviation.
        title, tokens = tokens[: abbrev[-1] + 1], tokens[abbrev[-1] + 1 :]
    role_words = [
        k
        for k, t in enumerate(tokens[:-1])
        if k > 0 and (t.text.lower() in ROLE_NOUNS or t.text in TITLE_WORDS)
    ]
    if role_words and not title and tokens[0].text not in HONORIFICS:
        # "Chief Fire Officer Ruth Kellaway", "Assistant District Attorney Karen Lindqvist".
        rest = tokens[role_words[-1] + 1 :]
        if len(rest) <= 3 and all(_valid_name_word(t.text) for t in rest):
            title, tokens = tokens[: role_words[-1] + 1], rest
    while tokens and (
        tokens[0].text in HONORIFICS
        or (tokens[0].text in TITLE_WORDS and not _first_name(tokens))
        or (tokens[0].text in SECOND_TITLES and title and len(tokens) > 1)
        or (tokens[0].text.lower() in ROLE_NOUNS and len(tokens) > 1)
        or tokens[0].text in DEMONYMS
        or (tokens[0].text.isupper() and len(tokens[0].text) > 1)
    ):
        if tokens[0].text in HONORIFICS and honorific is None:
            honorific = tokens[0].text
        else:
            title.append(tokens[0])
        tokens.pop(0)
    real_title = any(t.text in TITLE_WORDS or t.text.lower() in ROLE_NOUNS for t in title)
    title_text = paragraph[title[0].start : title[-1].end] if title else ""
    if not tokens:
        if real_title:
            # A role used on its own ("The Defence Secretary"): remembered for later linking.
            return _Candidate("", EntityKind.PERSON, False, title_text, None, None, seq, start, end)
        return None
    nationality = False
    if title and not real_title:
        # Only a nationality ("Latin America", "Western Xia"): not evidence of a person.
        if len(tokens) == 1 or honorific:
            return None
        title, title_text = [], ""
        nationality = True  # "the Australian Greg Mallender": "the" goes with "Australian"
    words = [t.text for t in tokens]
    if not all(_valid_name_word(w) for w in words) or words[-1].endswith("."):
        return None
    if all(len(w) == 1 for w in words):
        return None  # initials alone ("U.S."): no name
    name_start = tokens[0].start
    name = paragraph[name_start:end]
    role = None
    if title:
        lower_role = role_before(paragraph, title[0].start, span)
        role = f"{lower_role} {title_text}" if lower_role else title_text
    elif descriptor and desc_head in ROLE_NOUNS:
        role = descriptor
    app_role, description = (None, None)
    if not in_apposition:
        app_role, description = after_apposition(paragraph, end, span)
    elif len(words) > 1 or honorific:
        # "The mayor, Jane Doe," / "its leader, Councillor Derek Amos," (title and role).
        app_role = role_before_comma(paragraph, apposition_at, end, span)
        if role is None:
            app_role = app_role or court_role(paragraph, apposition_at, span)
    if role is None:
        role = app_role
    elif app_role and app_role != role:
        # "Councillor Anita Shah, the council's cabinet member for communities": both.
        description = f"{app_role}, {description}" if description else app_role
    initials = any(len(w) == 1 for w in words[:-1])
    age = age_after(paragraph, end, span)
    who = re.match(r",?\s+who\b", paragraph[end : span.end])
    if _org_role(role) and not (honorific or title):
        # "Wessex Water, the utility company, said": the apposition names a kind of firm.
        return _Candidate(
            name, EntityKind.ORGANISATION, True, role, None, None, seq, name_start, end
        )
    speech = _speech_after(paragraph, end, span) or _speech_before(
        paragraph, seq.tokens[0].start, end, span
    )
    evidence = bool(
        honorific
        or title
        or role
        or description
        or initials
        or speech
        or age
        or who
        or re.search(
            r"\b(?:such as|according to)\s$",
            paragraph[max(span.start, name_start - 30) : name_start],
        )
    )
    if word_before == "that" and (speech or age):
        det_before = False  # "told the court that Daniel Price, 32, had ...": not a determiner
    affiliated = (  # "Labour's Sean Driscoll": a full name after its party or firm
        poss_before
        and not det_before
        and 2 <= len(words) <= 3
        and not any(w.lower() in lower_words for w in words)
    )
    if nationality and not poss_before:
        det_before = False
    if (det_before or poss_before) and not (honorific or title or role or affiliated):
        return None
    if word_before in _LOCATIVE and not (honorific or title or speech) and not _person_role(role):
        return None  # "in Oldham, a secondary school with 1,140 pupils": a place
    if len(words) == 1 and (word_before.isdigit() or word_before in _NUMBER_WORDS):
        return None
    sentence_start = seq.initial and tokens[0] is seq.tokens[0]
    strong = bool(honorific or speech or tokens[-1].possessive or title or role or sentence_start)
    if len(words) == 1 and not (honorific or title or role):
        evidence = False
    return _Candidate(
        name,
        EntityKind.PERSON,
        evidence,
        role,
        description,
        honorific,
        seq,
        name_start,
        end,
        strong,
    )


# ", which is based in X, said": a relative "which" and a verb of speech after a name.
_COMPANY_CLAUSE = re.compile(
    r",\s+which\s+[^,;:()\"“”]{1,120},\s+"
    + _AUX
    + r"(?:said|says|announced|announces|confirmed|confirms|told|added|stated|warned|"
    r"reported|reports)\b"
)
_ROLE_PREPS = frozenset("of for at in on from with to within across".split())


def _org_role(role: str | None) -> bool:
    """Whether an apposed phrase names a kind of organisation ("the water company")."""
    if not role:
        return False
    words = role.split()
    prep = next((i for i, w in enumerate(words) if w in _ROLE_PREPS), len(words))
    if prep == 0:
        return False
    head = words[prep - 1].lower()
    return head in ORG_DESCRIPTORS and head not in ROLE_NOUNS


def _person_cue(words: list[str], paragraph: str, end: int, span: Span, desc_head: str) -> bool:
    """Whether anything marks a name as a person's: an honorific, title, initial or role
    before it, or an age, a "who" clause or a role (not a kind of firm) apposed after it."""
    for w in words[:-1]:
        if w in HONORIFICS or w in TITLE_WORDS or len(w) == 1:
            return True
        if w.isupper() and w.lower() in ROLE_NOUNS:
            return True
    if desc_head in ROLE_NOUNS or age_after(paragraph, end, span):
        return True
    if re.match(r",?\s+who\b", paragraph[end : span.end]):
        return True
    role, description = after_apposition(paragraph, end, span)
    return bool(description or (role and not _org_role(role)))


# Context that makes a capitalised name an organisation ("employed by X", "X's board").
_ORG_BEFORE = re.compile(
    r"\b(?:employed\s+by|employees\s+(?:of|at)|staff\s+at|workers\s+at|shares\s+(?:in|of)|"
    r"shareholders\s+(?:in|of)|subsidiary\s+of|customers\s+of|takeover\s+of)\s+(?:the\s+)?$",
    re.I,
)
_ORG_AFTER = re.compile(
    r"['’]s?\s+(?:board\s+of\s+directors|shareholders|share\s+price|workforce|employees|"
    r"chief\s+(?:executive|financial\s+officer|operating\s+officer|technology\s+officer)|"
    r"(?:finance|operations|managing|commercial|sales|marketing)\s+director)\b"
)


def _org_context(paragraph: str, start: int, end: int, span: Span, n_words: int) -> bool:
    """Whether the words around a name say it is a company or other organisation.

    "X's chief executive" counts for any name; "employed by X", "shares in X" and the like
    only for names of two or more words (a single word there is often a place).
    """
    if _ORG_AFTER.match(paragraph, end, span.end):
        return True
    return n_words > 1 and bool(_ORG_BEFORE.search(paragraph[max(span.start, start - 40) : start]))


def _person_role(role: str | None) -> bool:
    """Return True for a role only a person has: its head is a job ("a retired teacher")."""
    if not role:
        return False
    if role.startswith("who "):
        return True  # "who runs the bakery"
    head = re.split(r",| who | of | at | for | with | from | in ", role)[0].split()
    return bool(head) and head[-1].lower().rstrip("s") in ROLE_NOUNS


def _first_name(tokens: list[Token]) -> bool:
    """ "Dean Clarke": a title word that is a first name here (a title needs two names)."""
    return tokens[0].text in NAME_TITLES and len(tokens) < 3


def _gender_from(honorific: str | None) -> str | None:
    if honorific in HONORIFICS_M:
        return "m"
    if honorific in HONORIFICS_F:
        return "f"
    return None


def extract_entities(paragraphs: Sequence[str], spans: Sequence[Span]) -> Entities:
    """People and organisations in the document, with roles, aliases and mentions."""
    lower_words = _lower_words(paragraphs)
    cands: list[_Candidate] = []
    # Full names seen anywhere, even where nothing showed they are people ("an unbeaten 71
    # from Samuel Okonjo"), by last word: "said Okonjo" later shows it.
    full_names: dict[str, set[str]] = {}
    for span in spans:
        para = paragraphs[span.paragraph - 1]
        for seq in name_runs(span, para):
            cand = _analyse(seq, para, lower_words)
            if cand is not None:
                cands.append(cand)
            words = [t.text for t in seq.tokens]
            if (
                2 <= len(words) <= 3
                and all(_valid_name_word(w) and w.lower() not in lower_words for w in words)
                and not any(t.possessive for t in seq.tokens[:-1])
            ):
                full_names.setdefault(words[-1], set()).add(" ".join(words))

    people: dict[str, _Person] = {}

    def pos(c: _Candidate) -> tuple[int, int, int]:
        return (c.seq.span.paragraph, c.seq.span.index, c.start)

    # A name is an organisation if any mention says so, unless another gives it a title,
    # honorific or role ("Acme's chief executive" and "Mr Acme" cannot both be right).
    org_names = {c.name for c in cands if c.kind is EntityKind.ORGANISATION}
    person_names = {
        c.name for c in cands if c.kind is EntityKind.PERSON and (c.honorific or c.role)
    }

    def add(c: _Candidate) -> _Person:
        person = people.get(c.name)
        if person is None:
            kind = c.kind
            if c.name in org_names and c.name not in person_names:
                kind = EntityKind.ORGANISATION
            elif c.name in person_names:
                kind = EntityKind.PERSON
            person = _Person(c.name, kind, first=pos(c))
            people[c.name] = person
        person.company = person.company or c.company
        if person.role is None and c.role:
            person.role = c.role
        if person.description is None and c.description:
            person.description = c.description
        person.gender = person.gender or _gender_from(c.honorific)
        return person

    multi = [
        c for c in cands if c.name and (len(c.name.split()) > 1 or c.kind is not EntityKind.PERSON)
    ]
    # "The Health Secretary will ..." then "Maria Lopez and X will ..." as the next sentence.
    order = {(s.paragraph, s.index): i for i, s in enumerate(spans)}
    role_only = {order[(c.seq.span.paragraph, c.seq.span.index)] for c in cands if not c.name}
    named = {order[(c.seq.span.paragraph, c.seq.span.index)] for c in cands if c.evidence}
    for c in multi:
        at = order[(c.seq.span.paragraph, c.seq.span.index)]
        if at - 1 in role_only and at - 1 not in named and c.start == c.seq.span.start:
            c.evidence = True
    # Multi-word names with evidence, then those linked to them by coordination or reuse.
    for c in multi:
        if c.evidence or c.kind is EntityKind.ORGANISATION:
            add(c)
    single_words = {c.name for c in cands if c.name and len(c.name.split()) == 1}
    strong_singles = {c.name for c in cands if c.strong and len(c.name.split()) == 1}
    changed = True
    while changed:
        changed = False
        for c in multi:
            if c.name in people:
                continue
            parts = c.name.split()
            reused = parts[-1] in single_words or parts[0] in strong_singles
            coordinated = any(
                o.name in people
                and o.seq.span is c.seq.span
                and re.fullmatch(
                    r"\s*(?:,|,?\s*and|,?\s*or)\s*",
                    paragraphs[c.seq.span.paragraph - 1][min(o.end, c.end) : max(o.start, c.start)],
                )
                is not None
                for o in cands
            )
            if reused or coordinated:
                add(c)
                changed = True

    for person in people.values():
        if (
            person.kind is EntityKind.PERSON
            and person.name not in person_names
            and _names_a_side(person.name, paragraphs)
        ):
            person.kind = EntityKind.ORGANISATION
    persons = [p for p in people.values() if p.kind is EntityKind.PERSON]
    short_org = _short_org_names(people, persons, cands, paragraphs)
    for stem in short_org:
        if stem in people and people[stem].kind is EntityKind.ORGANISATION:
            del people[stem]  # merged into the full company name below

    def link(word: str, strong: bool = True) -> _Person | None:
        by_last = [p for p in persons if p.name.split()[-1] == word and p.name != word]
        if len(by_last) == 1:
            return by_last[0]
        by_first = [p for p in persons if p.name.split()[0] == word and p.name != word]
        if strong and not by_last and len(by_first) == 1:
            return by_first[0]
        return None

    mentions: list[Mention] = []
    role_mentions: list[_Candidate] = []
    for c in cands:
        para = paragraphs[c.seq.span.paragraph - 1]
        if not c.name:
            role_mentions.append(c)
            continue
        target = people.get(c.name)
        if target is not None and len(c.name.split()) == 1 and c.kind is EntityKind.PERSON:
            target = link(c.name, c.strong) or target
        if target is None and c.name in short_org and not c.honorific:
            # "Tidewater" after "Tidewater Ferries": the company, not a new entity.
            target = people[short_org[c.name]]
        if target is None and len(c.name.split()) == 1:
            target = link(c.name, c.strong)
            fulls = full_names.get(c.name, set())
            if target is None and c.strong and not c.honorific and len(fulls) == 1:
                (full,) = fulls
                if full not in people:
                    target = add(
                        _Candidate(full, EntityKind.PERSON, True, c.role, c.description, None,
                                   c.seq, c.start, c.end)
                    )  # fmt: skip
                    persons.append(target)
            if target is None and c.evidence:
                canonical = f"{c.honorific} {c.name}" if c.honorific and not c.role else c.name
                c = _Candidate(
                    canonical,
                    c.kind,
                    True,
                    c.role,
                    c.description,
                    c.honorific,
                    c.seq,
                    c.start,
                    c.end,
                )
                target = add(c)
                persons.append(target)
                if canonical != c.name.split()[-1]:
                    target.aliases.append(canonical.split()[-1])
        if target is None:
            continue
        if c.honorific:
            target.gender = target.gender or _gender_from(c.honorific)
            form = f"{c.honorific} {c.name.split()[-1]}"
            if form != target.name and form not in target.aliases:
                target.aliases.append(form)
        if target.role is None and c.role:
            target.role = c.role
        if target.description is None and c.description:
            target.description = c.description
        if c.name != target.name and c.name not in target.aliases:
            target.aliases.append(c.name)
        mstart = c.seq.tokens[0].start if c.honorific else c.start
        mentions.append(
            Mention(
                target.name,
                c.seq.span.paragraph,
                c.seq.span.index,
                mstart,
                c.end,
                para[mstart : c.end],
            )
        )

    _link_role_subjects(role_mentions, mentions, people, spans)
    _infer_genders(people, mentions, spans)

    entities: list[Entity] = []
    for p in sorted(people.values(), key=lambda p: p.first):
        aliases = list(p.aliases)
        if p.kind is EntityKind.PERSON and len(p.name.split()) > 1:
            last = p.name.split()[-1]
            if link(last) is p and last not in aliases and _valid_name_word(last):
                aliases.insert(0, last)
        role = p.role
        if p.description:
            role = f"{role}, {p.description}" if role else p.description
        entities.append(Entity(p.name, p.kind, role, tuple(dict.fromkeys(aliases))))
    genders = {p.name: p.gender for p in people.values() if p.gender}
    mentions.sort(key=lambda m: (m.paragraph, m.sentence, m.start))
    return Entities(tuple(entities), tuple(mentions), genders)


def _names_a_side(name: str, paragraphs: Sequence[str]) -> bool:
    """Return True when the last word of `name` stands before someone's role, as a team or
    company does: "Hallam Vale" is no person in "Vale defender Liam Dacre"."""
    last = re.escape(name.split()[-1])
    pattern = re.compile(r"\b" + last + r" ([a-z]+) [A-Z]")
    return any(m.group(1) in ROLE_NOUNS for p in paragraphs for m in pattern.finditer(p))


def _short_org_names(
    people: dict[str, _Person],
    persons: list[_Person],
    cands: list[_Candidate],
    paragraphs: Sequence[str],
) -> dict[str, str]:
    """Short forms of company names: "Tidewater" for "Tidewater Ferries", "Acme" for "Acme Ltd".

    Only for names ending in a business word, and never when the short form also starts
    another entity's name ("Radford Crown Court"), is part of a person's name, or is used
    like a place ("in Radford", "Elm Grove, Radford,").
    """
    person_words = {w for p in persons for w in p.name.split()}
    stems: dict[str, list[str]] = {}
    for p in people.values():
        parts = p.name.split()
        if p.kind is not EntityKind.ORGANISATION or len(parts) < 2:
            continue
        if parts[-1] in TEAM_WORDS and parts[-2] in CLUB_HEADS:
            parts = parts[:-1]  # "Ashbury Rovers Women" is "Ashbury Rovers" for short
        club = parts[-1] in CLUB_HEADS and len(parts) > 1
        if parts[-1] not in BUSINESS_HEADS and not p.company and not club:
            continue
        first_word = len(parts) > 2 and parts[-1] in BUSINESS_HEADS and _valid_name_word(parts[0])
        if not all(_valid_name_word(w) for w in parts[:-1]):
            if not first_word:
                continue
            shorter = []  # "Vantrel" for Vantrel Systems Inc, but not "Vantrel Systems"
        else:
            shorter = [" ".join(parts[:-1])]
        if len(parts) < len(p.name.split()):
            shorter.append(" ".join(parts))
        if club and parts[-1] in CLUB_NICKNAMES:
            shorter.append(parts[-1])  # "Athletic levelled": Kirkbridge Athletic
        if first_word:
            shorter.append(parts[0])  # "Castlegate" for Castlegate Property Holdings
        if not person_words.intersection(parts[:-1]):
            for stem in shorter:
                stems.setdefault(stem, []).append(p.name)
    for name in people:
        for stem in stems:
            if name.startswith(stem + " ") and name not in stems[stem]:
                stems[stem].append(name)
    for c in cands:
        if c.name not in stems or c.seq.tokens[-1].possessive:
            continue
        para = paragraphs[c.seq.span.paragraph - 1]
        before = para[c.seq.span.start : c.seq.tokens[0].start]
        word = _LAST_WORD.search(before)
        after_name = before.endswith(", ") and word is not None and word.group(1)[:1].isupper()
        if after_name or (word and word.group(1).lower() in _PLACE_PREPOSITIONS):
            stems[c.name].append("")  # used like a place: ambiguous
    return {stem: names[0] for stem, names in stems.items() if len(names) == 1}


def _link_role_subjects(
    role_mentions: list[_Candidate],
    mentions: list[Mention],
    people: dict[str, _Person],
    spans: Sequence[Span],
) -> None:
    """ "The Defence Secretary will ..." then "John Healey and X will ..." in the next sentence."""
    order = {(s.paragraph, s.index): i for i, s in enumerate(spans)}
    for rm in role_mentions:
        span = rm.seq.span
        para_text = span.text
        after = [
            m
            for m in mentions
            if (m.paragraph, m.sentence) == (span.paragraph, span.index) and m.start >= rm.end
        ]
        if rm.role and after:
            nearest = min(after, key=lambda m: m.start)
            gap = para_text[rm.end - span.start : nearest.start - span.start]
            person = people[nearest.entity]
            if gap == ", " and person.kind is EntityKind.PERSON:
                # "The Environment Secretary, Steve Reed, told MPs ..."
                if person.role is None:
                    person.role = rm.role
                if rm.role not in person.aliases:
                    person.aliases.append(rm.role)
                continue
        if not rm.role or any(
            m.paragraph == span.paragraph and m.sentence == span.index for m in mentions
        ):
            continue
        at = order[(span.paragraph, span.index)]
        if at + 1 >= len(spans):
            continue
        nxt = spans[at + 1]
        following = [m for m in mentions if (m.paragraph, m.sentence) == (nxt.paragraph, nxt.index)]
        if not following or following[0].start - nxt.start > 1:
            continue
        first = people[following[0].entity]
        if first.role is None:
            first.role = rm.role
        if rm.role not in first.aliases:
            first.aliases.append(rm.role)
        counterpart = re.search(
            r"\b(?:his|her)\s+((?:[A-Z][\w-]*\s+|[a-z][\w-]*\s+){0,2}("
            + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
            + r"))\b",
            span.text,
        )
        if counterpart and len(following) > 1:
            second = people[following[1].entity]
            between = nxt.text[following[0].end - nxt.start : following[1].start - nxt.start]
            if re.fullmatch(r"\s*and\s*", between) and second.role is None:
                second.role = counterpart.group(1)
        mentions.append(
            Mention(
                first.name,
                span.paragraph,
                span.index,
                rm.start,
                rm.end,
                rm.seq.span.text[rm.start - span.start : rm.end - span.start],
            )
        )


def _infer_genders(
    people: dict[str, _Person], mentions: list[Mention], spans: Sequence[Span]
) -> None:
    """Guess he/she from a sentence about one person followed by "He ..." or "She ..."."""
    votes: dict[str, list[str]] = {}
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.paragraph, m.sentence), []).append(m)
    for prev, cur in itertools.pairwise(spans):
        ms = sorted(by_sentence.get((prev.paragraph, prev.index), []), key=lambda m: m.start)
        if not ms or by_sentence.get((cur.paragraph, cur.index)):
            continue
        if len(prev.text[: ms[0].start - prev.start].split()) > 4:
            continue
        match = _PRONOUN_START.match(cur.text)
        if match:
            votes.setdefault(ms[0].entity, []).append(
                "f" if match.group(1) in {"She", "Her"} else "m"
            )
    for name, vs in votes.items():
        person = people.get(name)
        if person and person.gender is None and len(set(vs)) == 1:
            person.gender = vs[0]
