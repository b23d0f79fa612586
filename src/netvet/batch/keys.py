"""Group rows by the tuple of codes that decides their answer, without a Python loop per row.
Which fields decide is not kept here by hand: it is the union of the fields attribution and the
asset context declare they read (a test holds them to it), as far as an inventory has them."""

import numpy as np
import numpy.typing as npt

from netvet.attribute import ATTRIBUTE_READS
from netvet.attribute.arrow_views import array_of, integers_of
from netvet.ingest.columns import FIELDS
from netvet.kb.views import CONTEXT_READS

I64 = npt.NDArray[np.int64]
# Fields grouped by what they decide rather than by value: dates by the interval between the days
# an answer can change, funding texts by the program they name (funding_group). The MAC decides
# through the maker its block claims, so it is grouped apart too.
BUCKETED = ("acquired", "first_authorized", "funding")
READ = tuple(f for f in dict.fromkeys((*ATTRIBUTE_READS, *CONTEXT_READS)) if f in FIELDS and f != "mac")
# Fields grouped by their parsed value.
DECIDING = tuple(f for f in READ if f not in BUCKETED)
# Fields an answer depends on (dictionary-encoded); every other field is carried as text.
ENCODED = frozenset(READ)
PACKED = 1 << 62


def densify(key: I64) -> tuple[I64, I64]:
    """Dense codes 0..k-1 for a key array, and the first row of each code."""
    encoded = array_of(key).dictionary_encode()
    codes = integers_of(encoded.indices).astype(np.int64)
    first = np.full(len(encoded.dictionary), -1, dtype=np.int64)
    rows = np.arange(len(codes), dtype=np.int64)
    first[codes[::-1]] = rows[::-1]
    return codes, first


def combine(*columns: npt.NDArray[np.integer]) -> tuple[I64, I64]:
    """Dense group codes of the rows' code tuples, and each group's first row. Codes (>= -1) are
    packed in mixed radix into one int64, made dense again only when the next would overflow."""
    key = np.zeros(len(columns[0]), dtype=np.int64)
    radix = 1
    for column in columns:
        col = column.astype(np.int64) + 1
        width = int(col.max(initial=0)) + 1
        if radix * width >= PACKED:
            key, first = densify(key)
            radix = len(first)
        key = key * width + col
        radix *= width
    return densify(key)
