"""The vector path's MAC -> registry row index: a few small tables that stay in cache.

A 48-bit MAC is looked up in three steps, each a numpy gather:
  1. its top 16 bits pick a block of 256 codes (a 65,537-entry table: every block with at least
     one registered 24-bit prefix, the rest and every local, group or over-48-bit value share
     the empty block);
  2. the next 8 bits pick the code of its 24-bit prefix: 0 nothing, 1 + row for a plain MA-L,
     or a parent code for the few 24-bit blocks of the IEEE RA that hold MA-M/MA-S/IAB
     assignments;
  3. only for parent codes, the next 4 (MA-M) or 12 (MA-S, IAB) bits pick the code of the
     longest assigned prefix (falling back to the parent block's own MA-L row).
The tables total ~7 MB (the dense 24-bit table is 64 MB), so the gathers mostly hit cache.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from netvet.attribute.oui import OuiTable

U64 = npt.NDArray[np.uint64]
I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
Codes = npt.NDArray[np.unsignedinteger]
LOCAL_OR_GROUP = 0x0300  # bits 41 and 40 of a MAC, as seen in its top 16 bits
CHUNK = 1 << 16  # values per step: the temporaries stay in L2
MA_M_SHIFT = 8  # a 16-entry MA-M sub-table reads the top 4 of the 12 bits after the parent


@dataclass(frozen=True, slots=True)
class MacIndex:
    """Block table, 24-bit codes, and the parents' sub-tables (see the module docstring).
    A code is 0 (nothing), 1 + row, or, from first_parent on, a parent block."""

    block: I32
    code24: Codes
    first_parent: int
    parent_base: I32
    parent_shift: npt.NDArray[np.uint32]
    sub: Codes

    @classmethod
    def build(cls, rows: int, keys: dict[int, U64], rows_of: dict[int, I32]) -> "MacIndex":
        """From the number of rows and the sorted unique prefixes (and their rows) per size."""
        parents = np.unique(np.concatenate([keys[b] >> np.uint64(b - 24) for b in (28, 36)]))
        used = np.concatenate([keys[24], parents]).astype(np.int64)
        codes = np.concatenate([rows_of[24] + 1, rows + 1 + np.arange(len(parents))])
        keep = (used >> 8) & LOCAL_OR_GROUP == 0  # a local or group prefix names no maker
        block, code24 = block_tables(used[keep], codes[keep], rows + 1 + len(parents))
        own = dict(zip(keys[24].tolist(), (rows_of[24] + 1).tolist(), strict=True))
        base, shift, sub = sub_tables(parents, [own.get(int(p), 0) for p in parents], keys, rows_of)
        return cls(block, code24, rows + 1, base, shift, sub)

    @classmethod
    def of_table(cls, table: OuiTable) -> "MacIndex":
        """From the row path's table (its plain arrays read as numpy arrays, not copied)."""
        keys = {bits: np.frombuffer(k, dtype=np.uint64) for bits, k in table.keys.items()}
        rows_of = {bits: np.frombuffer(r, dtype=np.int32) for bits, r in table.rows_of.items()}
        return cls.build(len(table.rows), keys, rows_of)

    def lookup(self, values: U64) -> I32:
        """Row index per 48-bit value; -1 when unassigned, local, group or over 48 bits."""
        little = np.ascontiguousarray(values, dtype="<u8")  # the views below read bytes by position
        out = np.empty(len(values), dtype=np.int32)
        for start in range(0, len(values), CHUNK):
            self.lookup_chunk(little[start : start + CHUNK], out[start : start + CHUNK])
        return out

    def lookup_chunk(self, values: U64, out: I32) -> None:
        """Steps 1-3 for one chunk, written to out."""
        words = values.view("<u4")  # low 32 bits, high 32 bits of each value
        slot = np.take(self.block, words[1::2], mode="clip")  # over 48 bits: the empty block
        slot += values.view(np.uint8)[3::8]
        code = np.take(self.code24, slot).astype(np.int32)
        deep = np.flatnonzero(code >= self.first_parent)
        if deep.size:
            parent = code[deep] - self.first_parent
            bits = (words[0::2][deep] >> np.uint32(12)) & np.uint32(0xFFF)
            bits >>= np.take(self.parent_shift, parent)
            code[deep] = np.take(self.sub, np.take(self.parent_base, parent) + bits.astype(np.int32))
        np.subtract(code, 1, out=out)


def code_dtype(top: int) -> type[np.unsignedinteger]:
    """The narrowest unsigned type for codes up to top."""
    return np.uint16 if top < 1 << 16 else np.uint32


def block_tables(prefixes: I64, codes: I64, top: int) -> tuple[I32, Codes]:
    """Step 1 and 2 tables for 24-bit prefixes and their codes (block 0 is the empty one)."""
    high = np.unique(prefixes >> 8)
    block = np.zeros((1 << 16) + 1, dtype=np.int32)
    block[high] = np.arange(1, len(high) + 1, dtype=np.int32) * 256
    code24 = np.zeros((len(high) + 1) * 256, dtype=code_dtype(top))
    code24[block[prefixes >> 8] + (prefixes & 0xFF)] = codes
    return block, code24


def sub_tables(
    parents: U64, own: list[int], keys: dict[int, U64], rows_of: dict[int, I32]
) -> tuple[I32, npt.NDArray[np.uint32], Codes]:
    """Step 3: per parent, 16 codes (MA-M only) or 4096 (it holds MA-S/IAB), each the longest
    assigned prefix there or else the parent's own code; MA-S is written last so it wins."""
    wide = np.isin(parents, np.unique(keys[36] >> np.uint64(12)))
    width = np.where(wide, 4096, 16)
    base = np.concatenate([[0], np.cumsum(width)[:-1]]).astype(np.int32)
    sub = np.repeat(np.array(own, dtype=np.int64), width)
    parent = np.searchsorted(parents, keys[28] >> np.uint64(4))
    nibble = (keys[28] & np.uint64(0xF)).astype(np.int64)
    narrow = ~wide[parent]
    sub[base[parent[narrow]] + nibble[narrow]] = rows_of[28][narrow] + 1
    starts = (base[parent] + nibble * 256)[~narrow].tolist()
    for at, row in zip(starts, rows_of[28][~narrow].tolist(), strict=True):
        sub[at : at + 256] = row + 1  # an MA-M block inside a parent that also holds MA-S
    parent = np.searchsorted(parents, keys[36] >> np.uint64(12))
    sub[base[parent] + (keys[36] & np.uint64(0xFFF)).astype(np.int64)] = rows_of[36] + 1
    shift = np.where(wide, 0, MA_M_SHIFT).astype(np.uint32)
    return base, shift, sub.astype(code_dtype(int(sub.max(initial=0))))


def lookup_ints(index: MacIndex, values: U64) -> I32:
    """Vectorised twin of oui.lookup_mac over 48-bit integers: row index per value, -1 when none."""
    return index.lookup(values)
