"""Columns of the same name are an Issue naming both, and --map FIELD=#N chooses; no value is
longer than its documented limit, and the cut leaves an Issue."""

from pathlib import Path

import pytest

from netvet.errors import UsageError
from netvet.ingest import read_inventory
from netvet.ingest.columns import map_columns
from netvet.ingest.limits import MAX_CELL, MAX_TEXT
from netvet.ingest.purchase import read_purchase_lines


def write(tmp_path: Path, text: str, name: str = "inv.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_headers_are_an_issue_naming_both(tmp_path: Path) -> None:
    path = write(tmp_path, "Vendor,vendor ,model\nCisco,Huawei,S5700\n")
    observations, issues = read_inventory(path)
    dup = [i for i in issues if "same header" in i.message]
    assert len(dup) == 1
    assert "1 'Vendor'" in dup[0].message and "2 'vendor '" in dup[0].message
    assert "--map vendor=#2" in dup[0].message
    assert observations[0].vendor == "Cisco"


def test_map_by_column_number_chooses_the_second(tmp_path: Path) -> None:
    path = write(tmp_path, "Vendor,Vendor,model\nCisco,Huawei,S5700\n")
    observations, _ = read_inventory(path, overrides={"vendor": "#2"})
    assert observations[0].vendor == "Huawei"
    with pytest.raises(UsageError, match="#1 or #2"):
        map_columns(["Vendor", "Vendor"], {"vendor": "Vendor"})


def test_purchase_lines_report_duplicates_and_take_map(tmp_path: Path) -> None:
    path = write(tmp_path, "Manufacturer,Manufacturer,Model\nCisco,Hikvision,DS-2CD\n", "lines.csv")
    lines, issues = read_purchase_lines(path, overrides={"vendor": "#2"})
    assert any("same header" in i.message for i in issues)
    assert lines[0].observation is not None and lines[0].observation.vendor == "Hikvision"


def test_long_cells_are_cut_with_an_issue(tmp_path: Path) -> None:
    vendor, banner = "Huawei " + "x" * 300_000, "SSH-2.0-" + "y" * 200_000
    path = write(tmp_path, f"vendor,banner,model\n{vendor},{banner},S5700\n")
    observations, issues = read_inventory(path)
    assert len(observations[0].vendor or "") == MAX_CELL and len(observations[0].banner or "") == MAX_TEXT
    cut = {i.field: i.message for i in issues if "cut to" in i.message}
    assert cut == {
        "vendor": f"value of {len(vendor)} characters cut to the first {MAX_CELL}",
        "banner": f"value of {len(banner)} characters cut to the first {MAX_TEXT}",
    }
