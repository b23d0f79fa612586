"""Parquet at both ends of the Arrow engine: inputs read by row groups with the CSV engine's
answers, typed columns read as text, bad cells still Issues; findings written by verdict."""

from collections import Counter
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyarrow import csv as pacsv

from netvet.batch.parquet import ParquetWriter, stream_parquet
from netvet.errors import SourceError, UsageError
from netvet.kb.loader import KnowledgeBase
from netvet.pipeline.stream import ScanStream
from netvet.report import finding_record
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "examples" / "carrier_inventory.csv"


def sample_as_parquet(path: Path) -> Path:
    table = pacsv.read_csv(
        SAMPLE,
        convert_options=pacsv.ConvertOptions(strings_can_be_null=False),
        parse_options=pacsv.ParseOptions(invalid_row_handler=lambda row: "skip"),
    )
    pq.write_table(table, path, row_group_size=40)
    return path


def test_parquet_input_gives_the_csv_answers_row_for_row(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = sample_as_parquet(tmp_path / "inventory.parquet")
    from_csv = ScanStream(kb=kb, as_of=AS_OF, paths=[SAMPLE], engine="arrow")
    from_parquet = ScanStream(
        kb=kb, as_of=AS_OF, paths=[path]
    )  # auto: Parquet always goes to the Arrow engine
    a = [finding_record(f, kb.entities, kb.graph, AS_OF) for f in from_csv.findings()]
    b = [finding_record(f, kb.entities, kb.graph, AS_OF) for f in from_parquet.findings()]
    for record in b:
        record["sources"] = [{**s, "path": str(SAMPLE)} for s in record["sources"]]
    assert len(a) == len(b) > 300
    assert a == b
    assert [(i.locator, i.field, i.message) for i in from_csv.issues if i.field] == [
        (i.locator, i.field, i.message) for i in from_parquet.issues if i.field
    ]


def test_the_row_engine_refuses_parquet(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = sample_as_parquet(tmp_path / "inventory.parquet")
    with pytest.raises(UsageError, match="--engine arrow"):
        list(ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="row").findings())


def test_typed_columns_are_read_as_text_and_bad_cells_are_issues(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "typed.parquet"
    table = pa.table(
        {
            "MAC Address": ["00:e0:fc:12:34:56", "not-a-mac", None],
            "Vendor": ["Huawei", "Cisco", "ZTE"],
            "Purchase Date": pa.array([date(2021, 5, 1), None, date(2020, 1, 2)], pa.date32()),
            "Cost": pa.array([1200, 5, None], pa.int64()),
        }
    )
    pq.write_table(table, path)
    stream = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="arrow")
    found = list(stream.findings())
    assert [f.observations[0].vendor for f in found] == ["Huawei", "Cisco", "ZTE"]
    assert found[0].context.acquired == date(2021, 5, 1)
    assert found[0].observations[0].cost == 1200
    assert [(i.locator, i.field) for i in stream.issues] == [("row 2", "mac")]


def test_a_file_that_is_not_parquet_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    path.write_text("Hostname,MAC\na,00:11:22:33:44:55\n")
    with pytest.raises(SourceError, match="not a readable Parquet file"):
        list(stream_parquet(path))


def test_findings_written_by_verdict_read_back_whole(kb: KnowledgeBase, tmp_path: Path) -> None:
    records = [
        finding_record(f, kb.entities, kb.graph, AS_OF)
        for f in ScanStream(kb=kb, as_of=AS_OF, paths=[SAMPLE]).findings()
    ]
    writer = ParquetWriter(tmp_path / "out", rows=50)
    for record in records:
        writer.write(record)
    writer.close()
    table = pq.read_table(tmp_path / "out")
    assert Counter(table.column("verdict").to_pylist()) == Counter(r["verdict"] for r in records)
    assert sorted(table.column("asset").to_pylist()) == sorted(r["asset"] for r in records)
    assert len(list((tmp_path / "out" / "verdict=covered").glob("*.parquet"))) == 1
    with pytest.raises(UsageError, match="not empty"):
        ParquetWriter(tmp_path / "out")
