"""MAC address -> IEEE assignment by exact longest prefix (MA-S/IAB 36 bits, MA-M 28, MA-L 24).

MA-M and MA-S blocks sit inside 24-bit blocks registered to the IEEE Registration Authority
itself, so a 24-bit lookup alone answers "IEEE Registration Authority" for them: the longer
prefixes must be tried first. Locally administered and multicast addresses have no maker.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from netvet.ids import mac_to_int

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
    """Sorted prefix arrays per size, a dense 24-bit index, and the registry rows."""

    rows: tuple[Assignment, ...]
    keys: dict[int, U64]
    rows_of: dict[int, I32]
    dense24: I32
    has_longer: npt.NDArray[np.bool_]

    @classmethod
    def build(cls, rows: Sequence[Assignment]) -> "OuiTable":
        """Index registry rows; the prefix is the hex assignment (6, 7 or 9 digits)."""
        keys: dict[int, U64] = {}
        rows_of: dict[int, I32] = {}
        for bits in PREFIX_BITS:
            pairs = sorted((int(r.prefix, 16), i) for i, r in enumerate(rows) if r.bits == bits)
            keys[bits] = np.array([p for p, _ in pairs], dtype=np.uint64)
            rows_of[bits] = np.array([i for _, i in pairs], dtype=np.int32)
        dense24 = np.full(1 << 24, -1, dtype=np.int32)
        dense24[keys[24].astype(np.int64)] = rows_of[24]
        has_longer = np.zeros(1 << 24, dtype=np.bool_)
        for bits in (36, 28):
            has_longer[(keys[bits] >> np.uint64(bits - 24)).astype(np.int64)] = True
        return cls(tuple(rows), keys, rows_of, dense24, has_longer)


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
    special = (values >= np.uint64(1 << 48)) | ((values & np.uint64(LOCAL_BIT | GROUP_BIT)) != 0)
    top = np.where(special, np.uint64(0), values >> np.uint64(24)).astype(np.int64)
    result = table.dense24[top]
    deeper = np.flatnonzero(table.has_longer[top] & ~special)
    if deeper.size:
        sub = values[deeper]
        for bits in (28, 36):
            found = _exact(table, sub >> np.uint64(48 - bits), bits)
            hit = found >= 0
            result[deeper[hit]] = found[hit]
    result[special] = -1
    return result


def _exact(table: OuiTable, keys: U64, bits: int) -> I32:
    """Row per key when the key is present in that size's table, else -1."""
    table_keys = table.keys[bits]
    if table_keys.size == 0:
        return np.full(keys.size, -1, dtype=np.int32)
    pos = np.minimum(np.searchsorted(table_keys, keys), table_keys.size - 1)
    found = table_keys[pos] == keys
    return np.where(found, table.rows_of[bits][pos], -1).astype(np.int32)
