"""Vector MAC parsing and lookup across their chunk boundaries, against the row functions."""

import random
from collections.abc import Callable

import numpy as np
import pyarrow as pa

from netvet.attribute import lookup_mac, mac_index, mac_vector
from netvet.attribute.mac_index import lookup_ints
from netvet.attribute.mac_vector import BAD, parse_macs
from netvet.ids import mac_to_int, normalize_mac
from netvet.kb.loader import KnowledgeBase

# Odd rows of a fixed width that only the row function reads (or rejects), placed at chunk edges.
ODD_17 = [
    "0011:2233:4455:::",
    " 0:11:22:33:44:55",
    "00:11:22 33:44:55",
    "zz:11:22:33:44:55",
    "00:11:22:33:44:5é",
]


def colon(value: int) -> str:
    digits = f"{value:012x}"
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2))


def plain_upper(value: int) -> str:
    return f"{value:012X}"


def cisco(value: int) -> str:
    return ".".join(f"{value:012x}"[i : i + 4] for i in (0, 4, 8))


def test_fixed_width_rows_across_parse_chunks() -> None:
    rng = random.Random(7)
    texts = [colon(rng.getrandbits(48)) for _ in range(3 * mac_vector.CHUNK + 11)]
    edges = [0, mac_vector.CHUNK - 1, mac_vector.CHUNK, 2 * mac_vector.CHUNK + 1, len(texts) - 1]
    for at, odd in zip(edges, ODD_17, strict=True):
        texts[at] = odd
    values = parse_macs(pa.array(texts))
    for at in {*edges, *range(0, len(texts), 997)}:
        mac = normalize_mac(texts[at])
        assert (int(values[at]) == mac_to_int(mac)) if mac else values[at] == BAD, texts[at]
    assert [normalize_mac(texts[at]) is not None for at in edges] == [True, True, True, False, False]


def test_mixed_lengths_and_nulls_across_parse_chunks() -> None:
    rng = random.Random(8)
    styles: list[Callable[[int], str]] = [colon, plain_upper, cisco]
    texts: list[str | None] = [styles[i % 3](rng.getrandbits(48)) for i in range(2 * mac_vector.CHUNK + 7)]
    texts[5::1001] = [None] * len(texts[5::1001])
    texts[6::1003] = ["n/a"] * len(texts[6::1003])
    values = parse_macs(pa.array(texts))
    expected = [mac_to_int(m) if (m := normalize_mac(t)) else int(BAD) for t in texts]
    assert values.tolist() == expected


def test_lookup_across_its_chunks_equals_the_row_function(kb: KnowledgeBase) -> None:
    rng = random.Random(9)
    keys = [(int(k), bits) for bits, ks in kb.oui.keys.items() for k in ks]
    sample = [k << (48 - bits) | rng.getrandbits(48 - bits) for k, bits in rng.sample(keys, 3000)]
    sample += [rng.getrandbits(48) for _ in range(500)] + [int(BAD), 1 << 48, (1 << 64) - 1]
    values = np.array(sample, dtype=np.uint64)
    rows = lookup_ints(kb.mac_index, values)
    for value, row in zip(sample, rows.tolist(), strict=True):
        hit = lookup_mac(kb.oui, colon(value)) if value < 1 << 48 else None
        assert (kb.oui.rows[row] if row >= 0 else None) == hit, hex(value)
    repeats = 2 * mac_index.CHUNK // len(sample) + 2
    assert np.array_equal(lookup_ints(kb.mac_index, np.tile(values, repeats)), np.tile(rows, repeats))
    assert np.array_equal(
        lookup_ints(kb.mac_index, np.tile(values, repeats)[1::3]), np.tile(rows, repeats)[1::3]
    )
    assert np.count_nonzero(rows >= 0) > 2500


def test_index_is_compact(kb: KnowledgeBase) -> None:
    """The vector path's tables stay a few MB (a dense 24-bit table would be 64 MB): the
    lookups' speed comes from them staying in cache."""
    index = kb.mac_index
    tables = (index.block, index.code24, index.parent_base, index.parent_shift, index.sub)
    assert sum(t.nbytes for t in tables) < 16 * 2**20
