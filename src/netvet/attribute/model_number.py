"""Model and part numbers -> manufacturer and category, from kb patterns and the device-type
catalogue."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netvet.attribute.banners import prefilter_candidates, prefilter_database
from netvet.model import Category

FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class ModelPattern:
    """One kb pattern: a regex over model numbers that names a maker and a category."""

    id: str
    manufacturer: str
    regex: str
    category: Category | None
    strong: bool
    reason: str
    verified: bool = True


@dataclass(frozen=True, slots=True)
class CatalogueModel:
    """One model of the device-type catalogue (manufacturer entity, model name)."""

    manufacturer: str
    model: str
    category: Category | None = None


class PatternSet:
    """The patterns' regexes, each compiled the first time it is tried, and a Hyperscan
    prefilter naming the few a text may match (a scan would otherwise compile and try every one
    on every model number).

    The specification is Python's `re` trying every pattern (`matching_each`). The prefilter
    answers for printable ASCII text only and holds no pattern with a non-ASCII character: there
    Python's case-insensitive, Unicode-aware `re` and Hyperscan agree on what a letter, digit,
    space, word boundary and case pair are, so its candidates hold every match."""

    __slots__ = ("always", "compiled", "database", "sources")

    def __init__(
        self, sources: Sequence[str], database: Any = None, always: Sequence[int] | None = None
    ) -> None:
        self.sources = tuple(sources)
        self.database = database
        self.always = tuple(range(len(self.sources))) if always is None else tuple(always)
        self.compiled: dict[int, re.Pattern[str]] = {}

    @classmethod
    def build(cls, sources: Sequence[str]) -> "PatternSet":
        """Check that every pattern compiles (a bad one fails the kb load, not a scan) and build
        the prefilter."""
        for source in sources:
            re.compile(source, FLAGS)
        database, rejected = prefilter_database([(s.encode("utf-8"), FLAGS) for s in sources])
        always = sorted({*rejected, *(i for i, s in enumerate(sources) if not s.isascii())})
        return cls(sources, database, always)

    def pattern(self, index: int) -> re.Pattern[str]:
        """One pattern, compiled on first use."""
        found = self.compiled.get(index)
        if found is None:
            found = self.compiled[index] = re.compile(self.sources[index], FLAGS)
        return found

    def matching_each(self, text: str) -> list[int]:
        """The specification: the index of every pattern that matches, trying all in turn."""
        return [i for i in range(len(self.sources)) if self.pattern(i).search(text)]

    def matching(self, text: str) -> list[int]:
        """The same answer as matching_each, trying only the prefilter's candidates."""
        if self.database is None or not (text.isascii() and text.isprintable()):
            return self.matching_each(text)
        found = prefilter_candidates(self.database, self.always, text.encode("ascii"))
        return sorted(i for i in found if self.pattern(i).search(text))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (the kb cache) without its compiled patterns: reading those back would compile
        every one again."""
        return (PatternSet, (self.sources, self.database, self.always))


@dataclass(frozen=True, slots=True)
class ModelRules:
    """The kb patterns (their regexes in a PatternSet) and the catalogue keyed by normalised
    model number."""

    patterns: tuple[ModelPattern, ...]
    regexes: PatternSet
    catalogue: Mapping[str, tuple[CatalogueModel, ...]]

    @classmethod
    def build(
        cls, patterns: tuple[ModelPattern, ...], catalogue: Mapping[str, tuple[CatalogueModel, ...]]
    ) -> "ModelRules":
        """Check every pattern and build their prefilter once."""
        return cls(patterns, PatternSet.build([p.regex for p in patterns]), catalogue)


def model_key(text: str) -> str:
    """Upper case without spaces: 'ds-2cd2143g2-i ' -> 'DS-2CD2143G2-I'."""
    return re.sub(r"\s+", "", text).upper()


def matching_patterns(rules: ModelRules, model: str) -> tuple[ModelPattern, ...]:
    """Every pattern that matches the trimmed model number."""
    return tuple(rules.patterns[i] for i in rules.regexes.matching(model.strip()))


def catalogue_models(rules: ModelRules, model: str) -> tuple[CatalogueModel, ...]:
    """Catalogue entries whose model or part number equals the model number."""
    return tuple(rules.catalogue.get(model_key(model), ()))
