"""Screening for procurement (buying from) and export (selling to) never confuses the two;
names on a list that are no kb entity still hit; review decisions apply and expire."""

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from netvet.kb.imports import import_official
from netvet.kb.loader import KnowledgeBase, load_kb
from netvet.kb.screening import Purpose
from netvet.model.vocab import ScreenVerdict
from netvet.review.decisions import Decision, DecisionBook, DecisionKind
from netvet.screen.party import open_screening, screen_party
from netvet.screen.records import party_screen_record

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "csl" / "consolidated_sample.csv"
DAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def csl_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    kb_dir = tmp_path_factory.mktemp("screen") / "kb"
    import_official("csl", SAMPLE, kb_dir, date(2023, 11, 30), allow_shrink=True)  # an 18-row excerpt
    return load_kb(kb_dir)


def screened(
    kb: KnowledgeBase, name: str, purpose: Purpose, day: date = DAY, book: DecisionBook | None = None
) -> dict[str, Any]:
    return party_screen_record(
        screen_party(open_screening(kb, purpose, day, 0.85, book or DecisionBook({})), name)
    )


def lists_hit(result: dict[str, Any]) -> set[str]:
    return {h["list"] for m in result["matches"] if not m["suppressed"] for h in m["hits"]}


def test_entity_list_party_is_an_export_hit_and_not_a_procurement_hit(csl_kb: KnowledgeBase) -> None:
    export = screened(csl_kb, "ZTE Parsian", Purpose.EXPORT)
    assert export["verdict"] == "hit" and lists_hit(export) == {"ear-entity-list"}
    procurement = screened(csl_kb, "ZTE Parsian", Purpose.PROCUREMENT)
    assert procurement["verdict"] == "clear" and "ear-entity-list" not in lists_hit(procurement)


def test_covered_list_company_is_a_procurement_hit_and_not_an_export_hit(csl_kb: KnowledgeBase) -> None:
    procurement = screened(csl_kb, "ZTE Corporation", Purpose.PROCUREMENT)
    assert procurement["verdict"] == "hit"
    assert {"fcc-covered-list", "ndaa-889"} <= lists_hit(procurement)
    export = screened(csl_kb, "ZTE Corporation", Purpose.EXPORT)
    assert export["verdict"] == "clear" and lists_hit(export) == set()


def test_a_csl_entry_that_is_no_kb_entity_is_itself_the_target(csl_kb: KnowledgeBase) -> None:
    result = screened(csl_kb, "Gazprom Telecom", Purpose.EXPORT)
    best = result["best"]
    assert best["target"].startswith("ear-entity-list/") and best["entity"]["name"].startswith(
        "Gazprom Telekom"
    )
    assert best["hits"][0]["reason"].startswith("on Entity List")
    assert "ear-entity-list" in lists_hit(result) and result["verdict"] == "hit"


def test_a_kb_entity_on_a_csl_list_is_reached_through_the_entity(csl_kb: KnowledgeBase) -> None:
    result = screened(csl_kb, "Huawei Technologies Co., Ltd.", Purpose.EXPORT)
    assert result["best"]["target"] == "huawei-technologies"
    assert lists_hit(result) == {"ofac-cmic"} and result["verdict"] == "review"


def test_entries_count_only_while_in_force(csl_kb: KnowledgeBase) -> None:
    # The Denied Persons order on Dahua Electronics ran to 2025-11-19.
    assert screened(csl_kb, "Dahua Electronics Corp", Purpose.EXPORT, date(2024, 6, 1))["verdict"] == "hit"
    assert screened(csl_kb, "Dahua Electronics Corp", Purpose.EXPORT)["verdict"] == "clear"
    near = screened(csl_kb, "Zhejiang Dahua Technology Co., Ltd.", Purpose.EXPORT, date(2024, 6, 1))
    assert "ear-denied-persons" not in lists_hit(near)


def decision(
    kind: DecisionKind, n: int, expires: date | None = None, subject: str = "zte parsian"
) -> Decision:
    target = "ear-entity-list/dd533a593568a5ba9078900c345859e7fd4f414f3015f254f5633ecf"
    return Decision(
        subject, target, kind, f"reason {n}", "reviewer", datetime(2026, 1, n, tzinfo=UTC), expires, n
    )


def test_a_false_positive_suppresses_the_match_and_is_shown(csl_kb: KnowledgeBase) -> None:
    book = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE, 1)])
    result = screened(csl_kb, "ZTE  PARSIAN", Purpose.EXPORT, book=book)
    assert result["verdict"] == "clear"
    match = result["matches"][0]
    assert match["suppressed"] and match["decision"]["reason"] == "reason 1"


def test_an_expired_decision_no_longer_applies(csl_kb: KnowledgeBase) -> None:
    book = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE, 1, expires=date(2026, 6, 30))])
    result = screened(csl_kb, "ZTE Parsian", Purpose.EXPORT, book=book)
    assert result["verdict"] == "hit" and result["matches"][0]["decision"] is None


def test_a_later_decision_supersedes(csl_kb: KnowledgeBase) -> None:
    book = DecisionBook.build([decision(DecisionKind.CONFIRMED, 2), decision(DecisionKind.FALSE_POSITIVE, 1)])
    result = screened(csl_kb, "ZTE Parsian", Purpose.EXPORT, book=book)
    assert result["verdict"] == "hit" and result["matches"][0]["decision"]["decision"] == "confirmed"
    assert book.state_of(decision(DecisionKind.FALSE_POSITIVE, 1), DAY) == "superseded"


def test_a_decision_on_another_name_does_not_apply(csl_kb: KnowledgeBase) -> None:
    book = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE, 1, subject="ZTE Parsian Co")])
    assert screened(csl_kb, "ZTE Parsian", Purpose.EXPORT, book=book)["verdict"] == "hit"


def test_the_country_picks_the_sister_company_and_drops_a_homonym(csl_kb: KnowledgeBase) -> None:
    s = open_screening(csl_kb, Purpose.PROCUREMENT, DAY, 0.85, DecisionBook({}))
    unplaced = screen_party(s, "Dahua Technology")
    in_us = screen_party(s, "Dahua Technology", "US")
    assert unplaced.best is not None and unplaced.best.target == "dahua-technology"
    assert in_us.best is not None and in_us.best.target == "dahua-technology-usa"
    assert "the countries agree" in in_us.best.reasons
    # Z-TEC of Korea (an IEEE registrant) is not ZTEC Instruments of the US.
    z_tec = screen_party(s, "Z-TEC").best
    assert z_tec is not None and z_tec.target == "ztec-instruments"
    assert screen_party(s, "Z-TEC", "KR").matches == ()


def test_a_subsidiary_naming_its_country_stays_found(csl_kb: KnowledgeBase) -> None:
    s = open_screening(csl_kb, Purpose.PROCUREMENT, DAY, 0.85, DecisionBook({}))
    india = screen_party(s, "Huawei Technologies India Pvt Ltd", "India")
    assert india.best is not None and india.best.target == "huawei-technologies"
    assert india.verdict is ScreenVerdict.HIT


@pytest.mark.parametrize(
    ("service", "effect"),
    [(None, "hit"), ("IP transit", "hit"), ("colocation", "review"), ("consulting", "review")],
)
def test_a_services_entry_reads_the_service_the_party_supplies(
    kb: KnowledgeBase, service: str | None, effect: str
) -> None:
    s = open_screening(kb, Purpose.PROCUREMENT, date(2026, 11, 23), 0.85, DecisionBook({}))
    found = screen_party(s, "China Unicom (Americas) Operations Limited", service=service)
    hit = next(h for m in found.matches for h in m.hits if h.list_id == "fcc-covered-list")
    assert hit.effect == effect
    if effect == "review":
        assert "transit, interconnection, roaming services" in hit.reason
