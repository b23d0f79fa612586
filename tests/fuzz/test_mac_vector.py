"""The vector MAC path (parse_macs + lookup_ints) answers exactly as the row path
(normalize_mac + lookup_mac) on any notation: every separator and case mix, short groups,
padding, malformed and mutated strings, non-ASCII text and nulls, in every Arrow string layout."""

from functools import cache

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from netvet.attribute import lookup_mac
from netvet.attribute.mac_index import lookup_ints
from netvet.attribute.mac_vector import BAD, parse_macs
from netvet.attribute.oui import GROUP_BIT, LOCAL_BIT
from netvet.ids import mac_to_int, normalize_mac
from netvet.kb.loader import load_kb
from tests.fuzz.profiles import count

ODD = list("0123456789abcdefABCDEFxyzG:-. \t\n\x00\x1a\u00a0\u2003é")


Prefixes = tuple[tuple[int, int], ...]


@cache
def registered() -> Prefixes:
    """(prefix, bits) of every registered prefix, so draws land in MA-L, MA-M and MA-S blocks."""
    return tuple((int(k), bits) for bits, keys in load_kb().oui.keys.items() for k in keys)


@st.composite
def mac_value(draw: st.DrawFn) -> int:
    """A 48-bit value: anywhere, or inside a registered prefix; sometimes local or group."""
    if draw(st.booleans()):
        return draw(st.integers(0, (1 << 48) - 1))
    prefixes = registered()
    prefix, bits = prefixes[draw(st.integers(0, len(prefixes) - 1))]
    value = prefix << (48 - bits) | draw(st.integers(0, (1 << (48 - bits)) - 1))
    return value ^ draw(st.sampled_from([0, 0, LOCAL_BIT, GROUP_BIT]))


STYLES = {17: "pairs", 14: "cisco", 12: "plain"}


@st.composite
def notation(draw: st.DrawFn, width: int | None = None) -> str:
    """A value written in one of the notations people use, in any case and separator mix; with
    no width, also with short groups and padding (of that width: the fixed-width form)."""
    digits = f"{draw(mac_value()):012x}"
    style = STYLES[width] if width else draw(st.sampled_from(list(STYLES.values())))
    if style == "pairs":
        groups = [digits[i : i + 2] for i in range(0, 12, 2)]
        short = 0 if width else draw(st.integers(0, 63))
        groups = [g.lstrip("0") or "0" if short >> i & 1 else g for i, g in enumerate(groups)]
    else:
        groups = [digits[i : i + 4] for i in range(0, 12, 4)] if style == "cisco" else [digits]
    if draw(st.booleans()):
        seps = draw(st.lists(st.sampled_from(":-."), min_size=5, max_size=5))
    else:
        seps = [draw(st.sampled_from(":-."))] * 5
    text = groups[0] + "".join(s + g for s, g in zip(seps, groups[1:], strict=False))
    upper = draw(st.integers(0, (1 << len(text)) - 1))
    text = "".join(c.upper() if upper >> i & 1 else c for i, c in enumerate(text))
    pad = st.sampled_from(["", "", "", " ", "\t", "\u00a0"])
    return text if width else draw(pad) + text + draw(pad)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A written MAC with one character replaced, removed or added."""
    text = draw(notation())
    at = draw(st.integers(0, len(text)))
    char = draw(st.sampled_from(ODD))
    edit = draw(st.sampled_from(["replace", "remove", "add"]))
    if edit == "add":
        return text[:at] + char + text[at:]
    return text[:at] + (char if edit == "replace" else "") + text[at + 1 :]


def mac_texts() -> st.SearchStrategy[list[str | None]]:
    """Lists mixing well-formed, mutated and random strings with nulls."""
    one: st.SearchStrategy[str | None] = st.one_of(
        notation(),
        mutated(),
        st.text(st.sampled_from(ODD), max_size=18),
        st.none(),
    )
    return st.lists(one, max_size=30)


def layouts(texts: list[str | None]) -> list[pa.Array | pa.ChunkedArray]:
    """The same strings as string, large_string, string_view, a slice and a chunked array."""
    plain = pa.array(texts, type=pa.string())
    arrays: list[pa.Array | pa.ChunkedArray] = [plain, plain.cast(pa.large_string())]
    arrays.append(plain.cast(pa.string_view()))
    arrays.append(pa.array(["00:e0:fc:12:34:56", *texts], type=pa.string()).slice(1))
    arrays.append(pa.chunked_array([plain.slice(0, len(texts) // 2), plain.slice(len(texts) // 2)]))
    return arrays


@given(texts=mac_texts())
def test_vector_path_answers_as_the_row_path(texts: list[str | None]) -> None:
    kb = load_kb()  # not a fixture: a failing example would print its whole repr
    count("mac_vector")
    for array in layouts(texts):
        values = parse_macs(array)
        rows = lookup_ints(kb.mac_index, values)
        assert len(values) == len(rows) == len(texts)
        for text, value, row in zip(texts, values, rows, strict=True):
            mac = normalize_mac(text)
            if mac is None:
                assert value == BAD and row == -1, text
                continue
            assert int(value) == mac_to_int(mac), text
            expected = lookup_mac(kb.oui, mac)
            assert (kb.oui.rows[row] if row >= 0 else None) == expected, text


@st.composite
def uniform(draw: st.DrawFn) -> list[str]:
    """Strings of one fixed-width notation (the fast path's case), one possibly malformed."""
    width = draw(st.sampled_from(sorted(STYLES)))
    texts = draw(st.lists(notation(width), min_size=1, max_size=20))
    odd = st.text(st.sampled_from(ODD), min_size=width, max_size=width)
    texts[draw(st.integers(0, len(texts) - 1))] = draw(odd | st.just(texts[0]))
    return texts


@given(texts=uniform())
def test_uniform_arrays_take_the_fast_path_and_agree(texts: list[str]) -> None:
    kb = load_kb()
    count("mac_vector_uniform")
    values = parse_macs(pa.array(texts))
    rows = lookup_ints(kb.mac_index, values)
    for text, value, row in zip(texts, values, rows, strict=True):
        mac = normalize_mac(text)
        assert (value == BAD) if mac is None else int(value) == mac_to_int(mac), text
        expected = lookup_mac(kb.oui, mac) if mac else None
        assert (kb.oui.rows[row] if row >= 0 else None) == expected, text
