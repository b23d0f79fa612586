"""The text scanner's large tables kept compact, so the kb cache reads them back in milliseconds:
the shapes of ~90,000 keys as two integer arrays (not 90,000 tuples of tuples), and the regex
product rows as sources compiled on first use (a scan tries only the rows its texts call for)."""

import re
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from netvet.model.rows import MadeRows

Shape = tuple[int, int, bool, bool]  # name index, literal length, is a prefix, must be capitals
PREFIX, UPPER = 2, 1  # the flag bits of a packed shape (its literal length in the bits above)


class KeyShapes(MadeRows[tuple[Shape, ...]]):
    """The shapes of each key: key k's shapes are entries starts[k] to starts[k+1] of the
    name-index and packed (length, prefix, capitals) arrays; made into tuples when first read."""

    __slots__ = ("_codes", "_names", "_starts")

    def __init__(self, starts: "array[int]", names: "array[int]", codes: "array[int]") -> None:
        super().__init__()
        self._starts, self._names, self._codes = starts, names, codes

    @classmethod
    def of(cls, shapes: Iterable[tuple[Shape, ...]]) -> "KeyShapes":
        """The shapes packed, key by key."""
        starts, names, codes = array("q", [0]), array("q"), array("q")
        for shape in shapes:
            for index, size, prefix, upper in shape:
                names.append(index)
                codes.append(size << 2 | PREFIX * prefix | UPPER * upper)
            starts.append(len(names))
        return cls(starts, names, codes)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def make(self, key: int) -> tuple[Shape, ...]:
        """The shapes of key `key`, unpacked."""
        return tuple(self.shape(j) for j in range(self._starts[key], self._starts[key + 1]))

    def shape(self, j: int) -> Shape:
        """Entry j unpacked."""
        code = self._codes[j]
        return self._names[j], code >> 2, bool(code & PREFIX), bool(code & UPPER)

    def __reduce__(self) -> tuple[Any, ...]:
        return (KeyShapes, (self._starts, self._names, self._codes))


class LazyPatterns(MadeRows[tuple[re.Pattern[bytes], int]]):
    """(compiled regex, name index) of each regex product row, compiled when first used."""

    __slots__ = ("_sources",)

    def __init__(self, sources: Sequence[tuple[bytes, int, int]]) -> None:
        super().__init__()
        self._sources = tuple(sources)  # (pattern, re flags, name index)

    def __len__(self) -> int:
        return len(self._sources)

    def make(self, position: int) -> tuple[re.Pattern[bytes], int]:
        """Row `position`'s regex, compiled, and its name index."""
        pattern, flags, index = self._sources[position]
        return re.compile(pattern, flags), index

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPatterns, (self._sources,))
