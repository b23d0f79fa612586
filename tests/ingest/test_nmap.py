"""Nmap XML: made by running Debian's nmap against a service this test starts on 127.0.0.1,
plus hand-written XML for what cannot run here; hostile XML is refused."""

import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from netvet.errors import SourceError
from netvet.ingest import detect_format, read_nmap
from netvet.kb.loader import KnowledgeBase
from netvet.model import Verdict
from netvet.pipeline.stream import ScanStream
from tests.conftest import AS_OF

HAND_WRITTEN = """<?xml version="1.0"?>
<nmaprun scanner="nmap" args="nmap -sV -O -oX - 10.0.0.0/30">
  <host><status state="up"/>
    <address addr="10.0.0.2" addrtype="ipv4"/>
    <address addr="00:E0:FC:12:34:56" addrtype="mac" vendor="Huawei Technologies"/>
    <hostnames><hostname name="agg-sw-2" type="PTR"/></hostnames>
    <ports><port protocol="tcp" portid="22"><state state="open"/>
      <service name="ssh" product="HUAWEI VRP sshd" version="2.0">
        <cpe>cpe:/o:huawei:vrp</cpe></service></port></ports>
  </host>
  <host><status state="down"/><address addr="10.0.0.3" addrtype="ipv4"/></host>
</nmaprun>
"""


class HikvisionLike(BaseHTTPRequestHandler):
    server_version = "Hikvision-Webs"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_server() -> Iterator[int]:
    server = HTTPServer(("127.0.0.1", 0), HikvisionLike)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_real_nmap_scan_of_a_local_service(kb: KnowledgeBase, tmp_path: Path, web_server: int) -> None:
    nmap = shutil.which("nmap")
    assert nmap, "nmap is installed by .ci/run (Debian's package)"
    out = tmp_path / "scan.xml"
    command = [
        nmap,
        "-Pn",
        "-n",
        "-p",
        str(web_server),
        "--script",
        "http-server-header",
        "-sV",
        "--version-light",
        "-oX",
        str(out),
        "127.0.0.1",
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    assert detect_format(out) == "nmap"
    found, _ = read_nmap(out)
    assert len(found) == 1 and found[0].ip == "127.0.0.1"
    assert found[0].banner is not None and "Hikvision-Webs" in found[0].banner
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[out]).findings())
    assert finding.attribution.manufacturer == "hikvision"
    assert finding.verdict == Verdict.REVIEW  # use-qualified maker, intended use unknown


def test_hand_written_scan_of_a_device_we_cannot_run(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "agg.xml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    found, issues = read_nmap(path)
    assert len(found) == 1 and issues == []
    obs = found[0]
    assert (obs.ip, obs.mac, obs.hostname, obs.cpe) == (
        "10.0.0.2",
        "00:e0:fc:12:34:56",
        "agg-sw-2",
        ("cpe:/o:huawei:vrp",),
    )
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
    assert finding.attribution.manufacturer == "huawei-technologies" and finding.verdict == Verdict.COVERED
    assert {"oui", "cpe"} <= {e.rule for e in finding.attribution.evidence}


def test_hostile_and_broken_xml(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><nmaprun>&b;</nmaprun>'
    )
    with pytest.raises(SourceError, match="not readable Nmap XML"):
        read_nmap(bomb)
    cut = tmp_path / "cut.xml"
    cut.write_text(HAND_WRITTEN[:300], encoding="utf-8")
    with pytest.raises(SourceError, match="not readable Nmap XML"):
        read_nmap(cut)
    other = tmp_path / "other.xml"
    other.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(SourceError, match="not Nmap XML"):
        read_nmap(other)
