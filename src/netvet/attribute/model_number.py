"""Model and part numbers -> manufacturer and category, from kb patterns and the device-type
catalogue."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from netvet.attribute.banners import PatternSet
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
        """Check that every pattern compiles (a bad one fails the kb load, not a scan) and build
        their prefilter once."""
        sources = [(p.regex, FLAGS) for p in patterns]
        for source in sources:
            re.compile(*source)
        return cls(patterns, PatternSet.build(sources), catalogue)


def model_key(text: str) -> str:
    """Upper case without spaces: 'ds-2cd2143g2-i ' -> 'DS-2CD2143G2-I'."""
    return re.sub(r"\s+", "", text).upper()


def matching_patterns(rules: ModelRules, model: str) -> tuple[ModelPattern, ...]:
    """Every pattern that matches the trimmed model number."""
    return tuple(rules.patterns[i] for i in rules.regexes.matching(model.strip()))


def catalogue_models(rules: ModelRules, model: str) -> tuple[CatalogueModel, ...]:
    """Catalogue entries whose model or part number equals the model number."""
    return tuple(rules.catalogue.get(model_key(model), ()))
