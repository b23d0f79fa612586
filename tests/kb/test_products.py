"""products.yaml: the packaged table loads, every row has a source, and a bad row is a
KnowledgeBaseError naming the row."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from netvet.errors import KnowledgeBaseError
from netvet.kb.loader import DATA_DIR, KnowledgeBase
from netvet.kb.products import load_products, parse_products
from netvet.model import Category, MatchKind

ROW: dict[str, Any] = {
    "id": "huawei-vrp",
    "name": "VRP",
    "match": "word",
    "pattern": None,
    "maker": "huawei-technologies",
    "category": "router",
    "kind": "os",
    "strength": "strong",
    "owners": [],
    "reason": "Huawei routers run VRP",
    "sources": [{"title": "t", "url": "u", "retrieved": "2026-12-03"}],
    "verified": True,
}
KNOWN = {"huawei-technologies", "xfusion"}


def parse(**changes: Any) -> Any:
    doc = {"schema": "netvet.products/1", "products": [{**ROW, **changes}]}
    return parse_products(Path("products.yaml"), doc, KNOWN)


def test_packaged_products_load_with_sources(kb: KnowledgeBase) -> None:
    rows = load_products(DATA_DIR / "products.yaml", kb.entities)
    assert rows == kb.products and len(rows) >= 10
    assert all(r.sources and r.reason for r in rows)
    vrp = next(r for r in rows if r.id == "huawei-vrp")
    assert vrp.match is MatchKind.WORD and vrp.category is Category.ROUTER and vrp.strong


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"maker": "no-such-maker"}, "unknown maker id"),
        ({"category": "toaster"}, "toaster"),
        ({"match": "regex", "pattern": "VRP("}, "bad regex"),
        ({"match": "regex", "pattern": "(?<=x)VRP"}, "lookbehind"),
        ({"match": "word", "pattern": "VRP"}, "only for match: regex"),
        ({"sources": []}, "source"),
        ({"id": "Huawei VRP"}, "lowercase"),
        ({"owners": [{"maker": "nobody", "from": None, "to": None}]}, "unknown maker id"),
    ],
)
def test_bad_row_names_the_row(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message) as info:
        parse(**changes)
    assert "products row" in str(info.value)


def test_registry_maker_and_dated_owners() -> None:
    owners = [
        {"maker": "huawei-technologies", "from": None, "to": "2021-11-05"},
        {"maker": "xfusion", "from": "2021-11-05"},
    ]
    (row,) = parse(maker="org:Some Registry Name", owners=owners)
    # A line that changed hands is claimed for its owner today; `maker` named who made it first.
    assert row.maker == "xfusion" and [o.maker for o in row.owners] == [
        "huawei-technologies",
        "xfusion",
    ]


def test_duplicate_ids_and_wrong_schema(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="duplicate id"):
        parse_products(Path("p.yaml"), {"schema": "netvet.products/1", "products": [ROW, ROW]}, KNOWN)
    path = tmp_path / "products.yaml"
    path.write_text(yaml.safe_dump({"schema": "other", "products": []}), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="netvet.products/1"):
        load_products(path, KNOWN)
