"""Switch MAC and ARP tables from CLI output: entries become assets located by table row."""

from pathlib import Path

import pytest

from netvet.errors import SourceError
from netvet.ingest import detect_format, read_mactable
from netvet.kb.loader import KnowledgeBase
from netvet.model import Verdict
from netvet.pipeline.stream import ScanStream
from tests.conftest import AS_OF, DATA

CLI = DATA / "cli"


def test_cisco_ios_mac_table() -> None:
    found, issues = read_mactable(CLI / "ios_mac_table.txt")
    assert issues == []
    assert [o.mac for o in found] == [
        "00:e0:fc:12:34:56",
        "e0:ba:ad:95:dc:39",
        "00:50:56:00:00:01",
        "02:00:00:00:00:01",
    ]
    assert found[0].source.locator == "fdb vlan 100 port Gi1/0/1"


def test_huawei_vrp_mac_table_and_ios_arp() -> None:
    vrp, _ = read_mactable(CLI / "vrp_mac_table.txt")
    assert [o.source.locator for o in vrp] == ["fdb vlan 10 port GE0/0/1", "fdb vlan 20 port GE0/0/2"]
    arp, _ = read_mactable(CLI / "ios_arp.txt")
    assert [(o.ip, o.mac) for o in arp] == [
        ("10.1.1.1", "00:11:22:33:44:55"),
        ("10.1.1.20", "e0:ba:ad:95:dc:39"),
    ]
    assert arp[1].source.locator == "arp 10.1.1.20 on Vlan1"


def test_tables_are_detected_and_scanned(kb: KnowledgeBase) -> None:
    path = CLI / "ios_mac_table.txt"
    assert detect_format(path) == "mactable"
    findings = list(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
    by_mac = {f.observations[0].mac: f for f in findings}
    assert by_mac["00:e0:fc:12:34:56"].verdict == Verdict.COVERED
    assert by_mac["02:00:00:00:00:01"].verdict == Verdict.UNKNOWN


def test_bad_tables(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("interface Gi1/0/1\n description uplink\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not a MAC or ARP table"):
        read_mactable(other)
    with pytest.raises(SourceError, match="no such file"):
        read_mactable(tmp_path / "absent.txt")
