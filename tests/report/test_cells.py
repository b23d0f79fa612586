"""No CSV or XLSX cell netvet writes can start a formula (OWASP CSV injection); real numbers stay
numbers."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from netvet.report.cells import is_formula_text, safe_cell
from netvet.report.files import csv_bytes, sheet
from tests.fuzz.profiles import count

HOSTILE = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_formula_text_is_prefixed_and_numbers_are_not() -> None:
    assert [safe_cell(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert [safe_cell(v) for v in ("-3.5", "+44", "1e5", -3.5, 7, None, "Huawei")] == [
        "-3.5",
        "+44",
        "1e5",
        -3.5,
        7,
        None,
        "Huawei",
    ]


@given(text=st.text(max_size=30))
def test_no_written_cell_reads_as_a_formula(text: str) -> None:
    count("formula-cells")
    cell = safe_cell(text)
    assert isinstance(cell, str) and not is_formula_text(cell)
    assert cell in (text, "'" + text)


def test_csv_and_xlsx_writers_neutralise_formulas() -> None:
    rows = [[v, -3.5] for v in HOSTILE]
    written = list(csv.reader(io.StringIO(csv_bytes(("Asset", "Cost"), rows).decode("utf-8-sig"))))
    assert [r[0] for r in written[1:]] == ["'" + v for v in HOSTILE]
    from openpyxl import Workbook

    book = Workbook()
    sheet(book, "t", ("Asset", "Cost"), rows)
    buffer = io.BytesIO()
    book.save(buffer)
    ws = load_workbook(io.BytesIO(buffer.getvalue()))["t"]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["A2"].value == "'" + HOSTILE[0] and ws["B2"].value == -3.5
