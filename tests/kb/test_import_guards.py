"""Issue 10: a damaged list never silently replaces a good one. Sources must be whole by their
own format's terms, an import may not shrink a list past the limit without --allow-shrink, ids
that become paths are checked, and an import killed mid-way is cleaned up by the next one."""

import csv
import io
import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from netvet.errors import KnowledgeBaseError, SourceError, UsageError
from netvet.kb.importers.complete import require_complete_csv
from netvet.kb.importers.csl import read_csl
from netvet.kb.imports import beside, import_official
from netvet.kb.loader import load_kb
from netvet.kb.lock import kb_lock
from netvet.kb.manifest import sha256_of
from netvet.kb.paths import checked_list_id, inside
from netvet.kb.shrink import MAX_DROP, too_much
from netvet.kb.versions import read_log, version_doc

DATA = Path(__file__).resolve().parents[1] / "data" / "csl"
SAMPLE = DATA / "consolidated_sample.csv"
V1, V2 = date(2023, 11, 30), date(2023, 12, 15)


def sample_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    import_official("csl", SAMPLE, target, V1, allow_shrink=True)  # an excerpt: 11 -> 5 Entity List rows
    return target


def test_a_csv_cut_inside_a_quoted_field_is_refused_naming_its_line() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text[: text.rindex('"ZTE Parsian') + 5]  # inside the quoted name of the last-but-n row
    line = cut.count("\n") + 1
    with pytest.raises(SourceError, match=rf"cut.csv: line {line}: unexpected end of data: the file is cut"):
        read_csl(cut, "cut.csv")


def test_a_csv_cut_between_fields_is_refused_by_the_last_rows_width() -> None:
    rows = sample_rows()
    text = csv_text(rows)
    cut = text[: text.rstrip("\r\n").rindex(",")]  # the last row loses its last field
    with pytest.raises(
        SourceError, match=rf"line {len(rows)}: the last row has 28 of the header's 29 columns"
    ):
        read_csl(cut, "cut.csv")


def test_header_only_and_empty_files_are_refused() -> None:
    header = csv_text(sample_rows()[:1])
    with pytest.raises(SourceError, match="h.csv: a header and no rows"):
        read_csl(header, "h.csv")
    with pytest.raises(SourceError, match="e.csv: no rows"):
        require_complete_csv("", "e.csv")
    assert require_complete_csv("name\nAcme\n", "u.csv") == 1
    assert require_complete_csv("name,country\nAcme\n", "u.csv", ragged=True) == 1


def test_json_cut_short_total_disagreeing_and_too_deep_are_refused() -> None:
    doc = json.loads((DATA / "consolidated_sample.json").read_text(encoding="utf-8"))
    text = json.dumps(doc)
    with pytest.raises(SourceError, match="c.json: line 1: not JSON"):
        read_csl(text[: len(text) // 2], "c.json")
    with pytest.raises(SourceError, match="'total' says 18 results and the file holds 17"):
        read_csl(json.dumps({**doc, "results": doc["results"][:-1]}), "c.json")
    with pytest.raises(SourceError, match="c.json: no entries"):
        read_csl(json.dumps({"results": []}), "c.json")
    with pytest.raises(SourceError, match="c.json: JSON nested deeper than any list layout"):
        read_csl('{"results": ' + "[" * 200_000 + "]" * 200_000 + "}", "c.json")


def test_shrinking_a_list_past_the_limit_is_refused_with_the_counts(kb_dir: Path, tmp_path: Path) -> None:
    rows = sample_rows()
    el = [r for r in rows if r[1].startswith("Entity List")]
    # Whole by its format (cut at a row boundary) but 3 of the 5 Entity List rows are gone.
    cut = tmp_path / "cut.csv"
    cut.write_text(csv_text([r for r in rows if r not in el[2:]]), encoding="utf-8")
    manifest, log = sha256_of(kb_dir / "MANIFEST.json"), read_log(kb_dir)
    with pytest.raises(
        SourceError, match=r"cut.csv: refused.*ear-entity-list: 5 -> 2 entries \(3 dropped, 60.0 %\)"
    ):
        import_official("csl", cut, kb_dir, V2)
    assert sha256_of(kb_dir / "MANIFEST.json") == manifest and read_log(kb_dir) == log
    assert len(load_kb(kb_dir).lists["ear-entity-list"].entries) == 5
    assert not beside(kb_dir, "staging").exists()
    import_official("csl", cut, kb_dir, V2, allow_shrink=True)
    assert len(load_kb(kb_dir).lists["ear-entity-list"].entries) == 2


def test_a_file_of_one_source_list_may_not_empty_the_others(kb_dir: Path, tmp_path: Path) -> None:
    rows = sample_rows()
    only_el = tmp_path / "el.csv"
    only_el.write_text(
        csv_text([rows[0], *(r for r in rows if r[1].startswith("Entity List"))]), encoding="utf-8"
    )
    with pytest.raises(SourceError, match=r"ofac-cmic: 4 -> 0 entries \(4 dropped, 100.0 %\)"):
        import_official("csl", only_el, kb_dir, V2)
    assert len(load_kb(kb_dir).lists["ofac-cmic"].entries) == 4


@pytest.mark.parametrize(
    ("before", "after", "refused"),
    [
        (100, 80, False),
        (100, 79, True),
        (5, 4, False),
        (5, 3, True),
        (1, 0, True),
        (0, 0, False),
        (10, 40, False),
    ],
)
def test_the_limit(before: int, after: int, refused: bool) -> None:
    assert MAX_DROP == 0.20 and too_much(before, after) is refused


def test_ieee_folders_must_hold_every_listing_whole(shared: Path, tmp_path: Path) -> None:
    kb_dir, folder = tmp_path / "kb", tmp_path / "ieee"
    folder.mkdir()
    with pytest.raises(SourceError, match="missing IEEE listing.*oui.csv, mam.csv, oui36.csv, iab.csv"):
        import_official("ieee", folder, kb_dir, V1)
    for name in ("oui.csv", "oui36.csv", "iab.csv"):
        shutil.copyfile(shared / "ieee" / name, folder / name)
    with pytest.raises(SourceError, match=r"missing IEEE listing\(s\) mam.csv"):
        import_official("ieee", folder, kb_dir, V1)
    (folder / "mam.csv").write_text(
        "Registry,Assignment,Organization Name,Organization Address\n", encoding="utf-8"
    )
    with pytest.raises(SourceError, match="mam.csv: a header and no rows"):
        import_official("ieee", folder, kb_dir, V1)
    registry = sha256_of(kb_dir / "ieee_registry.csv.gz")
    # Whole files of a few rows each: a registry of ~57,000 blocks would shrink to a handful.
    for name in ("oui.csv", "mam.csv", "oui36.csv", "iab.csv"):
        lines = (shared / "ieee" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / name).write_text("".join(lines[:4]), encoding="utf-8")
    with pytest.raises(SourceError, match=r"ieee MA-L: \d{5} -> 3 entries"):
        import_official("ieee", folder, kb_dir, V1)
    assert sha256_of(kb_dir / "ieee_registry.csv.gz") == registry


def test_list_ids_that_are_paths_are_refused(tmp_path: Path) -> None:
    listed = tmp_path / "blocked.csv"
    listed.write_text("name\nAcme Widgets\n", encoding="utf-8")
    for bad in ("../../../x", "user-/x", "User-A", "a..b", "/etc/x", "user-a/../../b", ""):
        with pytest.raises(UsageError, match="--list-id"):
            import_official("user-list", listed, tmp_path / "kb", V1, list_id=bad)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked.csv"]
    assert checked_list_id("user-blocked") == "user-blocked"
    with pytest.raises(KnowledgeBaseError, match="resolves outside"):
        inside(tmp_path / "kb", "../x.yaml")


def test_a_tampered_version_log_cannot_read_outside_the_folder(kb_dir: Path) -> None:
    forged = replace(read_log(kb_dir)[0], file="../../x.yaml")
    with pytest.raises(KnowledgeBaseError, match="resolves outside"):
        version_doc(kb_dir, forged)


def test_a_held_lock_makes_the_second_import_fail_clearly(kb_dir: Path) -> None:
    with (
        kb_lock(kb_dir),
        pytest.raises(KnowledgeBaseError, match=r"another netvet process .*gave up after 0.3 s"),
    ):
        import_official("csl", SAMPLE, kb_dir, V2, lock_timeout=0.3)
    assert load_kb(kb_dir).lists["ear-entity-list"].version == V1


def test_an_import_killed_between_its_renames_is_undone_by_the_next(kb_dir: Path) -> None:
    # What a kill -9 inside `swap` leaves: the kb moved aside, a staging copy half-built.
    kb_dir.rename(beside(kb_dir, "previous"))
    (beside(kb_dir, "staging") / "lists").mkdir(parents=True)
    listed = kb_dir.parent / "blocked.csv"
    listed.write_text("name\nAcme Widgets\n", encoding="utf-8")
    import_official("user-list", listed, kb_dir, V2)
    kb = load_kb(kb_dir)
    assert kb.lists["ear-entity-list"].version == V1 and "user-blocked" in kb.lists  # the old kb, kept
    assert not beside(kb_dir, "previous").exists() and not beside(kb_dir, "staging").exists()
