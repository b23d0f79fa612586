"""Parse many MAC strings into 48-bit integers at once, without a regex per string.

Strings of length 17 (aa:bb:.. or aa-bb-..), 14 (aabb.ccdd.eeff) and 12 (plain hex) are read by
gathering their hex digits by position; anything else goes through normalize_mac one by one.
"""

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from netvet.ids import mac_to_int, normalize_mac

U64 = npt.NDArray[np.uint64]
BAD = np.uint64(1 << 63)

_LAYOUTS: dict[int, tuple[list[int], list[int]]] = {
    17: ([0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16], [2, 5, 8, 11, 14]),
    14: ([0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13], [4, 9]),
    12: (list(range(12)), []),
}


def parse_macs(array: pa.Array | pa.ChunkedArray) -> U64:
    """48-bit integers for a string array; BAD (bit 63 set) for null or unparseable entries."""
    if isinstance(array, pa.ChunkedArray):
        parts = [parse_macs(chunk) for chunk in array.chunks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    strings = array.cast(pa.large_string())
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int64)[strings.offset :][: len(strings) + 1]
    data = np.frombuffer(strings.buffers()[2] or b"", dtype=np.uint8)
    lengths = np.diff(offsets)
    if strings.null_count == 0 and len(strings) and int(lengths.min()) == int(lengths.max()) in _LAYOUTS:
        length = int(lengths[0])
        chars = data[int(offsets[0]) : int(offsets[0]) + len(strings) * length].reshape(-1, length)
        return _from_chars(chars, *_LAYOUTS[length])
    valid = ~np.asarray(strings.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
    out = np.full(len(strings), BAD, dtype=np.uint64)
    for length, (digits, seps) in _LAYOUTS.items():
        rows = np.flatnonzero((lengths == length) & valid)
        if rows.size:
            out[rows] = _from_chars(_chars(data, offsets, rows, length), digits, seps)
    rest = np.flatnonzero(~np.isin(lengths, [0, *_LAYOUTS]) & valid)
    for row in rest:
        out[row] = slow(strings[int(row)].as_py())
    return out


def _chars(
    data: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64], rows: npt.NDArray[np.int64], length: int
) -> npt.NDArray[np.uint8]:
    """The (rows, length) characters; a zero-copy reshape when the rows are back to back."""
    start = int(offsets[rows[0]])
    if rows.size == int(rows[-1] - rows[0] + 1) and int(offsets[rows[-1] + 1]) - start == rows.size * length:
        return data[start : start + rows.size * length].reshape(rows.size, length)
    gathered: npt.NDArray[np.uint8] = data[offsets[rows][:, None] + np.arange(length, dtype=np.int64)]
    return gathered


# Byte -> hex digit value (0xFF: not a hex digit), and the separators a MAC may use.
_HEX = np.full(256, 0xFF, dtype=np.uint8)
_HEX[np.frombuffer(b"0123456789abcdefABCDEF", dtype=np.uint8)] = [*range(16), *range(10, 16)]
_SEP = np.zeros(256, dtype=np.bool_)
_SEP[np.frombuffer(b":-.", dtype=np.uint8)] = True


def _from_chars(chars: npt.NDArray[np.uint8], digits: list[int], seps: list[int]) -> U64:
    """Hex digits at fixed positions -> integers; rows with a bad digit or separator -> BAD.
    One table lookup gives each digit's value and its validity at once, and the six bytes are
    written in little-endian order so the integers are a view, not a byte-swapped copy."""
    nibbles = _HEX[chars[:, digits]]
    ok = nibbles.max(axis=1) < 16
    if seps:
        ok &= _SEP[chars[:, seps]].all(axis=1)
    packed = np.zeros((len(chars), 8), dtype=np.uint8)
    packed[:, 5::-1] = (nibbles[:, 0::2] << np.uint8(4)) | nibbles[:, 1::2]
    values: U64 = packed.view("<u8").ravel()
    return np.where(ok, values, BAD)


def slow(text: str | None) -> np.uint64:
    """One string through the scalar normaliser."""
    mac = normalize_mac(text)
    return np.uint64(mac_to_int(mac)) if mac else BAD
