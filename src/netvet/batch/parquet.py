"""Parquet at both ends of the Arrow engine: inventories read by row groups (bounded memory),
findings written as a dataset partitioned by verdict (`verdict=covered/part-00000.parquet`).

The written columns are the CSV output's flat columns (all text) and `record`, the whole JSON
contract object of the finding, so nothing the JSON output says is lost."""

from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from netvet.errors import SourceError, UsageError
from netvet.ingest.files import require_file
from netvet.report.records import Record
from netvet.report.render import CSV_COLUMNS, csv_row

BATCH_ROWS = 65_536
PARTITION = "verdict"
# The verdict names the folder, as Hive-style partitioning has it; the files hold the rest.
FLAT_COLUMNS = tuple(c for c in CSV_COLUMNS if c != PARTITION)
FINDINGS_SCHEMA = pa.schema([(c, pa.string()) for c in (*FLAT_COLUMNS, "record")])


def open_parquet(path: Path) -> pq.ParquetFile:
    """The file's footer read, or a SourceError saying why it is not Parquet."""
    require_file(path)
    try:
        return pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise SourceError(f"{path}: not a readable Parquet file: {exc}") from exc


def parquet_header(path: Path) -> list[str]:
    """The column names, which play the part of a CSV header."""
    return list(open_parquet(path).schema_arrow.names)


def as_text(batch: pa.RecordBatch, path: Path) -> pa.RecordBatch:
    """Every column as non-null text, as the CSV reader gives it (typed columns printed)."""
    arrays = []
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        try:
            text = column if pa.types.is_string(column.type) else pc.cast(column, pa.string())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            raise SourceError(f"{path}: column '{name}' ({column.type}) cannot be read as text") from exc
        arrays.append(pc.fill_null(text, ""))
    return pa.RecordBatch.from_arrays(arrays, names=[f"c{i}" for i in range(len(arrays))])


def stream_parquet(path: Path, rows: int = BATCH_ROWS) -> Generator[pa.RecordBatch, None, None]:
    """Record batches of text, row group by row group: never the whole file in memory."""
    source = open_parquet(path)
    try:
        for batch in source.iter_batches(batch_size=rows):
            yield as_text(batch, path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise SourceError(f"{path}: {exc}") from exc


def flat_record(record: Record) -> dict[str, str | None]:
    """The CSV columns of a record as text (empty cells null), and the record as JSON."""
    cells = dict(zip(CSV_COLUMNS, csv_row(record), strict=True))
    flat = {c: (str(cells[c]) if cells[c] not in ("", None) else None) for c in FLAT_COLUMNS}
    flat["record"] = orjson.dumps(record).decode()
    return flat


@dataclass(slots=True)
class ParquetWriter:
    """Findings written to DIR/verdict=V/part-00000.parquet, buffered into row groups."""

    folder: Path
    rows: int = BATCH_ROWS
    buffers: dict[str, list[dict[str, str | None]]] = field(default_factory=dict)
    writers: dict[str, pq.ParquetWriter] = field(default_factory=dict)
    count: int = 0

    def __post_init__(self) -> None:
        if self.folder.exists() and any(self.folder.iterdir()):
            raise UsageError(f"--parquet {self.folder}: the folder exists and is not empty")

    def write(self, record: Record) -> None:
        """One finding."""
        buffer = self.buffers.setdefault(str(record["verdict"]), [])
        buffer.append(flat_record(record))
        self.count += 1
        if len(buffer) >= self.rows:
            self.flush(str(record["verdict"]))

    def flush(self, verdict: str) -> None:
        """Write one verdict's buffered rows as a row group."""
        buffer = self.buffers.pop(verdict, [])
        if not buffer:
            return
        if verdict not in self.writers:
            part = self.folder / f"{PARTITION}={verdict}"
            part.mkdir(parents=True, exist_ok=True)
            self.writers[verdict] = pq.ParquetWriter(part / "part-00000.parquet", FINDINGS_SCHEMA)
        self.writers[verdict].write_table(pa.Table.from_pylist(buffer, schema=FINDINGS_SCHEMA))

    def close(self) -> None:
        """Write what is buffered and close every file (the folder exists even when empty)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for verdict in list(self.buffers):
            self.flush(verdict)
        for writer in self.writers.values():
            writer.close()
