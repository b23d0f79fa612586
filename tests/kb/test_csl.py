"""The Consolidated Screening List in its CSV and JSON layouts, read from real CSL rows."""

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from netvet.errors import SourceError
from netvet.kb.importers.csl import CslEntry, read_csl, read_csl_csv, source_code
from netvet.kb.list_docs import read_text

DATA = Path(__file__).resolve().parents[1] / "data" / "csl"
SUBSET = "csl/consolidated_subset_2023-11.csv"


def read(path: Path) -> tuple[list[CslEntry], list[str]]:
    entries, issues = read_csl(read_text(path), str(path))
    return entries, [i.describe() for i in issues]


def comparable(e: CslEntry) -> tuple[object, ...]:
    return (
        e.id,
        e.code,
        e.name,
        e.alt_names,
        e.addresses,
        e.countries,
        e.programs,
        e.start_date,
        e.end_date,
        e.federal_register_notice,
        e.source_list_url,
    )


def test_csv_and_json_layouts_give_the_same_entries() -> None:
    from_csv, csv_issues = read(DATA / "consolidated_sample.csv")
    from_json, json_issues = read(DATA / "consolidated_sample.json")
    assert [comparable(e) for e in from_csv] == [comparable(e) for e in from_json]
    assert len(from_csv) == 18 and json_issues == []
    assert csv_issues == [f"{DATA / 'consolidated_sample.csv'}:line 2: repeated header row skipped"]


def test_entry_fields_are_kept(shared: Path) -> None:
    entries, _ = read(DATA / "consolidated_sample.csv")
    gazprom = next(e for e in entries if e.code == "EL" and e.name.startswith("Gazprom"))
    assert gazprom.alt_names[:2] == ("Gazprom Telekom, OOO", "Zakrytoe Aktsionernoe Obshchestvo Gaztelekom")
    assert "Gazprom Telecom" in gazprom.alt_names
    assert gazprom.countries == ("RU",) and gazprom.start_date.isoformat() == "2016-09-07"
    assert gazprom.federal_register_notice and "FR" in gazprom.federal_register_notice
    telecom = next(e for e in entries if e.id == "30882")
    assert telecom.code == "CMIC" and telecom.countries == ("CN",) and "CHINA TELECOM" in telecom.alt_names


def test_the_real_subset_is_cut_mid_row_and_refused(shared: Path) -> None:
    # The published test excerpt ends inside a quoted address: a file cut short, not a list.
    path = shared / SUBSET
    text = path.read_text(encoding="utf-8")
    cut_line = text.count("\n") + 1
    assert not text.endswith("\n")
    with pytest.raises(SourceError, match=rf"line {cut_line}: unexpected end of data: the file is cut short"):
        read(path)


def test_the_real_subset_without_its_cut_row_reads_whole(shared: Path, tmp_path: Path) -> None:
    text = (shared / SUBSET).read_text(encoding="utf-8")
    whole = tmp_path / "subset.csv"
    whole.write_text(text[: text.rindex("\n") + 1], encoding="utf-8")
    entries, issues = read(whole)
    with whole.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["_id"] != "_id"]
    assert len(entries) == len(rows) and len(issues) == 1
    assert Counter(e.code for e in entries) == Counter(source_code(r["source"]) for r in rows)
    assert Counter(e.code for e in entries)["EL"] == sum(r["source"].startswith("Entity List") for r in rows)
    assert {e.code for e in entries} >= {"EL", "SDN", "MEU", "UVL", "DPL", "CMIC", "NS-MBS"}
    # An id may repeat across source lists (OFAC numbers on SDN and SSI), never within one.
    assert len({e.id for e in entries}) < len(entries)


def test_wrong_layout_is_an_error_naming_the_file(shared: Path) -> None:
    path = shared / "lists" / "fcc_covered_list__table.csv"
    with pytest.raises(
        SourceError, match=r"fcc_covered_list__table.csv: line 1: not a Consolidated Screening List"
    ):
        read(path)


def test_wrong_encoding_is_an_error_naming_the_line(tmp_path: Path) -> None:
    text = (DATA / "consolidated_sample.csv").read_text(encoding="utf-8")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(text.replace("ZTE Parsian", "ZTE Pärsian").encode("latin-1", errors="replace"))
    lines = text.replace("ZTE Parsian", "ZTE Pärsian").splitlines()
    line = next(n for n, t in enumerate(lines, start=1) if any(ord(c) > 127 for c in t))
    with pytest.raises(SourceError, match=rf"latin1.csv: line {line}: not UTF-8"):
        read(bad)


def test_duplicated_id_within_a_source_list_is_an_error(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO((DATA / "consolidated_sample.csv").read_text(encoding="utf-8"))))
    zte = next(r for r in rows if r[5] == "ZTE Parsian")
    out = io.StringIO()
    csv.writer(out).writerows([*rows, zte])
    with pytest.raises(
        SourceError, match=rf"line {len(rows) + 1}: duplicated id '{zte[0]}' in EL \(first at line"
    ):
        read_csl_csv(out.getvalue(), "dup.csv")


def test_bad_rows_are_issues_not_crashes(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO((DATA / "consolidated_sample.csv").read_text(encoding="utf-8"))))
    rows[3][5] = ""  # no name
    rows[4][9] = "sometime"  # start_date
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    entries, issues = read_csl_csv(out.getvalue(), "bad.csv")
    assert len(entries) == 16
    assert [(i.locator, i.field) for i in issues][1:] == [("line 4", "name"), ("line 5", "start_date")]


def test_json_without_results_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "c.json"
    bad.write_text('{"total": 0, "items": []}', encoding="utf-8")
    with pytest.raises(SourceError, match="c.json: not a Consolidated Screening List JSON"):
        read(bad)
    bad.write_text('{"results": [', encoding="utf-8")
    with pytest.raises(SourceError, match="c.json: line 1: not JSON"):
        read(bad)
