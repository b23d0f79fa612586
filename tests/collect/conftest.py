"""A real SNMP agent for the collection tests: snmpsim on 127.0.0.1 serving copies of recorded
walks (the v2c community, or the v3 context, is the walk's file name)."""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from netvet.collect import Credentials, parse_target
from netvet.collect.snmp import WalkSettings, collect_snmp

WALKS = ("comware", "huawei-optixrtn_optixrtn905", "hikvision-nvr_1", "aos6", "ios_2960x")
RESPONDER = Path(sys.executable).parent / "snmpsim-command-responder"


def free_udp_port() -> int:
    """A UDP port nobody listens on at the moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(port: int, proc: subprocess.Popen[bytes], out: Path) -> None:
    """Ask the agent for its walk until it answers (snmpsim indexes the files first)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"snmpsim exited: {proc.returncode}")
        probe = collect_snmp(
            parse_target(f"127.0.0.1:{port}"), Credentials("hikvision-nvr_1"), out, WalkSettings(0.5, 0)
        )
        if probe.written:
            return
    pytest.fail("snmpsim did not answer within 60 s")


@pytest.fixture(scope="session")
def agent(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[int]]:
    """Three UDP endpoints of one snmpsim process serving the walks in WALKS."""
    data = tmp_path_factory.mktemp("simdata")
    for name in WALKS:
        shutil.copy(shared / "snmp" / "walks" / f"{name}.snmprec", data / f"{name}.snmprec")
    ports = [free_udp_port() for _ in range(3)]
    endpoints = [f"--agent-udpv4-endpoint=127.0.0.1:{p}" for p in ports]
    env = {**os.environ, "SNMPSIM_ALLOW_ROOT": "true"}  # CI runs as root; snmpsim would refuse
    log = (tmp_path_factory.mktemp("simlog") / "snmpsim.log").open("wb")
    cmd = [str(RESPONDER), f"--data-dir={data}", f"--cache-dir={data / 'cache'}", *endpoints]
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(ports[0], proc, tmp_path_factory.mktemp("probe"))
        yield ports
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
