"""Every path of the inventory reader: good files, bad cells, bad rows, bad files."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from netvet.errors import SourceError, UsageError
from netvet.ingest import read_inventory
from netvet.ingest.columns import map_columns, parse_overrides

HEADER = (
    "Hostname,MAC Address,Vendor,Model,Country of Origin,Purchase "
    "Date,Cost (USD),Intended Use,Conditional Approval,IP Address"
)


def write(tmp_path: Path, text: str, name: str = "inv.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_good_rows_become_observations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + '\nolt-1,00e0.fc12.3456,Huawei,MA5800-X7,China,3/14/2019,"$1,200",core,no,10.0.0.1\n',
    )
    found, issues = read_inventory(path)
    assert len(found) == 1 and not [i for i in issues if i.severity != "info"]
    o = found[0]
    assert (o.mac, o.vendor, o.country_of_production, o.cost, o.conditional_approval) == (
        "00:e0:fc:12:34:56",
        "Huawei",
        "CN",
        1200.0,
        False,
    )
    assert o.acquired is not None and o.acquired.isoformat() == "2019-03-14"
    assert o.source.locator == "line 2"


@pytest.mark.parametrize(
    ("cells", "field", "message"),
    [
        ("a,zz:zz:zz:00:11:22,Huawei,,,,,,,", "mac", "not a MAC address"),
        ("a,,Huawei,,,2019-13-45,,,,", "acquired", "not a date"),
        ("a,,Huawei,,,,n/a,,,", "cost", "not an amount"),
        ("a,,Huawei,,Atlantis,,,,,", "country_of_production", "not a country"),
        ("a,,Huawei,,,,,,maybe,", "conditional_approval", "not yes or no"),
        ("a,,Huawei,,,,,,,10.0.0.300", "ip", "not an IP address"),
    ],
)
def test_bad_cell_is_an_issue_with_line_and_field_and_row_is_kept(
    tmp_path: Path, cells: str, field: str, message: str
) -> None:
    path = write(tmp_path, HEADER + "\n" + cells + "\n")
    found, issues = read_inventory(path)
    assert len(found) == 1 and found[0].vendor == "Huawei"
    bad = [i for i in issues if i.severity != "info"]
    assert len(bad) == 1 and bad[0].field == field and message in bad[0].message
    assert bad[0].locator == "line 2" and bad[0].path == str(path)


def test_wrong_width_rows_are_skipped_with_issues_and_blank_rows_ignored(tmp_path: Path) -> None:
    body = "a,,Huawei,,,,,,,\nb,,ZTE,,,,,,,,extra\nc,,Cisco\n\n   \nd,,Nokia,,,,,,,\n"
    found, issues = read_inventory(write(tmp_path, HEADER + "\n" + body))
    assert [o.vendor for o in found] == ["Huawei", "Nokia"]
    errors = [i for i in issues if i.severity == "error"]
    assert [i.locator for i in errors] == ["line 3", "line 4"]
    assert found[1].source.locator == "line 7"


def test_row_without_any_usable_value(tmp_path: Path) -> None:
    found, issues = read_inventory(write(tmp_path, HEADER + "\n,zz,,,,,,,,\n"))
    assert not found and any("no usable value" in i.message for i in issues)


def test_strict_stops_at_the_first_problem(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="line 2"):
        read_inventory(write(tmp_path, HEADER + "\na,zz,Huawei,,,,,,,\n"), strict=True)


def test_missing_empty_binary_and_unrecognised_files(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_inventory(tmp_path / "absent.csv")
    with pytest.raises(SourceError, match="empty file"):
        read_inventory(write(tmp_path, ""))
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    with pytest.raises(SourceError, match="not a text file"):
        read_inventory(junk)
    with pytest.raises(SourceError, match="no column reads as"):
        read_inventory(write(tmp_path, "colour,size\nred,3\n"))


def test_semicolon_and_windows_1252(tmp_path: Path) -> None:
    path = write(
        tmp_path, "Hostname;Manufacturer;Model\ncam-1;Société Générale Caméra;X1\n", encoding="cp1252"
    )
    found, _ = read_inventory(path)
    assert found[0].vendor == "Société Générale Caméra"


def test_xlsx_inventory(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Device Name", "Make", "Part Number", "Install Date"])
    from datetime import datetime

    sheet.append(["cam-1", "Hikvision", "DS-2CD2143G2-I", datetime(2020, 5, 1)])
    path = tmp_path / "inv.xlsx"
    book.save(path)
    found, issues = read_inventory(path)
    assert found[0].vendor == "Hikvision" and found[0].model == "DS-2CD2143G2-I"
    assert found[0].acquired is not None and found[0].acquired.year == 2020
    assert found[0].source.locator == "line 2"


def test_broken_xlsx_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SourceError, match="not a readable XLSX"):
        read_inventory(path)


def test_column_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, "Box,HW Addr,Who\nb1,00:e0:fc:12:34:56,Huawei\n")
    found, _ = read_inventory(path, overrides=parse_overrides(["mac=HW Addr", "vendor=Who", "hostname=Box"]))
    assert found[0].mac == "00:e0:fc:12:34:56" and found[0].vendor == "Huawei"
    with pytest.raises(UsageError, match="FIELD=HEADER"):
        parse_overrides(["colour=Who"])
    with pytest.raises(UsageError, match="no column 'Nope'"):
        map_columns(["Box"], {"mac": "Nope"})


def test_unused_columns_are_reported_as_info(tmp_path: Path) -> None:
    _, issues = read_inventory(write(tmp_path, "Hostname,Rack Unit\nh1,4\n"))
    assert [(i.field, i.severity) for i in issues] == [("Rack Unit", "info")]
