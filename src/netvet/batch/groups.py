"""Scan-wide group ids: rows of any batch that share the facts deciding their answer share an id,
so each answer is computed once per scan and a batch pays Python work only for facts it is the
first to show (a distinct value, a new combination), never per row or per known group."""

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from netvet.batch.columns import Column
from netvet.batch.dates import NO_DAY, buckets
from netvet.batch.keys import combine

I64 = npt.NDArray[np.int64]


@dataclass(slots=True)
class GroupIndex:
    """Ids of field values, of fact tuples (bases) and of the purchase-day edges of each base."""

    values: dict[str, dict[object, int]] = field(default_factory=dict)
    bases: dict[tuple[int, ...], int] = field(default_factory=dict)
    edge_of_base: list[int] = field(default_factory=list)
    edge_sets: dict[tuple[date, ...], int] = field(default_factory=dict)
    edge_lists: list[tuple[date, ...]] = field(default_factory=list)

    def value_codes(self, column: Column | None, name: str, kept: I64) -> I64:
        """Per kept row, the scan-wide id of its parsed value in one field (-1: empty or absent)."""
        if column is None:
            return np.full(len(kept), -1, dtype=np.int64)
        known = self.values.setdefault(name, {})
        ids = [known.setdefault(v, len(known)) for v in column.values]
        return np.array([*ids, -1], dtype=np.int64)[column.codes[kept]]

    def base_ids(self, parts: list[I64]) -> tuple[I64, list[tuple[int, int]]]:
        """Per row, the scan-wide id of its tuple of codes; and (id, first row) of new ids."""
        local, first = combine(*parts)
        tuples = np.stack([part[first] for part in parts], axis=1).tolist()
        ids, new = [], []
        for row, key in zip(first.tolist(), tuples, strict=True):
            found = self.bases.setdefault(tuple(key), len(self.bases))
            if found == len(self.edge_of_base):
                self.edge_of_base.append(-1)
                new.append((found, row))
            ids.append(found)
        return np.array(ids, dtype=np.int64)[local], new

    def set_edges(self, base: int, edges: tuple[date, ...]) -> None:
        """The days that can change the answers of one base's rows."""
        self.edge_of_base[base] = self.edge_sets.setdefault(edges, len(self.edge_sets))
        if len(self.edge_lists) < len(self.edge_sets):
            self.edge_lists.append(edges)

    def day_buckets(self, base: I64, days: I64) -> I64:
        """Per row, the interval between its base's edges that holds its day (NO_DAY: none)."""
        edge_set = np.array(self.edge_of_base, dtype=np.int64)[base]
        found = np.full(len(base), NO_DAY, dtype=np.int64)
        for index in np.unique(edge_set[days != NO_DAY]).tolist():
            rows = np.flatnonzero((edge_set == index) & (days != NO_DAY))
            found[rows] = buckets(days[rows], self.edge_lists[index])
        return found
