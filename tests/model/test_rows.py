"""Records kept as columns: reading one gives the record that went in, in any order, after a
pickle round trip too; packed strings behave as the list they pack."""

import pickle
import re
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netvet.attribute.text_tables import KeyShapes, LazyPatterns
from netvet.model.rows import ColumnRows, NumberedNames, PackedStrings, SortedStrings


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    size: int
    owner: str | None = None
    flag: bool = False
    rare: tuple[int, ...] | None = None  # mostly None: kept sparse
    big: int = 0  # beyond 64 bits now and then: kept as a list


rows = st.lists(
    st.builds(
        Row,
        st.text(),
        st.integers(-5, 10**9),
        st.none() | st.text(),
        st.booleans(),
        st.none() | st.none() | st.none() | st.tuples(st.integers()),
        st.integers(-(2**70), 2**70),
    ),
    max_size=40,
)


@given(rows)
def test_columns_give_back_every_record(records: list[Row]) -> None:
    kept = ColumnRows.of(Row, records)
    assert len(kept) == len(records)
    assert list(reversed([kept[i] for i in range(-1, -len(records) - 1, -1)])) == records
    assert list(pickle.loads(pickle.dumps(kept))) == records == list(kept)
    assert kept == records and kept[1:3] == tuple(records[1:3])


def test_reading_past_the_end_is_an_index_error() -> None:
    kept = ColumnRows.of(Row, [Row("a", 1)])
    with pytest.raises(IndexError):
        kept[1]
    with pytest.raises(IndexError):
        kept[-2]


@given(st.lists(st.text()))
def test_packed_strings_are_the_list(texts: list[str]) -> None:
    packed = PackedStrings.of(texts)
    assert list(packed) == texts and len(packed) == len(texts)
    assert [packed[i] for i in range(-len(texts), 0)] == texts
    assert pickle.loads(pickle.dumps(packed)) == packed == texts
    with pytest.raises(IndexError):
        packed[len(texts)]


shapes = st.lists(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 500), st.booleans(), st.booleans()), max_size=4
    ).map(tuple),
    max_size=30,
)


@given(shapes)
def test_key_shapes_unpack_what_was_packed(found: list[tuple[tuple[int, int, bool, bool], ...]]) -> None:
    packed = KeyShapes.of(found)
    assert list(packed) == found and list(pickle.loads(pickle.dumps(packed))) == found
    if found:
        assert packed[-1] == found[-1]


def test_lazy_patterns_compile_once_and_match_as_compiled() -> None:
    sources = [(rb"optix\s+osn", re.IGNORECASE, 7), (rb"ds-2cd\d+", re.IGNORECASE, 9)]
    lazy = pickle.loads(pickle.dumps(LazyPatterns(sources)))
    pattern, index = lazy[1]
    assert index == 9 and lazy[1][0] is pattern  # compiled on first use, then kept
    assert pattern.search(b"Hikvision DS-2CD2143") and not pattern.search(b"OptiX OSN")
    assert [i for _, i in lazy] == [7, 9]


@given(st.sets(st.text(max_size=8)), st.lists(st.text(max_size=8), max_size=20))
def test_sorted_strings_hold_what_the_set_holds(words: set[str], probes: list[str]) -> None:
    kept = pickle.loads(pickle.dumps(SortedStrings.of(words)))
    assert len(kept) == len(words) and set(kept) == words and kept == words
    assert all((p in kept) == (p in words) for p in [*probes, *words])
    assert 3 not in kept


pairs = st.dictionaries(
    st.integers(-(2**62), 2**62), st.tuples(st.text(max_size=6), st.none() | st.text(min_size=1, max_size=6))
)


@given(pairs, st.lists(st.integers(-(2**62), 2**62) | st.text(max_size=3) | st.none(), max_size=10))
def test_numbered_names_answer_as_the_dict(
    found: dict[int, tuple[str, str | None]], probes: list[object]
) -> None:
    kept = pickle.loads(pickle.dumps(NumberedNames.of(found)))
    assert kept == found and dict(kept) == found and list(kept) == sorted(found) and len(kept) == len(found)
    for probe in [*probes, *found]:
        assert kept.get(probe) == found.get(probe)  # type: ignore[call-overload]
        assert (probe in kept) == (probe in found)


def test_each_kind_of_column_is_kept_compactly_and_read_back() -> None:
    records = [
        Row(f"n{i}", i, None, i % 3 == 0, (i,) if i % 10 == 0 else None, 2**65 if i == 5 else i)
        for i in range(40)
    ]
    kept = ColumnRows.of(Row, records)
    kinds = [type(c).__name__ for c in kept._columns]  # noqa: SLF001 — the layout is what is tested
    assert kinds == ["PackedStrings", "array", "Sparse", "Flags", "Sparse", "list"]  # owner: all None
    assert list(pickle.loads(pickle.dumps(kept))) == records
