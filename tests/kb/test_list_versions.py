"""Every import is a kept list version; `kb diff` shows what changed; a bad file leaves the
previous version in force."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from netvet.errors import SourceError, UsageError
from netvet.kb.diff import diff_lists
from netvet.kb.imports import import_official
from netvet.kb.loader import load_kb
from netvet.kb.manifest import sha256_of
from netvet.kb.screening import Purpose, load_screening
from netvet.kb.versions import pick_version, read_log, version_doc, versions_of

DATA = Path(__file__).resolve().parents[1] / "data" / "csl"
SAMPLE = DATA / "consolidated_sample.csv"
V1, V2 = date(2023, 11, 30), date(2023, 12, 15)


def sample_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def second_version(tmp: Path, shared: Path) -> tuple[Path, str, str, str]:
    """The sample with one EL row dropped, one EL row ended, one real EL row added."""
    rows = sample_rows()
    el = [r for r in rows if r[1].startswith("Entity List")]
    dropped, ended = el[-1], el[-2]
    with (shared / "csl" / "consolidated_subset_2023-11.csv").open(encoding="utf-8", newline="") as fh:
        ids = {r[0] for r in rows}
        added = next(r for r in csv.reader(fh) if r[1].startswith("Entity List") and r[0] not in ids)
    kept = [r for r in rows if r is not dropped]
    ended[10] = "2024-01-15"
    return write_rows(tmp / "v2.csv", [*kept, added]), dropped[0], ended[0], added[0]


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    # The sample is an 18-row excerpt: it shrinks the packaged Entity List (11 -> 5), on purpose.
    import_official("csl", SAMPLE, target, V1, allow_shrink=True)
    return target


def test_csl_import_keeps_each_source_list(kb_dir: Path) -> None:
    kb = load_kb(kb_dir)
    el = kb.lists["ear-entity-list"]
    assert el.version == V1 and len(el.entries) == 5
    assert {e.text for e in el.entries} >= {"ZTE Parsian"}
    assert len(kb.lists["ofac-cmic"].entries) == 4 and len(kb.lists["ofac-ssi"].entries) == 3
    huawei = next(e for e in kb.lists["ofac-cmic"].entries if e.id == "30947")
    assert huawei.entities == ("huawei-technologies",)
    assert kb.lists["fcc-covered-list"].version == date(2026, 8, 20)
    table = load_screening(kb_dir)
    assert table.roles["ear-entity-list"].purposes == frozenset({Purpose.EXPORT})


def test_versions_are_kept_and_diffed(kb_dir: Path, shared: Path, tmp_path: Path) -> None:
    v2, dropped, ended, added = second_version(tmp_path, shared)
    import_official("csl", v2, kb_dir, V2)
    packaged, *kept = versions_of(kb_dir, "ear-entity-list")
    assert packaged.source.startswith("kb folder")  # the kb's own curated list is the first version
    assert [v.version for v in kept] == ["2023-11-30", "2023-12-15"]
    assert kept[1].source_sha256 == sha256_of(v2) and kept[0].source_sha256 == sha256_of(SAMPLE)
    old, new = (version_doc(kb_dir, v) for v in kept)
    diff = diff_lists(old, new, kept[0].label, kept[1].label)
    assert [e["id"] for e in diff.added] == [added] and [e["id"] for e in diff.removed] == [dropped]
    assert [(c.id, list(c.fields)) for c in diff.changed] == [(ended, ["date_removed"])]
    # A list with the same entries is a new publication with no changes (its undated entries
    # count from their version, which is no change of the entry).
    cmic = versions_of(kb_dir, "ofac-cmic")
    assert len(cmic) == 2
    assert diff_lists(*(version_doc(kb_dir, v) for v in cmic), "a", "b").unchanged
    assert load_kb(kb_dir).lists["ear-entity-list"].version == V2


def test_same_file_again_adds_no_version(kb_dir: Path) -> None:
    before = len(read_log(kb_dir))
    import_official("csl", SAMPLE, kb_dir, V1)
    assert len(read_log(kb_dir)) == before


def test_packaged_lists_are_the_first_versions(kb_dir: Path) -> None:
    fcc = versions_of(kb_dir, "fcc-covered-list")
    assert [v.version for v in fcc] == ["2026-08-20"] and fcc[0].source.startswith("kb folder")


@pytest.mark.parametrize("problem", ["layout", "encoding", "duplicate"])
def test_bad_file_leaves_the_previous_version_in_force(kb_dir: Path, tmp_path: Path, problem: str) -> None:
    rows = sample_rows()
    bad = tmp_path / "bad.csv"
    if problem == "layout":
        write_rows(bad, [["name", "country"], ["ZTE Parsian", "IR"]])
    elif problem == "encoding":
        bad.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("utf-16"))
    else:
        write_rows(bad, [*rows, rows[-1]])
    manifest, log = sha256_of(kb_dir / "MANIFEST.json"), read_log(kb_dir)
    with pytest.raises(SourceError, match="bad.csv: line"):
        import_official("csl", bad, kb_dir, V2)
    assert sha256_of(kb_dir / "MANIFEST.json") == manifest and read_log(kb_dir) == log
    assert load_kb(kb_dir).lists["ear-entity-list"].version == V1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netvet-import-")]


def test_picking_versions(kb_dir: Path) -> None:
    kept = versions_of(kb_dir, "ear-entity-list")
    imported = next(v for v in kept if v.version == "2023-11-30")
    assert pick_version(kept, "2023-11-30", -1) == imported
    assert pick_version(kept, imported.label[:14], -1) == imported
    with pytest.raises(UsageError, match="matches no version"):
        pick_version(kept, "1999-01-01", -1)
    with pytest.raises(UsageError, match="no kept versions of list 'nosuch'"):
        versions_of(kb_dir, "nosuch")


def test_user_list_import(tmp_path: Path) -> None:
    listed = tmp_path / "blocked.csv"
    listed.write_text(
        "name,aliases,country,note\n"
        "Gazprom Telekom OOO,Gazprom Telecom; Gaztelekom,RU,our own block\n"
        ",,US,no name\n"
        "Atlas Sanatgaran,,Iran,\n",
        encoding="utf-8",
    )
    kb_dir = tmp_path / "kb"
    issues = import_official("user-list", listed, kb_dir, V1, purposes=("export",))
    assert [(i.locator, i.field) for i in issues] == [("line 3", "name")]
    entries = load_kb(kb_dir).lists["user-blocked"].entries
    assert [e.names for e in entries][0] == ("Gazprom Telekom OOO", "Gazprom Telecom", "Gaztelekom")
    assert load_screening(kb_dir).roles["user-blocked"].purposes == frozenset({Purpose.EXPORT})
    listed.write_text("name\nAcme\nACME\n", encoding="utf-8")
    with pytest.raises(SourceError, match="blocked.csv: line 3: duplicated id 'acme'"):
        import_official("user-list", listed, kb_dir, V2)
    listed.write_text("company\nAcme\n", encoding="utf-8")
    with pytest.raises(SourceError, match="blocked.csv: line 1: not a user list"):
        import_official("user-list", listed, kb_dir, V2)
    assert load_kb(kb_dir).lists["user-blocked"].version == V1
