"""Rules declare the observation fields they read, and the Arrow engine groups rows by the union
of the declarations. Every rule, fusion and the asset context run here on recording observations
(real inputs of every format, and one with every field set): reading a field that is not declared
fails, so a new rule or column cannot make the Arrow path drift from the row path."""

from dataclasses import fields
from datetime import date
from typing import cast

import pytest

from netvet.attribute import ATTRIBUTE_READS, RULES, attribute, collect_evidence
from netvet.batch.keys import BUCKETED, DECIDING, ENCODED
from netvet.ingest import read_source
from netvet.ingest.columns import FIELDS
from netvet.kb.loader import KnowledgeBase
from netvet.kb.views import CONTEXT_READS, context_of, relatedness, rule_kb
from netvet.model import Generation, NetworkPart, Observation, SourceRef
from tests.conftest import AS_OF, ROOT

INPUTS = (
    ROOT / "examples" / "carrier_inventory.csv",
    ROOT / "examples" / "uk_operator_inventory.csv",
    ROOT / "examples" / "contracts.csv",
    ROOT / "examples" / "dhcpd.leases",
    *sorted((ROOT / "tests" / "data" / "walks").iterdir()),
    ROOT / "tests" / "data" / "nmap" / "device_scripts.xml",
    ROOT / "tests" / "data" / "cyclonedx" / "camera-hbom.cdx.json",
    ROOT / "tests" / "data" / "cli" / "ios_mac_table.txt",
)
EVERY_FIELD = Observation(
    source=SourceRef("test", "every field"),
    mac="00:1a:2b:3c:4d:5e",
    ip="10.0.0.1",
    hostname="cam-1",
    serial="SN1",
    vendor="Hikvision",
    model="DS-2CD2143G2-I",
    category="IP camera",
    country_of_production="CN",
    acquired=date(2022, 5, 1),
    funding="USF High Cost",
    site="Tower 1",
    intended_use="police surveillance",
    cost=100.0,
    fcc_id="2ADTD-DS2CD",
    first_authorized=date(2021, 1, 1),
    conditional_approval=False,
    sysobjectid="1.3.6.1.4.1.39165.1.1",
    sysdescr="Hikvision IP camera",
    components=(("HiSilicon", "SoC"),),
    banner="Server: Hikvision-Webs",
    cpe=("cpe:/h:hikvision:ds-2cd2143g2-i",),
    network_part=NetworkPart.ACCESS,
    generation=(Generation.G5,),
    service="transit",
    serviced_by="Huawei",
    service_country="CN",
    contract_end=date(2027, 1, 1),
    descriptions=(("entPhysicalMfgName", "Hikvision"),),
    enterprises=(39165,),
)


class Recording:
    """An observation that notes the name of every attribute read of it."""

    __slots__ = ("observation", "read")

    def __init__(self, observation: Observation) -> None:
        self.observation = observation
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> object:
        self.read.add(name)
        return getattr(self.observation, name)


@pytest.fixture(scope="module")
def observations() -> list[Observation]:
    found = [EVERY_FIELD]
    for path in INPUTS:
        found += read_source(path)[0]
    return found


def reads(run: object, observations: list[Observation]) -> set[str]:
    """Every attribute `run(observation)` reads of any of the observations."""
    read: set[str] = set()
    for obs in observations:
        recording = Recording(obs)
        run(cast(Observation, recording))  # type: ignore[operator]
        read |= recording.read
    return read


def test_the_recording_sees_what_a_rule_reads() -> None:
    def sloppy(obs: Observation) -> object:
        return obs.vendor or obs.model

    assert reads(sloppy, [EVERY_FIELD]) == {"vendor"}
    assert reads(sloppy, [Observation(source=SourceRef("t", "1"))]) == {"vendor", "model"}


@pytest.mark.parametrize(("rule", "declared"), RULES, ids=[rule.__name__ for rule, _ in RULES])
def test_every_rule_reads_only_the_field_it_declares(
    kb: KnowledgeBase, observations: list[Observation], rule: object, declared: str
) -> None:
    rules = rule_kb(kb)
    assert reads(lambda obs: rule(obs, rules), observations) == {declared}  # type: ignore[operator]


def test_attribution_reads_only_declared_fields(kb: KnowledgeBase, observations: list[Observation]) -> None:
    rules, related = rule_kb(kb), relatedness(kb, AS_OF)
    read = reads(lambda obs: attribute(obs, rules, related), observations)
    assert read <= set(ATTRIBUTE_READS), read - set(ATTRIBUTE_READS)


def test_fusion_reads_only_declared_fields(kb: KnowledgeBase, observations: list[Observation]) -> None:
    from netvet.attribute.fuse import FUSE_READS, fuse

    rules, related = rule_kb(kb), relatedness(kb, AS_OF)
    for obs in observations:
        evidence = collect_evidence(obs, rules)
        assert reads(lambda o: fuse(o, evidence, related), [obs]) <= set(FUSE_READS)  # noqa: B023


def test_context_reads_only_declared_fields(kb: KnowledgeBase, observations: list[Observation]) -> None:
    read = reads(lambda obs: context_of(obs, kb), observations)
    assert read == set(CONTEXT_READS), read ^ set(CONTEXT_READS)


def test_declared_fields_are_observation_fields() -> None:
    known = {f.name for f in fields(Observation)}
    assert set(ATTRIBUTE_READS) | set(CONTEXT_READS) <= known


def test_grouping_key_is_every_declared_field_an_inventory_can_hold() -> None:
    declared = (set(ATTRIBUTE_READS) | set(CONTEXT_READS)) & set(FIELDS) - {"mac"}
    assert declared == ENCODED
    assert set(DECIDING) == declared - set(BUCKETED)
    assert set(BUCKETED) <= declared
