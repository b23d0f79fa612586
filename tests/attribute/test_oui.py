"""IEEE lookups: exact longest prefix, MA-M/MA-S inside IEEE-RA blocks, local and group bits."""

import csv
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa

from netvet.attribute import lookup_mac
from netvet.attribute.mac_index import lookup_ints
from netvet.attribute.mac_vector import BAD, parse_macs
from netvet.ids import mac_to_int, normalize_mac
from netvet.kb.loader import KnowledgeBase


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))[1:]


def mac_in(prefix: str, rng: random.Random) -> str:
    """A MAC inside a hex prefix of 6, 7 or 9 digits."""
    tail = "".join(rng.choice("0123456789abcdef") for _ in range(12 - len(prefix)))
    raw = (prefix + tail).lower()
    return ":".join(raw[i : i + 2] for i in range(0, 12, 2))


def test_ma_m_and_ma_s_inside_ieee_ra_blocks(kb: KnowledgeBase, shared: Path) -> None:
    ra_blocks = {r[1] for r in rows_of(shared / "ieee" / "oui.csv") if r[2] == "IEEE Registration Authority"}
    rng = random.Random(1)
    checked = 0
    for name in ("mam.csv", "oui36.csv"):
        for registry, assignment, org, *_ in rows_of(shared / "ieee" / name)[:400]:
            if assignment[:6] not in ra_blocks:
                continue
            hit = lookup_mac(kb.oui, mac_in(assignment, rng))
            assert hit is not None and hit.prefix == assignment and hit.registry == registry
            assert hit.organization == org.strip()
            checked += 1
    assert checked >= 500


def test_ma_l_block_and_its_entity(kb: KnowledgeBase, shared: Path) -> None:
    huawei = [r[1] for r in rows_of(shared / "ieee" / "oui.csv") if r[2] == "HUAWEI TECHNOLOGIES CO.,LTD"]
    rng = random.Random(2)
    for prefix in huawei[:50]:
        hit = lookup_mac(kb.oui, mac_in(prefix, rng))
        assert hit is not None and hit.entity == "huawei-technologies" and hit.bits == 24


def test_unassigned_part_of_ra_block_is_not_the_ra(kb: KnowledgeBase) -> None:
    # 00:50:C2 is an IAB parent block; a MAC in it that no IAB row covers names nobody.
    hit = lookup_mac(kb.oui, "00:50:c2:ff:ff:ff")
    assert hit is None or hit.organization != "IEEE Registration Authority" or hit.entity is None


def test_local_and_multicast_have_no_maker(kb: KnowledgeBase) -> None:
    assert lookup_mac(kb.oui, "02:e0:fc:12:34:56") is None
    assert lookup_mac(kb.oui, "01:e0:fc:12:34:56") is None
    assert lookup_mac(kb.oui, "00:e0:fc:12:34:56") is not None


def test_vector_twin_equals_row_function(kb: KnowledgeBase, shared: Path) -> None:
    rng = random.Random(3)
    prefixes = [r[1] for f in ("oui.csv", "mam.csv", "oui36.csv") for r in rows_of(shared / "ieee" / f)[::97]]
    macs = [mac_in(p, rng) for p in prefixes] + [mac_in("02", rng), mac_in("01", rng), mac_in("", rng)]
    styles = [
        lambda m: m,
        lambda m: m.upper().replace(":", "-"),
        lambda m: m.replace(":", ""),
        lambda m: "{}{}.{}{}.{}{}".format(*m.split(":")),
    ]
    texts = [styles[i % 4](m) for i, m in enumerate(macs)] + ["zz:zz:zz:00:11:22", "", "0:e0:fc:1:2:3"]
    values = parse_macs(pa.array(texts + [None]))
    rows = lookup_ints(kb.mac_index, values)
    for text, value, row in zip(texts, values, rows, strict=False):
        mac = normalize_mac(text)
        assert (value == BAD) == (mac is None)
        if mac is not None:
            assert int(value) == mac_to_int(mac)
            expected = lookup_mac(kb.oui, mac)
            assert (kb.oui.rows[row] if row >= 0 else None) == expected
    assert values[-1] == BAD and rows[-1] == -1
    assert np.count_nonzero(rows >= 0) > 500


def test_blocks_listed_twice_answer_the_same_in_both_paths(kb: KnowledgeBase) -> None:
    listed = Counter(r.prefix for r in kb.oui.rows)
    twice = {prefix for prefix, n in listed.items() if n > 1}
    assert twice, "the IEEE listing has legacy duplicates such as 080030"
    for prefix in twice:
        mac = normalize_mac(prefix + "123456")
        assert mac is not None
        row = lookup_ints(kb.mac_index, np.array([mac_to_int(mac)], dtype=np.uint64))[0]
        first = next(r for r in kb.oui.rows if r.prefix == prefix)
        assert lookup_mac(kb.oui, mac) == kb.oui.rows[row] == first


def test_uniform_notation_fast_path_equals_row_function() -> None:
    texts = [
        "00:E0:FC:12:34:56",
        "zz:e0:fc:12:34:56",
        "00-e0-fc-12-34-56",
        "00:e0:fc:12:34;56",
        "Aa:bB:cC:dD:eE:fF",
    ]
    values = parse_macs(pa.array(texts))
    for text, value in zip(texts, values, strict=True):
        mac = normalize_mac(text) if ";" not in text else None
        assert (int(value) == mac_to_int(mac)) if mac else value == BAD, text
