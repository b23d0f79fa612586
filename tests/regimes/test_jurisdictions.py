"""The generic instrument rule's pure parts: network parts, informational verdicts, regime ids."""

from datetime import date

import pytest

from netvet.errors import LookupFailure
from netvet.kb.loader import KnowledgeBase
from netvet.model import AssetContext, Attribution, Category, Determination, NetworkPart, Status, verdict_of
from netvet.regimes import JURISDICTIONS, REGIMES, get_regime, jurisdiction_regimes
from netvet.regimes.network_parts import is_network_equipment, network_part_of


def test_network_part_given_inferred_or_unknown() -> None:
    olt = Attribution("huawei-technologies", 0.9, category=Category.OLT)
    given = network_part_of(AssetContext(network_part=NetworkPart.CORE), olt)
    assert (given.part, given.inferred) == (NetworkPart.CORE, False)
    inferred = network_part_of(AssetContext(), olt)
    assert (inferred.part, inferred.inferred, inferred.describe()) == (
        NetworkPart.ACCESS,
        True,
        "access (inferred from category olt)",
    )
    server = network_part_of(
        AssetContext(), Attribution("huawei-technologies", 0.9, category=Category.SERVER)
    )
    assert server.part is None and server.describe() == "unknown"


def test_handsets_are_not_network_equipment_unless_placed() -> None:
    phone = Attribution("huawei-device", 0.9, category=Category.PHONE)
    assert not is_network_equipment(phone, AssetContext())
    assert is_network_equipment(phone, AssetContext(network_part=NetworkPart.ACCESS))


def test_informational_determinations_never_raise_the_verdict() -> None:
    covered = Determination(
        regime="ca-huawei-zte-policy", status=Status.COVERED, reason="", citation="", informational=True
    )
    clear = Determination(regime="uk-designated-vendor", status=Status.NOT_COVERED, reason="", citation="")
    assert verdict_of((covered, clear)) == "clear"
    assert verdict_of((covered,)) == "clear"
    unknown = Determination(
        regime="eu-5g-toolbox", status=Status.UNKNOWN, reason="", citation="", informational=True
    )
    assert verdict_of((unknown,)) == "unknown"


def test_regime_ids_by_jurisdiction(kb: KnowledgeBase) -> None:
    assert jurisdiction_regimes(("us",), kb.regime_kb) == tuple(REGIMES)
    every = jurisdiction_regimes(JURISDICTIONS, kb.regime_kb)
    assert every[: len(REGIMES)] == tuple(REGIMES) and len(every) == len(REGIMES) + 8
    assert jurisdiction_regimes(("eu",), kb.regime_kb) == ("eu-5g-toolbox", "eu-cybersecurity-act-proposal")
    with pytest.raises(LookupFailure):
        jurisdiction_regimes(("fr",), kb.regime_kb)
    with pytest.raises(LookupFailure, match="no instrument 'uk-nothing'"):
        get_regime("uk-nothing")(Attribution(None, 0.0), AssetContext(), kb.regime_kb, date(2026, 1, 1))
