"""MAC address -> IEEE assignment by exact longest prefix (MA-S/IAB 36 bits, MA-M 28, MA-L 24).

MA-M and MA-S blocks sit inside 24-bit blocks registered to the IEEE Registration Authority
itself, so a 24-bit lookup alone answers "IEEE Registration Authority" for them: the longer
prefixes must be tried first. Locally administered and multicast addresses have no maker.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from netvet.attribute.mac_index import MacIndex
from netvet.ids import mac_to_int
from netvet.model.rows import ColumnRows

U64 = npt.NDArray[np.uint64]
I32 = npt.NDArray[np.int32]

PREFIX_BITS = (36, 28, 24)
LOCAL_BIT = 1 << 41
GROUP_BIT = 1 << 40


@dataclass(frozen=True, slots=True)
class Assignment:
    """One IEEE registry row: its prefix, size, registry name, organisation and kb entity."""

    prefix: str
    bits: int
    registry: str
    organization: str
    entity: str | None


@dataclass(frozen=True, slots=True)
class OuiTable:
    """Sorted prefix arrays per size (the row path); a dense 24-bit index plus, for the 24-bit
    blocks that hold MA-M/MA-S/IAB assignments, two tables indexed by the next 4 and 12 bits;
    and the compact index the vector path reads (mac_index.py)."""

    rows: Sequence[Assignment]
    keys: dict[int, U64]
    rows_of: dict[int, I32]
    dense24: I32
    slot_of: npt.NDArray[np.int16]
    level28: I32
    level36: I32
    index: MacIndex

    @classmethod
    def build(cls, rows: Sequence[Assignment]) -> "OuiTable":
        """Index registry rows; the prefix is the hex assignment (6, 7 or 9 digits)."""
        keys: dict[int, U64] = {}
        rows_of: dict[int, I32] = {}
        for bits in PREFIX_BITS:
            ordered = sorted((int(r.prefix, 16), i) for i, r in enumerate(rows) if r.bits == bits)
            # IEEE lists a few legacy blocks twice (e.g. 08-00-30): the first listed row wins.
            pairs = [pair for k, pair in enumerate(ordered) if k == 0 or pair[0] != ordered[k - 1][0]]
            keys[bits] = np.array([p for p, _ in pairs], dtype=np.uint64)
            rows_of[bits] = np.array([i for _, i in pairs], dtype=np.int32)
        dense24 = np.full(1 << 24, -1, dtype=np.int32)
        dense24[keys[24].astype(np.int64)] = rows_of[24]
        parents = np.unique(np.concatenate([keys[b] >> np.uint64(b - 24) for b in (28, 36)])).astype(np.int64)
        slot_of = np.full(1 << 24, -1, dtype=np.int16)
        slot_of[parents] = np.arange(len(parents), dtype=np.int16)
        level28 = sub_table(keys[28], rows_of[28], slot_of, 4)
        level36 = sub_table(keys[36], rows_of[36], slot_of, 12)
        index = MacIndex.build(len(rows), keys, rows_of)
        return cls(ColumnRows.of(Assignment, rows), keys, rows_of, dense24, slot_of, level28, level36, index)


def sub_table(keys: U64, rows_of: I32, slot_of: npt.NDArray[np.int16], extra: int) -> I32:
    """Row per (parent slot, next `extra` bits), -1 where nothing is assigned."""
    table = np.full((int(slot_of.max(initial=-1)) + 1, 1 << extra), -1, dtype=np.int32)
    parent = (keys >> np.uint64(extra)).astype(np.int64)
    table[slot_of[parent], (keys & np.uint64((1 << extra) - 1)).astype(np.int64)] = rows_of
    return table


def find_prefix(table: OuiTable, value: int, bits: int) -> int:
    """Row index of the exact prefix of that size, or -1."""
    key = value >> (48 - bits)
    keys = table.keys[bits]
    pos = int(np.searchsorted(keys, key))
    if pos < len(keys) and int(keys[pos]) == key:
        return int(table.rows_of[bits][pos])
    return -1


def lookup_mac(table: OuiTable, mac: str) -> Assignment | None:
    """The longest registered prefix of a normalised MAC; None when local, group or unknown."""
    value = mac_to_int(mac)
    if value & (LOCAL_BIT | GROUP_BIT):
        return None
    for bits in PREFIX_BITS:
        row = find_prefix(table, value, bits)
        if row >= 0:
            return table.rows[row]
    return None


def lookup_ints(table: OuiTable, values: U64) -> I32:
    """Vectorised twin of lookup_mac over 48-bit integers: row index per value, -1 when none."""
    return table.index.lookup(values)
