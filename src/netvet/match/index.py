"""A blocking index over entity names, so a query never compares against every entity."""

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from netvet.match.normalize import NameKey, name_key
from netvet.model import Entity

FUZZY_WORD_MIN = 5
FUZZY_CUTOFF = 0.85


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name (legal name or alias) of one entity."""

    entity: str
    key: NameKey


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Names with inverted lists by trade word and by joined trade words."""

    names: tuple[IndexedName, ...]
    by_word: dict[str, tuple[int, ...]]
    by_core: dict[str, tuple[int, ...]]
    long_words: tuple[str, ...]


def build_index(entities: Iterable[Entity]) -> NameIndex:
    """Index every name of every entity."""
    names = tuple(
        IndexedName(e.id, key) for e in entities for key in {name_key(n) for n in e.names} if key.trade
    )
    by_word: dict[str, list[int]] = {}
    by_core: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        for word in set(name.key.trade):
            by_word.setdefault(word, []).append(i)
        by_core.setdefault(name.key.core, []).append(i)
    long_words = tuple(sorted(w for w in by_word if len(w) >= FUZZY_WORD_MIN))
    return NameIndex(
        names,
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_core.items()},
        long_words,
    )


def similar_words(index: NameIndex, word: str) -> list[str]:
    """Indexed words within edit similarity FUZZY_CUTOFF of a long query word."""
    if len(word) < FUZZY_WORD_MIN:
        return [word]
    hits = process.extract(
        word,
        index.long_words,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=FUZZY_CUTOFF,
        limit=None,
    )
    return [word, *(hit[0] for hit in hits)]


def candidates(index: NameIndex, key: NameKey) -> set[int]:
    """Names sharing a trade word (up to spelling) or the joined trade words with the query."""
    found: set[int] = set(index.by_core.get(key.core, ()))
    for word in key.trade:
        for similar in similar_words(index, word):
            found.update(index.by_word.get(similar, ()))
    if len(key.core) >= FUZZY_WORD_MIN + 2:
        for similar in similar_words(index, key.core):
            found.update(index.by_word.get(similar, ()))
    return found
