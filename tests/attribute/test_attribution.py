"""Evidence rules and fusion on single observations."""

import pytest

from netvet.attribute import RULES, attribute
from netvet.kb.loader import KnowledgeBase
from netvet.kb.views import relatedness, rule_kb
from netvet.model import Category, Tier
from tests.conftest import AS_OF, obs


def run(kb: KnowledgeBase, **fields: object):  # type: ignore[no-untyped-def]
    return attribute(obs(**fields), rule_kb(kb), relatedness(kb, AS_OF))


def test_every_rule_has_a_reason() -> None:
    for rule, field in RULES:
        assert rule.__doc__ and rule.__doc__.strip(), rule.__name__
        assert field in {
            "mac",
            "vendor",
            "model",
            "category",
            "sysobjectid",
            "sysdescr",
            "banner",
            "cpe",
            "descriptions",
            "enterprises",
        }


def test_agreeing_evidence_is_confident(kb: KnowledgeBase) -> None:
    found = run(kb, mac="00:e0:fc:12:34:56", vendor="HUAWEI TECHNOLOGIES CO.,LTD", model="MA5800-X7")
    assert found.manufacturer == "huawei-technologies"
    assert found.category == Category.OLT
    assert found.confidence > 0.95
    assert not found.contradictions
    assert {e.tier for e in found.evidence} >= {Tier.EXACT, Tier.MULTI_FIELD}


def test_subsidiary_and_parent_claims_agree(kb: KnowledgeBase) -> None:
    found = run(kb, vendor="Huawei Device Co., Ltd.", model="MA5800-X7")
    assert found.manufacturer in {"huawei-device", "huawei-technologies"}
    assert not found.contradictions


def test_disagreement_is_kept_and_lowers_confidence(kb: KnowledgeBase) -> None:
    # A Realtek NIC block with a Hikvision camera model number.
    found = run(kb, mac="00:e0:4c:43:c0:54", model="DS-2CD2143G2-I")
    assert found.contradictions
    assert "hikvision" in found.alternates or found.manufacturer == "hikvision"
    assert found.confidence < 0.8


def test_nothing_known_is_unknown(kb: KnowledgeBase) -> None:
    found = run(kb, hostname="box-1", mac="02:11:22:33:44:55")
    assert found.manufacturer is None and found.confidence == 0.0
    assert any("locally administered" in e.reason for e in found.evidence)


def test_look_alike_vendor_text_is_not_the_covered_company(kb: KnowledgeBase) -> None:
    assert run(kb, vendor="Shanghai Dahua Scale Factory").manufacturer != "dahua-technology"
    assert run(kb, vendor="Hangzhou H3C Technologies Co., Limited").manufacturer == "h3c"


def test_brand_is_kept_and_an_oem_link_raises_a_doubt(kb: KnowledgeBase) -> None:
    from netvet.model import Status, UseClass
    from netvet.regimes import fcc_covered_list
    from tests.conftest import ctx

    ezviz = run(kb, vendor="EZVIZ")
    assert ezviz.brand == "EZVIZ" and ezviz.manufacturer == "ezviz"
    amcrest = run(kb, vendor="Amcrest", model="IP8M-2496EB")
    assert amcrest.manufacturer == "amcrest" and "dahua-technology" in amcrest.alternates
    found = fcc_covered_list.determine(amcrest, ctx(UseClass.PUBLIC_SAFETY, "police"), kb.regime_kb, AS_OF)
    assert found.status == Status.REVIEW and "evidence disagrees" in found.reason


def test_a_brand_that_changed_hands_resolves_to_its_current_owner(kb: KnowledgeBase) -> None:
    found = run(kb, vendor="Honor")
    assert found.manufacturer == "honor" and found.brand == "Honor"
    assert any(e.rule == "vendor-brand" for e in found.evidence)


@pytest.mark.parametrize(
    ("vendor", "maker"),
    [("Imou", "huacheng"), ("Nubia", "nubia"), ("EZVIZ", "ezviz"), ("HiLook", "hikvision")],
)
def test_brand_only_vendor_text_of_a_listed_group_resolves(
    kb: KnowledgeBase, vendor: str, maker: str
) -> None:
    assert run(kb, vendor=vendor).manufacturer == maker


def test_a_vendor_on_no_list_is_an_organisation_of_its_own(kb: KnowledgeBase) -> None:
    found = run(kb, vendor="Qwerty Widgetworks Pty")
    assert found.manufacturer == "org:Qwerty Widgetworks Pty"
    assert found.evidence[-1].tier == Tier.KEYWORD


@pytest.mark.parametrize("vendor", ["unknown", "N/A", "-", "1234", "Generic"])
def test_vendor_cells_naming_nobody_stay_unattributed(kb: KnowledgeBase, vendor: str) -> None:
    assert run(kb, vendor=vendor).manufacturer is None


def test_a_mac_outweighs_an_unlisted_vendor_name_and_the_disagreement_shows(kb: KnowledgeBase) -> None:
    found = run(kb, vendor="Qwerty Widgetworks Pty", mac="00:e0:fc:12:34:56")
    assert found.manufacturer == "huawei-technologies"
    assert found.contradictions
