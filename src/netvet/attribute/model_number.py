"""Model and part numbers -> manufacturer and category, from kb patterns and the device-type
catalogue."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from netvet.model import Category


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
    """Compiled patterns and the catalogue keyed by normalised model number."""

    patterns: tuple[ModelPattern, ...]
    compiled: tuple[re.Pattern[str], ...]
    catalogue: Mapping[str, tuple[CatalogueModel, ...]]

    @classmethod
    def build(
        cls, patterns: tuple[ModelPattern, ...], catalogue: Mapping[str, tuple[CatalogueModel, ...]]
    ) -> "ModelRules":
        """Compile every pattern once."""
        compiled = tuple(re.compile(p.regex, re.IGNORECASE) for p in patterns)
        return cls(patterns, compiled, catalogue)


def model_key(text: str) -> str:
    """Upper case without spaces: 'ds-2cd2143g2-i ' -> 'DS-2CD2143G2-I'."""
    return re.sub(r"\s+", "", text).upper()


def matching_patterns(rules: ModelRules, model: str) -> tuple[ModelPattern, ...]:
    """Every pattern that matches the trimmed model number."""
    text = model.strip()
    return tuple(p for p, rx in zip(rules.patterns, rules.compiled, strict=True) if rx.search(text))


def catalogue_models(rules: ModelRules, model: str) -> tuple[CatalogueModel, ...]:
    """Catalogue entries whose model or part number equals the model number."""
    return tuple(rules.catalogue.get(model_key(model), ()))
