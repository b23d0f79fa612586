"""One inventory column of a batch as codes into its distinct values, parsed once per value."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from netvet.ingest.record import parse_cell

I32 = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Column:
    """codes[i] indexes values (-1: empty or unparseable); raw keeps the codes of bad text."""

    codes: I32
    raw: I32
    values: list[object]
    texts: list[str]
    errors: dict[int, str]


def trimmed(array: pa.Array) -> pa.Array:
    """Cells with surrounding white space removed, as the row reader does."""
    return pc.utf8_trim_whitespace(array)


def encode(array: pa.Array) -> tuple[I32, list[str]]:
    """Dictionary codes of the trimmed strings, -1 for empty cells."""
    encoded = pc.dictionary_encode(trimmed(array))
    texts = encoded.dictionary.to_pylist()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    empty = [i for i, t in enumerate(texts) if t == ""]
    if empty:
        codes[np.isin(codes, empty)] = -1
    return codes, texts


def parse_column(
    array: pa.Array, field: str, memo: dict[tuple[str, str], tuple[object, str | None]]
) -> Column:
    """Each distinct cell parsed once with the row reader's own parser (memo: across batches)."""
    codes, texts = encode(array)
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


def bucket(codes: I32, values: list[object], key: Callable[[object], int]) -> I32:
    """Per row, key(value) of its code (-1 for empty), computed once per distinct value."""
    table = np.array([key(v) for v in values] + [-1], dtype=np.int32)
    return table[codes]


# Canonical dotted-quad IPv4 (no leading zeros): exactly the texts normalize_ip returns unchanged.
IPV4 = r"^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$"
PLAIN_NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"
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
        return parse_cell(self.field, str(self.text[row].as_py()))[0]


def carried_column(array: pa.Array, field: str) -> Carried:
    """Non-empty cells are present unless the field's parser rejects them; texts a vectorised
    pattern proves valid skip the Python parser, the rest are parsed once per distinct text."""
    text = trimmed(array)
    present = np.asarray(pc.greater(pc.utf8_length(text), 0).to_numpy(zero_copy_only=False), dtype=bool)
    errors: dict[int, str] = {}
    if field in PARSED_CARRIED:
        suspect = present.copy()
        if field in ALWAYS_VALID:
            proven = pc.match_substring_regex(text, ALWAYS_VALID[field]).to_numpy(zero_copy_only=False)
            suspect &= ~np.asarray(proven, dtype=bool)
        rows = np.flatnonzero(suspect)
        verdicts = {t: parse_cell(field, t)[1] for t in set(text.take(pa.array(rows)).to_pylist())}
        for row in rows:
            message = verdicts[text[int(row)].as_py()]
            if message:
                errors[int(row)] = message
                present[row] = False
    return Carried(field, text, present, errors)


PARSED_CARRIED = frozenset({"ip", "cost"})
