"""The product-regex prefilter: the prefixes it reads from a regex, and the same answers as the
whole-batch scan (the path it replaced) on a varied sample of texts."""

import re
from dataclasses import replace

from netvet.attribute.regex_prefilter import regex_keys
from netvet.attribute.text_names import FOLD, Registry, scan, scan_many, with_hyperscan
from netvet.kb.loader import KnowledgeBase

HAND = [
    "Huawei AR2220E-S Huawei Versatile Routing Platform",
    "S5720-28X-SI-AC",
    "CE6881-48S6CQ, CloudEngine",
    "model iDS-TCM203-A/R/2812 and DS-7608NI-K2/8P",
    "Fronius Symo GEN24 10.0 Plus",
    "天翼网关 x天翼y eSurfing ChinaNet-Ab12",
    "ChinaNet-Ab12\x1f\x1fAND-LINK and-link Andlink",
    "gDMSS iDMSS DMSS 3.0",
    "index NE40E-X8 ne05e NE5000E",
    "OSN1800 OSN 9800 RTN 950A",
    "",
]


def regex_keys_of(pattern: str) -> tuple[set[str], bool] | None:
    return regex_keys(pattern.encode(), re.IGNORECASE, FOLD)


def test_prefixes_read_from_the_regex() -> None:
    assert regex_keys_of(r"\bNE(?:05E|08E)\b") == ({" ne05e", " ne08e"}, True)
    assert regex_keys_of(r"\b[gi]?DMSS\b") == ({" gdmss", " idmss", " dmss"}, True)
    assert regex_keys_of(r"\bOSN ?(?:500|550)\b") == ({" osn500", " osn550", " osn 500", " osn 550"}, True)
    assert regex_keys_of(r"\bDS-7[0-9]{2}") == ({f" ds 7{d}" for d in "0123456789"}, True)


def test_regex_that_could_cross_texts_or_match_little_is_not_filtered() -> None:
    assert regex_keys_of(r"\bfoo[^a]bar") is None  # a negated class may hold the separator
    assert regex_keys_of(r"\b.oo") is None
    assert regex_keys_of(r"\b[A-Z]{2}[0-9]") is None  # no literal start to filter on
    assert regex_keys_of("\\b天翼\\b") == ({"天翼".encode().decode("latin-1")}, False)


def varied(kb: KnowledgeBase) -> list[str]:
    """Texts around every product line's name: as written, upper, lower, glued and with a
    model number after it, mixed with the hand-written ones."""
    assert kb.text is not None
    shown = [n.shown for n in kb.text.names if n.registry is Registry.PRODUCT]
    texts = list(HAND)
    for i, name in enumerate(shown):
        texts += [
            f"{name} {i}",
            f"x{name.upper()}-{i:04d}A",
            f"{name.lower()}_{i}",
            f"({name}{i % 10}0{i % 7})",
        ]
    return texts


def test_prefiltered_regexes_answer_as_the_whole_batch_scan(kb: KnowledgeBase) -> None:
    assert kb.text is not None
    texts = varied(kb)
    reference = replace(kb.text, prefilter=None)
    found = scan_many(kb.text, texts)
    assert found == scan_many(reference, texts) == scan_many(with_hyperscan(kb.text), texts)
    regex_hits = sum(1 for hits in found for h in hits if h.name.product and h.name.product.pattern)
    assert regex_hits > 100
    assert kb.text.prefilter is not None and kb.text.prefilter.always == ()


def test_repeated_texts_answer_as_each_alone(kb: KnowledgeBase) -> None:
    assert kb.text is not None
    texts = varied(kb)[:300] * 3
    found = scan_many(kb.text, texts)
    assert found == [scan(kb.text, t) for t in texts]
    assert sum(1 for hits in found if hits) > 100
