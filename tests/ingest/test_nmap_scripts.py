"""Nmap script outputs read as banners: Debian's nmap run with its scripts against services this
test starts on 127.0.0.1 (a web server with a title and a Server header, a TLS server whose
self-signed certificate names an organisation, RTSP and SIP responders), and hand-written XML in
Nmap's layout for the scripts that need a device (UPnP, SNMP)."""

import datetime as dt
import shutil
import socketserver
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from netvet.ingest import read_nmap
from netvet.kb.loader import KnowledgeBase
from netvet.pipeline.stream import ScanStream
from tests.conftest import AS_OF, DATA

PAGE = b"<html><head><title>NVR Web Service</title></head><body>login</body></html>"


class TitledWeb(BaseHTTPRequestHandler):
    """A login page with a title; its Server header is Python's own, which Nmap recognises as
    HTTP (so its HTTP scripts run)."""

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class Rtsp(socketserver.BaseRequestHandler):
    """Answers every request the way a Dahua camera's RTSP server does (the answer one of Nmap's
    own match lines describes), naming its server."""

    answer = (
        b"RTSP/1.0 405 Method Not Allowed\r\nServer: Dahua Rtsp Server\r\nContent-Length: 0\r\n"
        b"CSeq: 0\r\n\r\n"
    )

    def handle(self) -> None:
        try:
            self.request.settimeout(5)
            self.request.recv(4096)
            self.request.sendall(self.answer)
        except OSError:
            pass


class Sip(Rtsp):
    """Answers the way a SIP phone adapter does, naming itself in its User-Agent header."""

    answer = (
        b"SIP/2.0 400 Illegal request line\r\nFrom: <sip:missing>\r\nTo: <sip:missing>;tag=badrequest\r\n"
        b"User-Agent: AVM FRITZ!Box Fon WLAN 7390 84.06.85\r\nContent-Length: 0\r\n\r\n"
    )


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate whose subject and issuer name an organisation, as device firmware makes them."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "192.0.2.20"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Hangzhou Hikvision Digital Technology Co., Ltd."),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def serve(server: socketserver.BaseServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def nmap_xml(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One Nmap run over the four services, with the scripts netvet reads."""
    nmap = shutil.which("nmap")
    assert nmap, "nmap is installed by .ci/run and make test (Debian's package)"
    folder = tmp_path_factory.mktemp("nmap")
    # Each connection in a thread of its own, and the TLS handshake in that thread (not in
    # accept): one of Nmap's probes that never finishes a handshake must not hold up the others.
    web = ThreadingHTTPServer(("127.0.0.1", 0), TitledWeb)
    tls = ThreadingHTTPServer(("127.0.0.1", 0), TitledWeb)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed(folder))
    tls.socket = context.wrap_socket(tls.socket, server_side=True, do_handshake_on_connect=False)
    rtsp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Rtsp)
    sip = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Sip)
    servers = (web, tls, rtsp, sip)
    for server in servers:
        serve(server)
    ports = ",".join(str(s.server_address[1]) for s in servers)
    out = folder / "scan.xml"
    scripts = "ssl-cert,http-title,http-server-header,rtsp-methods,sip-methods,banner"
    command = [
        nmap,
        "-Pn",
        "-n",
        "-sV",
        "--version-light",
        "--script",
        scripts,
        "-p",
        ports,
        "-oX",
        str(out),
        "127.0.0.1",
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    yield out
    for server in servers:
        server.shutdown()
        server.server_close()


def test_real_nmap_script_outputs_are_banners(nmap_xml: Path) -> None:
    [found], issues = read_nmap(nmap_xml)
    assert issues == [] and found.banner is not None
    parts = found.banner.split(" | ")
    assert parts.count("title: NVR Web Service") == 1  # http-title, on the plain and the TLS port
    assert any(p.startswith("BaseHTTP/") for p in parts)  # http-server-header
    org = "organizationName=Hangzhou Hikvision Digital Technology Co., Ltd."
    assert f"Subject: commonName=192.0.2.20 {org}; Issuer: commonName=192.0.2.20 {org}" in parts
    assert "Dahua IP camera rtspd" in parts  # the RTSP server, named by Nmap's own match line
    assert "AVM FRITZ!Box WLAN 7390" in parts and "84.06.85" in parts  # the SIP User-Agent
    assert not any("ERROR" in p or p.startswith(("OPTIONS", "MD5", "SHA-1")) for p in parts)


# Nmap's XML for scripts that need a device to answer (UDP UPnP and SNMP), as Nmap writes it:
# the output attribute with the lines upnp.lua and snmp-sysdescr.nse print; ssh-hostkey's keys;
# http-title's message for a page without a title.
DEVICE = DATA / "nmap" / "device_scripts.xml"


def test_upnp_and_snmp_scripts_of_a_device(kb: KnowledgeBase) -> None:
    [found], issues = read_nmap(DEVICE)
    assert issues == []
    assert found.sysdescr == (
        "Huawei Versatile Routing Platform Software\n"
        "VRP (R) software, Version 5.170 (S5720 V200R011C10SPC500)"
    )
    assert found.banner == (
        "Server: Linux/2.6 UPnP/1.0 Huawei-ATP-IGD; Webserver: Linux/2.6 UPnP/1.0 Huawei-ATP-IGD; "
        "Name: HG8245H; Manufacturer: Huawei Technologies Co., Ltd.; Model Descr: EchoLife Home Gateway; "
        "Model Name: HG8245H; Model Version: V3R017"
    )
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[DEVICE]).findings())
    assert finding.attribution.manufacturer == "huawei-technologies"
    assert {e.kind for e in finding.attribution.evidence} >= {"sysdescr"}
