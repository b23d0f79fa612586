"""One inventory column of a batch as codes into its distinct values, parsed once per value."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from netvet.attribute.arrow_views import array_of, bools_of, integers_of
from netvet.ingest.record import RAW_FIELDS, parse_cell

I32 = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Column:
    """codes[i] indexes values (-1: empty or unparseable); raw keeps the codes of bad text."""

    codes: I32
    raw: I32
    values: list[object]
    texts: list[str]
    errors: dict[int, str]


# Bytes that may start or end a cell Python's str.strip() would change: ASCII white space and
# separators, and any non-ASCII byte (a multi-byte character may be Unicode white space).
_EDGE = np.zeros(256, dtype=np.bool_)
_EDGE[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32]] = True
_EDGE[128:] = True


@dataclass(frozen=True, slots=True)
class Shape:
    """Per row: the raw byte length, and whether the cell's edges need Python's strip()."""

    lengths: npt.NDArray[np.int64]
    suspect: npt.NDArray[np.bool_]


def shape_of(array: pa.Array) -> Shape:
    """Lengths and edge suspects from the Arrow buffers, without touching the strings."""
    strings = array.cast(pa.large_string())
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int64)[strings.offset :][: len(strings) + 1]
    data = np.frombuffer(strings.buffers()[2] or b"\0", dtype=np.uint8)
    lengths = np.diff(offsets)
    suspect = np.zeros(len(lengths), dtype=np.bool_)
    rows = np.flatnonzero(lengths > 0)
    if rows.size:
        suspect[rows] = _EDGE[data[offsets[rows]]] | _EDGE[data[offsets[rows + 1] - 1]]
    return Shape(lengths, suspect)


def stripped_empty(array: pa.Array, shape: Shape) -> npt.NDArray[np.bool_]:
    """Rows that are empty once stripped."""
    empty: npt.NDArray[np.bool_] = shape.lengths == 0
    for row in np.flatnonzero(shape.suspect):
        empty[row] = not str(array[int(row)].as_py()).strip()
    return empty


def encode(array: pa.Array, strip: bool = True) -> tuple[I32, list[str]]:
    """Dictionary codes of the stripped strings (raw ones for fields read raw), -1 for empty cells;
    stripping runs once per distinct raw text, with Python's own str.strip() as the row reader."""
    encoded = pc.dictionary_encode(array)
    ids: dict[str, int] = {}
    texts = encoded.dictionary.to_pylist()
    remap = [ids.setdefault(t.strip() if strip else t, len(ids)) if t.strip() else -1 for t in texts]
    table = np.array([*remap, -1], dtype=np.int32)
    return table[integers_of(encoded.indices, null=len(remap))], list(ids)  # a null cell is empty


def parse_column(
    array: pa.Array, field: str, memo: dict[tuple[str, str], tuple[object, str | None]]
) -> Column:
    """Each distinct cell parsed once with the row reader's own parser (memo: across batches)."""
    codes, texts = encode(array, strip=field not in RAW_FIELDS)
    values: list[object] = []
    errors: dict[int, str] = {}
    for i, text in enumerate(texts):
        if text and (field, text) not in memo:
            memo[field, text] = parse_cell(field, text)
        value, error = memo[field, text] if text else (None, None)
        values.append(value)
        if error:
            errors[i] = error
    raw = codes.copy()
    if errors:
        codes[np.isin(codes, list(errors))] = -1
    return Column(codes, raw, values, texts, errors)


def coded(
    columns: dict[str, "Column"], name: str, kept: npt.NDArray[np.int64], key: Callable[[object], int]
) -> npt.NDArray[np.int64]:
    """Per kept row, key(value) of one column's cell (-1 when the cell is empty or the column absent)."""
    if name not in columns:
        return np.full(len(kept), -1, dtype=np.int64)
    column = columns[name]
    return bucket(column.codes, column.values, key)[kept].astype(np.int64)


def bucket(codes: I32, values: list[object], key: Callable[[object], int]) -> I32:
    """Per row, key(value) of its code (-1 for empty), computed once per distinct value."""
    table = np.array([key(v) for v in values] + [-1], dtype=np.int32)
    return table[codes]


# Canonical dotted-quad IPv4 (no leading zeros): exactly the texts normalize_ip returns unchanged.
IPV4 = r"^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$"
# Amounts parse_amount reads: an optional $ and USD, digits with thousands commas, a decimal part.
PLAIN_NUMBER = r"^\$?-?[0-9][0-9,]*(\.[0-9]+)?( ?USD)?$"
ALWAYS_VALID = {"ip": IPV4, "cost": PLAIN_NUMBER}


@dataclass(frozen=True, slots=True)
class Carried:
    """A column that decides no answer: kept as Arrow text, checked in bulk, parsed per row
    only when a finding is built."""

    field: str
    text: pa.Array
    present: npt.NDArray[np.bool_]
    errors: dict[int, str]

    def value(self, row: int) -> object:
        """The parsed value of one row, as the row reader parses it (None when absent or bad)."""
        if not self.present[row]:
            return None
        return parse_cell(self.field, str(self.text[row].as_py()).strip())[0]


def carried_column(array: pa.Array, field: str) -> Carried:
    """Non-empty cells are present unless the field's parser rejects them; texts a vectorised
    pattern proves valid skip the Python parser, the rest are parsed once per distinct text."""
    shape = shape_of(array)
    present = ~stripped_empty(array, shape)
    errors: dict[int, str] = {}
    if field in PARSED_CARRIED:
        suspect = present & shape.suspect
        if field in ALWAYS_VALID:
            suspect |= present & ~bools_of(pc.match_substring_regex(array, ALWAYS_VALID[field]))
        rows = np.flatnonzero(suspect)
        texts = [str(t).strip() for t in array.take(array_of(rows)).to_pylist()]
        verdicts = {t: parse_cell(field, t)[1] for t in set(texts)}
        for row, text in zip(rows, texts, strict=True):
            if message := verdicts[text]:
                errors[int(row)] = message
                present[row] = False
    return Carried(field, array, present, errors)


PARSED_CARRIED = frozenset({"ip", "cost"})
