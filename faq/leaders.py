"""Who leads what: the people a question about leading asks for ("Who runs the company?")."""

from __future__ import annotations

from dataclasses import dataclass

from faq.index import BriefingIndex, IndexedSentence
from faq.lexicon import stem, tokenize
from faq.terms import Term


@dataclass(frozen=True)
class Leaders:
    """The question's view of the briefing's leaders.

    A leader leads what the question asks about when the part of their role that
    gives their title names it ("Ukrainian President" for "Who leads Ukraine?",
    "Tamberlane's chief executive" for "Who runs the company?").
    """

    index: BriefingIndex
    asked_ids: frozenset[int]
    asked_stems: frozenset[str]
    asks_leader: bool

    @classmethod
    def of(cls, index: BriefingIndex, terms: list[Term]) -> Leaders:
        ids = frozenset(t.entity for t in terms if t.entity is not None)
        stems = {m for t in terms if not t.leading for m in t.matches}
        stems |= {stem(t.folded) for i in ids for t in tokenize(index.entities[i].name)}
        return cls(index, ids, frozenset(stems), any(t.leading for t in terms))

    def leads(self, entity_id: int) -> bool:
        """Return True when the entity leads what the question asks about."""
        if not (self.asked_stems or self.asked_ids):
            return True
        return entity_id not in self.asked_ids and bool(
            self.index.led_words[entity_id] & self.asked_stems
        )

    def titled(self, sentence: IndexedSentence) -> frozenset[str]:
        """Return the words of what the sentence's leaders lead, for the leaders the
        question asks for whose title the sentence gives ("The union's general
        secretary, Paula Kinnaird"); empty unless the question asks who leads."""
        if not self.asks_leader:
            return frozenset()
        return frozenset().union(
            *(
                self.index.led_words[i]
                for i in sentence.leaders
                if self.leads(i) and self.index.leading_titles[i] & sentence.stems.keys()
            )
        )
