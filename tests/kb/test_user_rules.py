"""Rule files a user adds to a scan: netvet YAML, Recog XML and Nmap's service probes."""

import csv
import hashlib
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from netvet.attribute.banners import BannerRule, match_banner, match_each
from netvet.cli import app
from netvet.errors import KnowledgeBaseError, SourceError
from netvet.kb.importers.nmap_probes import read_probe_rules
from netvet.kb.importers.recog import read_recog_rules
from netvet.kb.loader import KnowledgeBase
from netvet.kb.rule_cache import load_rule_file
from netvet.kb.user_rules import rule_file_kind, with_rule_files
from netvet.model import Issue
from tests.conftest import DATA

RULES = DATA / "rules"
NMAP_PROBES = Path("/usr/share/nmap/nmap-service-probes")  # Debian's nmap, installed by .ci/run


def inventory(tmp_path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    path = tmp_path / "inv.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Hostname", "Banner", "sysDescr", "sysObjectID"])
        writer.writerows(rows)
    return path


def scan(
    tmp_path: Path, inv: Path, *rules: Path, env: dict[str, str] | None = None, flags: tuple[str, ...] = ()
) -> list[dict[str, object]]:
    args = [
        "scan",
        str(inv),
        "--no-store",
        "--jsonl",
        *flags,
        *[a for r in rules for a in ("--rules", str(r))],
    ]
    result = CliRunner(env={"NETVET_CACHE_DIR": str(tmp_path / "cache"), **(env or {})}).invoke(app, args)
    assert result.exit_code == 0, result.output
    return [orjson.loads(line) for line in result.stdout.splitlines()]


def maker(record: dict[str, object]) -> str | None:
    found = record["manufacturer"]
    return None if found is None else (found.get("id") or f"org:{found['name']}")  # type: ignore[attr-defined]


def test_recog_fingerprints_naming_hardware_vendors_become_rules() -> None:
    rules, issues = read_recog_rules(RULES / "recog_http_server.xml")
    assert [(r.vendor, r.product) for r in rules] == [("Hikvision", None), ("Acme Widgets", "Widget Cam")]
    assert [i.locator for i in issues] == ["fingerprint 4"] and "regex" in issues[0].message
    assert rule_file_kind(RULES / "recog_http_server.xml") == "recog"


def test_recog_banner_evidence_in_a_scan(tmp_path: Path) -> None:
    rows = [("cam", "Hikvision-Webs", "", ""), ("w", "ACME-HTTPD/2", "", ""), ("web", "Apache/2.4", "", "")]
    found = scan(tmp_path, inventory(tmp_path, rows), RULES / "recog_http_server.xml")
    assert [maker(r) for r in found] == ["hikvision", "org:Acme Widgets", None]
    rules = {e["rule"] for e in found[0]["evidence"]}  # type: ignore[attr-defined]
    assert "recog_http_server.xml:1" in rules
    evidence = found[1]["evidence"]  # type: ignore[index]
    [widget] = [e for e in evidence if e["rule"].startswith("recog_http_server.xml")]  # type: ignore[index]
    assert widget["reason"].startswith("the banner matches recog_http_server.xml rule 2 (Widget Cam)")


def test_hostile_or_foreign_xml_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><fingerprints>&a;</fingerprints>', encoding="utf-8")
    with pytest.raises(SourceError, match="bomb.xml"):
        read_recog_rules(bomb)
    other = tmp_path / "other.xml"
    other.write_text("<nmaprun/>", encoding="utf-8")
    with pytest.raises(SourceError, match="not a Recog file"):
        read_recog_rules(other)


def test_yaml_rules_name_makers_by_id_or_name(tmp_path: Path) -> None:
    rows = [
        ("a", "", "LabCam OS 1.0", ""),
        ("b", "", "WidgetOS 3", ""),
        ("c", "", "", "1.3.6.1.4.1.99999.1.5"),
        ("d", "", "", "1.3.6.1.4.1.99999.2"),
    ]
    found = scan(tmp_path, inventory(tmp_path, rows), RULES / "lab.yaml")
    assert [maker(r) for r in found] == ["hikvision", "org:Acme Widgets", "zte-corporation", None]
    assert found[3]["evidence"][0]["reason"] == "lab agent software"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema: other/1\n", "needs 'schema: netvet.rules/1'"),
        (
            "schema: netvet.rules/1\nsysdescr:\n  - {id: x, regex: '(', manufacturer: cisco, reason: r}\n",
            "sysdescr rule 1",
        ),
        (
            "schema: netvet.rules/1\nsysobjectid:\n  - {id: x, manufacturer: cisco, reason: r}\n",
            "sysobjectid rule 1",
        ),
    ],
)
def test_bad_yaml_rules_name_the_file_and_rule(
    kb: KnowledgeBase, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=message):
        with_rule_files(kb, [path], tmp_path / "cache")


def probes_subset(tmp_path: Path) -> Path:
    """The user's own nmap-service-probes cut to its Cisco and Huawei lines (compiles fast)."""
    if not NMAP_PROBES.is_file():
        pytest.fail(f"{NMAP_PROBES} is missing: install Debian's nmap (.ci/run does)")
    lines = NMAP_PROBES.read_text(encoding="latin-1").splitlines()
    keep = [line for line in lines if line.startswith("match ") and ("isco" in line or "uawei" in line)]
    path = tmp_path / "nmap-service-probes"
    path.write_text("Probe TCP NULL q||\n" + "\n".join(keep) + "\n", encoding="latin-1")
    return path


def test_nmap_probe_rules_are_evidence_and_their_database_is_cached(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    probes = probes_subset(tmp_path)
    found = scan(tmp_path, inventory(tmp_path, [("r", "SSH-2.0-Cisco-1.25\r\n", "", "")]), probes)
    assert maker(found[0]) == "cisco"
    assert any(e["rule"].startswith("nmap-service-probes:") for e in found[0]["evidence"])  # type: ignore[attr-defined]
    cached = list((tmp_path / "cache").glob("banners-*.hsdb"))
    assert len(cached) == 1
    rules, _ = read_probe_rules(probes)

    def not_again(path: Path) -> tuple[list[BannerRule], list[Issue]]:
        raise AssertionError(f"{path} was read again: the cache was not used")

    again = load_rule_file(probes, not_again, tmp_path / "cache")
    assert again.rules == tuple(rules) and again.matcher.database is not None
    banners = [b"SSH-2.0-Cisco-1.25\r\n", b"SSH-2.0-HUAWEI-1.5\r\n", b"HTTP/1.1 200 OK\r\n\r\n"]
    fresh = load_rule_file(probes, read_probe_rules, tmp_path / "c2").matcher
    assert [match_each(again.matcher, b) for b in banners] == [match_each(fresh, b) for b in banners]
    assert [match_banner(again.matcher, b) for b in banners] == [match_each(fresh, b) for b in banners]


def machine_rule_files(tmp_path: Path) -> dict[str, str]:
    """An Nmap data folder holding (part of) Debian's probes and a Recog checkout's xml/ folder,
    named the way a user names them, with automatic rules turned on."""
    nmap_dir, recog_xml = tmp_path / "nmap", tmp_path / "recog" / "xml"
    nmap_dir.mkdir()
    recog_xml.mkdir(parents=True)
    probes_subset(tmp_path).rename(nmap_dir / "nmap-service-probes")
    (recog_xml / "http_servers.xml").write_bytes((RULES / "recog_http_server.xml").read_bytes())
    return {
        "NETVET_NMAP_DIR": str(nmap_dir),
        "NETVET_RECOG_DIR": str(tmp_path / "recog"),
        "NETVET_AUTO_RULES": "1",
    }


def test_rule_files_of_this_machine_are_used_without_flags(tmp_path: Path) -> None:
    env = machine_rule_files(tmp_path)
    rows = [("r", "SSH-2.0-Cisco-1.25\r\n", "", ""), ("cam", "Hikvision-Webs", "", "")]
    inv = inventory(tmp_path, rows)
    found = scan(tmp_path, inv, env=env)
    assert [maker(r) for r in found] == ["cisco", "hikvision"]
    assert any(e["rule"].startswith("nmap-service-probes:") for e in found[0]["evidence"])  # type: ignore[attr-defined]
    assert any(e["rule"].startswith("http_servers.xml:") for e in found[1]["evidence"])  # type: ignore[attr-defined]
    plain = scan(tmp_path, inv, env=env, flags=("--no-auto-rules",))
    # Without the rule files the kb's own names still read both banners (Cisco, Hikvision).
    assert [maker(r) for r in plain] == ["cisco", "hikvision"]
    used = {e["rule"].split(":")[0] for r in plain for e in r["evidence"]}  # type: ignore[attr-defined]
    assert not used & {"nmap-service-probes", "http_servers.xml"}


def test_kb_info_names_the_rule_files_used(tmp_path: Path) -> None:
    env = {**machine_rule_files(tmp_path), "NETVET_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "400"}
    result = CliRunner(env=env).invoke(app, ["kb", "info"])
    assert result.exit_code == 0, result.output
    probes = Path(env["NETVET_NMAP_DIR"]) / "nmap-service-probes"
    count = len(read_probe_rules(probes)[0])
    digest = hashlib.sha256(probes.read_bytes()).hexdigest()[:12]
    assert f"rule file {probes}" in result.stdout and f"sha256 {digest} · {count} rules" in result.stdout
    assert "http_servers.xml" in result.stdout and "2 rules (1 skipped)" in result.stdout
    off = CliRunner(env={**env, "NETVET_AUTO_RULES": "0"}).invoke(app, ["kb", "info"])
    assert "rule file" not in off.stdout


def test_an_unusable_file_found_on_the_machine_is_skipped_not_fatal(tmp_path: Path) -> None:
    env = machine_rule_files(tmp_path)
    (tmp_path / "recog" / "xml" / "broken.xml").write_text("<fingerprints><x", encoding="utf-8")
    inv = inventory(tmp_path, [("r", "SSH-2.0-Cisco-1.25\r\n", "", "")])
    args = ["scan", str(inv), "--no-store", "--jsonl"]
    result = CliRunner(env={**env, "NETVET_CACHE_DIR": str(tmp_path / "cache")}).invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "broken.xml" in result.stderr and "rule file not used" in result.stderr
    assert maker(orjson.loads(result.stdout.splitlines()[0])) == "cisco"
