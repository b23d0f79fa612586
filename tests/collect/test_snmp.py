from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from netvet.cli import app
from netvet.collect import Credentials, parse_target
from netvet.collect.snmp import SUBTREES, WalkSettings, collect_snmp
from netvet.errors import UsageError
from netvet.ingest.snmprec import oid_key, read_values
from netvet.kb.loader import KnowledgeBase
from netvet.pipeline.stream import ScanStream
from netvet.report import finding_record
from tests.collect.conftest import WALKS, free_udp_port
from tests.conftest import AS_OF


def records(kb: KnowledgeBase, path: Path) -> list[dict[str, Any]]:
    """The scan records of one walk, without where they came from."""
    found = [
        finding_record(f, kb.entities, kb.graph, AS_OF)
        for f in ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings()
    ]
    for record in found:
        record.pop("sources")
        record.pop("asset")  # a device without identifiers is keyed by its file
    return found


def collect_one(port: int, creds: Credentials, out: Path) -> Path:
    result = collect_snmp(parse_target(f"127.0.0.1:{port}"), creds, out, WalkSettings(2.0, 1))
    assert not result.issues, result.issues
    return result.written[0]


@pytest.mark.parametrize("name", WALKS)
def test_live_walk_attributes_as_the_recorded_file(
    agent: list[int], kb: KnowledgeBase, shared: Path, tmp_path: Path, name: str
) -> None:
    recorded = shared / "snmp" / "walks" / f"{name}.snmprec"
    live = collect_one(agent[0], Credentials(name), tmp_path)
    assert live.name == f"127.0.0.1_{agent[0]}.snmprec"
    assert records(kb, live) == records(kb, recorded)
    values = read_values(recorded)[0]
    wanted = {k: v for k, v in values.items() if k.startswith(tuple(f"{s}." for s in SUBTREES))}
    private = sorted((k for k in values if k.startswith("1.3.6.1.4.1.")), key=oid_key)
    firsts = {k.split(".")[6]: k for k in reversed(private)}  # the first OID of each enterprise
    wanted |= {k: values[k] for k in firsts.values()}
    assert read_values(live)[0] == wanted


def test_v3_with_authentication_and_privacy(agent: list[int], kb: KnowledgeBase, tmp_path: Path) -> None:
    creds = Credentials(
        None, "simulator", "auctoritas", "MD5", "privatus", "DES", "huawei-optixrtn_optixrtn905"
    )
    system = records(kb, collect_one(agent[1], creds, tmp_path))[0]
    assert system["manufacturer"]["id"] == "huawei-technologies" and system["verdict"] == "covered"


def test_wrong_v3_key_is_an_issue_not_a_crash(agent: list[int], tmp_path: Path) -> None:
    wrong = Credentials(None, "simulator", "not-the-key", "MD5", "privatus", "DES", "comware")
    result = collect_snmp(parse_target(f"127.0.0.1:{agent[0]}"), wrong, tmp_path, WalkSettings(0.5, 0))
    assert not result.written and len(result.issues) == 1
    assert result.issues[0].path == f"127.0.0.1:{agent[0]}"


def test_cli_walks_several_agents_and_names_the_silent_one(agent: list[int], tmp_path: Path) -> None:
    silent = free_udp_port()
    listed = tmp_path / "targets.txt"
    listed.write_text(f"# lab agents\n127.0.0.1:{agent[2]}  # third endpoint\n\n", encoding="utf-8")
    args = ["collect", "snmp", f"127.0.0.1:{agent[0]}", f"127.0.0.1:{agent[1]}", f"127.0.0.1:{silent}"]
    options = ["--targets", str(listed), "--community", "aos6", "-o", str(tmp_path / "walks")]
    result = CliRunner().invoke(
        app, [*args, *options, "--timeout", "0.5", "--retries", "0", "--concurrency", "2"]
    )
    assert result.exit_code == 2
    assert f"127.0.0.1:{silent}" in result.stderr and "3 of 4 agents" in result.stderr
    written = sorted((tmp_path / "walks").glob("*.snmprec"))
    assert [p.stem for p in written] == sorted(f"127.0.0.1_{p}" for p in agent)
    assert len({p.read_bytes() for p in written}) == 1
    scanned = CliRunner().invoke(app, ["scan", str(tmp_path / "walks"), "--no-store", "--jsonl"])
    assert scanned.exit_code == 0
    systems = [orjson.loads(line) for line in scanned.stdout.splitlines() if '"locator":"system"' in line]
    assert len(systems) == 3 and {s["manufacturer"]["id"] for s in systems} == {"alcatel-lucent-enterprise"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.0.0.1", [("10.0.0.1", 161)]),
        ("switch-1:1161", [("switch-1", 1161)]),
        ("[::1]:1161", [("::1", 1161)]),
        ("192.0.2.0/30", [("192.0.2.1", 161), ("192.0.2.2", 161)]),
    ],
)
def test_targets_are_parsed(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(t.host, t.port) for t in parse_target(text)] == expected


@pytest.mark.parametrize("text", ["host:0", "host:snmp", "10.0.0.0/8", "10.0.0.300/24", ":161"])
def test_bad_targets_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError, match="target"):
        parse_target(text)
