"""`netvet review-purchase` as a user runs it: a real subprocess on the example files."""

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from netvet.regimes import REGIMES
from tests.conftest import run_netvet

ROOT = Path(__file__).resolve().parents[1]
LINES = ROOT / "examples" / "purchase_lines.csv"
PROFILE = ROOT / "examples" / "purchase_profile.yaml"
REGISTER = ROOT / "examples" / "purchase_register.yaml"
DAY = ("--as-of", "2026-11-23")


def netvet(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_netvet("review-purchase", *args, cwd=cwd)


def by_line(done: subprocess.CompletedProcess[str]) -> dict[int, dict[str, Any]]:
    assert done.returncode == 0, done.stderr
    return {r["line"]: r for r in json.loads(done.stdout)}


def line_of(model: str) -> int:
    """The file line of the example row with this model (the header is line 1)."""
    with LINES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return next(i for i, row in enumerate(rows, start=1) if len(row) > 3 and row[3] == model)


def regime(record: dict[str, Any], name: str) -> dict[str, Any]:
    return next(d for d in record["determinations"] if d["regime"] == name)


@pytest.fixture(scope="module")
def demo() -> dict[int, dict[str, Any]]:
    return by_line(netvet(str(LINES), *DAY, "--profile", str(PROFILE), "--approved", str(REGISTER), "--json"))


def test_one_object_per_line_in_the_contract_shape(demo: dict[int, dict[str, Any]]) -> None:
    with LINES.open(encoding="utf-8") as fh:
        data_lines = sum(1 for line in fh if line.strip()) - 1
    assert sorted(demo) == list(range(2, 2 + data_lines))
    for record in demo.values():
        assert record["decision"] in {"prohibited", "allowed", "conditions", "needs-information"}
        assert isinstance(record["missing"], list) and record["reasons"]
        if record["determinations"]:
            assert [d["regime"] for d in record["determinations"]] == list(REGIMES)


def test_the_example_covers_each_decision(demo: dict[int, dict[str, Any]]) -> None:
    assert {r["decision"] for r in demo.values()} == {
        "prohibited",
        "allowed",
        "conditions",
        "needs-information",
    }
    assert demo[line_of("MA5800-X7")]["decision"] == "prohibited"
    assert demo[line_of("DS-2CD2143G2-I")]["missing"] == ["intended use"]
    assert "country of production" in demo[line_of("SDG 8733v")]["missing"]
    assert "expired on 2026-06-30" in demo[line_of("P3265-LVE")]["reasons"][0]
    approved = demo[line_of("NG-EXAMPLE-1")]
    assert approved["conditional_approval"]["reference"] == "EXAMPLE-CA-2026-001"
    assert regime(approved, "fcc-covered-list")["decision"] == "allowed"


def test_malformed_line_is_an_issue_and_a_record(demo: dict[int, dict[str, Any]]) -> None:
    done = netvet(str(LINES), *DAY, "--json")
    assert done.returncode == 0
    last = max(demo)
    assert demo[last]["missing"] == ["a readable purchase line"]
    assert f"purchase_lines.csv:line {last}" in done.stderr


def test_flags_override_the_profile() -> None:
    huawei = line_of("MA5800-X7")
    from_file = by_line(netvet(str(LINES), *DAY, "--profile", str(PROFILE), "--json"))[huawei]
    assert regime(from_file, "ndaa-889")["decision"] == "allowed"
    flagged = netvet(str(LINES), *DAY, "--profile", str(PROFILE), "--federal-contractor", "--json")
    assert regime(by_line(flagged)[huawei], "ndaa-889")["decision"] == "prohibited"


def test_without_a_profile_the_buyer_facts_are_missing() -> None:
    huawei = by_line(netvet(str(LINES), *DAY, "--json"))[line_of("MA5800-X7")]
    assert regime(huawei, "ndaa-889")["decision"] == "needs-information"
    assert "whether the buyer is a federal contractor" in huawei["missing"]


def test_table_and_output_file(tmp_path: Path) -> None:
    done = netvet(str(LINES), *DAY, "--profile", str(PROFILE))
    assert done.returncode == 0 and "Purchase review as of 2026-11-23" in done.stdout
    assert "prohibited" in done.stdout and "needs-information" in done.stdout
    out = tmp_path / "purchase.json"
    written = netvet(str(LINES), *DAY, "--json", "-o", str(out))
    assert written.returncode == 0 and written.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) >= 10


def test_fail_on_prohibited_exits_1() -> None:
    assert netvet(str(LINES), *DAY, "--profile", str(PROFILE), "--fail-on", "prohibited").returncode == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.csv",), "missing.csv: no such file"),
        (("--as-of", "someday"), "--as-of: not a date"),
        (("--fail-on", "allowed"), "--fail-on takes"),
    ],
)
def test_bad_input_exits_2_naming_it(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    first = () if args[0] == "missing.csv" else (str(LINES),)
    done = netvet(*first, *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr


def test_file_without_usable_columns_exits_2_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "po.csv"
    path.write_text("Site,Cost\nHQ,10\n", encoding="utf-8")
    done = netvet(str(path), cwd=tmp_path)
    assert done.returncode == 2 and "po.csv: line 1" in done.stderr


def test_bad_profile_exits_2_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("organisation: {usf_recipient: sometimes}\n", encoding="utf-8")
    done = netvet(str(LINES), "--profile", str(path), cwd=tmp_path)
    assert done.returncode == 2 and "organisation.usf_recipient" in done.stderr


def test_each_flag_overrides_only_its_own_profile_fact() -> None:
    from netvet.cli.purchase import organisation
    from netvet.model import Organisation

    assert organisation(PROFILE, None, None, None) == Organisation(False, True, 4200)
    assert organisation(PROFILE, True, None, 12) == Organisation(True, True, 12)
    assert organisation(PROFILE, None, False, None) == Organisation(False, False, 4200)
    assert organisation(None, None, None, None) == Organisation()
