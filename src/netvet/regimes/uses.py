"""Classify free-text intended use into the purposes the use-qualified entries name."""

import re
from dataclasses import dataclass

from netvet.model import UseClass


@dataclass(frozen=True, slots=True)
class UseRules:
    """One compiled whole-word pattern per use class, tried in order."""

    ordered: tuple[tuple[UseClass, re.Pattern[str]], ...]

    @classmethod
    def build(cls, order: list[str], classes: dict[str, list[str]]) -> "UseRules":
        """Compile the kb's term lists."""
        ordered = tuple(
            (
                UseClass(name),
                re.compile(
                    r"\b(?:" + "|".join(re.escape(str(t)) for t in classes[name]) + r")\b", re.IGNORECASE
                ),
            )
            for name in order
        )
        return cls(ordered)


def classify_use(rules: UseRules, text: str | None) -> UseClass:
    """The first class whose terms occur in the text; OTHER when none; UNKNOWN when empty."""
    if not text or not text.strip():
        return UseClass.UNKNOWN
    for use, pattern in rules.ordered:
        if pattern.search(text):
            return use
    return UseClass.OTHER
