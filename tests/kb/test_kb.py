"""The kb: importers of official layouts, rebuilding the shipped files, the manifest check."""

import gzip
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from netvet.errors import KnowledgeBaseError, SourceError
from netvet.kb.build import build_1260h, build_fcc_list, entity_resolver
from netvet.kb.importers.fcc_covered_list import read_fcc_covered_list
from netvet.kb.importers.ieee import read_ieee_csv
from netvet.kb.loader import DATA_DIR, KnowledgeBase, load_kb
from netvet.kb.manifest import verify_manifest

FCC_CSV = "lists/fcc_covered_list__table.csv"


def test_shipped_covered_list_rebuilds_from_the_published_table(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "fcc.yaml"
    issues = build_fcc_list(
        shared / FCC_CSV, DATA_DIR / "curation" / "fcc-covered-list.yaml", date(2026, 8, 20), out
    )
    assert issues == []
    assert yaml.safe_load(out.read_text()) == yaml.safe_load(
        (DATA_DIR / "lists" / "fcc-covered-list.yaml").read_text()
    )


def test_covered_list_has_every_published_entry(kb: KnowledgeBase, shared: Path) -> None:
    raw, _ = read_fcc_covered_list((shared / FCC_CSV).read_text(encoding="utf-8"), FCC_CSV)
    entries = kb.lists["fcc-covered-list"].entries
    assert len(raw) == 16
    assert {e.date_added for e in entries} == {r.date_added for r in raw}
    ids = {e.id for e in entries}
    for expected in (
        "huawei-2021-03-12",
        "hikvision-2021-03-12",
        "uas-2025-12-22",
        "dji-autel-2025-12-22",
        "routers-2026-03-23",
        "inverters-2026-07-28",
        "robots-2026-07-28",
        "digitalsystem-2026-07-07",
        "kaspersky-inc-2024-07-23",
    ):
        assert expected in ids
    uas = next(e for e in entries if e.id == "uas-2025-12-22")
    assert uas.updated[-1] == date(2026, 7, 21) and uas.foreign_produced


def test_older_covered_list_layout_imports(shared: Path) -> None:
    path = shared / "lists/fcc_covered_list_history/2024-04-19_782c0767_data.csv"
    raw, issues = read_fcc_covered_list(path.read_text(encoding="utf-8-sig"), str(path))
    assert not issues and len(raw) >= 10
    assert raw[0].date_added == date(2021, 3, 12)


def test_wrong_layouts_are_source_errors() -> None:
    with pytest.raises(SourceError, match="not a Covered List table"):
        read_fcc_covered_list("name,when\nx,y\n", "bad.csv")
    with pytest.raises(SourceError, match="expected IEEE header"):
        read_ieee_csv(iter(["a,b,c\n"]), "bad.csv")  # type: ignore[arg-type]


def test_1260h_import_resolves_listed_companies(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "1260h.yaml"
    issues = build_1260h(
        shared / "lists/dod_chinese_milcorps__sanctions.csv", date(2026, 6, 8), out, entity_resolver(DATA_DIR)
    )
    doc = yaml.safe_load(out.read_text())
    resolved = {e for entry in doc["entries"] for e in entry["entities"]}
    assert {"huawei-investment-holding", "hikvision", "dahua-technology", "dji", "tp-link"} <= resolved
    assert len(doc["entries"]) > 300 and len(issues) < 10


def test_ieee_snapshot_resolves_the_covered_registrants(kb: KnowledgeBase) -> None:
    counts: dict[str | None, int] = {}
    for row in kb.oui.rows:
        counts[row.entity] = counts.get(row.entity, 0) + 1
    assert counts["huawei-technologies"] >= 1300 and counts["huawei-device"] >= 600
    assert counts["zte-corporation"] >= 490 and counts["hikvision"] >= 80
    with gzip.open(DATA_DIR / "ieee_registry.csv.gz", "rt") as fh:
        assert fh.readline().startswith("assignment,bits,registry,organization")


def test_manifest_detects_a_changed_file(tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(DATA_DIR, copy)
    assert verify_manifest(copy)
    path = copy / "uses.yaml"
    path.write_text(path.read_text() + "\n# edited\n")
    with pytest.raises(KnowledgeBaseError, match="sha256 does not match"):
        load_kb(copy)


def test_every_entity_fact_has_a_source(kb: KnowledgeBase) -> None:
    assert all(e.sources for e in kb.entities.values())
    assert all(e.sources for e in kb.edges)
    for listed in kb.lists.values():
        assert listed.sha256 and listed.version


def test_every_model_pattern_has_a_reason(kb: KnowledgeBase) -> None:
    assert len(kb.models.patterns) >= 100
    assert all(p.reason for p in kb.models.patterns)


def test_every_model_pattern_example_matches_its_own_maker_only(kb: KnowledgeBase) -> None:
    from netvet.attribute.model_number import matching_patterns

    for doc in yaml.safe_load((DATA_DIR / "models.yaml").read_text())["patterns"]:
        makers = {p.manufacturer for p in matching_patterns(kb.models, doc["example"])}
        assert makers == {doc["manufacturer"]}, doc["id"]
