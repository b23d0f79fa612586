"""Maker names and product lines in free text: boundaries, generic words, registry rules, and
the same answers from the row scan, the batch scan and both engines."""

from datetime import date

from netvet.attribute.name_literals import (
    RegistryName,
    curated_names,
    literals,
    product_names,
    registry_names,
)
from netvet.attribute.text_names import Registry, build_scanner, scan, scan_many, with_hyperscan
from netvet.kb.loader import KnowledgeBase
from netvet.model import Category, MatchKind, ProductKind, ProductLine, Source


def claims(kb: KnowledgeBase, text: str) -> set[str]:
    assert kb.text is not None
    return {hit.name.claims for hit in scan(kb.text, text)}


def product(name: str, match: MatchKind, pattern: str | None = None) -> ProductLine:
    source = (Source("test", None, date(2026, 12, 3)),)
    return ProductLine(
        "p",
        name,
        match,
        "maker",
        Category.CAMERA,
        ProductKind.MODEL_SERIES,
        True,
        "r",
        pattern,
        sources=source,
    )


def test_maker_names_anywhere_in_text(kb: KnowledgeBase) -> None:
    assert "huawei-technologies" in claims(kb, "Huawei Versatile Routing Platform Software, VRP (R)")
    assert claims(kb, "HTTP/1.0 200 OK Server: Hikvision-Webs") == {"hikvision"}
    assert "cisco" in claims(kb, "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M)")


def test_whole_words_only(kb: KnowledgeBase) -> None:
    assert claims(kb, "ZTE ZXR10 5950") >= {"zte-corporation"}
    assert "zte-corporation" not in claims(kb, "pizzteria router")
    assert "hikvision" not in claims(kb, "hikvisionary appliance")


def test_generic_words_never_fire_alone(kb: KnowledgeBase) -> None:
    assert claims(kb, "Welcome to the Network Digital Global Link Systems Technology") == set()
    assert claims(kb, "Linux box 5.10 #1 SMP") == set()
    assert literals("Shenzhen Digital Technology Co., Ltd.") == ()


def test_short_names_need_capitals() -> None:
    names = curated_names({"zte": ["ZTE"]}, [])
    scanner = build_scanner(tuple(names))
    assert [h.name.claims for h in scan(scanner, "ZTE F660")] == ["zte"]
    assert scan(scanner, "zte f660") == ()


def test_registry_word_many_registrants_share_is_common() -> None:
    rows = [
        RegistryName(n, None, Registry.IEEE)
        for n in ("Apex Ltd", "Apex Systems", "Apex Data Inc", "Zorvex Ltd")
    ]
    rows += [
        RegistryName("Apex Vision Inc", None, Registry.PEN),
        RegistryName("Apex Tools", None, Registry.PEN),
    ]
    found = {n.literal: n.claims for n in registry_names(rows, ())}
    assert "apex" not in found and found["zorvex"] == "org:Zorvex Ltd"


def test_registry_names_of_two_kb_entities_decide_nothing() -> None:
    rows = [RegistryName("Zorvex Ltd", "a", Registry.IEEE), RegistryName("Zorvex Inc", "b", Registry.PEN)]
    assert registry_names(rows, ()) == []


def test_product_prefix_word_and_regex() -> None:
    lines = (product("DS-2CD", MatchKind.PREFIX), product("ZXHN", MatchKind.REGEX, r"\bZXHN[ -]?[A-Z]\d{3}"))
    names = tuple(product_names(lines))
    scanner = build_scanner(names, lines)
    assert [h.seen for h in scan(scanner, "model DS-2CD2143G2-I")] == ["DS-2CD"]
    assert scan(scanner, "model DS-2CD") == ()  # a prefix must run on into the model number
    assert [h.seen for h in scan(scanner, "ZTE ZXHN F660 V6")] == ["ZXHN F660"]


def test_batch_row_and_engines_agree(kb: KnowledgeBase) -> None:
    assert kb.text is not None
    texts = ["Huawei VRP", "", "ZTE ZXHN F660", "nothing here", "Juniper JUNOS 12.3", "x\x1f\x1fZTE"]
    fast = with_hyperscan(kb.text)
    assert scan_many(kb.text, texts) == [scan(kb.text, t) for t in texts] == scan_many(fast, texts)
    assert scan_many(kb.text, texts)[5][0].name.claims == "zte-corporation"


def test_curated_name_stripped_to_a_common_word_does_not_fire(kb: KnowledgeBase) -> None:
    names = curated_names(
        {"smart-city": ["Shenzhen Smart City Group"], "xyz": ["Zorvex Networks"]}, [], {"city": 40}
    )
    assert {n.literal for n in names} == {"zorvex"}
    assert claims(kb, "Press start to begin; city hall united") == set()
