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

_HEX = np.full(256, 255, dtype=np.uint8)
for _i, _c in enumerate(b"0123456789abcdef"):
    _HEX[_c] = _i
for _i, _c in enumerate(b"ABCDEF"):
    _HEX[_c] = _i + 10

_LAYOUTS: dict[int, tuple[list[int], list[int]]] = {
    17: ([0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16], [2, 5, 8, 11, 14]),
    14: ([0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13], [4, 9]),
    12: (list(range(12)), []),
}
_SEPARATOR_OK = np.zeros(256, dtype=np.bool_)
for _c in b":-.":
    _SEPARATOR_OK[_c] = True
_WEIGHTS = (np.uint64(1) << (np.arange(11, -1, -1, dtype=np.uint64) * np.uint64(4))).astype(np.uint64)


def parse_macs(array: pa.Array | pa.ChunkedArray) -> U64:
    """48-bit integers for a string array; BAD (bit 63 set) for null or unparseable entries."""
    if isinstance(array, pa.ChunkedArray):
        parts = [parse_macs(chunk) for chunk in array.chunks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    strings = array.cast(pa.large_string())
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int64)[strings.offset :][: len(strings) + 1]
    data = np.frombuffer(strings.buffers()[2] or b"", dtype=np.uint8)
    lengths = np.diff(offsets)
    valid = ~np.asarray(strings.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
    out = np.full(len(strings), BAD, dtype=np.uint64)
    for length, (digits, seps) in _LAYOUTS.items():
        rows = np.flatnonzero((lengths == length) & valid)
        if rows.size:
            out[rows] = _gather(data, offsets[rows], digits, seps)
    rest = np.flatnonzero(~np.isin(lengths, list(_LAYOUTS)) & valid)
    for row in rest:
        out[row] = _slow(strings[int(row)].as_py())
    return out


def _gather(
    data: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], digits: list[int], seps: list[int]
) -> U64:
    """Hex digits at fixed positions -> integers; rows with a bad digit or separator -> BAD."""
    chars = data[starts[:, None] + np.array(digits, dtype=np.int64)]
    nibbles = _HEX[chars]
    ok = (nibbles != 255).all(axis=1)
    if seps:
        sep_chars = data[starts[:, None] + np.array(seps, dtype=np.int64)]
        ok &= _SEPARATOR_OK[sep_chars].all(axis=1)
    values = (nibbles.astype(np.uint64) * _WEIGHTS).sum(axis=1, dtype=np.uint64)
    return np.where(ok, values, BAD)


def _slow(text: str | None) -> np.uint64:
    """One string through the scalar normaliser."""
    mac = normalize_mac(text)
    return np.uint64(mac_to_int(mac)) if mac else BAD
