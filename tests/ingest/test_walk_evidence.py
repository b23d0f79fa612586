"""What the whole walk says: tiny walks written from the MIB definitions (ENTITY-MIB, UPS-MIB,
HOST-RESOURCES-MIB, private enterprise subtrees) behind a generic sysDescr and net-snmp's
sysObjectID, which alone name no maker."""

from pathlib import Path

from netvet.ingest import read_snmprec
from netvet.ingest.snmpwalk import read_snmpwalk
from netvet.kb.loader import KnowledgeBase
from netvet.model import Finding, Verdict
from netvet.pipeline.stream import ScanStream
from netvet.report.records import finding_record
from tests.conftest import AS_OF, DATA

WALKS = DATA / "walks"


def scanned(kb: KnowledgeBase, name: str) -> Finding:
    return next(ScanStream(kb=kb, as_of=AS_OF, paths=[WALKS / name]).findings())


def test_entity_mib_description_names_the_maker_not_a_module(kb: KnowledgeBase) -> None:
    (obs,), _ = read_snmprec(WALKS / "entity_descr.snmprec")
    assert obs.descriptions == (("entPhysicalDescr", "Huawei S5720-28X-SI-AC Routing Switch"),)
    finding = scanned(kb, "entity_descr.snmprec")
    assert finding.attribution.manufacturer == "huawei-technologies"
    assert finding.verdict in (Verdict.COVERED, Verdict.REVIEW)
    assert any(e.kind == "mib" and "entPhysicalDescr" in e.reason for e in finding.attribution.evidence)


def test_private_subtree_names_its_holder_agent_numbers_do_not(kb: KnowledgeBase) -> None:
    (obs,), _ = read_snmprec(WALKS / "private_subtree.snmprec")
    assert obs.enterprises == (2011, 2021, 8072)
    finding = scanned(kb, "private_subtree.snmprec")
    subtree = [e for e in finding.attribution.evidence if e.rule == "subtree"]
    assert [e.value for e in subtree] == ["2011"] and subtree[0].claims == "huawei-technologies"
    assert finding.attribution.manufacturer == "huawei-technologies"


def test_ups_mib_identity_is_maker_and_model(kb: KnowledgeBase) -> None:
    (obs,), _ = read_snmprec(WALKS / "ups.snmprec")
    assert (obs.vendor, obs.model) == ("HUAWEI", "UPS2000-G-3KRTS")
    assert ("upsIdentManufacturer", "HUAWEI") in obs.descriptions
    # HUAWEI by name; the UPS2000 line is Huawei Digital Power's (a Huawei subsidiary) since 2021.
    maker = scanned(kb, "ups.snmprec").attribution.manufacturer
    assert maker in ("huawei-technologies", "huawei-digital-power")


def test_symbolic_snmpwalk_carries_the_same_fields() -> None:
    (obs,), issues = read_snmpwalk(WALKS / "ups_symbolic.walk")
    assert issues == [] and (obs.vendor, obs.model) == ("HUAWEI", "UPS2000-G-3KRTS")
    assert obs.enterprises == (2011,)


def test_host_resources_reads_printers_not_processors() -> None:
    (obs,), _ = read_snmprec(WALKS / "printer.snmprec")
    assert obs.descriptions == (("hrDeviceDescr", "Brother HL-L2350DW series"),)


def test_unknown_says_what_was_seen_and_what_would_decide(kb: KnowledgeBase) -> None:
    finding = scanned(kb, "netsnmp_only.snmprec")
    record = finding_record(finding, kb.entities, kb.graph, AS_OF)
    assert record["manufacturer"] is None and record["verdict"] == "unknown"
    reason = record["unknown_reason"]
    assert "8072" in reason and "net-snmp" in reason and "Linux box" in reason
    assert "a globally unique MAC address" in reason and reason.endswith("would decide")


def test_attributed_asset_has_no_unknown_reason(kb: KnowledgeBase) -> None:
    record = finding_record(scanned(kb, "ups.snmprec"), kb.entities, kb.graph, AS_OF)
    assert record["unknown_reason"] is None and record["lineage"] is None


def test_real_walk_enterprises_are_the_private_subtrees_it_holds(shared: Path) -> None:
    path = shared / "snmp" / "walks" / "zxr10_5950.snmprec"
    found, issues = read_snmprec(path)
    oids = [line.split("|", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    private = {int(o.split(".")[6]) for o in oids if o.startswith("1.3.6.1.4.1.")}
    assert issues == [] and found[0].enterprises == tuple(sorted(private))
