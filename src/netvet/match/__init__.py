"""Organisation-name matching: normalise, block, compare with explained features, score."""

from netvet.match.context import country_code, identifier_pair
from netvet.match.index import NameIndex, build_index
from netvet.match.matcher import DEFAULT_THRESHOLD, CachedMatcher, NameMatch, match_name
from netvet.match.normalize import NameKey, name_key

__all__ = [
    "DEFAULT_THRESHOLD",
    "CachedMatcher",
    "NameIndex",
    "NameKey",
    "NameMatch",
    "build_index",
    "country_code",
    "identifier_pair",
    "match_name",
    "name_key",
]
