"""Match organisation names to kb entities: the one matcher the CLI, the kb builder and
attribution all call."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from netvet.match.confusables import CONFUSABLES_REASON, fold_confusables
from netvet.match.context import country_code, identifier_set
from netvet.match.index import NameIndex, candidates
from netvet.match.normalize import MAX_NAME_CHARS, name_key
from netvet.match.score import PairScore, score_pair

DEFAULT_THRESHOLD = 0.85


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One entity matched by one query, with the name that matched best and why."""

    entity: str
    score: float
    matched_name: str
    reasons: tuple[str, ...]


def match_name(
    index: NameIndex,
    query: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 5,
    country: str | None = None,
    identifiers: Iterable[tuple[str, str]] = (),
) -> tuple[NameMatch, ...]:
    """Entities whose best name scores at or above threshold, best first; the query's country
    (an ISO 3166 code or a name) and identifiers ((scheme, value) pairs) count when given."""
    key = name_key(query)
    if not key.trade:
        return ()
    unknown = frozenset(w for w in key.trade if not index.is_known(w))
    key = replace(key, unknown=unknown) if unknown else key
    ids, code = identifier_set(identifiers), country_code(country) if country else None
    key = replace(key, country=code, identifiers=ids) if code or ids else key
    best: dict[str, tuple[PairScore, str]] = {}
    for i in sorted(candidates(index, key)):
        name = index.names[i]
        pair = score_pair(key, name.key)
        held = best.get(name.entity)
        if (
            held is None
            or pair.score > held[0].score
            or (pair.score == held[0].score and closer_spelling(query, name.key.text, held[1]))
        ):
            best[name.entity] = (pair, name.key.text)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0].score, item[0]))
    folded = confusable_reasons(query)
    return tuple(
        NameMatch(entity, pair.score, text, (*pair.reasons, *folded))
        for entity, (pair, text) in ranked[:limit]
        if pair.score >= threshold
    )


def closer_spelling(query: str, text: str, held: str) -> bool:
    """Between two names of one entity that score the same, the one spelt more like the query
    (the same script, the same words) is the one the reason names; never set or hash order."""

    def closeness(name: str) -> tuple[float, str]:
        return fuzz.ratio(query.casefold(), name.casefold()), name

    return closeness(text) > closeness(held)


def confusable_reasons(query: str) -> tuple[str, ...]:
    """The reason line saying look-alike letters of the query were read as Latin, if any were
    (in the part of it name_key reads)."""
    composed = unicodedata.normalize("NFKC", query[:MAX_NAME_CHARS])
    folded = fold_confusables(composed)
    if folded == composed:
        return ()
    return (f"{CONFUSABLES_REASON}: {composed[:80]!r} read as {folded[:80]!r}",)


@dataclass(slots=True)
class CachedMatcher:
    """match_name with a memo per query string: inventories repeat vendor strings a lot."""

    index: NameIndex
    threshold: float = DEFAULT_THRESHOLD
    memo: dict[tuple[str, str | None], tuple[NameMatch, ...]] = field(default_factory=dict)

    def __call__(self, query: str, country: str | None = None) -> tuple[NameMatch, ...]:
        """The matches of one query (and its country), computed once."""
        hit = self.memo.get((query, country))
        if hit is None:
            hit = match_name(self.index, query, threshold=self.threshold, country=country)
            self.memo[query, country] = hit
        return hit
