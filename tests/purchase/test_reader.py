"""Purchase lines, the Conditional Approval CSV, the register and the profile, from real files."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from netvet.errors import SourceError
from netvet.ingest.approved import read_conditional_approvals, read_profile, read_register
from netvet.ingest.purchase import read_purchase_lines
from netvet.model import Organisation
from netvet.purchase import Standing

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HEADER = "Vendor,Manufacturer,Model,Type,Made In,Qty,Funding,Intended Use,Grant Date,Conditional Approval\n"


def write(tmp_path: Path, text: str, name: str = "buy.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_columns_line_numbers_and_values(tmp_path: Path) -> None:
    text = (
        HEADER + 'CDW,Cisco Systems,"ISR4331\n(spare)",router,MX,4,capex,core,2015-06-10,\n'
        "\n"
        "Amazon,TP-Link,Archer BE800,wifi router,China,1,capex,home,2026-06-01,DOW-CA-7\n"
    )
    lines, issues = read_purchase_lines(write(tmp_path, text))
    assert [ln.line for ln in lines] == [2, 5]
    first, second = lines
    assert (first.supplier, first.quantity) == ("CDW", 4)
    assert first.observation is not None and first.observation.vendor == "Cisco Systems"
    assert first.observation.first_authorized == date(2015, 6, 10)
    assert second.observation is not None and second.observation.country_of_production == "CN"
    assert (second.approval_ref, second.observation.conditional_approval) == ("DOW-CA-7", True)
    assert [i for i in issues if i.severity != "info"] == []


def test_yes_no_approval_is_a_flag(tmp_path: Path) -> None:
    text = HEADER + "CDW,NETGEAR,RAX50,wifi router,TW,1,capex,home,2020-03-02,no\n"
    (line,), _ = read_purchase_lines(write(tmp_path, text))
    assert line.observation is not None and line.observation.conditional_approval is False
    assert line.approval_ref is None


def test_bad_cells_are_issues_naming_line_and_field(tmp_path: Path) -> None:
    text = HEADER + "CDW,Cisco,ISR4331,router,MX,ten,capex,core,31/31/2015,\n"
    (line,), issues = read_purchase_lines(write(tmp_path, text))
    found = {(i.locator, i.field) for i in issues if i.severity != "info"}
    assert found == {("line 2", "quantity"), ("line 2", "first_authorized")}
    assert line.quantity is None and line.observation is not None and line.observation.model == "ISR4331"


def test_malformed_line_is_kept_unread_with_its_issue(tmp_path: Path) -> None:
    text = HEADER + "CDW,Cisco\nCDW,Cisco,ISR4331,router,MX,1,capex,core,,\n"
    lines, issues = read_purchase_lines(write(tmp_path, text))
    assert [(ln.line, ln.observation is None) for ln in lines] == [(2, True), (3, False)]
    assert any(i.locator == "line 2" and "cells" in i.message for i in issues)
    with pytest.raises(SourceError, match="line 2"):
        read_purchase_lines(write(tmp_path, text), strict=True)


def test_supplier_only_line_is_read(tmp_path: Path) -> None:
    (line,), issues = read_purchase_lines(write(tmp_path, HEADER + "ZTE USA Inc.,,,,,,,,,\n"))
    assert line.supplier == "ZTE USA Inc." and line.observation is not None
    assert [i for i in issues if i.severity != "info"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("", "empty file"),
        ("Site,Cost\nHQ,10\n", "line 1: no column reads as manufacturer, model or supplier"),
    ],
)
def test_unusable_files_name_the_file(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "buy.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError, match=message) as caught:
        read_purchase_lines(path)
    assert str(path) in str(caught.value)


def test_binary_file_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "buy.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(SourceError, match="NUL"):
        read_purchase_lines(path)


def test_xlsx_lines_keep_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Supplier", "Manufacturer", "Model", "Quantity", "First Authorization Date"])
    sheet.append(["CDW", "Cisco Systems", "ISR4331", 3, date(2015, 6, 10)])
    sheet.append([None, None, None, None, None])
    sheet.append(["Amazon", "DJI", "Mavic 3", 1, None])
    path = tmp_path / "buy.xlsx"
    book.save(path)
    lines, _ = read_purchase_lines(path)
    assert [(ln.line, ln.quantity) for ln in lines] == [(2, 3), (4, 1)]
    assert lines[0].observation is not None and lines[0].observation.first_authorized == date(2015, 6, 10)


def test_example_files_read_cleanly() -> None:
    register, qml, issues = read_register(EXAMPLES / "purchase_register.yaml")
    assert issues == [] and register is not None and qml is not None
    assert {a.id for a in register.approvals} == {"EXAMPLE-CA-2026-001", "EXAMPLE-CA-2026-002"}
    assert all(not a.verified for a in register.approvals)
    standings = {m.manufacturer: m.standing for m in qml.manufacturers}
    assert standings["TP-Link Technologies Co., Ltd."] == Standing.DISQUALIFIED
    assert read_profile(EXAMPLES / "purchase_profile.yaml") == Organisation(False, True, 4200)


def test_bad_approval_rows_are_issues_and_left_out(tmp_path: Path) -> None:
    text = (
        "# comment lines are allowed\n"
        "approval_id,company,models,category,granted_by,granted_on,expires_on,source,verified\n"
        "CA-1,Acme,M1;M2,router,DoW,2026-04-14,,,yes\n"
        "CA-2,Acme,M3,router,DoW,not a date,,,yes\n"
        "CA-3,Acme,M4,toaster,DoW,2026-04-14,,,yes\n"
    )
    approvals, issues = read_conditional_approvals(write(tmp_path, text, "ca.csv"))
    assert [a.id for a in approvals] == ["CA-1"] and approvals[0].models == ("M1", "M2")
    assert [(i.locator, "granted_on" in i.message or "category" in i.message) for i in issues] == [
        ("line 4", True),
        ("line 5", True),
    ]


def test_approval_csv_without_its_columns_is_unusable(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no column approval_id"):
        read_conditional_approvals(write(tmp_path, "id,name\n1,x\n", "ca.csv"))


def test_register_entries_with_bad_values_are_issues(tmp_path: Path) -> None:
    text = (
        "qualified_manufacturers:\n  manufacturers:\n"
        "    - {manufacturer: Cisco Systems, standing: qualified, requalify_by: 2027-01-01}\n"
        "    - {manufacturer: Acme, standing: maybe}\n"
        "    - {manufacturer: Beta, questionnaire: {secure-design-and-engineering: perhaps}}\n"
    )
    register, qml, issues = read_register(write(tmp_path, text, "reg.yaml"))
    assert register is None and qml is not None
    assert [m.manufacturer for m in qml.manufacturers] == ["Cisco Systems"]
    assert [i.locator for i in issues] == [
        "qualified_manufacturers entry 2",
        "qualified_manufacturers entry 3",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("organisation: {federal_contractor: maybe}\n", "organisation.federal_contractor"),
        ("organisation: {customers: -3}\n", "organisation.customers"),
        ("name: x\n", "no 'organisation'"),
        ("organisation: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_profile_names_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text, "profile.yaml")
    with pytest.raises(SourceError, match=message) as caught:
        read_profile(path)
    assert str(path) in str(caught.value)
