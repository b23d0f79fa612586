"""The command as a user runs it: a real subprocess, real files, real SQLite."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_netvet

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "carrier_inventory.csv"
CONTRACT_KEYS = {
    "asset",
    "sources",
    "identifiers",
    "manufacturer",
    "controller",
    "brand",
    "model",
    "category",
    "country_of_production",
    "confidence",
    "evidence",
    "determinations",
    "verdict",
}


def netvet(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_netvet(*args, cwd=cwd)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    tmp = tmp_path_factory.mktemp("scan")
    done = netvet(
        "scan",
        str(SAMPLE),
        "--as-of",
        "2026-11-23",
        "--json",
        "--db",
        f"sqlite:///{tmp / 'runs.db'}",
        cwd=tmp,
    )
    return done, tmp


def test_scan_json_follows_the_contract(scanned: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, _ = scanned
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert len(records) > 300
    for r in records:
        assert set(r) >= CONTRACT_KEYS
        assert r["verdict"] in {"covered", "review", "clear", "unknown"}
        assert {d["regime"] for d in r["determinations"]} >= {"fcc-covered-list", "ndaa-889", "icts-791"}
        if r["manufacturer"] is None:
            assert r["verdict"] != "clear"
    covered = [r for r in records if r["verdict"] == "covered"]
    assert covered and all(
        any(d["status"] == "covered" and d["citation"] for d in r["determinations"]) for r in covered
    )
    assert any(r["controller"] and r["controller"]["id"] == "huawei-investment-holding" for r in records)


def test_scan_reports_bad_rows_on_stderr_and_keeps_going(
    scanned: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, _ = scanned
    assert "issue:" in done.stderr and "line " in done.stderr


def test_run_is_stored_with_hashes(scanned: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, tmp = scanned
    with sqlite3.connect(tmp / "runs.db") as db:
        (run_id, as_of, kb_sha, assets) = db.execute(
            "select id, as_of, kb_manifest_sha256, assets from runs"
        ).fetchone()
        (path, sha) = db.execute("select path, sha256 from inputs where run_id = ?", (run_id,)).fetchone()
        stored = db.execute("select count(*) from assets where run_id = ?", (run_id,)).fetchone()[0]
        issues = db.execute("select count(*) from issues where run_id = ?", (run_id,)).fetchone()[0]
    assert as_of == "2026-11-23" and len(kb_sha) == 64 and len(sha) == 64
    assert stored == assets > 300 and path.endswith("carrier_inventory.csv") and issues > 0


def test_summary_csv_and_exit_codes(tmp_path: Path) -> None:
    summary = netvet("scan", str(SAMPLE), "--no-store", "--as-of", "2026-11-23", cwd=tmp_path)
    assert summary.returncode == 0 and "By verdict" in summary.stdout and "Covered assets" in summary.stdout
    failing = netvet(
        "scan", str(SAMPLE), "--no-store", "--fail-on", "covered", "--csv", "-o", "out.csv", cwd=tmp_path
    )
    assert failing.returncode == 1
    header = (tmp_path / "out.csv").read_text().splitlines()[0]
    assert header.startswith("asset,verdict,manufacturer")
    missing = netvet("scan", "nope.csv", "--no-store", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.csv" in missing.stderr
    bad_date = netvet("scan", str(SAMPLE), "--as-of", "yesterday", "--no-store", cwd=tmp_path)
    assert bad_date.returncode == 2 and "--as-of" in bad_date.stderr


def test_match_json(tmp_path: Path) -> None:
    done = netvet(
        "match", "Hangzhou Ezviz Software Co.,Ltd.", "Shanghai Dahua Scale Factory", "--json", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    ezviz, scale = json.loads(done.stdout)
    best = ezviz["matches"][0]
    assert best["entity"]["id"] in {"ezviz", "ezviz-software"} and best["score"] >= 0.9
    assert "hikvision" in best["path"]
    assert any(d["list"] == "fcc-covered-list" for d in best["designations"])
    assert all(m["entity"]["id"] != "dahua-technology" for m in scale["matches"])


def test_kb_info(tmp_path: Path) -> None:
    done = netvet("kb", "info", cwd=tmp_path)
    assert done.returncode == 0 and "fcc-covered-list" in done.stdout and "2026-08-20" in done.stdout


def test_kb_import_then_scan_uses_the_imported_list(tmp_path: Path) -> None:
    import os

    history = ROOT.parent / "shared/data/lists/fcc_covered_list_history/2026-05-21_2f776b02_table.csv"
    env = {**os.environ, "NETVET_KB_DIR": str(tmp_path / "kb")}
    run = [sys.executable, "-c", "from netvet.cli import main; main()"]
    done = subprocess.run(
        [*run, "kb", "import", "fcc-covered-list", str(history), "--version", "2026-05-21"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    info = subprocess.run([*run, "kb", "info"], env=env, capture_output=True, text=True, timeout=300)
    assert "2026-05-21" in info.stdout
    refused = subprocess.run(
        [*run, "kb", "import", "fcc-covered-list", str(SAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert refused.returncode == 2 and "not a Covered List table" in refused.stderr


def test_an_unusable_input_among_several_is_skipped_and_named(tmp_path: Path) -> None:
    walks = ROOT.parent / "shared/data/snmp/walks"
    done = netvet(
        "scan",
        str(walks / "zxr10_5950.snmprec"),
        str(walks / "iosxe_c9800@181.snmprec"),
        "--no-store",
        "--jsonl",
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "iosxe_c9800@181.snmprec" in done.stderr and "could not be read" in done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and records[0]["manufacturer"]["id"] == "zte-corporation"


def test_scan_reads_the_organisation_profile_and_flags(tmp_path: Path) -> None:
    inv = tmp_path / "inv.csv"
    inv.write_text(
        "Hostname,Vendor,Model,Purchase Date\nolt-1,Huawei,MA5800-X7,2019-05-02\n", encoding="utf-8"
    )
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        "schema: netvet.profile/1\norganisation: {usf_recipient: true, customers: 4200}\n", encoding="utf-8"
    )

    def reimbursement(*extra: str) -> dict[str, object]:
        done = netvet("scan", str(inv), "--as-of", "2026-11-23", "--no-store", "--json", *extra, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        [record] = json.loads(done.stdout)
        return next(d for d in record["determinations"] if d["regime"] == "fcc-reimbursement")

    unknown = reimbursement()
    assert unknown["status"] == "review" and "customer" in unknown["reason"]
    assert reimbursement("--profile", str(profile))["status"] == "covered"
    assert reimbursement("--profile", str(profile), "--customers", "12000000")["status"] == "not-covered"


def test_contracts_flag_renewals_of_covered_services(tmp_path: Path) -> None:
    contracts = Path(__file__).resolve().parents[1] / "examples" / "contracts.csv"
    done = netvet("scan", str(contracts), "--no-store", "--as-of", "2026-11-23", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    by_provider = {r["manufacturer"]["name"]: r for r in records}
    telecom = by_provider["China Telecom (Americas) Corporation"]
    assert telecom["verdict"] == "covered" and telecom["service"] == "transit"
    assert telecom["renewal_due"] == {"date": "2027-01-31", "days_left": 69}
    subsidy = next(d for d in telecom["determinations"] if d["regime"] == "fcc-subsidy")
    assert subsidy["status"] == "covered"
    assert (
        by_provider["Telia Carrier"]["verdict"] == "clear"
        and by_provider["Telia Carrier"]["renewal_due"] is None
    )
