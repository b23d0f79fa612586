"""DHCP lease files in the formats ISC dhcpd, Kea and dnsmasq write: files the servers wrote
themselves (`*-written*`), and hand-made files following dhcpd.leases(5), Kea's
csv_lease_file4/6 columns and dnsmasq's lease_update_file layout for what a quick run does not
produce (broken lines, IPv6, Kea's newer pool_id column, non-Ethernet hardware types)."""

import random
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from netvet.cli import app
from netvet.errors import SourceError
from netvet.ingest import detect_format, read_dhcp
from netvet.kb.loader import KnowledgeBase
from netvet.model import Verdict
from netvet.pipeline.stream import ScanStream
from tests.conftest import AS_OF, DATA

LEASES = DATA / "dhcp"


def rows(path: Path) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    found, _ = read_dhcp(path)
    return [(o.source.locator, o.mac, o.ip, o.hostname, o.banner) for o in found]


def problems(path: Path) -> list[tuple[str, str | None]]:
    return [(i.locator, i.field) for i in read_dhcp(path)[1]]


@pytest.mark.parametrize("name", ["dhcpd.leases", "kea-leases4.csv", "kea-leases6.csv", "dnsmasq.leases"])
def test_lease_files_are_detected_by_content(name: str) -> None:
    assert detect_format(LEASES / name) == "dhcp"


def test_isc_dhcpd_leases_latest_per_mac_with_vendor_class() -> None:
    assert rows(LEASES / "dhcpd.leases") == [
        ("lease line 9", "00:e0:fc:12:34:56", "192.168.10.21", "HUAWEI_P40_Pro", "HUAWEI:android:ELS-NX9"),
        ("lease line 21", "3c:52:82:0a:0b:0c", "192.168.10.22", "FIN-LAPTOP-07", "MSFT 5.0"),
        # the camera's earlier lease on .23 (line 32) is superseded by its later one on .24
        ("lease line 43", "00:1a:2b:3c:4d:5e", "192.168.10.24", "cam-lobby", "udhcp 1.36.1"),
        ("lease line 53", None, "192.168.10.25", "printer 2", None),  # octal escape \040
        (
            "lease line 65",
            "b4:fb:e4:01:02:03",
            "192.168.10.26",
            "ap-floor2",
            "dhcpcd-9.4.1:Linux-6.1.0-13-arm64:aarch64:ARM",
        ),
    ]
    assert problems(LEASES / "dhcpd.leases") == [("line 57", "mac"), ("line 60", "address")]


def test_kea_v4_and_v6_csv() -> None:
    assert rows(LEASES / "kea-leases4.csv") == [
        ("lease line 2", "00:e0:fc:aa:bb:01", "192.0.2.10", "olt-mgmt-1", None),
        ("lease line 4", "3c:52:82:0a:0b:0d", "192.0.2.12", "desk-12.example.net", None),
        ("lease line 5", None, "192.0.2.13", None, None),  # a declined lease: no hardware address
        ("lease line 6", None, "192.0.2.14", "lab,bench", None),  # Kea's escaped comma
    ]
    assert problems(LEASES / "kea-leases4.csv") == [
        ("line 6", "hwaddr"),
        ("line 7", "address"),
        ("line 8", None),
    ]
    assert rows(LEASES / "kea-leases6.csv") == [
        ("lease line 2", "00:e0:fc:aa:bb:02", "2001:db8:1::10", "core-sw-2", None),
        ("lease line 3", None, "2001:db8:1::11", None, None),
    ]


def test_lease_files_dhcpd_and_dnsmasq_themselves_wrote() -> None:
    """Written by Debian's isc-dhcp-server 4.4.3-P1 and dnsmasq 2.90 serving dhclient on a veth
    pair between two network namespaces; dhcpd.conf records option 60 with
    `set vendor-class-identifier = option vendor-class-identifier;`."""
    assert detect_format(LEASES / "isc-dhcpd-4.4.3-written.leases") == "dhcp"
    assert rows(LEASES / "isc-dhcpd-4.4.3-written.leases") == [
        ("lease line 9", "00:e0:fc:12:34:56", "10.77.0.10", "HUAWEI_P40_Pro", "HUAWEI:android:ELS-NX9"),
        ("lease line 20", "3c:52:82:0a:0b:0c", "10.77.0.11", "FIN-LAPTOP-07", "MSFT 5.0"),
        ("lease line 31", "00:1a:2b:3c:4d:5e", "10.77.0.12", "cam-lobby", "udhcp 1.36.1"),
        (
            "lease line 42",
            "b4:fb:e4:01:02:03",
            "10.77.0.13",
            "ap-floor2",
            "dhcpcd-9.4.1:Linux-6.1.0-13-arm64:aarch64:ARM",
        ),
    ]
    assert rows(LEASES / "dnsmasq-2.90-written.leases") == [
        ("lease line 1", "00:11:22:33:44:57", "10.77.0.143", "infra-sw", None),
        ("lease line 2", "b4:fb:e4:01:02:04", "10.77.0.115", None, None),
        ("lease line 3", "00:e0:fc:12:34:99", "10.77.0.146", "HUAWEI-ONT", None),
    ]
    assert problems(LEASES / "isc-dhcpd-4.4.3-written.leases") == []
    assert problems(LEASES / "dnsmasq-2.90-written.leases") == []


def test_a_lease_file_kea_itself_wrote() -> None:
    """Written by Debian's kea-dhcp4 2.2.0 (memfile), its leases added and one updated through
    the lease_cmds hook's lease4-add and lease4-update commands."""
    assert rows(LEASES / "kea-2.2-written-leases4.csv") == [
        ("lease line 2", "00:e0:fc:aa:bb:01", "192.0.2.10", "olt-mgmt-1", None),
        ("lease line 4", "00:1a:2b:3c:4d:5e", "192.0.2.12", "lab,bench", None),
        ("lease line 5", None, "192.0.2.13", None, None),  # declined: no hardware address
        ("lease line 6", "3c:52:82:0a:0b:0d", "192.0.2.11", "desk-12.example.net", None),  # updated
    ]
    assert problems(LEASES / "kea-2.2-written-leases4.csv") == []


def test_kea_layout_with_pool_id_and_a_header_only_file(tmp_path: Path) -> None:
    path = tmp_path / "kea-leases4.csv"
    header = (
        "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,"
        "user_context,pool_id"
    )
    path.write_text(header + "\n", encoding="utf-8")
    assert detect_format(path) == "dhcp" and read_dhcp(path) == ([], [])
    path.write_text(
        header + "\n10.1.2.3,00:e0:fc:01:02:03,,3600,1793000000,1,0,0,ont-7,0,,3\n", encoding="utf-8"
    )
    assert rows(path) == [("lease line 2", "00:e0:fc:01:02:03", "10.1.2.3", "ont-7", None)]


def test_dnsmasq_leases_v4_v6_and_hardware_types() -> None:
    assert rows(LEASES / "dnsmasq.leases") == [
        ("lease line 1", "00:e0:fc:12:34:99", "192.168.1.50", "HUAWEI-ONT", None),
        ("lease line 2", "b4:fb:e4:01:02:04", "192.168.1.51", None, None),
        ("lease line 3", "00:11:22:33:44:57", "192.168.1.52", "infra-sw", None),  # ARP type 6 prefix
        ("lease line 4", None, "192.168.1.53", "half-mac", None),
        ("lease line 7", None, "2001:db8:2::50", "nas-2", None),  # after the server's duid line
    ]
    assert problems(LEASES / "dnsmasq.leases") == [("line 4", "mac"), ("line 5", None)]


def test_a_lease_is_attributed_from_its_mac_and_vendor_class(kb: KnowledgeBase) -> None:
    findings = {
        f.observations[0].source.locator: f
        for f in ScanStream(kb=kb, as_of=AS_OF, paths=[LEASES / "dhcpd.leases"]).findings()
    }
    phone = findings["lease line 9"]
    assert phone.attribution.manufacturer == "huawei-technologies" and phone.verdict == Verdict.COVERED
    assert any(e.kind == "banner" and "HUAWEI" in e.value for e in phone.attribution.evidence)
    assert findings["lease line 53"].verdict == Verdict.UNKNOWN


def test_scan_command_reads_leases_under_any_name(tmp_path: Path) -> None:
    path = tmp_path / "leases.txt"
    path.write_bytes((LEASES / "dnsmasq.leases").read_bytes())
    result = CliRunner().invoke(app, ["scan", str(path), "--format", "dhcp", "--no-store", "--jsonl"])
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [r["sources"][0]["locator"] for r in records][:2] == ["lease line 1", "lease line 2"]
    assert records[0]["verdict"] == "covered"


def test_a_file_of_no_known_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.leases"
    path.write_text("hello world\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not an ISC dhcpd, Kea or dnsmasq lease file"):
        read_dhcp(path)


HEADS = (
    "# The format of this file is documented in the dhcpd.leases(5) manual page.\nlease 10.0.0.1 {\n",
    "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context\n",
    "1793000000 00:e0:fc:12:34:99 192.168.1.50 x *\n",
)
ALPHABET = ' \n\t{};="\\#,:-.0123456789abcdefxyz lease hardware ethernet set starts epoch duid \x00\xff\u4e2d'


def junk(rng: random.Random) -> str:
    """Random text made of the characters and words these formats are built from."""
    size = rng.randint(0, 400)
    words = ALPHABET.split(" ")
    return "".join(rng.choice(words) if rng.random() < 0.2 else rng.choice(ALPHABET) for _ in range(size))


@pytest.mark.parametrize("head", HEADS)
def test_junk_gives_issues_never_a_traceback(tmp_path: Path, head: str) -> None:
    rng = random.Random(9)
    path = tmp_path / "junk.leases"
    for _ in range(300):
        path.write_bytes((head + junk(rng)).encode("utf-8", errors="replace"))
        try:
            found, issues = read_dhcp(path)
        except SourceError as exc:
            assert str(path) in str(exc)
            continue
        assert all(o.ip or o.mac for o in found)
        assert all(i.path == str(path) and i.locator.startswith("line ") for i in issues)
