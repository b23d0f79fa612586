"""MAC address -> IEEE assignment by exact longest prefix (MA-S/IAB 36 bits, MA-M 28, MA-L 24).

MA-M and MA-S blocks sit inside 24-bit blocks registered to the IEEE Registration Authority
itself, so a 24-bit lookup alone answers "IEEE Registration Authority" for them: the longer
prefixes must be tried first. Locally administered and multicast addresses have no maker.
"""

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from netvet.ids import mac_to_int
from netvet.model.rows import ColumnRows

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
    """The registry rows and, per prefix size, the sorted prefixes and the row of each: the row
    path's exact longest-prefix lookup, by binary search. Plain arrays, so that reading the table
    (from the kb cache, say) imports no numpy; the vector path reads the kb's `mac_index` part
    (mac_index.py), built from these arrays."""

    rows: Sequence[Assignment]
    keys: dict[int, "array[int]"]  # unsigned 64-bit prefixes, sorted and unique
    rows_of: dict[int, "array[int]"]  # 32-bit row index of each prefix

    @classmethod
    def build(cls, rows: Sequence[Assignment]) -> "OuiTable":
        """Index registry rows; the prefix is the hex assignment (6, 7 or 9 digits)."""
        keys: dict[int, array[int]] = {}
        rows_of: dict[int, array[int]] = {}
        for bits in PREFIX_BITS:
            ordered = sorted((int(r.prefix, 16), i) for i, r in enumerate(rows) if r.bits == bits)
            # IEEE lists a few legacy blocks twice (e.g. 08-00-30): the first listed row wins.
            pairs = [pair for k, pair in enumerate(ordered) if k == 0 or pair[0] != ordered[k - 1][0]]
            keys[bits] = array("Q", [p for p, _ in pairs])
            rows_of[bits] = array("i", [i for _, i in pairs])
        return cls(ColumnRows.of(Assignment, rows), keys, rows_of)


def find_prefix(table: OuiTable, value: int, bits: int) -> int:
    """Row index of the exact prefix of that size, or -1."""
    key = value >> (48 - bits)
    keys = table.keys[bits]
    pos = bisect_left(keys, key)
    if pos < len(keys) and keys[pos] == key:
        return table.rows_of[bits][pos]
    return -1


def block_is_free(table: OuiTable, top: int) -> bool:
    """True when no prefix of any size lies inside the 24-bit block `top`."""
    for bits in PREFIX_BITS:
        keys, shift = table.keys[bits], bits - 24
        pos = bisect_left(keys, top << shift)
        if pos < len(keys) and keys[pos] >> shift == top:
            return False
    return True


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
