"""FCC Covered List scenarios from REGIME.md: use qualifiers, affiliates, divestitures,
category entries with Conditional Approvals and authorization dates."""

from datetime import date

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.model import Category, Status, UseClass
from netvet.regimes import classify_use, fcc_covered_list
from tests.conftest import AS_OF, attr, ctx

ROUTER_ENTRY = date(2026, 3, 23)


def judge(kb: KnowledgeBase, a, c, as_of: date = AS_OF):  # type: ignore[no-untyped-def]
    return fcc_covered_list.determine(a, c, kb.regime_kb, as_of)


@pytest.mark.parametrize(
    ("use_text", "status"),
    [
        ("perimeter security of a water treatment plant", Status.COVERED),
        (None, Status.REVIEW),
        ("retail store", Status.NOT_COVERED),
        ("county 911 dispatch center", Status.COVERED),
    ],
)
def test_hikvision_camera_depends_on_intended_use(
    kb: KnowledgeBase, use_text: str | None, status: Status
) -> None:
    use = classify_use(kb.uses, use_text)
    found = judge(kb, attr("hikvision", Category.CAMERA), ctx(use, use_text))
    assert found.status == status
    assert found.entry == "hikvision-2021-03-12"
    assert found.list_version == date(2026, 8, 20)
    if status == Status.REVIEW:
        assert found.missing == ("intended use",)


def test_use_classes(kb: KnowledgeBase) -> None:
    assert (
        classify_use(kb.uses, "perimeter security of a water treatment plant")
        == UseClass.CRITICAL_INFRASTRUCTURE
    )
    assert classify_use(kb.uses, "lobby camera, retail store") == UseClass.OTHER
    assert classify_use(kb.uses, "") == UseClass.UNKNOWN


def test_huawei_and_its_affiliates_are_covered_without_use(kb: KnowledgeBase) -> None:
    for maker in ("huawei-technologies", "huawei-device", "hisilicon"):
        found = judge(kb, attr(maker, Category.SWITCH), ctx())
        assert found.status == Status.COVERED, maker
        assert found.entry == "huawei-2021-03-12"
        assert found.path[0] == maker


def test_list_not_yet_in_force(kb: KnowledgeBase) -> None:
    found = judge(kb, attr("huawei-technologies", Category.SWITCH), ctx(), as_of=date(2021, 3, 11))
    assert found.status == Status.NOT_COVERED


@pytest.mark.parametrize(
    ("acquired", "status"),
    [(date(2019, 6, 1), Status.COVERED), (date(2022, 6, 1), Status.NOT_COVERED), (None, Status.REVIEW)],
)
def test_honor_before_and_after_its_sale_in_november_2020(
    kb: KnowledgeBase, acquired: date | None, status: Status
) -> None:
    found = judge(kb, attr("honor", Category.PHONE), ctx(acquired=acquired))
    assert found.status == status
    if status == Status.REVIEW:
        assert found.missing == ("acquisition date",)


def test_honor_as_of_before_the_sale_under_889(kb: KnowledgeBase) -> None:
    from netvet.regimes import ndaa_889

    found = ndaa_889.determine(attr("honor", Category.PHONE), ctx(), kb.regime_kb, date(2020, 9, 1))
    assert found.status == Status.COVERED
    assert found.path[0] == "honor" and "huawei-technologies" in found.path


def judge_router(kb: KnowledgeBase, country: str | None = "VN", **context: object):  # type: ignore[no-untyped-def]
    """A consumer router of no known maker, produced in `country`, judged with that context."""
    return judge(kb, attr(None, Category.CONSUMER_ROUTER, country), ctx(**context))


def test_foreign_router_authorized_after_entry_without_approval_is_covered(kb: KnowledgeBase) -> None:
    found = judge_router(kb, first_authorized=date(2026, 5, 1), conditional_approval=False)
    assert found.status == Status.COVERED
    assert found.entry == f"routers-{ROUTER_ENTRY.isoformat()}"
    assert "new-authorization-barred" in found.flags


def test_same_router_with_conditional_approval_is_not_covered(kb: KnowledgeBase) -> None:
    found = judge_router(kb, first_authorized=date(2026, 5, 1), conditional_approval=True)
    assert found.status == Status.NOT_COVERED


def test_router_authorized_before_entry_may_stay_in_use(kb: KnowledgeBase) -> None:
    found = judge_router(kb, first_authorized=date(2025, 9, 1), conditional_approval=False)
    assert found.status == Status.COVERED
    assert "continued-use-allowed" in found.flags
    assert found.updates_allowed_until == date(2027, 3, 1)
    assert "2027-03-01" in found.reason


def test_router_with_unknown_production_country_is_review(kb: KnowledgeBase) -> None:
    found = judge_router(kb, None, first_authorized=date(2026, 5, 1), conditional_approval=False)
    assert found.status == Status.REVIEW
    assert found.missing == ("country of production",)


def test_router_with_unknown_authorization_date_is_review(kb: KnowledgeBase) -> None:
    found = judge_router(kb, conditional_approval=False)
    assert found.status == Status.REVIEW
    assert found.missing == ("first authorization date",)


def test_router_with_everything_unknown_names_every_missing_fact(kb: KnowledgeBase) -> None:
    found = judge_router(kb, None)
    assert found.status == Status.REVIEW
    assert found.missing == ("country of production", "conditional approval", "first authorization date")


def test_us_produced_router_is_not_covered(kb: KnowledgeBase) -> None:
    found = judge_router(kb, "US")
    assert found.status == Status.NOT_COVERED


def test_router_before_the_router_entry_existed(kb: KnowledgeBase) -> None:
    found = judge(kb, attr("netgear", Category.CONSUMER_ROUTER, "VN"), ctx(), as_of=date(2026, 3, 1))
    assert found.status == Status.NOT_COVERED


def test_enterprise_router_is_not_a_category_entry(kb: KnowledgeBase) -> None:
    found = judge(kb, attr("cisco", Category.ROUTER, "MX"), ctx())
    assert found.status == Status.NOT_COVERED
    assert "Cisco" in found.reason


def test_dji_drone_is_covered_by_its_entity_entry(kb: KnowledgeBase) -> None:
    found = judge(kb, attr("dji", Category.UAS, None), ctx())
    assert found.status == Status.COVERED
    assert found.entry == "dji-autel-2025-12-22"


def test_huawei_inverter_is_review_not_guessed(kb: KnowledgeBase) -> None:
    found = judge(kb, attr("huawei-digital-power", Category.INVERTER, "CN"), ctx(acquired=date(2024, 1, 1)))
    assert found.status == Status.REVIEW


def test_unknown_maker_without_category_is_unknown(kb: KnowledgeBase) -> None:
    found = judge(kb, attr(None), ctx())
    assert found.status == Status.UNKNOWN


def test_services_only_entry_does_not_reach_equipment(kb: KnowledgeBase) -> None:
    found = judge(kb, attr("china-telecom-americas", Category.ROUTER, "US"), ctx())
    assert found.status == Status.NOT_COVERED


def test_answers_resting_on_unverified_facts_say_so(kb: KnowledgeBase) -> None:
    router = judge_router(kb, first_authorized=date(2026, 5, 1), conditional_approval=False)
    assert "rests-on-unverified-fact" in router.flags
    unverified = [e for e in kb.edges if not e.verified and e.child in kb.entities and e.valid_to is None]
    edge = next(e for e in unverified if kb.graph.link(e.child, "huawei-technologies", AS_OF))
    via = judge(kb, attr(edge.child, Category.SWITCH), ctx())
    assert via.status == Status.COVERED and "rests-on-unverified-fact" in via.flags
    plain = judge(kb, attr("zte-corporation", Category.SWITCH), ctx())
    assert plain.flags == ()
