"""Classify free-text intended use into the purposes the use-qualified entries name."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netvet.model import UseClass


@dataclass(frozen=True, slots=True)
class UseRules:
    """One compiled whole-word pattern per use class, tried in order."""

    ordered: tuple[tuple[UseClass, re.Pattern[str]], ...]

    @classmethod
    def build(
        cls,
        order: list[str],
        classes: dict[str, list[str]],
        facilities: Mapping[str, Sequence[str]] | None = None,
    ) -> "UseRules":
        """Compile the kb's term lists; government-owned facilities join the government-facility class."""
        owned = owned_facility(facilities or {})
        ordered = tuple(
            (UseClass(name), compile_terms(classes[name], owned if name == GOVERNMENT else None))
            for name in order
        )
        return cls(ordered)


GOVERNMENT = UseClass.GOVERNMENT_FACILITY.value


def alternation(terms: Sequence[str]) -> str:
    """Terms as one non-capturing alternation, longest first."""
    return "(?:" + "|".join(re.escape(str(t)) for t in sorted(terms, key=len, reverse=True)) + ")"


def owned_facility(facilities: Mapping[str, Sequence[str]]) -> str | None:
    """A public owner's word then a facility word, at most one word apart ('town hall', 'state
    university', 'county jail', 'public library'), or '<place> of <Name> <facility>' ('City of
    Springfield water works'): the principle, not a list of examples."""
    owners, places, kinds = (facilities.get(k) or () for k in ("owners", "places", "facilities"))
    if not owners or not kinds:
        return None
    facility = alternation(kinds)
    near = rf"{alternation(owners)}\s+(?:[\w'-]+\s+)?{facility}"
    named = rf"{alternation(places)}\s+of\s+[\w'-]+(?:\s+[\w'-]+)?\s+{facility}" if places else None
    return "|".join(p for p in (near, named) if p)


def compile_terms(terms: Sequence[str], extra: str | None = None) -> re.Pattern[str]:
    """Whole-word, case-insensitive: any of the terms (or the extra pattern)."""
    body = alternation(terms) + (f"|{extra}" if extra else "")
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def classify_use(rules: UseRules, text: str | None) -> UseClass:
    """The first class whose terms occur in the text; OTHER when none; UNKNOWN when empty."""
    if not text or not text.strip():
        return UseClass.UNKNOWN
    for use, pattern in rules.ordered:
        if pattern.search(text):
            return use
    return UseClass.OTHER
