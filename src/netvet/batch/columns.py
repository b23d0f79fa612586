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


def parse_column(array: pa.Array, field: str) -> Column:
    """Each distinct cell parsed once with the row reader's own parser."""
    codes, texts = encode(array)
    values: list[object] = []
    errors: dict[int, str] = {}
    for i, text in enumerate(texts):
        value, error = parse_cell(field, text) if text else (None, None)
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
