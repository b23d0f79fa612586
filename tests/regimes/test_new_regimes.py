"""The regimes built for issue 5: registry ids, funding words, the Entity List file, and the
promise that informational regimes and unknown organisation facts do not raise clear assets."""

from datetime import date

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.model import Category, Determination, Status, UseClass, verdict_of
from netvet.regimes import (
    ON_COVERED_LIST,
    REGIMES,
    FundingKind,
    classify_funding,
    determine_all,
    funding_group,
    funding_kind,
)
from tests.conftest import AS_OF, DESIGN_REGIME_IDS, attr, ctx


def test_registry_holds_the_stable_ids_of_design_md() -> None:
    assert tuple(REGIMES) == DESIGN_REGIME_IDS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("USF High Cost", FundingKind.USF),
        ("CAF II", FundingKind.USF),
        ("RDOF", FundingKind.USF),
        ("E-Rate", FundingKind.USF),
        ("Lifeline", FundingKind.USF),
        ("Rural Health Care", FundingKind.USF),
        ("Emergency Connectivity Fund", FundingKind.FCC_SUBSIDY),
        ("CARES Act telehealth", FundingKind.FCC_SUBSIDY),
        ("CARES", FundingKind.AMBIGUOUS),
        ("own capital", FundingKind.NOT_FCC),
        ("private", FundingKind.NOT_FCC),
        ("ReConnect", FundingKind.NOT_FCC),
        ("BEAD", FundingKind.NOT_FCC),
        ("state grant", FundingKind.UNKNOWN),
        ("  ", FundingKind.UNKNOWN),
        (None, FundingKind.UNKNOWN),
    ],
)
def test_funding_words(text: str | None, kind: FundingKind) -> None:
    assert funding_kind(text) == kind


def test_funding_words_match_whole_words_only() -> None:
    assert classify_funding("Caribou county fund") is None
    assert funding_kind("carefully budgeted") == FundingKind.UNKNOWN


def test_entity_list_file_is_sourced_and_dated(kb: KnowledgeBase) -> None:
    listed = kb.lists["ear-entity-list"]
    assert listed.version == date(2024, 6, 24) and len(listed.sha256) == 64
    for entry in listed.entries:
        assert entry.sources, entry.id
        assert set(entry.entities) <= set(kb.entities), entry.id
        assert not entry.includes_affiliates
    unverified = {e.id for e in listed.entries if not e.verified}
    assert "zte-el-2016-03-08" in unverified and "huawei-el-2019-05-16" not in unverified


def test_entity_list_never_raises_a_verdict(kb: KnowledgeBase) -> None:
    retail = ctx(UseClass.OTHER, "retail store")
    found = determine_all(attr("hikvision", Category.CAMERA), retail, kb.regime_kb, AS_OF)
    listed = next(d for d in found if d.regime == "ear-entity-list")
    assert listed.status == Status.COVERED and listed.informational
    assert verdict_of(found) == "clear"


@pytest.mark.parametrize(
    ("maker", "category", "country"),
    [
        ("cisco", Category.SWITCH, "US"),
        ("ericsson", Category.BASE_STATION, "SE"),
        ("netgear", Category.SWITCH, None),
    ],
)
def test_unknown_organisation_facts_leave_clear_assets_clear(
    kb: KnowledgeBase, maker: str, category: Category, country: str | None
) -> None:
    found = determine_all(attr(maker, category, country), ctx(), kb.regime_kb, AS_OF)
    assert {d.status for d in found} == {Status.NOT_COVERED}
    assert verdict_of(found) == "clear"


def test_name_screening_shows_the_entity_list_as_export_restricted(kb: KnowledgeBase) -> None:
    from netvet.screen.matches import designations_of

    found = {d.list_id: d.status for d in designations_of(kb, "hikvision", AS_OF)}
    assert found["ear-entity-list"] == "export-restricted"
    assert found["fcc-covered-list"] == "use-qualified"


def test_funding_groups_gather_texts_naming_one_program() -> None:
    assert funding_group("USF High Cost") == funding_group("CAF II") == funding_group("RDOF")
    assert funding_group("private") != funding_group("USF High Cost")
    assert funding_group("state grant") == funding_group("county bond") != funding_group(None)
    assert funding_group("") == funding_group(None) == -1


@pytest.mark.parametrize(
    ("maker", "category", "funding", "acquired"),
    [
        ("hikvision", Category.CAMERA, "USF High Cost", date(2024, 1, 1)),
        ("huawei", Category.BASE_STATION, "E-Rate", date(2020, 1, 1)),
        ("cisco", Category.SWITCH, "RDOF", date(2023, 1, 1)),
        ("zte", Category.ROUTER, None, None),
    ],
)
def test_covered_list_answer_computed_once_equals_each_regime_alone(
    kb: KnowledgeBase, maker: str, category: Category, funding: str | None, acquired: date | None
) -> None:
    a = attr(maker, category)
    c = ctx(UseClass.PUBLIC_SAFETY, "police radio", funding=funding, acquired=acquired)
    alone = tuple(determine(a, c, kb.regime_kb, AS_OF) for determine in REGIMES.values())
    assert determine_all(a, c, kb.regime_kb, AS_OF) == alone
    assert determine_all(a, c, kb.regime_kb, AS_OF, tuple(ON_COVERED_LIST)) == tuple(
        REGIMES[r](a, c, kb.regime_kb, AS_OF) for r in ON_COVERED_LIST
    )


def test_regimes_built_on_the_covered_list_read_the_answer_handed_to_them(kb: KnowledgeBase) -> None:
    a = attr("hikvision", Category.CAMERA)
    c = ctx(UseClass.PUBLIC_SAFETY, "police", funding="USF High Cost", acquired=date(2024, 1, 1))
    assert REGIMES["fcc-covered-list"](a, c, kb.regime_kb, AS_OF).status == Status.COVERED
    handed = Determination(
        regime="fcc-covered-list",
        status=Status.NOT_COVERED,
        reason="no entry names it",
        citation="47 CFR 1.50002",
    )
    for regime, on_list in ON_COVERED_LIST.items():
        found = on_list(a, c, kb.regime_kb, AS_OF, handed)
        assert (found.regime, found.status) == (regime, Status.NOT_COVERED)
        assert found.reason == "not on the Covered List: no entry names it"
