"""Enterprise numbers that do not name the maker: borrowed numbers, agent software, old owners."""

import pytest

from netvet.attribute import attribute
from netvet.kb.loader import KnowledgeBase
from netvet.kb.views import relatedness, rule_kb
from netvet.model import Tier
from tests.conftest import AS_OF, obs


def run(kb: KnowledgeBase, oid: str, descr: str | None = None):  # type: ignore[no-untyped-def]
    return attribute(obs(sysobjectid=oid, sysdescr=descr), rule_kb(kb), relatedness(kb, AS_OF))


@pytest.mark.parametrize(
    ("oid", "descr", "maker", "tier"),
    [
        (
            "1.3.6.1.4.1.10002.1",
            "Linux 2.6.32.68 #1 Fri Dec 16 15:44:21 EET 2016 mips",
            "ubiquiti",
            Tier.HEURISTIC,
        ),
        (
            "1.3.6.1.4.1.3955.6.1.208.1",
            "SRW208 - 8-Port Fast Ethernet Switch with WebView",
            "cisco",
            Tier.HEURISTIC,
        ),
        ("1.3.6.1.4.1.161.19.250.256", None, "cambium", Tier.HEURISTIC),
        ("1.3.6.1.4.1.5875.800.1001.11", None, "fiberhome", Tier.HEURISTIC),
    ],
)
def test_a_borrowed_enterprise_number_names_the_real_maker(
    kb: KnowledgeBase, oid: str, descr: str | None, maker: str, tier: Tier
) -> None:
    found = run(kb, oid, descr)
    assert found.manufacturer == maker
    [evidence] = [e for e in found.evidence if e.kind == "sysobjectid"]
    assert evidence.tier == tier and evidence.rule.startswith("sysobjectid:") and evidence.reason


def test_the_borrowed_number_outside_the_known_subtree_names_no_maker(kb: KnowledgeBase) -> None:
    found = run(kb, "1.3.6.1.4.1.10002.7", "Frogfoot embedded agent")
    assert found.manufacturer is None
    assert any("Frogfoot" in e.reason for e in found.evidence)


def test_the_linksys_number_outside_the_switch_tree_stays_linksys(kb: KnowledgeBase) -> None:
    assert run(kb, "1.3.6.1.4.1.3955.1.1", "Linksys router").manufacturer == "linksys"
    assert run(kb, "1.3.6.1.4.1.3955.60.1").manufacturer == "linksys"


def test_agent_software_numbers_name_no_maker(kb: KnowledgeBase) -> None:
    found = run(kb, "1.3.6.1.4.1.99.1.1.3.28", "Hardware:VMware, Memory: Software:UCOS 4.0.0.0-40")
    assert found.manufacturer == "cisco"
    assert not any(e.claims and "SNMP Research" in e.claims for e in found.evidence)
