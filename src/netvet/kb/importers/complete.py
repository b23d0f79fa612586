"""Is a list file whole by its own format's terms? A file cut short in transfer or on disk must
be refused before it is read as a shorter list: CSV by RFC 4180 (no quote left open, the last row
as wide as the header, at least one row under the header), JSON by parsing as a whole."""

import csv
import io
import json
from typing import Any

from netvet.errors import SourceError

# Python's parser recurses per nesting level; no list layout nests more than a few levels, so a
# document nested deeper than the interpreter allows is refused as not a list, not a crash.
DEEP = "nested deeper than any list layout (refused)"


def require_complete_csv(content: str, path: str, delimiter: str = ",", *, ragged: bool = False) -> int:
    """The number of data rows; a SourceError naming the file and line when the text is not
    whole CSV: an open quote at the end, a last row narrower than the header (unless `ragged`:
    hand-written files leave trailing empty cells out), no rows at all."""
    reader = csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    last: tuple[int, list[str]] | None = None
    rows, start = 0, 1
    try:
        for record in reader:
            if header is None:
                header = record
            elif record:
                last, rows = (start, record), rows + 1
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SourceError(f"{path}: line {start}: {exc}: the file is cut short or is not CSV") from exc
    if header is None or rows == 0:
        raise SourceError(f"{path}: {'a header and ' if header else ''}no rows: an empty or cut file")
    if last is not None and not ragged and len(last[1]) < len(header):
        raise SourceError(
            f"{path}: line {last[0]}: the last row has {len(last[1])} of the header's {len(header)} "
            "columns: the file is cut short"
        )
    return rows


def load_json(content: str, path: str) -> Any:
    """A JSON document; a SourceError naming the line when it is cut short or not JSON."""
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path}: line {exc.lineno}: not JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise SourceError(f"{path}: JSON {DEEP}") from exc
