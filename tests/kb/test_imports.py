"""`netvet kb import`: newer official files go into a user kb folder, whole or not at all."""

from datetime import date
from pathlib import Path

import pytest

from netvet.errors import LookupFailure, SourceError, UsageError
from netvet.kb.imports import import_official
from netvet.kb.loader import DATA_DIR, load_kb
from netvet.kb.manifest import sha256_of

HISTORY = "lists/fcc_covered_list_history/2026-05-21_2f776b02_table.csv"


def test_older_covered_list_version_imports_and_is_used(shared: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    issues = import_official("fcc-covered-list", shared / HISTORY, kb_dir, date(2026, 5, 21))
    assert issues == []
    listed = load_kb(kb_dir).lists["fcc-covered-list"]
    assert listed.version == date(2026, 5, 21)
    ids = {e.id for e in listed.entries}
    assert "routers-2026-03-23" in ids and "inverters-2026-07-28" not in ids
    assert load_kb(DATA_DIR).lists["fcc-covered-list"].version == date(2026, 8, 20)


def test_bad_file_leaves_the_previous_version_in_force(shared: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    import_official("fcc-covered-list", shared / HISTORY, kb_dir, date(2026, 5, 21))
    before = sha256_of(kb_dir / "MANIFEST.json")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,when\nHuawei,yesterday\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not a Covered List table"):
        import_official("fcc-covered-list", bad, kb_dir, date(2026, 9, 1))
    assert sha256_of(kb_dir / "MANIFEST.json") == before
    assert load_kb(kb_dir).lists["fcc-covered-list"].version == date(2026, 5, 21)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netvet-import-")]


def test_packaged_kb_and_unknown_kinds_are_refused(shared: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="packaged kb"):
        import_official("fcc-covered-list", shared / HISTORY, DATA_DIR, date(2026, 5, 21))
    assert not list(DATA_DIR.parent.glob(".*.lock"))  # refused before any lock file is made
    with pytest.raises(LookupFailure, match="unknown import kind"):
        import_official("sdn", shared / HISTORY, tmp_path / "kb", date(2026, 5, 21))
