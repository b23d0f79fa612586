"""Group rows by the tuple of codes that decides their answer, without a Python loop per row."""

import numpy as np
import numpy.typing as npt
import pyarrow as pa

I64 = npt.NDArray[np.int64]


def densify(key: I64) -> tuple[I64, I64]:
    """Dense codes 0..k-1 for a key array, and the first row of each code."""
    encoded = pa.array(key).dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    first = np.full(len(encoded.dictionary), -1, dtype=np.int64)
    rows = np.arange(len(codes), dtype=np.int64)
    first[codes[::-1]] = rows[::-1]
    return codes, first


def combine(*columns: npt.NDArray[np.integer]) -> tuple[I64, I64]:
    """Dense group codes of the rows' code tuples, and each group's first row."""
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        col = column.astype(np.int64) + 1
        key = key * (int(col.max(initial=0)) + 1) + col
        key, _ = densify(key)
    return densify(key)
