"""Parse many MAC strings into 48-bit integers at once, without a regex per string.

Strings of length 17 (aa:bb:.. or aa-bb-..), 14 (aabb.ccdd.eeff) and 12 (plain hex) are read
straight from the Arrow buffer, a few thousand rows at a time so the work stays in cache: every
byte is classified and decoded with whole-buffer byte arithmetic, and the six bytes of each row
are then picked out by position. A row that this fixed layout does not accept, and every string
of another length, goes through normalize_mac: the row function stays the one specification.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from netvet.attribute.arrow_views import bools_of
from netvet.ids import mac_to_int, normalize_mac

U64 = npt.NDArray[np.uint64]
U8 = npt.NDArray[np.uint8]
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
BAD = np.uint64(1 << 63)
# Rows decoded per step: the raw bytes and every temporary (~17 bytes each) stay in L2.
CHUNK = 16384


@dataclass(frozen=True, slots=True)
class Layout:
    """A fixed-width notation: its length and where each of the six bytes' high digit sits
    (the low digit follows it); every other position holds one of ':', '-' or '.'."""

    length: int
    high: tuple[int, ...]

    def digit_mask(self) -> Bools:
        """True at the 12 hex-digit positions of one row."""
        mask = np.zeros(self.length, dtype=np.bool_)
        mask[list(self.high)] = True
        mask[[p + 1 for p in self.high]] = True
        return mask


LAYOUTS = {
    17: Layout(17, (0, 3, 6, 9, 12, 15)),
    14: Layout(14, (0, 2, 5, 7, 10, 12)),
    12: Layout(12, (0, 2, 4, 6, 8, 10)),
}


def parse_macs(array: pa.Array | pa.ChunkedArray) -> U64:
    """48-bit integers for a string array; BAD (bit 63 set) for null or unparseable entries."""
    if isinstance(array, pa.ChunkedArray):
        parts = [parse_macs(chunk) for chunk in array.chunks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    strings = array if array.type in (pa.string(), pa.large_string()) else array.cast(pa.large_string())
    offsets, data = _buffers(strings)
    lengths = np.diff(offsets)
    first = int(lengths[0]) if len(lengths) else 0
    if strings.null_count == 0 and first in LAYOUTS and bool((lengths == first).all()):
        start = int(offsets[0])
        out, failed = decode(data[start : start + len(strings) * first], LAYOUTS[first])
    else:
        out, failed = _parse_mixed(strings, offsets, data, lengths)
    memo: dict[str | None, np.uint64] = {}  # a column of one repeated junk value reads it once
    for row in failed:
        text = strings[int(row)].as_py()
        out[row] = memo[text] if text in memo else memo.setdefault(text, slow(text))
    return out


def _buffers(strings: pa.Array) -> tuple[npt.NDArray[np.integer], U8]:
    """The offsets (this slice's, one more than rows) and the UTF-8 bytes of a string array."""
    width = np.dtype(np.int64 if strings.type == pa.large_string() else np.int32)
    offsets = np.frombuffer(strings.buffers()[1], dtype=width)[strings.offset :][: len(strings) + 1]
    return offsets, np.frombuffer(strings.buffers()[2] or b"", dtype=np.uint8)


def _parse_mixed(
    strings: pa.Array, offsets: npt.NDArray[np.integer], data: U8, lengths: npt.NDArray[np.integer]
) -> tuple[U64, I64]:
    """Nulls and mixed lengths: each fixed-width length decoded by its layout, the rest left to
    the row function (returned as failed rows); null rows stay BAD."""
    valid = np.ones(len(strings), dtype=np.bool_)
    if strings.null_count:
        valid = bools_of(strings.is_valid())
    out = np.full(len(strings), BAD, dtype=np.uint64)
    failed = [np.flatnonzero(~np.isin(lengths, [0, *LAYOUTS]) & valid)]
    for length, layout in LAYOUTS.items():
        rows = np.flatnonzero((lengths == length) & valid)
        if rows.size:
            values, bad = decode(_chars(data, offsets, rows, length), layout)
            out[rows] = values
            failed.append(rows[bad])
    return out, np.sort(np.concatenate(failed))


def _chars(data: U8, offsets: npt.NDArray[np.integer], rows: I64, length: int) -> U8:
    """The rows' bytes back to back; a zero-copy slice when they already are."""
    start = int(offsets[rows[0]])
    if rows.size == int(rows[-1] - rows[0] + 1) and int(offsets[rows[-1] + 1]) - start == rows.size * length:
        return data[start : start + rows.size * length]
    gathered: U8 = data[offsets[rows].astype(np.int64)[:, None] + np.arange(length, dtype=np.int64)].ravel()
    return gathered


def decode(raw: U8, layout: Layout) -> tuple[U64, I64]:
    """Rows of one layout, back to back in raw: their integers, and the rows the layout does not
    accept (their integer is garbage: the caller asks the row function)."""
    rows = len(raw) // layout.length
    packed = np.zeros((rows, 8), dtype=np.uint8)
    failed = []
    for start in range(0, rows, CHUNK):
        stop = min(rows, start + CHUNK)
        chunk = raw[start * layout.length : stop * layout.length]
        bad = _decode_chunk(chunk, layout, packed[start:stop])
        failed.append(start + bad)
    values: U64 = packed.view("<u8").ravel()
    return values, np.concatenate(failed) if failed else np.zeros(0, dtype=np.int64)


def _decode_chunk(raw: U8, layout: Layout, packed: U8) -> I64:
    """Write each row's six bytes, little-endian, into packed; return the rows not well formed.
    Hex digit values come from byte arithmetic ('0'-'9' -> c-48, 'a'-'f'/'A'-'F' -> (c|32)-87),
    which numpy runs on whole vectors; the row checks are a per-position mask over the chunk."""
    digit = raw - np.uint8(48)
    letter = raw | np.uint8(32)
    letter -= np.uint8(97)
    ok = digit < 10
    ok |= letter < 6
    letter += np.uint8(10)
    nibble = np.minimum(digit, letter, out=digit)
    if layout.length > 12:
        ok &= _digit_positions(layout, CHUNK)[: len(raw)]
        ok |= _separators(raw) & _separator_positions(layout, CHUNK)[: len(raw)]
    pairs = nibble[:-1] * np.uint8(16)
    pairs |= nibble[1:]
    for byte, position in enumerate(layout.high):
        packed[:, 5 - byte] = pairs[position :: layout.length]
    if ok.all():
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(~ok.reshape(-1, layout.length).all(axis=1))


def _separators(raw: U8) -> Bools:
    """True at ':' (58), '-' (45) and '.' (46)."""
    sep: Bools = raw == np.uint8(58)
    sep |= (raw - np.uint8(45)) < 2
    return sep


@cache
def _digit_positions(layout: Layout, rows: int) -> Bools:
    """The digit mask of `rows` rows back to back (read-only, shared)."""
    mask = np.tile(layout.digit_mask(), rows)
    mask.flags.writeable = False
    return mask


@cache
def _separator_positions(layout: Layout, rows: int) -> Bools:
    """The complement of _digit_positions."""
    mask = ~_digit_positions(layout, rows)
    mask.flags.writeable = False
    return mask


def slow(text: str | None) -> np.uint64:
    """One string through the scalar normaliser."""
    mac = normalize_mac(text)
    return np.uint64(mac_to_int(mac)) if mac else BAD
