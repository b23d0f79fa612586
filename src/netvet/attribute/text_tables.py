"""The text scanner's large tables kept compact, so the kb cache reads them back in milliseconds:
the shapes of ~90,000 keys as two integer arrays (not 90,000 tuples of tuples), and the regex
product rows as sources compiled on first use (a scan tries only the rows its texts call for)."""

import re
from array import array
from collections.abc import Iterable, Sequence
from typing import Any, overload

Shape = tuple[int, int, bool, bool]  # name index, literal length, is a prefix, must be capitals
PREFIX, UPPER = 2, 1  # the flag bits of a packed shape (its literal length in the bits above)


class KeyShapes(Sequence[tuple[Shape, ...]]):
    """The shapes of each key: key k's shapes are entries starts[k] to starts[k+1] of the
    name-index and packed (length, prefix, capitals) arrays; made into tuples when first read."""

    __slots__ = ("_codes", "_made", "_names", "_starts")

    def __init__(self, starts: "array[int]", names: "array[int]", codes: "array[int]") -> None:
        self._starts, self._names, self._codes = starts, names, codes
        self._made: dict[int, tuple[Shape, ...]] = {}

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

    @overload
    def __getitem__(self, key: int) -> tuple[Shape, ...]: ...

    @overload
    def __getitem__(self, key: slice) -> Sequence[tuple[Shape, ...]]: ...

    def __getitem__(self, key: int | slice) -> tuple[Shape, ...] | Sequence[tuple[Shape, ...]]:
        if isinstance(key, slice):
            return [self[k] for k in range(*key.indices(len(self)))]
        made = self._made.get(key)
        if made is None:
            if not -len(self) <= key < len(self):
                raise IndexError(key)
            key %= len(self)
            span = range(self._starts[key], self._starts[key + 1])
            made = tuple(
                (
                    self._names[j],
                    self._codes[j] >> 2,
                    bool(self._codes[j] & PREFIX),
                    bool(self._codes[j] & UPPER),
                )
                for j in span
            )
            self._made[key] = made
        return made

    def shape(self, j: int) -> Shape:
        """Entry j unpacked."""
        code = self._codes[j]
        return self._names[j], code >> 2, bool(code & PREFIX), bool(code & UPPER)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (KeyShapes, (self._starts, self._names, self._codes))


class LazyPatterns(Sequence[tuple[re.Pattern[bytes], int]]):
    """(compiled regex, name index) of each regex product row, compiled when first used."""

    __slots__ = ("_compiled", "_sources")

    def __init__(self, sources: Sequence[tuple[bytes, int, int]]) -> None:
        self._sources = tuple(sources)  # (pattern, re flags, name index)
        self._compiled: dict[int, tuple[re.Pattern[bytes], int]] = {}

    def __len__(self) -> int:
        return len(self._sources)

    @overload
    def __getitem__(self, position: int) -> tuple[re.Pattern[bytes], int]: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[tuple[re.Pattern[bytes], int]]: ...

    def __getitem__(
        self, position: int | slice
    ) -> tuple[re.Pattern[bytes], int] | Sequence[tuple[re.Pattern[bytes], int]]:
        if isinstance(position, slice):
            return [self[p] for p in range(*position.indices(len(self)))]
        found = self._compiled.get(position)
        if found is None:
            pattern, flags, index = self._sources[position]
            found = self._compiled.setdefault(position, (re.compile(pattern, flags), index))
        return found

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPatterns) and self._sources == other._sources

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPatterns, (self._sources,))
