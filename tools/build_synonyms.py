"""Build faq/data/synonyms.tsv.gz from the WordNet 3.0 database files.

Run by hand when the table should change; the product only reads its output.

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wordnet
    python tools/build_synonyms.py wordnet/usr/share/wordnet faq/data/synonyms.tsv.gz

A word's synonyms, for each part of speech, are the single words that share
one of its two commonest senses, kept only when the word is also among the
other word's four commonest senses: "shut" gives "close", but "job" does not
give "line" (line of work is not what "line" usually means). Only that
two-way link is kept because loose synonyms answered more questions wrongly
than they rescued (tests/eval). Two-word phrases are looked up too ("set up"
gives "found"), but only single words are given as synonyms. Verbs that mean
another verb done again ("rebuild") are listed under the part "again".

A word's family is listed under the part "family": the words WordNet derives
from it or it from them ("abstain" gives abstention, "prosecute" gives
prosecutor), and the nouns naming what its commonest sense measures ("deep"
gives depth, "warm" gives temperature).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
POINTER_PARTS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
DERIVED, ATTRIBUTE = "+", "="
OWN_SENSES = 2
OTHER_SENSES = 4


def _usable(lemma: str) -> bool:
    """Return True for a single word or a two-word phrase ("set_up") of letters."""
    return lemma.count("_") <= 1 and lemma.replace("_", "").isalpha()


def read_synsets(folder: Path, part: str) -> dict[str, list[str]]:
    """Return each synset's offset and its single-word lemmas, from data.PART."""
    synsets = {}
    for line in (folder / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence header
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        synsets[fields[0]] = [w for w in lemmas if _usable(w)]
    return synsets


def read_senses(folder: Path, part: str) -> dict[str, list[str]]:
    """Return each single-word lemma's synset offsets, commonest sense first, from index.PART."""
    senses = {}
    for line in (folder / f"index.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        if _usable(lemma):
            start = 6 + pointer_count
            senses[lemma] = fields[start : start + synset_count]
    return senses


def sense_words(folder: Path, part: str, senses_kept: int) -> dict[str, set[str]]:
    """Return each word and the words sharing one of its `senses_kept` commonest senses."""
    synsets = read_synsets(folder, part)
    words = {}
    for lemma, offsets in read_senses(folder, part).items():
        words[lemma] = {w for offset in offsets[:senses_kept] for w in synsets[offset]} - {lemma}
    return words


def repeated_verbs(folder: Path) -> dict[tuple[str, str], list[str]]:
    """Return ("rebuild", "again") → ["build"] for each verb whose commonest sense is
    its stem done again ("build again"), under the made-up part of speech "again"."""
    commonest = {lemma: offsets[0] for lemma, offsets in read_senses(folder, "verb").items()}
    glosses = {}
    for line in (folder / "data.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            fields, _, gloss = line.partition(" | ")
            glosses[fields.split()[0]] = gloss.split(";")[0]
    return {
        (verb, "again"): [verb[2:]]
        for verb, offset in commonest.items()
        if verb.startswith("re")
        and verb[2:] in commonest
        and re.search(r"\b(again|anew|once more)\b", glosses[offset])
    }


def read_pointers(
    folder: Path, part: str
) -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str, str, str]]]]:
    """Return each synset's lemmas (all of them) and its pointers (symbol, offset, part,
    source/target), from data.PART."""
    lemmas, pointers = {}, {}
    for line in (folder / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas[fields[0]] = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        rest = fields[4 + 2 * count :]
        pointers[fields[0]] = [
            (rest[i], rest[i + 1], POINTER_PARTS[rest[i + 2]], rest[i + 3])
            for i in range(1, 1 + 4 * int(rest[0]), 4)
        ]
    return lemmas, pointers


def word_families(folder: Path) -> dict[tuple[str, str], list[str]]:
    """Return ("abstain", "family") → [abstainer, abstention, …] as the docstring says."""
    lemmas, pointers = {}, {}
    for part in PARTS_OF_SPEECH:
        part_lemmas, part_pointers = read_pointers(folder, part)
        lemmas |= {(offset, part): words for offset, words in part_lemmas.items()}
        pointers |= {(offset, part): found for offset, found in part_pointers.items()}
    families: dict[str, set[str]] = {}
    for (offset, part), found in pointers.items():
        for symbol, target, target_part, source_target in found:
            if symbol == DERIVED:
                source = lemmas[offset, part][int(source_target[:2], 16) - 1]
                word = lemmas[target, target_part][int(source_target[2:], 16) - 1]
                families.setdefault(source, set()).add(word)
    for part in ("adj", "noun"):
        for lemma, offsets in read_senses(folder, part).items():
            for symbol, target, target_part, _ in pointers[offsets[0], part]:
                if symbol == ATTRIBUTE:
                    families.setdefault(lemma, set()).update(lemmas[target, target_part])
    return {
        (word, "family"): sorted(w for w in related if "_" not in w and w != word)
        for word, related in families.items()
        if "_" not in word and word.isalpha() and any("_" not in w and w != word for w in related)
    }


def build(folder: Path) -> dict[tuple[str, str], list[str]]:
    """Return each (word, part of speech)'s two-way synonyms, as the module docstring says."""
    table = {}
    for part in PARTS_OF_SPEECH:
        own = sense_words(folder, part, OWN_SENSES)
        other = sense_words(folder, part, OTHER_SENSES)
        for word, synonyms in own.items():
            kept = sorted(s for s in synonyms if "_" not in s and word in other.get(s, ()))
            if kept:
                table[word, part] = kept
    return table | repeated_verbs(folder) | word_families(folder)


def main() -> None:
    folder, target = Path(sys.argv[1]), Path(sys.argv[2])
    table = build(folder)
    rows = sorted(
        (word.replace("_", " "), part, " ".join(synonyms))
        for (word, part), synonyms in table.items()
    )
    lines = "".join(f"{word}\t{part}\t{synonyms}\n" for word, part, synonyms in rows)
    target.write_bytes(gzip.compress(lines.encode("utf-8"), mtime=0))
    print(f"{target}: {len(table)} entries, {sum(map(len, table.values()))} synonyms")


if __name__ == "__main__":
    main()
