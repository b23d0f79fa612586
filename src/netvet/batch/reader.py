"""Stream a large CSV inventory as Arrow record batches of strings, with bounded memory.

Arrow's streaming reader does not report line numbers, so batch locators are data-row numbers
('row 12' is the twelfth data record) and rows of the wrong width are located by their text.
"""

import contextlib
import csv
from collections.abc import Generator, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pacsv

from netvet.attribute.arrow_views import bools_of
from netvet.batch.paced import PacedFile
from netvet.errors import SourceError
from netvet.ingest.files import require_file
from netvet.ingest.inventory import SNIFF_BYTES, decode, sniff_dialect
from netvet.ingest.limits import cut_message, limit_of
from netvet.model import Issue
from netvet.model.vocab import IssueSeverity

BLOCK_BYTES = 16 << 20
T = TypeVar("T")
# How many blocks Arrow's reader may read past the batch being worked on (see paced.py).
AHEAD_BLOCKS = 3


@dataclass(slots=True)
class StreamIssues:
    """Rows Arrow rejected, collected while streaming, and the file's hash once read to its end."""

    path: str
    width: int = 0
    issues: list[Issue] = field(default_factory=list)
    sha256: str | None = None  # of the whole file, when the stream read it to its end

    def handle(self, row: pacsv.InvalidRow) -> str:
        """Arrow's invalid-row callback: blank rows are skipped silently, others become Issues."""
        text = row.text or ""
        if text.strip():
            message = f"row has {row.actual_columns} cells, the header has {row.expected_columns}: skipped"
            self.issues.append(Issue(self.path, f"record '{text[:60]}'", None, message, IssueSeverity.ERROR))
        return "skip"


def header_of(path: Path) -> tuple[list[str], str, str]:
    """The header cells, the delimiter and the encoding, from the first block of the file."""
    require_file(path)
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    text = decode(head, str(path))
    encoding = "utf8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        encoding = "cp1252" if exc.start < len(head) - 4 else "utf8"
    delimiter = sniff_dialect(text).delimiter
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise SourceError(f"{path}: empty file")
    return next(csv.reader([first], delimiter=delimiter)), delimiter, encoding


def stream_csv(path: Path, issues: StreamIssues) -> Generator[pa.RecordBatch, None, None]:
    """Record batches with every column as a string."""
    header, delimiter, encoding = header_of(path)
    issues.width = len(header)
    names = [f"c{i}" for i in range(len(header))]
    read = pacsv.ReadOptions(block_size=BLOCK_BYTES, column_names=names, skip_rows=1, encoding=encoding)
    parse = pacsv.ParseOptions(
        delimiter=delimiter, invalid_row_handler=issues.handle, newlines_in_values=True
    )
    convert = pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False)
    with PacedFile(path, AHEAD_BLOCKS * BLOCK_BYTES) as source:
        try:
            reader = pacsv.open_csv(source, read_options=read, parse_options=parse, convert_options=convert)
            try:
                yield from source.paced(iter(reader), BLOCK_BYTES)
            except GeneratorExit:
                wind_down(source, reader)
                raise
            issues.sha256 = source.sha256()
        except pa.ArrowInvalid as exc:
            raise SourceError(f"{path}: {exc}") from exc


def wind_down(source: PacedFile, reader: pacsv.CSVStreamingReader) -> None:
    """A stream its consumer left early (an error, a closed pipe): the file reads as ended from
    now on, and Arrow's reader runs out what it holds. Left half-way, its background reads
    still held the file when the interpreter exited, and Arrow's thread pool waited for them
    forever; a malformed last row in what is left is nobody's concern any more."""
    source.close()
    with contextlib.suppress(pa.ArrowInvalid, StopIteration):
        while True:
            reader.read_next_batch()


class FirstAhead(Iterator[T]):
    """Batches whose first one is read on a thread from the moment this is made. Arrow parses a
    whole block before its reader returns (~0.1-0.2 s for 16 MB); that work then overlaps the
    caller's own set-up (imports, the engine and its kb parts) instead of following it. Close it
    (`contextlib.closing`) so that the stream underneath is closed on every way out, even one
    taken before the first batch was asked for."""

    def __init__(self, batches: Generator[T, None, None]) -> None:
        self.batches = batches
        pool = ThreadPoolExecutor(1, thread_name_prefix="netvet-first-batch")
        self.first: Future[T | None] | None = pool.submit(next, batches, None)
        pool.shutdown(wait=False)  # the thread ends with its one task

    def __next__(self) -> T:
        """The first batch once read (its error raised here, in the caller), then the rest."""
        first, self.first = self.first, None
        item = first.result() if first is not None else next(self.batches, None)
        if item is None:
            raise StopIteration
        return item

    def close(self) -> None:
        """Let the first read end, then close the stream (its file, and Arrow's reads of it)."""
        if self.first is not None:
            wait([self.first])
            self.first = None
        self.batches.close()


def cap_batch(
    batch: pa.RecordBatch, fields: Mapping[str, int], path: str, first_row: int
) -> tuple[pa.RecordBatch, list[Issue]]:
    """The batch with every mapped cell cut to its field's length limit (as the row engine cuts),
    and an Issue per cut cell."""
    arrays, issues = list(batch.columns), []
    for name, i in fields.items():
        limit = limit_of(name)
        if (pc.max(pc.binary_length(arrays[i])).as_py() or 0) <= limit:
            continue  # no cell has more bytes than the limit has characters
        lengths = pc.utf8_length(arrays[i])
        over = pc.fill_null(pc.greater(lengths, limit), False)
        rows = np.flatnonzero(bools_of(over))
        if not rows.size:
            continue
        issues += [
            Issue(path, f"row {first_row + r + 1}", name, cut_message(lengths[int(r)].as_py(), limit))
            for r in rows
        ]
        arrays[i] = pc.if_else(over, pc.utf8_slice_codeunits(arrays[i], 0, limit), arrays[i])
    return pa.RecordBatch.from_arrays(arrays, names=batch.schema.names), issues
