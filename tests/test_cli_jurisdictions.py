"""`--jurisdiction` as a user runs it: a UK operator's inventory and purchases, in a subprocess."""

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, run_netvet

INVENTORY = ROOT / "examples" / "uk_operator_inventory.csv"
PURCHASES = ROOT / "examples" / "uk_purchase_lines.csv"
DAY = ("--as-of", "2026-11-23")


def records(done: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    assert done.returncode == 0, done.stderr
    return {r["identifiers"]["hostname"]: r for r in json.loads(done.stdout)}


def regime(record: dict[str, Any], name: str) -> dict[str, Any]:
    return next(d for d in record["determinations"] if d["regime"] == name)


def test_scan_uk_inventory(tmp_path: Path) -> None:
    done = run_netvet(
        "scan", str(INVENTORY), "--jurisdiction", "uk", *DAY, "--json", "--no-store", cwd=tmp_path
    )
    found = records(done)
    assert {d["regime"] for r in found.values() for d in r["determinations"]} == {"uk-designated-vendor"}
    core = regime(found["core-fw-lon-01"], "uk-designated-vendor")
    assert (core["status"], core["entry"], core["deadline"]) == ("covered", "uk-dvd-core", "2023-12-31")
    assert found["core-fw-lon-01"]["network_part"] == {
        "value": "core",
        "inferred": False,
        "from": "inventory",
    }
    assert found["core-fw-lon-01"]["generation"] == ["4g", "5g"]
    inferred = found["gnb-leeds-114"]
    assert inferred["network_part"] == {"value": "access", "inferred": True, "from": "category base-station"}
    assert "network-part-inferred" in regime(inferred, "uk-designated-vendor")["flags"]
    assert found["gnb-bath-009"]["verdict"] == "clear"
    assert found["gnb-leeds-220"]["verdict"] == "covered"


def test_policies_never_raise_the_verdict(tmp_path: Path) -> None:
    done = run_netvet(
        "scan", str(INVENTORY), "--jurisdiction", "ca,eu", *DAY, "--json", "--no-store", cwd=tmp_path
    )
    found = records(done)
    canada = regime(found["gnb-leeds-220"], "ca-huawei-zte-policy")
    assert canada["status"] == "covered" and canada["informational"]
    assert {r["verdict"] for r in found.values()} == {"clear"}


def test_us_stays_the_default_and_can_be_combined(tmp_path: Path) -> None:
    plain = records(run_netvet("scan", str(INVENTORY), *DAY, "--json", "--no-store", cwd=tmp_path))
    both = records(
        run_netvet(
            "scan", str(INVENTORY), "--jurisdiction", "us,uk", *DAY, "--json", "--no-store", cwd=tmp_path
        )
    )
    us_ids = [d["regime"] for d in plain["core-fw-lon-01"]["determinations"]]
    assert not any(r.startswith("uk-") for r in us_ids)
    assert [d["regime"] for d in both["core-fw-lon-01"]["determinations"]] == [
        *us_ids,
        "uk-designated-vendor",
    ]


def test_unknown_jurisdiction_is_a_usage_error(tmp_path: Path) -> None:
    done = run_netvet("scan", str(INVENTORY), "--jurisdiction", "uk,fr", "--no-store", cwd=tmp_path)
    assert done.returncode == 2
    assert "--jurisdiction" in done.stderr


def test_map_names_the_network_part_column(tmp_path: Path) -> None:
    path = tmp_path / "inv.csv"
    path.write_text("Hostname,Vendor,Segment,Network Generation\nx,Huawei,core,4G\ny,Huawei,edge,4G\n")
    args = (
        "scan",
        str(path),
        "--jurisdiction",
        "uk",
        *DAY,
        "--json",
        "--no-store",
        "--map",
        "network_part=Segment",
    )
    done = run_netvet(*args, cwd=tmp_path)
    found = records(done)
    assert regime(found["x"], "uk-designated-vendor")["entry"] == "uk-dvd-core"
    assert found["y"]["network_part"] is None
    assert "not a network part" in done.stderr


def test_review_purchase_maps_instruments_to_decisions(tmp_path: Path) -> None:
    args = ("review-purchase", str(PURCHASES), "--jurisdiction", "uk,de", *DAY, "--json")
    done = run_netvet(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = {r["line"]: r for r in json.loads(done.stdout)}
    assert lines[2]["decision"] == "prohibited"  # a Huawei 5G radio: no new installs in force
    assert lines[3]["decision"] == "needs-information"  # full-fibre access: the 35 % cap
    assert lines[4]["decision"] == "allowed"
    germany = regime(lines[5], "de-5g-critical-components")
    assert (germany["decision"], germany["status"]) == ("conditions", "review")
    assert "2026-12-31" in germany["reason"]


def test_review_purchase_informational_instruments_only_attach_conditions(tmp_path: Path) -> None:
    args = ("review-purchase", str(PURCHASES), "--jurisdiction", "eu", *DAY, "--json")
    done = run_netvet(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    huawei_radio = json.loads(done.stdout)[0]
    proposal = regime(huawei_radio, "eu-cybersecurity-act-proposal")
    assert (proposal["status"], proposal["informational"], proposal["decision"]) == (
        "review",
        True,
        "conditions",
    )
    assert huawei_radio["decision"] == "conditions"
