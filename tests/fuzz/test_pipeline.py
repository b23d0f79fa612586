"""Hostile inputs through the whole row pipeline (read, attribute, determine) and through both
engines: only documented errors, and the row and Arrow engines agree on long cells."""

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netvet.errors import NetvetError
from netvet.kb.loader import KnowledgeBase
from netvet.pipeline.scan import scan_paths
from tests.fuzz.profiles import count
from tests.fuzz.strategies import HEADERS, LINE_CELL, SNMPREC_LINE, WALK_LINE
from tests.fuzz.test_readers import csv_bytes, input_file

AS_OF = date(2026, 11, 23)


def scan_safely(kb: KnowledgeBase, name: str, suffix: str, data: bytes) -> None:
    """The row pipeline on one file; a documented error is a fine answer."""
    count(name)
    with input_file(suffix, data) as path, contextlib.suppress(NetvetError):
        scan_paths([path], kb, AS_OF)


@given(lines=st.lists(SNMPREC_LINE, max_size=25))
def test_snmprec_scans(kb: KnowledgeBase, lines: list[str]) -> None:
    scan_safely(kb, "scan-snmprec", ".snmprec", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


@given(lines=st.lists(WALK_LINE, max_size=25))
def test_snmpwalk_scans(kb: KnowledgeBase, lines: list[str]) -> None:
    scan_safely(kb, "scan-snmpwalk", ".walk", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


@given(header=HEADERS, rows=st.lists(st.lists(LINE_CELL, max_size=9), max_size=6))
def test_inventory_scans(kb: KnowledgeBase, header: list[str], rows: list[list[str]]) -> None:
    scan_safely(kb, "scan-inventory", ".csv", csv_bytes([header, *rows]))


@pytest.fixture(scope="module")
def long_cells(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An inventory whose vendor, model and banner cells run past every limit (up to 300 KB)."""
    folder = tmp_path_factory.mktemp("long")
    rows = [
        ["vendor", "model", "banner", "mac"],
        ["Huawei" + " x" * 150_000, "S5700", "SSH-2.0-HUAWEI-1.5" + "y" * 200_000, "00:e0:fc:00:00:01"],
        ["H" * 300_000, "", "", ""],
        ["Cisco", "C9300", "", "00:00:0c:00:00:01"],
    ]
    path = folder / "long.csv"
    path.write_bytes(csv_bytes(rows))
    return path


def test_engines_agree_on_cells_over_128_kb(kb: KnowledgeBase, long_cells: Path) -> None:
    from netvet.pipeline.stream import ScanStream

    answers, cut = {}, {}
    for engine in ("row", "arrow"):
        stream = ScanStream(kb=kb, as_of=AS_OF, paths=[long_cells], engine=engine)
        answers[engine] = [(f.attribution.manufacturer, f.verdict) for f in stream.findings()]
        cut[engine] = sorted((i.field, i.message) for i in stream.issues if "cut to" in i.message)
    assert answers["row"] == answers["arrow"]
    assert len(answers["row"]) == 3
    assert cut["row"] == cut["arrow"] and len(cut["row"]) == 3
