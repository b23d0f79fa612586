"""The regimes built for issue 5: registry ids, funding words, the Entity List file, and the
promise that informational regimes and unknown organisation facts do not raise clear assets."""

from datetime import date

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.model import Category, Determination, Status, UseClass, verdict_of
from netvet.regimes import REGIMES, FundingKind, classify_funding, determine_all, funding_group, funding_kind
from netvet.regimes.base import LastAnswer
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


def test_last_answer_keeps_one_answer_per_key() -> None:
    memo, calls = LastAnswer(), []

    def compute(tag: str) -> Determination:
        calls.append(tag)
        return Determination(regime="r", status=Status.NOT_COVERED, reason=tag, citation="c")

    assert memo.get("a", lambda: compute("a")).reason == "a"
    assert memo.get("a", lambda: compute("again")).reason == "a"
    assert memo.get("b", lambda: compute("b")).reason == "b"
    assert memo.get("a", lambda: compute("a2")).reason == "a2"
    assert calls == ["a", "b", "a2"]
