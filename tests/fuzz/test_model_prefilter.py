"""The model-number patterns' Hyperscan prefilter (PatternSet.matching) answers exactly as
Python's `re` trying every pattern (matching_each), on texts made to match each kb pattern, on
catalogue models, and on any text: mixed case, spaces and separators, non-ASCII letters that fold
to ASCII ones (the Kelvin sign, the long s), control characters and mutations."""

import pickle
import re
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from netvet.attribute.banners import PatternSet
from netvet.attribute.model_number import matching_patterns
from netvet.kb.loader import load_kb
from tests.fuzz.profiles import count

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
ODD = list(ALNUM + " -_/.()\t\n\x00\x1c\u212a\u017f\u0130é")  # Kelvin sign, long s, dotted I


@cache
def patterns() -> PatternSet:
    return load_kb().models.regexes


@cache
def catalogue_models() -> tuple[str, ...]:
    return tuple(sorted({m.model for models in load_kb().models.catalogue.values() for m in models}))[::7]


@st.composite
def model_text(draw: st.DrawFn) -> str:
    """A text some pattern matches, a catalogued model, or any text; then perhaps mutated."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        source = patterns().sources[draw(st.integers(0, len(patterns().sources) - 1))]
        text = draw(st.from_regex(re.compile(*source), fullmatch=False))
    elif kind == 1:
        text = draw(st.sampled_from(catalogue_models()))
    elif kind == 2:
        text = draw(st.text(st.sampled_from(ODD), max_size=24))
    else:
        text = draw(st.text(max_size=24))
    if draw(st.booleans()):
        text = draw(st.sampled_from([str.upper, str.lower, str.swapcase, str.strip]))(text)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(st.sampled_from(ODD), max_size=3)) + text[at:]
    return text


@given(model_text())
def test_the_prefilter_finds_exactly_the_patterns_re_finds(text: str) -> None:
    count("model_prefilter")
    assert patterns().matching(text) == patterns().matching_each(text)


def test_the_kb_patterns_have_a_prefilter_and_it_narrows_the_search() -> None:
    regexes = patterns()
    assert regexes.database is not None and len(regexes.always) < len(regexes.sources) // 4
    fresh = PatternSet(regexes.sources, regexes.database, regexes.always)
    hits = fresh.matching("CE6881-48S6CQ")
    assert hits and len(fresh.compiled) < 10  # only the candidates were compiled
    assert [load_kb().models.patterns[i].manufacturer for i in hits] == ["huawei-technologies"]


def test_matching_patterns_is_unchanged_by_the_prefilter() -> None:
    models = load_kb().models
    for text in ("  S5735-L24T4S-A1 ", "ds-2cd2143g2-i", "DS-2CD2143G2-I", "\u212aT-200", "unknown"):
        expected = tuple(models.patterns[i] for i in models.regexes.matching_each(text.strip()))
        assert matching_patterns(models, text) == expected


def test_a_pickled_set_carries_no_compiled_pattern_and_answers_alike() -> None:
    regexes = patterns()
    regexes.matching("CE6881-48S6CQ")
    copy = pickle.loads(pickle.dumps(regexes))
    assert copy.compiled == {} and copy.sources == regexes.sources and copy.always == regexes.always
    assert copy.matching("AR6120-S") == regexes.matching_each("AR6120-S")


def test_a_set_without_hyperscan_tries_every_pattern() -> None:
    bare = PatternSet([(p, re.IGNORECASE) for p in ("^ab", "cd$", "\u212a")])
    assert bare.always == (0, 1, 2)
    assert bare.matching("ABxCD") == [0, 1] and bare.matching("k") == [2]
