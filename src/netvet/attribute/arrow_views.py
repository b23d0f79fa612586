"""Arrow arrays read as numpy arrays through their own buffers.

pyarrow's conversions (`Array.to_numpy`, `pa.array` of a Python list, a Python scalar given to a
compute function) import pandas the first time they run when it is installed (the `spark` extra
installs it): 0.2 s of every batch scan's start, for a library the scan never uses. A view of an
array's buffers needs numpy alone, and for null-free integers copies nothing."""

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pyarrow as pa


def bools_of(array: pa.Array) -> npt.NDArray[np.bool_]:
    """A boolean array's values, unpacked from its bits; a null reads as False."""
    checked(array, pa.types.is_boolean)
    values = bits_of(array, 1)
    return values & bits_of(array, 0) if array.null_count else values


def integers_of(array: pa.Array, null: int = 0) -> npt.NDArray[np.integer]:
    """An integer array's values: a read-only view of its buffer, or, when it has nulls, a copy
    with `null` in their place."""
    checked(array, pa.types.is_integer)
    dtype = np.dtype(str(array.type))  # int8 ... uint64: the same names in both libraries
    data = array.buffers()[1]
    if data is None or not len(array):
        return np.zeros(0, dtype=dtype)
    values = np.frombuffer(data, dtype=dtype, count=len(array), offset=array.offset * dtype.itemsize)
    return np.where(bits_of(array, 0), values, null).astype(dtype) if array.null_count else values


def bits_of(array: pa.Array, buffer: int) -> npt.NDArray[np.bool_]:
    """One bitmap of the array (0: validity, 1: a boolean array's values), one bool per row."""
    data = array.buffers()[buffer]
    if data is None or not len(array):
        return np.full(len(array), buffer == 0 or not len(array), dtype=np.bool_)
    unpacked = np.unpackbits(
        np.frombuffer(data, dtype=np.uint8), count=array.offset + len(array), bitorder="little"
    )
    return unpacked[array.offset :].view(np.bool_)


def checked(array: pa.Array, is_kind: Callable[[pa.DataType], bool]) -> None:
    """Refuse an array of another type."""
    if not is_kind(array.type):
        raise TypeError(f"{array.type} array where {is_kind.__name__} was expected")


def array_of(values: npt.NDArray[np.integer]) -> pa.Array:
    """A numpy integer array as an Arrow array over the same memory (`pa.array` of it converts
    through the pandas check above)."""
    contiguous = np.ascontiguousarray(values)
    kind = pa.from_numpy_dtype(contiguous.dtype)
    return pa.Array.from_buffers(kind, len(contiguous), [None, pa.py_buffer(contiguous)])
