"""Real IEEE registrant names resolve to the right kb entity, and look-alikes to none."""

import csv
from pathlib import Path

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.match import match_name, name_key
from tests.conftest import AS_OF

TABLE = Path(__file__).resolve().parents[1] / "data" / "registrant_names.csv"
with TABLE.open(encoding="utf-8") as _fh:
    ROWS = list(csv.DictReader(_fh))


def test_table_is_large_and_real(shared: Path) -> None:
    assert len(ROWS) >= 60
    registry: set[str] = set()
    for name in ("oui.csv", "mam.csv", "oui36.csv", "iab.csv"):
        with (shared / "ieee" / name).open(encoding="utf-8") as fh:
            registry.update(r[2].strip() for r in csv.reader(fh))
    assert all(row["name"] in registry for row in ROWS)
    assert sum(row["expected_entity"] == "none" for row in ROWS) >= 20


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_name_resolves_to_expected_entity(kb: KnowledgeBase, row: dict[str, str]) -> None:
    matches = match_name(kb.names, row["name"])
    got = matches[0].entity if matches else "none"
    expected = row["expected_entity"]
    if expected != "none":
        assert got == expected, f"{row['name']} -> {got}"
    elif got != "none":
        # A look-alike may resolve to its own kb entity, never into a listed group.
        listed = [e for entry in kb.lists["fcc-covered-list"].entries for e in entry.entities]
        linked = [t for t in listed if kb.graph.link(got, t, AS_OF) is not None]
        assert not linked, f"{row['name']} -> {got}, linked to {linked}"


def test_legal_forms_and_glued_words_are_ignored() -> None:
    assert name_key("ZHEJIANG DAHUA TECHNOLOGYCO.,LTD").trade == ("dahua",)
    assert name_key("华为技术有限公司").trade == ("huawei",)
    assert name_key("华为技术有限公司").industry == name_key("Huawei Jishu Youxian Gongsi").industry
    assert name_key("Hikvision Digital Technology Co., Ltd.").industry == frozenset({"digital", "technology"})
