"""The ICTS case and mitigation commands as a user runs them: the example script end to end
(import agreements, scan, open a case, record steps, show, file), then error paths."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_netvet

EXAMPLE = ROOT / "examples" / "icts_case.sh"


@dataclass(frozen=True)
class Example:
    """What the example script wrote and printed."""

    folder: Path
    url: str
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Example:
    """The example script run once into a temporary folder, with this interpreter's netvet."""
    folder = tmp_path_factory.mktemp("icts") / "out"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("NETVET_DB_URL", None)
    done = subprocess.run(
        ["bash", str(EXAMPLE), str(folder)], capture_output=True, text=True, env=env, timeout=900
    )
    assert done.returncode == 0, done.stderr
    return Example(folder, f"sqlite:///{folder / 'example.db'}", done.stdout, done.stderr)


def netvet(example: Example, *args: str) -> subprocess.CompletedProcess[str]:
    return run_netvet(*args, "--db", example.url, cwd=example.folder)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_case_json_carries_clocks_criteria_and_agreements(example: Example) -> None:
    case: dict[str, Any] = json.loads((example.folder / "case.json").read_text())[0]
    assert case["case"] == "ICTS-2026-001"
    assert case["status"].startswith("initial-determination (permitted-with-mitigation)")
    clocks = {c["clock"]: c for c in case["clocks"]}
    assert clocks["response"]["due"] == "2026-06-21"
    assert clocks["response"]["state"] == "overdue"
    assert (clocks["final"]["due"], clocks["final"]["citation"]) == ("2026-11-18", "15 CFR 791.109")
    assert clocks["notice"]["state"] == "met"
    criteria = {c["criterion"]: c for c in case["criteria"]}
    assert criteria[8]["score"] == 1 and criteria[8]["evidence"] == ["agreement NSA-2026-01"]
    assert criteria[2]["score"] == 2 and "run 1 / serial:5KPG861DK2" in criteria[2]["evidence"][0]
    assert criteria[3]["score"] is None
    assert [a["agreement"] for a in case["agreements"]] == ["NSA-2026-01"]
    assert case["assets"][0]["agreement"] == "NSA-2026-01 (active)"
    kinds = [e["kind"] for e in case["entries"]]
    assert kinds.count("note") == 1 and kinds.count("score") == 1


def test_the_case_file_pdf_reads_as_the_case(example: Example) -> None:
    text = pdf_text(example.folder / "icts-case-ICTS-2026-001.pdf")
    for expected in (
        "ICTS case ICTS-2026-001",
        "15 CFR 791.107",
        "may become final",
        "whether the risk can be mitigated",
        "NSA-2026-01",
        "The carrier asked for a meeting",
        "84,000.00 USD",
        "no-spy agreement NSA-2026-01: escorted access",
    ):
        assert expected in " ".join(text.split()), expected
    html = (example.folder / "icts-case-ICTS-2026-001.html").read_text()
    assert "netvet" in html and "ICTS case ICTS-2026-001" in html


def test_scan_marks_findings_resting_on_agreements_without_changing_verdicts(example: Example) -> None:
    records = json.loads((example.folder / "findings.json").read_text())
    zte = next(r for r in records if r["asset"] == "serial:5KPG861DK2")
    assert zte["verdict"] == "covered"
    held = zte["mitigation"]
    assert (held["agreement"], held["status"], held["next_audit_due"]) == (
        "NSA-2026-01",
        "active",
        "2027-02-16",
    )
    assert held["mitigates"] == ["icts-791"] and "fcc-covered-list" in held["informational_for"]
    huawei = [r for r in records if (r["manufacturer"] or {}).get("id") == "huawei-technologies"]
    assert huawei and all(r["mitigation"]["status"] == "expired" for r in huawei)
    assert all(r["verdict"] == "covered" for r in huawei if r["asset"].startswith("serial:2102645568"))
    lorex = next(r for r in records if r["asset"] == "serial:YGMZL30F")
    assert lorex["mitigation"]["agreement"] == "AUD-2026-03"
    assert lorex["mitigation"]["status"] == "audit-overdue"
    assert "rest on a mitigation agreement" in example.stderr
    assert "AUD-2026-03: supplier 'lorex' resolved to lorex, " in example.stderr


def test_same_scan_without_agreements_has_the_same_verdicts(example: Example, tmp_path: Path) -> None:
    inventory = ROOT / "examples" / "carrier_inventory.csv"
    done = run_netvet(
        "scan",
        str(inventory),
        "--as-of",
        "2026-11-23",
        "--json",
        "--no-store",
        "--db",
        f"sqlite:///{tmp_path / 'none.db'}",
        cwd=tmp_path,
    )
    plain = {r["asset"]: r["verdict"] for r in json.loads(done.stdout)}
    marked = json.loads((example.folder / "findings.json").read_text())
    assert {r["asset"]: r["verdict"] for r in marked} == plain
    assert not any("mitigation" in r for r in json.loads(done.stdout))


def test_mitigation_list_and_show(example: Example) -> None:
    listed = json.loads(netvet(example, "mitigation", "list", "--as-of", "2026-11-23", "--json").stdout)
    assert {a["agreement"]: a["status"] for a in listed} == {
        "NSA-2026-01": "active",
        "SEC-2025-07": "expired",
        "AUD-2026-03": "audit-overdue",
    }
    shown = json.loads(
        netvet(example, "mitigation", "show", "NSA-2026-01", "--as-of", "2026-10-05", "--json").stdout
    )[0]
    assert shown["status"] == "breached" and shown["open_breaches"] == 1
    assert len(shown["obligations"]) == 3


def test_bad_steps_and_links_are_usage_errors(example: Example) -> None:
    no_outcome = netvet(
        example,
        "icts",
        "case",
        "decide",
        "ICTS-2026-001",
        "--step",
        "final-determination",
        "--on",
        "2026-11-01",
        "--reason",
        "x",
        "--author",
        "a",
    )
    assert no_outcome.returncode == 2 and "needs its outcome" in no_outcome.stderr
    bad_step = netvet(
        example,
        "icts",
        "case",
        "decide",
        "ICTS-2026-001",
        "--step",
        "approve",
        "--on",
        "2026-11-01",
        "--reason",
        "x",
        "--author",
        "a",
    )
    assert bad_step.returncode == 2 and "initial-determination" in bad_step.stderr
    unknown = netvet(example, "icts", "case", "note", "ICTS-1999-404", "hello", "--author", "a")
    assert unknown.returncode == 2 and "no ICTS case 'ICTS-1999-404'" in unknown.stderr
    unlinked = netvet(
        example,
        "icts",
        "case",
        "open",
        "--title",
        "t",
        "--party",
        "p",
        "--item",
        "i",
        "--author",
        "a",
        "--asset",
        "1:no-such-asset",
    )
    assert unlinked.returncode == 2 and "not in the store" in unlinked.stderr
    listed = json.loads(netvet(example, "icts", "case", "list", "--json").stdout)
    assert [c["case"] for c in listed] == ["ICTS-2026-001"]


def test_an_import_with_a_bad_row_names_it_and_keeps_the_good_ones(example: Example, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,kind,counterparty,start,end\nOK-1,security,Acme,2026-01-01,\nBAD-1,security,Acme,2026-13-01,\n"
    )
    done = run_netvet(
        "mitigation", "import", str(bad), "--db", f"sqlite:///{tmp_path / 's.db'}", cwd=tmp_path
    )
    assert done.returncode == 2
    assert "bad.csv:line 3 [start]: not a date" in done.stderr
    assert "1 agreement(s) imported" in done.stderr
