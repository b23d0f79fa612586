"""Stream a large CSV inventory as Arrow record batches of strings, with bounded memory.

Arrow's streaming reader does not report line numbers, so batch locators are data-row numbers
('row 12' is the twelfth data record) and rows of the wrong width are located by their text.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from pyarrow import csv as pacsv

from netvet.errors import SourceError
from netvet.ingest.inventory import SNIFF_BYTES, decode, sniff_dialect
from netvet.model import Issue

BLOCK_BYTES = 32 << 20


@dataclass(slots=True)
class StreamIssues:
    """Rows Arrow rejected, collected while streaming."""

    path: str
    width: int = 0
    issues: list[Issue] = field(default_factory=list)

    def handle(self, row: pacsv.InvalidRow) -> str:
        """Arrow's invalid-row callback: blank rows are skipped silently, others become Issues."""
        text = row.text or ""
        if text.strip():
            message = f"row has {row.actual_columns} cells, the header has {row.expected_columns}: skipped"
            self.issues.append(Issue(self.path, f"record '{text[:60]}'", None, message, "error"))
        return "skip"


def header_of(path: Path) -> tuple[list[str], str, str]:
    """The header cells, the delimiter and the encoding, from the first block of the file."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
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


def stream_csv(path: Path, issues: StreamIssues) -> Iterator[pa.RecordBatch]:
    """Record batches with every column as a string."""
    header, delimiter, encoding = header_of(path)
    issues.width = len(header)
    names = [f"c{i}" for i in range(len(header))]
    read = pacsv.ReadOptions(block_size=BLOCK_BYTES, column_names=names, skip_rows=1, encoding=encoding)
    parse = pacsv.ParseOptions(
        delimiter=delimiter, invalid_row_handler=issues.handle, newlines_in_values=True
    )
    convert = pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False)
    try:
        yield from pacsv.open_csv(path, read_options=read, parse_options=parse, convert_options=convert)
    except pa.ArrowInvalid as exc:
        raise SourceError(f"{path}: {exc}") from exc
