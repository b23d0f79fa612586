"""Arrow arrays read through their buffers answer as pyarrow's own conversion does: booleans
(nulls read as False) and integers of every width (nulls replaced), sliced at any offset, and a
numpy array handed to Arrow without a copy; none of it imports pandas."""

import subprocess
import sys

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from netvet.attribute.arrow_views import array_of, bools_of, integers_of

INTEGERS = [pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32(), pa.uint64()]


@st.composite
def sliced(draw: st.DrawFn, values: st.SearchStrategy[object]) -> tuple[list[object], int, int]:
    items = draw(st.lists(st.none() | values, max_size=80))
    start = draw(st.integers(0, len(items)))
    return items, start, draw(st.integers(0, len(items) - start))


@given(sliced(st.booleans()))
def test_booleans_are_pyarrows_with_nulls_false(case: tuple[list[object], int, int]) -> None:
    items, start, length = case
    array = pa.array(items, pa.bool_()).slice(start, length)
    expected = [bool(v) for v in array.to_pylist()]
    assert bools_of(array).tolist() == expected


@given(st.sampled_from(INTEGERS), st.data())
def test_integers_are_pyarrows_with_nulls_replaced(kind: pa.DataType, data: st.DataObject) -> None:
    info = np.iinfo(np.dtype(str(kind)))
    items, start, length = data.draw(sliced(st.integers(int(info.min), int(info.max))))
    array = pa.array(items, kind).slice(start, length)
    got = integers_of(array, null=7)
    assert got.dtype == np.dtype(str(kind))
    assert got.tolist() == [7 if v is None else v for v in array.to_pylist()]


@given(st.lists(st.integers(-(2**63), 2**63 - 1), max_size=50))
def test_a_numpy_array_goes_to_arrow_as_it_is(values: list[int]) -> None:
    ours = np.array(values, dtype=np.int64)
    assert array_of(ours).to_pylist() == values
    assert array_of(ours[::2]).to_pylist() == values[::2]  # a strided view is made contiguous


def test_other_types_are_refused() -> None:
    for call, array in (
        (bools_of, pa.array([1])),
        (integers_of, pa.array(["x"])),
        (integers_of, pa.array([1.5])),
    ):
        try:
            call(array)
        except TypeError:
            continue
        raise AssertionError(f"{call.__name__} took {array.type}")


def test_reading_arrays_imports_no_pandas() -> None:
    code = (
        "import sys, numpy as np, pyarrow.compute as pc\n"
        "from netvet.attribute.arrow_views import array_of, bools_of, integers_of\n"
        "a = array_of(np.array([3, 1, 3]))\n"
        "integers_of(pc.dictionary_encode(a).indices); bools_of(pc.is_valid(a))\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
