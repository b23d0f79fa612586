"""Many records of one frozen dataclass kept as columns, each record made when it is read.

The kb holds ~150,000 small records (IEEE assignments, registry names) of which a scan reads a
few hundred. Unpickling a record costs microseconds of Python work each (half a second for the
kb), unpickling a list of strings costs almost nothing; so the cached kb keeps them as one list
per field, and a record is built on first read and kept for the next."""

from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import fields
from operator import eq
from typing import Any, TypeVar, overload

T = TypeVar("T")


class IndexedRows(Sequence[T]):
    """A read-only sequence whose items are made by `item(i)` (0 <= i < len): negative indexes
    count from the end, a slice gives a tuple, and it equals any sequence with the same items
    (unhashable, as a list is)."""

    __slots__ = ()

    def item(self, index: int) -> T:
        """Item `index`, 0 <= index < len(self)."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return tuple(self.item(i) for i in range(*index.indices(len(self))))
        size = len(self)
        if not -size <= index < size:
            raise IndexError(index)
        return self.item(index % size)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and all(map(eq, self, other))

    __hash__ = None  # type: ignore[assignment]


class MadeRows(IndexedRows[T]):
    """IndexedRows whose items are made once, by `make(i)`, the first time they are read."""

    __slots__ = ("_made",)

    def __init__(self) -> None:
        self._made: dict[int, T] = {}

    def make(self, index: int) -> T:
        """Item `index`, made afresh."""
        raise NotImplementedError

    def item(self, index: int) -> T:
        """Item `index`: made on its first read, then kept."""
        made = self._made.get(index)
        if made is None:
            made = self._made.setdefault(index, self.make(index))
        return made


class PackedStrings(IndexedRows[str]):
    """Many strings as one string and the offset where each ends: unpickled at once, where a
    list of 90,000 strings makes 90,000 objects."""

    __slots__ = ("_ends", "_joined")

    def __init__(self, joined: str, ends: "array[int]") -> None:
        self._joined, self._ends = joined, ends

    @classmethod
    def of(cls, texts: Iterable[str]) -> "PackedStrings":
        """The strings packed, in order."""
        ends, end, parts = array("q"), 0, []
        for text in texts:
            parts.append(text)
            end += len(text)
            ends.append(end)
        return cls("".join(parts), ends)

    def __len__(self) -> int:
        return len(self._ends)

    def item(self, index: int) -> str:
        """String `index`, sliced from the joined string."""
        return self._joined[self._ends[index - 1] if index else 0 : self._ends[index]]

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedStrings, (self._joined, self._ends))


class SortedStrings(Collection[str]):
    """A set of strings kept sorted and packed: membership by binary search. Unpickled at once,
    where a frozenset of 70,000 words hashes every one of them again."""

    __slots__ = ("_packed",)

    def __init__(self, packed: PackedStrings) -> None:
        self._packed = packed

    @classmethod
    def of(cls, texts: Iterable[str]) -> "SortedStrings":
        """The distinct strings, sorted."""
        return cls(PackedStrings.of(sorted(set(texts))))

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        at = bisect_left(self._packed, text)
        return at < len(self._packed) and self._packed[at] == text

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SortedStrings):
            return self._packed == other._packed
        return isinstance(other, AbstractSet) and set(self) == set(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (SortedStrings, (self._packed,))


class Flags(IndexedRows[bool]):
    """A column of booleans as one byte each: unpickled at once, where a list of 90,000 builds
    the list item by item."""

    __slots__ = ("_bytes",)

    def __init__(self, data: bytes) -> None:
        self._bytes = data

    def __len__(self) -> int:
        return len(self._bytes)

    def item(self, index: int) -> bool:
        return self._bytes[index] != 0

    def __reduce__(self) -> tuple[Any, ...]:
        return (Flags, (self._bytes,))


class Sparse(IndexedRows[Any]):
    """A column that is mostly None, as its length and its other values by position."""

    __slots__ = ("_length", "_values")

    def __init__(self, length: int, values: dict[int, Any]) -> None:
        self._length, self._values = length, values

    def __len__(self) -> int:
        return self._length

    def item(self, index: int) -> Any:
        return self._values.get(index)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Sparse, (self._length, self._values))


def column_of(values: list[Any]) -> Sequence[Any]:
    """A column as it is best kept: strings packed, booleans as bytes, 64-bit integers as an
    array, a column at least seven-eighths None as its other values; else the list."""
    kinds = {type(v) for v in values}
    if not values or len(kinds) > 2:
        return values
    if kinds == {str}:
        return PackedStrings.of(values)
    if kinds == {bool}:
        return Flags(bytes(values))
    if kinds == {int} and all(-(2**63) <= v < 2**63 for v in values):
        return array("q", values)
    present = {i: v for i, v in enumerate(values) if v is not None}
    return Sparse(len(values), present) if len(present) * 8 <= len(values) else values


class ColumnRows(MadeRows[T]):
    """An immutable sequence of records of `kind`, stored as one list per dataclass field."""

    __slots__ = ("_columns", "_kind")

    def __init__(self, kind: type[T], columns: tuple[Sequence[Any], ...]) -> None:
        super().__init__()
        self._kind = kind
        self._columns = columns

    @classmethod
    def of(cls, kind: type[T], records: Iterable[T]) -> "ColumnRows[T]":
        """The records as columns (their field order)."""
        names = [f.name for f in fields(kind)]  # type: ignore[arg-type]
        rows = list(records)
        return cls(kind, tuple(column_of([getattr(r, n) for r in rows]) for n in names))

    def __len__(self) -> int:
        return len(self._columns[0]) if self._columns else 0

    def make(self, index: int) -> T:
        """Record `index`, from its fields' columns."""
        return self._kind(*(c[index] for c in self._columns))

    def __repr__(self) -> str:
        return f"ColumnRows({self._kind.__name__}, {len(self)} rows)"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its kind and columns: the records are made again only when read."""
        return (ColumnRows, (self._kind, self._columns))


class NumberedNames(Mapping[int, tuple[str, str | None]]):
    """A mapping of numbers to (name, optional id), kept as a sorted array of the numbers and two
    packed string columns ('' for no id): found by binary search, and unpickled at once where a
    dict of 60,000 such pairs (the IANA enterprise numbers) makes 120,000 objects."""

    __slots__ = ("_ids", "_names", "_numbers")

    def __init__(self, numbers: "array[int]", names: PackedStrings, ids: PackedStrings) -> None:
        self._numbers, self._names, self._ids = numbers, names, ids

    @classmethod
    def of(cls, pairs: Mapping[int, tuple[str, str | None]]) -> "NumberedNames":
        """The pairs, sorted by number (an id may not be empty: '' stands for none)."""
        numbers = sorted(pairs)
        return cls(
            array("q", numbers),
            PackedStrings.of(pairs[n][0] for n in numbers),
            PackedStrings.of(pairs[n][1] or "" for n in numbers),
        )

    def __getitem__(self, number: int) -> tuple[str, str | None]:
        if not isinstance(number, int):  # what a dict of ints answers for any other key
            raise KeyError(number)
        at = bisect_left(self._numbers, number)
        if at == len(self._numbers) or self._numbers[at] != number:
            raise KeyError(number)
        return self._names[at], self._ids[at] or None

    def __iter__(self) -> Iterator[int]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)

    def __reduce__(self) -> tuple[Any, ...]:
        return (NumberedNames, (self._numbers, self._names, self._ids))
