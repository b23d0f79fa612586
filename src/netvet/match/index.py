"""A blocking index over entity names, so a query never compares against every entity."""

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from netvet.match.context import acronym_shaped, identifier_set, spellings
from netvet.match.normalize import NameKey, name_key, plain_words
from netvet.model import Entity
from netvet.model.rows import SortedStrings

FUZZY_WORD_MIN = 5
# Words longer than this match exactly only: a word's deletions cost its length squared.
FUZZY_WORD_MAX = 32
MAX_CANDIDATES = 40
IDENTIFIER_WEIGHT = 20.0
ACRONYM_WEIGHT = 0.5
GLUED_MIN = 8
GLUED_HEAD_MIN = 4


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name (legal name or alias) of one entity."""

    entity: str
    key: NameKey


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Names with inverted lists by trade word and by joined trade words, and the long words
    by every one-letter deletion of them (finds words one typo away without a scan)."""

    names: tuple[IndexedName, ...]
    by_word: dict[str, tuple[int, ...]]
    by_core: dict[str, tuple[int, ...]]
    by_deletion: dict[str, tuple[str, ...]]
    known: Collection[str] = frozenset()
    by_initials: dict[str, tuple[int, ...]] | None = None
    by_identifier: dict[tuple[str, str], tuple[int, ...]] | None = None

    def is_known(self, word: str) -> bool:
        """A word some indexed name or some known organisation name uses (so not a typo)."""
        return word in self.by_word or word in self.known


def build_index(entities: Iterable[Entity], known_names: Iterable[str] = ()) -> NameIndex:
    """Index every name of every entity; the words of `known_names` (registry organisations)
    are known to be real words, so a query word one typo from an indexed one is no typo."""
    names = tuple(IndexedName(e.id, key) for e in entities for key in entity_keys(e))
    by_word: dict[str, list[int]] = {}
    by_core: dict[str, list[int]] = {}
    by_initials: dict[str, list[int]] = {}
    by_identifier: dict[tuple[str, str], list[int]] = {}
    for i, name in enumerate(names):
        for word in set(name.key.trade):
            by_word.setdefault(word, []).append(i)
        by_core.setdefault(name.key.core, []).append(i)
        for letters in spellings(name.key.words) if acronym_shaped(name.key) is None else ():
            by_initials.setdefault(letters, []).append(i)
        for identifier in name.key.identifiers:
            by_identifier.setdefault(identifier, []).append(i)
    by_deletion: dict[str, set[str]] = {}
    for word in by_word:
        for variant in deletions(word):
            by_deletion.setdefault(variant, set()).add(word)
    return NameIndex(
        names,
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_core.items()},
        {k: tuple(sorted(v)) for k, v in by_deletion.items()},
        SortedStrings.of(plain_words(known_names)),
        {k: tuple(v) for k, v in by_initials.items()},
        {k: tuple(v) for k, v in by_identifier.items()},
    )


def entity_keys(entity: Entity) -> list[NameKey]:
    """The keys of an entity's distinct names, carrying its country and identifiers."""
    country = entity.country.strip().upper() if entity.country else None
    identifiers = identifier_set(entity.identifiers)
    keys = {name_key(n) for n in entity.names}
    return [replace(k, country=country, identifiers=identifiers) for k in keys if k.trade]


def deletions(word: str) -> set[str]:
    """A long word (up to FUZZY_WORD_MAX letters) and every variant of it with one letter left out."""
    if not FUZZY_WORD_MIN <= len(word) <= FUZZY_WORD_MAX:
        return set()
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def similar_words(index: NameIndex, word: str) -> set[str]:
    """The word and the indexed words one deletion, insertion, substitution or swap away."""
    found = {word}
    for variant in deletions(word) or ({word} if len(word) == FUZZY_WORD_MIN - 1 else set()):
        found.update(index.by_deletion.get(variant, ()))
    return found


def candidates(index: NameIndex, key: NameKey) -> list[int]:
    """Names sharing a trade word (up to a typo) or the joined trade words with the query; the
    MAX_CANDIDATES that share the rarest words when more do."""
    weight: dict[int, float] = dict.fromkeys(index.by_core.get(key.core, ()), 10.0)
    words = set(key.trade) | ({key.core} if len(key.core) >= FUZZY_WORD_MIN + 2 else set())
    # Sorted, so the float sums (and the cut at MAX_CANDIDATES) do not depend on set order.
    for word in sorted(words):
        for similar in sorted(similar_words(index, word)):
            postings = index.by_word.get(similar, ())
            rarity = 1.0 / (1.0 + math.log(1 + len(postings)))
            for i in postings:
                weight[i] = weight.get(i, 0.0) + rarity
    for i, extra in [*context_postings(index, key), *glued_postings(index, key)]:
        weight[i] = weight.get(i, 0.0) + extra
    ranked = sorted(weight, key=lambda i: (-weight[i], i))
    return ranked[:MAX_CANDIDATES]


def context_postings(index: NameIndex, key: NameKey) -> list[tuple[int, float]]:
    """Names carrying one of the query's identifiers, names whose initials spell the query's
    acronym, and acronym names the query's initials spell, each with its blocking weight."""
    found = [(i, IDENTIFIER_WEIGHT) for x in key.identifiers for i in (index.by_identifier or {}).get(x, ())]
    word = acronym_shaped(key)
    if word is not None:
        found += [(i, ACRONYM_WEIGHT) for i in (index.by_initials or {}).get(word, ())]
    elif len(key.words) > 1:
        spelt = (i for letters in spellings(key.words) for i in index.by_word.get(letters, ()))
        found += [(i, ACRONYM_WEIGHT) for i in spelt if acronym_shaped(index.names[i].key)]
    return found


def glued_postings(index: NameIndex, key: NameKey) -> list[tuple[int, float]]:
    """Names whose trade word begins a long query word that glues it to the next words
    ('lenovobeijing', 'huaweitechnologies'), weighted by the word's rarity."""
    found: list[tuple[int, float]] = []
    for word in key.trade:
        for end in range(GLUED_HEAD_MIN, len(word) - 2) if len(word) >= GLUED_MIN else ():
            postings = index.by_word.get(word[:end], ())
            rarity = 1.0 / (1.0 + math.log(1 + len(postings)))
            found += [(i, rarity) for i in postings]
    return found
