"""Net-SNMP snmpwalk text output reads like the recorded walk it was printed from."""

from dataclasses import replace
from pathlib import Path

import pytest

from netvet.errors import SourceError
from netvet.ingest import detect_format, read_snmprec, read_snmpwalk

NET_SNMP_TYPES = {
    "4": "STRING",
    "6": "OID",
    "2": "INTEGER",
    "65": "Counter32",
    "66": "Gauge32",
    "67": "Timeticks",
    "64": "IpAddress",
}


def as_snmpwalk_on(snmprec: Path) -> str:
    """The walk as `snmpwalk -On` prints it (strings quoted, octet strings as Hex-STRING)."""
    lines = []
    for line in snmprec.read_text(encoding="utf-8", errors="replace").splitlines():
        oid, kind, value = line.split("|", 2)
        if kind.endswith("x"):
            spaced = " ".join(value[i : i + 2].upper() for i in range(0, len(value), 2))
            lines.append(f".{oid} = Hex-STRING: {spaced}")
        elif kind == "4":
            lines.append(f'.{oid} = STRING: "{value}"')
        elif kind == "6":
            lines.append(f".{oid} = OID: .{value}")
        else:
            lines.append(f".{oid} = {NET_SNMP_TYPES.get(kind, 'INTEGER')}: {value}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "name", ["vrp_s5328c-ei.snmprec", "zxr10_5950.snmprec", "aos6.snmprec", "junos.snmprec"]
)
def test_numeric_walk_reads_like_the_recording(shared: Path, tmp_path: Path, name: str) -> None:
    recorded = shared / "snmp" / "walks" / name
    printed = tmp_path / (name + ".walk")
    printed.write_text(as_snmpwalk_on(recorded), encoding="utf-8")
    assert detect_format(printed) == "snmpwalk"
    want, want_issues = read_snmprec(recorded)
    got, issues = read_snmpwalk(printed)
    assert [i.field for i in issues] == [i.field for i in want_issues]  # the same corrupt octet strings
    strip = [replace(o, source=replace(o.source, path="x")) for o in want]
    assert [replace(o, source=replace(o.source, path="x")) for o in got] == strip


def test_symbolic_names_and_continuation_lines(tmp_path: Path) -> None:
    path = tmp_path / "walk.txt"
    path.write_text(
        'SNMPv2-MIB::sysDescr.0 = STRING: "Huawei Versatile Routing Platform Software\n'
        'VRP (R) software, Version 5.170"\n'
        "SNMPv2-MIB::sysObjectID.0 = OID: SNMPv2-SMI::enterprises.2011.2.23.96\n"
        'SNMPv2-MIB::sysName.0 = STRING: "core-sw-1"\n'
        "IF-MIB::ifPhysAddress.5 = STRING: 0:e0:fc:12:34:56\n"
        "ENTITY-MIB::entPhysicalClass.1 = INTEGER: chassis(3)\n"
        'ENTITY-MIB::entPhysicalModelName.1 = STRING: "S5328C-EI"\n',
        encoding="utf-8",
    )
    assert detect_format(path) == "snmpwalk"
    found, _ = read_snmpwalk(path)
    obs = found[0]
    assert obs.sysobjectid == "1.3.6.1.4.1.2011.2.23.96"
    assert obs.sysdescr is not None and "VRP (R) software" in obs.sysdescr
    assert (obs.hostname, obs.mac, obs.model) == ("core-sw-1", "00:e0:fc:12:34:56", "S5328C-EI")


def test_bad_walk_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.walk"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not snmpwalk output"):
        read_snmpwalk(path)
    bad_hex = tmp_path / "bad.walk"
    bad_hex.write_text(
        '.1.3.6.1.2.1.1.1.0 = STRING: "x"\n.1.3.6.1.2.1.1.5.0 = Hex-STRING: ZZ\n', encoding="utf-8"
    )
    _, issues = read_snmpwalk(bad_hex)
    assert [(i.locator, i.field) for i in issues] == [("line 2", "1.3.6.1.2.1.1.5.0")]
