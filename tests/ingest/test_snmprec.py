"""Recorded SNMP walks (.snmprec): the real walks read, attribute, and fail with locations."""

from pathlib import Path

import pytest

from netvet.errors import SourceError
from netvet.ids import normalize_mac
from netvet.ingest import detect_format, read_snmprec
from netvet.ingest.snmprec import ARP_MAC, IF_PHYS_ADDRESS, read_values
from netvet.kb.loader import KnowledgeBase
from netvet.model import Verdict
from netvet.pipeline.stream import ScanStream
from tests.conftest import AS_OF


def walk(shared: Path, name: str) -> Path:
    return shared / "snmp" / "walks" / name


def test_real_walk_becomes_one_system_observation(shared: Path) -> None:
    found, issues = read_snmprec(walk(shared, "zxr10_5950.snmprec"))
    assert issues == [] and len(found) == 1
    obs = found[0]
    assert obs.source.locator == "system"
    assert obs.sysobjectid is not None and obs.sysobjectid.startswith("1.3.6.1.4.1.3902")
    assert obs.sysdescr is not None and obs.sysdescr.startswith("ZTE ")


def test_entity_mib_chassis_gives_maker_model_and_serial(shared: Path) -> None:
    with_entity = [
        p for p in sorted((shared / "snmp" / "walks").glob("vrp_*.snmprec")) if read_snmprec(p)[0][0].vendor
    ]
    assert with_entity, "some VRP walks carry ENTITY-MIB"
    obs = read_snmprec(with_entity[0])[0][0]
    assert obs.vendor and obs.vendor.lower().startswith("huawei")


@pytest.mark.parametrize(
    ("name", "maker"),
    [
        ("zxr10_5250.snmprec", "zte-corporation"),
        ("vrp_slas.snmprec", "huawei-technologies"),
        ("junos.snmprec", "juniper"),
    ],
)
def test_walks_attribute_and_determine(kb: KnowledgeBase, shared: Path, name: str, maker: str) -> None:
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[walk(shared, name)]).findings())
    assert finding.attribution.manufacturer == maker
    covered = maker != "juniper"
    assert (finding.verdict == Verdict.COVERED) == covered


def test_enterprise_number_of_another_company_does_not_hide_hikvision(
    kb: KnowledgeBase, shared: Path
) -> None:
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[walk(shared, "hikvision-nvr_1.snmprec")]).findings())
    assert finding.attribution.manufacturer == "hikvision"
    assert finding.attribution.contradictions
    assert finding.verdict == Verdict.REVIEW


def test_agent_software_enterprise_names_no_maker(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "linux.snmprec"
    path.write_text("1.3.6.1.2.1.1.1.0|4|Linux box 5.10\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10\n")
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
    assert finding.attribution.manufacturer is None and finding.verdict == Verdict.UNKNOWN
    assert any("net-snmp" in e.reason for e in finding.attribution.evidence)


def test_bad_walks(shared: Path, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not an snmprec walk"):
        read_snmprec(walk(shared, "iosxe_c9800@181.snmprec"))
    with pytest.raises(SourceError, match="no such file"):
        read_snmprec(tmp_path / "absent.snmprec")
    junk = tmp_path / "junk.snmprec"
    junk.write_bytes(b"\x00\x01binary" * 20)
    with pytest.raises(SourceError, match="not a text file"):
        read_snmprec(junk)
    mixed = tmp_path / "mixed.snmprec"
    mixed.write_text("1.3.6.1.2.1.1.1.0|4|Cisco IOS\nthis is not a walk line\n1.3.6.1.2.1.1.5.0|4x|zz\n")
    found, issues = read_snmprec(mixed)
    assert found[0].sysdescr == "Cisco IOS"
    assert [(i.locator, i.field) for i in issues] == [("line 2", None), ("line 3", "1.3.6.1.2.1.1.5.0")]
    with pytest.raises(SourceError, match="line 2"):
        read_snmprec(mixed, strict=True)


def test_format_is_detected_by_name() -> None:
    assert detect_format(Path("a/b.snmprec")) == "snmprec"
    assert detect_format(Path("inventory.xlsx")) == "inventory"


def test_catalogued_model_at_the_head_of_sysdescr_names_the_maker(kb: KnowledgeBase, shared: Path) -> None:
    finding = next(
        ScanStream(kb=kb, as_of=AS_OF, paths=[walk(shared, "edgeswitch_us-24-250w.snmprec")]).findings()
    )
    assert finding.attribution.manufacturer == "ubiquiti"
    assert any(e.rule == "sysdescr-model" for e in finding.attribution.evidence)
    assert any(e.rule == "pen-agent" for e in finding.attribution.evidence)  # Broadcom's SDK number


def test_lldp_neighbours_are_other_assets(kb: KnowledgeBase, shared: Path) -> None:
    found, _ = read_snmprec(walk(shared, "aos6.snmprec"))
    system, others = found[0], found[1:]
    assert system.source.locator == "system" and len(others) >= 5
    assert all(o.source.locator.split()[0] in ("lldp", "arp", "fdb") for o in others)
    assert any(o.source.locator.startswith("lldp ") for o in others)
    assert {o.mac for o in others if o.mac} and system.mac not in {o.mac for o in others}
    findings = list(ScanStream(kb=kb, as_of=AS_OF, paths=[walk(shared, "aos6.snmprec")]).findings())
    makers = {f.attribution.manufacturer for f in findings[1:]}
    assert "cisco" in makers


def test_cdp_neighbours_are_read(shared: Path) -> None:
    with_cdp = [
        p
        for p in sorted((shared / "snmp" / "walks").glob("*.snmprec"))
        if "1.3.6.1.4.1.9.9.23.1.2.1.1.6." in p.read_text(errors="replace")
    ]
    assert with_cdp
    found, _ = read_snmprec(with_cdp[0])
    assert any(o.source.locator.startswith("cdp ") and (o.hostname or o.model) for o in found)


def test_arp_hosts_are_other_assets_once_each(shared: Path) -> None:
    path = walk(shared, "comware.snmprec")
    values, _ = read_values(path)
    found, _ = read_snmprec(path)
    arp = [o for o in found if o.source.locator.startswith("arp ")]
    own = {normalize_mac(v) for oid, v in values.items() if oid.startswith(IF_PHYS_ADDRESS)}
    assert len(arp) > 10
    assert len({o.mac for o in arp}) == len(arp) and not own & {o.mac for o in arp}
    first = arp[0]
    index = first.source.locator.split()[1]
    assert first.ip == ".".join(index.split(".")[1:]) and normalize_mac(values[ARP_MAC + index]) == first.mac
    assert all(not int(str(o.mac)[:2], 16) & 1 for o in arp)
