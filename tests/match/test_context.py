"""Acronyms, countries and identifiers: each finds or rejects a match, and says why."""

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.match import DEFAULT_THRESHOLD, build_index, country_code, identifier_pair, match_name
from netvet.match.context import spellings, spells
from netvet.match.normalize import name_key
from netvet.model import Entity

ACRONYM = "one name is an acronym that the other name's initials spell exactly"
COUNTRIES_AGREE = "the countries agree"
COUNTRIES_DIFFER = "the countries differ: possibly a sister company in another country"
ID_AGREE = "an identifier (LEI, UEI, CAGE, FCC grantee code or IANA PEN) is equal on both sides: near-certain"

# Full names only (no acronym aliases), so the acronym must be found from the initials.
GALLERY = build_index(
    [
        Entity(
            "hpe", "Hewlett Packard Enterprise Company", "US", identifiers=(("lei", "549300BX4TNGZ2XEWH03"),)
        ),
        Entity("hp-inc", "HP Inc.", "US"),
        Entity("cetc", "China Electronics Technology Group Corporation", "CN"),
        Entity("zte", "Zhongxing Telecommunication Equipment Corporation", "CN"),
        Entity("zhongxingxin", "Shenzhen Zhongxingxin Telecommunications Equipment Co., Ltd.", "CN"),
        Entity("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "CN"),
        Entity("acme", "Acme Widgets Inc", "US", identifiers=(("uei", "ZQGGHJH74DW7"), ("cage", "1ABC2"))),
    ]
)


def best(query: str, **context: object) -> tuple[str, float, tuple[str, ...]] | None:
    """The best entity at threshold 0 (to see scores below the default), its score and reasons."""
    found = match_name(GALLERY, query, threshold=0.0, **context)  # type: ignore[arg-type]
    return (found[0].entity, found[0].score, found[0].reasons) if found else None


def test_initials_must_use_every_word_but_legal_forms_and_group() -> None:
    words = name_key("China Electronics Technology Group Corporation").words
    assert spells("cetc", words) and spells("cetgc", words) and spells("cet", words)
    assert not spells("cec", words) and not spells("ectc", words) and not spells("cetcc", words)
    assert set(spellings(words)) == {"cet", "cetc", "cetg", "cetgc"}


def test_an_acronym_alone_stays_below_the_threshold_whatever_its_length() -> None:
    for query, entity in (("CETC", "cetc"), ("HPE", "hpe"), ("ZTE Corp", "zte")):
        assert match_name(GALLERY, query) == ()
        got, score, reasons = best(query) or ("", 1.0, ())
        assert got == entity and score < DEFAULT_THRESHOLD and reasons == (ACRONYM,)


def test_a_four_letter_acronym_passes_when_the_country_agrees() -> None:
    found = match_name(GALLERY, "CETC", country="China")
    assert [m.entity for m in found] == ["cetc"] and found[0].reasons == (ACRONYM, COUNTRIES_AGREE)


def test_an_abbreviated_legal_form_gives_no_letter() -> None:
    words = name_key("Cleverlance Enterprise Solutions a.s.").words
    assert spells("ces", words) and not spells("cesa", words)
    assert spells("zte", name_key("Zhongxing Telecom Equipment Co., Ltd.").words)
    assert not spells("ztecl", name_key("Zhongxing Telecom Equipment Co., Ltd.").words)


def test_a_three_letter_acronym_needs_more_than_the_country() -> None:
    assert match_name(GALLERY, "ZTE Corporation", country="CN") == ()
    got, _, reasons = best("ZTE Corporation", country="CN") or ("", 1.0, ())
    assert got == "zte" and reasons == (ACRONYM, COUNTRIES_AGREE)
    found = match_name(GALLERY, "HPE", identifiers=[("LEI", "549300bx4tngz2xewh03")])
    assert [m.entity for m in found] == ["hpe"] and found[0].reasons == (ACRONYM, ID_AGREE)


def test_initials_that_leave_a_word_out_are_no_acronym() -> None:
    # HP is not Hewlett Packard Enterprise (enterprise is left out), and Zhongxingxin's full
    # name starts with a place, so it does not spell ZTE.
    assert [m.entity for m in match_name(GALLERY, "HP", threshold=0.0)] == ["hp-inc"]
    assert "zhongxingxin" not in {m.entity for m in match_name(GALLERY, "ZTE", threshold=0.0)}
    assert match_name(GALLERY, "CEC", threshold=0.5) == ()


def test_a_full_name_query_finds_an_acronym_name() -> None:
    index = build_index([Entity("cetc", "CETC", "CN")])
    found = match_name(index, "China Electronics Technology Group Corporation", country="CN")
    assert [m.entity for m in found] == ["cetc"] and found[0].reasons == (ACRONYM, COUNTRIES_AGREE)


def test_country_agreement_and_conflict_move_the_score_and_say_so() -> None:
    _, plain, _ = best("Hikvision Digital Technology") or ("", 0.0, ())
    _, same, agree = best("Hikvision Digital Technology", country="CN") or ("", 0.0, ())
    _, other, differ = best("Hikvision Digital Technology", country="US") or ("", 0.0, ())
    assert other < plain < same
    assert agree[-1] == COUNTRIES_AGREE and differ[-1] == COUNTRIES_DIFFER


def test_hong_kong_against_china_is_neither_agreement_nor_conflict() -> None:
    _, plain, _ = best("Hikvision Digital Technology") or ("", 0.0, ())
    _, hk, reasons = best("Hikvision Digital Technology", country="HK") or ("", 0.0, ())
    assert hk == plain
    assert reasons[-1].startswith("the countries differ only within China, Hong Kong and Macau")


def test_identical_name_with_country_agreement_keeps_full_score() -> None:
    _, score, _ = best("HP Inc.", country="US") or ("", 0.0, ())
    _, plain, _ = best("HP Inc.") or ("", 0.0, ())
    assert score == plain


def test_an_equal_identifier_finds_and_confirms_a_differently_named_entity() -> None:
    assert match_name(GALLERY, "Widget Holdco") == ()
    found = match_name(GALLERY, "Widget Holdco", identifiers=[("UEI", " zqgghjh74dw7 ")])
    assert [m.entity for m in found] == ["acme"] and found[0].reasons[-1] == ID_AGREE


def test_a_different_lei_is_a_strong_conflict_and_a_different_cage_a_mild_one() -> None:
    _, plain, _ = best("Acme Widgets Inc") or ("", 0.0, ())
    _, lei_differs, _ = best("Hewlett Packard Enterprise", identifiers=[("lei", "5493001KJTIIGC8Y1R12")]) or (
        "",
        0.0,
        (),
    )
    _, cage_differs, reasons = best("Acme Widgets Inc", identifiers=[("cage", "9ZZZ9")]) or ("", 0.0, ())
    assert lei_differs < DEFAULT_THRESHOLD <= cage_differs < plain
    assert reasons[-1].startswith("a CAGE code, FCC grantee code or IANA PEN differs")


def test_one_agreeing_identifier_outweighs_another_scheme_differing() -> None:
    ids = [("uei", "ZQGGHJH74DW7"), ("cage", "9ZZZ9")]
    found = match_name(GALLERY, "Acme Widgets Inc", identifiers=ids)
    assert found[0].entity == "acme" and not any("differs" in r for r in found[0].reasons)


def test_kb_iana_pen_identifies_zte_under_another_name(kb: KnowledgeBase) -> None:
    found = match_name(kb.names, "Telecom Equipment Maker Shenzhen", identifiers=[("pen", "03902")])
    assert found and found[0].entity == "zte-corporation"
    # The name says ZTE, the PEN says Huawei: both are shown, ZTE no longer as identical.
    both = {
        m.entity: m.score for m in match_name(kb.names, "ZTE Corporation", identifiers=[("iana_pen", "2011")])
    }
    assert DEFAULT_THRESHOLD <= both["zte-corporation"] < 1.0 and "huawei-technologies" in both


def test_calls_without_context_are_unchanged(kb: KnowledgeBase) -> None:
    for query in ("ZTE Corporation", "Huawei Technologies Co., Ltd.", "Hikvision", "Ubicom"):
        assert match_name(kb.names, query) == match_name(kb.names, query, country=None, identifiers=())


@pytest.mark.parametrize(
    ("text", "code"),
    [("CN", "CN"), ("China", "CN"), ("People's Republic of China", "CN"), ("Hong Kong", "HK"), ("UK", "GB")],
)
def test_country_names_and_codes_become_alpha2(text: str, code: str) -> None:
    assert country_code(text) == code


def test_a_text_naming_no_country_gives_none() -> None:
    assert country_code("Narnia") is None and country_code("  ") is None


def test_identifier_spellings_agree() -> None:
    assert identifier_pair("IANA-PEN", "003902") == identifier_pair("pen", "3902") == ("iana_pen", "3902")
    assert identifier_pair("FCC grantee code", "2ad8u") == ("fcc_grantee", "2AD8U")
