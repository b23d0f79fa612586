"""`netvet screen`, `netvet review` and `netvet kb diff` as a user runs them: real subprocesses,
a real kb folder with a real CSL import, a real SQLite store."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_netvet

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "csl" / "consolidated_sample.csv"
INVENTORY = ROOT / "examples" / "carrier_inventory.csv"
ZTE_PARSIAN = "ear-entity-list/dd533a593568a5ba9078900c345859e7fd4f414f3015f254f5633ecf"
SUPPLIERS = "supplier_id,Company,buyer\nS1,ZTE Corporation,bob\nS2,ZTE Parsian,dan\n" + (
    "S3,,carol\nS4,Acme Widgets Inc,eve\n"
)


def netvet(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The command in `home`: its kb folder (when it has one) and its store."""
    env = {**os.environ, "NETVET_DB_URL": f"sqlite:///{home / 'store.db'}"}
    env.pop("NETVET_KB_DIR", None)
    if (home / "kb").exists():
        env["NETVET_KB_DIR"] = str(home / "kb")
    return run_netvet(*args, cwd=home, env=env)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    done = netvet(
        "kb",
        "import",
        "csl",
        str(SAMPLE),
        "--version",
        "2023-11-30",
        "--kb-dir",
        str(folder / "kb"),
        "--allow-shrink",  # the sample is an 18-row excerpt: fewer Entity List rows than the packaged kb
        home=folder,
    )
    assert done.returncode == 0, done.stderr
    (folder / "suppliers.csv").write_text(SUPPLIERS, encoding="utf-8")
    return folder


def clear_count(summary: str) -> int:
    """The 'clear' count of the summary's verdict table."""
    found = re.search(r"clear\s*│\s*(\d+)", summary)
    return int(found.group(1)) if found else 0


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_screen_csv_keeps_the_users_columns(home: Path) -> None:
    done = netvet("screen", "--names", "suppliers.csv", "--purpose", "procurement", "--csv", home=home)
    assert done.returncode == 0, done.stderr
    rows = rows_of(done.stdout)
    assert list(rows[0])[:3] == ["supplier_id", "Company", "buyer"]
    assert [r["verdict"] for r in rows] == ["hit", "clear", "unknown", "clear"]
    assert rows[0]["entity"] == "zte-corporation" and "fcc-covered-list" in rows[0]["lists"]
    assert "line 4" in done.stderr and "not screened" in done.stderr


def test_screen_export_json_and_fail_on(home: Path) -> None:
    out = home / "export.json"
    done = netvet(
        "screen",
        "--names",
        "suppliers.csv",
        "--purpose",
        "export",
        "--json",
        "-o",
        str(out),
        "--fail-on",
        "hit",
        home=home,
    )
    assert done.returncode == 1, done.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["verdict"] for r in records] == ["clear", "hit", "unknown", "clear"]
    assert (
        records[1]["entity"] == ZTE_PARSIAN
        and records[1]["matches"][0]["hits"][0]["list"] == "ear-entity-list"
    )


def test_export_screening_uses_the_packaged_entity_list_until_a_csl_is_imported(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "s.csv").write_text(SUPPLIERS, encoding="utf-8")
    env_home = tmp_path
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from netvet.cli import main; main()",
            "screen",
            "--names",
            "s.csv",
            "--purpose",
            "export",
            "--csv",
        ],
        cwd=env_home,
        env={k: v for k, v in os.environ.items() if k != "NETVET_KB_DIR"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = {r["supplier_id"]: r for r in csv.DictReader(io.StringIO(done.stdout))}
    # The packaged kb's curated Entity List knows the kb's makers; ZTE Parsian is only on the CSL.
    assert rows["S2"]["verdict"] == "clear" and rows["S3"]["verdict"] == "unknown"


def test_review_mark_applies_to_screen_and_match_then_is_superseded(home: Path) -> None:
    marked = netvet(
        "review",
        "mark",
        "zte parsian",
        "--entity",
        ZTE_PARSIAN,
        "--decision",
        "false-positive",
        "--reason",
        "our customer is ZTE Parsian Trading of Dubai",
        "--author",
        "dan",
        home=home,
    )
    assert marked.returncode == 0, marked.stderr
    done = netvet("screen", "--names", "suppliers.csv", "--purpose", "export", "--csv", home=home)
    row = rows_of(done.stdout)[1]
    assert row["verdict"] == "clear" and "false-positive by dan" in row["decision"]
    again = netvet(
        "review",
        "mark",
        "ZTE Parsian",
        "--entity",
        ZTE_PARSIAN,
        "--decision",
        "confirmed",
        "--reason",
        "same party after all",
        "--author",
        "eve",
        "--expires",
        "2099-01-01",
        home=home,
    )
    assert again.returncode == 0, again.stderr
    done = netvet("screen", "--names", "suppliers.csv", "--purpose", "export", "--csv", home=home)
    assert rows_of(done.stdout)[1]["verdict"] == "hit"
    listed = json.loads(netvet("review", "list", "--json", home=home).stdout)
    assert [(d["author"], d["state"]) for d in listed] == [("dan", "superseded"), ("eve", "in force")]


def test_bad_review_input_is_a_usage_error(home: Path) -> None:
    done = netvet(
        "review",
        "mark",
        "x",
        "--entity",
        "y",
        "--decision",
        "maybe",
        "--reason",
        "r",
        "--author",
        "a",
        home=home,
    )
    assert done.returncode == 2 and "false-positive or confirmed" in done.stderr


def test_kb_diff_between_two_imports(home: Path, tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
    smaller = [r for r in rows if r[5] != "ZTE Parsian"]
    with (tmp_path / "v2.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(smaller)
    done = netvet("kb", "import", "csl", str(tmp_path / "v2.csv"), "--version", "2023-12-15", home=home)
    assert done.returncode == 0, done.stderr
    diff = json.loads(netvet("kb", "diff", "ear-entity-list", "--json", home=home).stdout)[0]
    assert (
        diff["removed"] == [{"id": ZTE_PARSIAN.split("/")[1], "text": "ZTE Parsian"}] and diff["added"] == []
    )
    assert diff["from"].startswith("2023-11-30") and diff["to"].startswith("2023-12-15")
    bad = netvet("kb", "diff", "ear-entity-list", "--from", "2020-01-01", home=home)
    assert bad.returncode == 2 and "matches no version" in bad.stderr


def test_match_shows_a_decision_and_suppresses_the_match(tmp_path: Path) -> None:
    marked = netvet(
        "review",
        "mark",
        "Zhongxing Telecom",
        "--entity",
        "zte-corporation",
        "--decision",
        "false-positive",
        "--reason",
        "a reseller, not ZTE",
        "--author",
        "ann",
        "--db",
        f"sqlite:///{tmp_path / 'other.db'}",
        home=tmp_path,
    )
    assert marked.returncode == 0, marked.stderr
    plain = json.loads(netvet("match", "ZTE Corporation", "--json", home=tmp_path).stdout)[0]["matches"][0]
    assert plain["entity"]["id"] == "zte-corporation" and not plain["suppressed"]
    found = netvet(
        "match", "ZTE Corporation", "--json", "--db", f"sqlite:///{tmp_path / 'other.db'}", home=tmp_path
    )
    assert json.loads(found.stdout)[0]["matches"][0]["decision"] is None
    marked = netvet(
        "review",
        "mark",
        "ZTE Corporation",
        "--entity",
        "zte-corporation",
        "--decision",
        "false-positive",
        "--reason",
        "test",
        "--author",
        "ann",
        "--db",
        f"sqlite:///{tmp_path / 'other.db'}",
        home=tmp_path,
    )
    found = netvet(
        "match", "zte corporation", "--json", "--db", f"sqlite:///{tmp_path / 'other.db'}", home=tmp_path
    )
    top = json.loads(found.stdout)[0]["matches"][0]
    assert top["suppressed"] and top["decision"]["author"] == "ann"


def test_scan_applies_a_false_positive_to_the_asset(tmp_path: Path) -> None:
    args = ("scan", str(INVENTORY), "--as-of", "2026-11-23", "--json", "--no-store")
    first = json.loads(netvet(*args, home=tmp_path).stdout)
    clear_before = clear_count(netvet(*args[:-2], "--no-store", home=tmp_path).stdout)
    target = next(
        r for r in first if r["verdict"] == "covered" and r["manufacturer"] and r["manufacturer"]["id"]
    )
    marked = netvet(
        "review",
        "mark",
        target["asset"],
        "--entity",
        target["manufacturer"]["id"],
        "--decision",
        "false-positive",
        "--reason",
        "a relabelled third-party device",
        "--author",
        "ops",
        home=tmp_path,
    )
    assert marked.returncode == 0, marked.stderr
    second = {r["asset"]: r for r in json.loads(netvet(*args, home=tmp_path).stdout)}
    reviewed = second[target["asset"]]
    assert reviewed["verdict"] == "clear" and reviewed["verdict_before_review"] == "covered"
    assert reviewed["review"]["reason"] == "a relabelled third-party device"
    assert clear_count(netvet(*args[:-2], "--no-store", home=tmp_path).stdout) == clear_before + 1
    others = [r for r in first if r["asset"] != target["asset"]]
    assert all(second[r["asset"]]["verdict"] == r["verdict"] for r in others)


def test_screen_reads_a_country_column_and_flags_an_unknown_country(home: Path) -> None:
    (home / "placed.csv").write_text(
        "Company,Country\nDahua Technology,United States\nDahua Technology,China\n"
        "Z-TEC,KR\nZ-TEC,\nHuawei Device,Narnia\n",
        encoding="utf-8",
    )
    done = netvet("screen", "--names", "placed.csv", "--purpose", "procurement", "--csv", home=home)
    assert done.returncode == 0, done.stderr
    rows = rows_of(done.stdout)
    assert [r["entity"] for r in rows] == [
        "dahua-technology-usa",
        "dahua-technology",
        "",
        "ztec-instruments",
        "huawei-device",
    ]
    assert "the countries agree" in rows[0]["reasons"] and rows[2]["verdict"] == "clear"
    assert "line 6" in done.stderr and "Narnia" in done.stderr


def test_country_column_option_and_match_country(home: Path) -> None:
    (home / "located.csv").write_text("party,hq\nZ-TEC,Korea\n", encoding="utf-8")
    args = ("screen", "--names", "located.csv", "--purpose", "procurement", "--csv")
    plain = rows_of(netvet(*args, home=home).stdout)
    chosen = rows_of(netvet(*args, "--country-column", "hq", home=home).stdout)
    assert plain[0]["entity"] == "ztec-instruments" and chosen[0]["entity"] == ""
    bad = netvet(*args, "--country-column", "nation", home=home)
    assert bad.returncode != 0 and "--country-column 'nation'" in bad.stderr
    us = json.loads(netvet("match", "Dahua Technology", "--country", "US", "--json", home=home).stdout)
    assert us[0]["matches"][0]["entity"]["id"] == "dahua-technology-usa"
    wrong = netvet("match", "Dahua Technology", "--country", "Narnia", home=home)
    assert wrong.returncode != 0 and "Narnia" in wrong.stderr


def test_screen_reads_identifier_columns_and_match_takes_identifiers(home: Path) -> None:
    # ZTE's IANA PEN (3902, in the kb) finds ZTE under a name that shares no word with it.
    (home / "pens.csv").write_text("supplier,IANA PEN\nShenzhen Telecom Gear Maker,03902\n", encoding="utf-8")
    done = netvet("screen", "--names", "pens.csv", "--purpose", "procurement", "--csv", home=home)
    assert done.returncode == 0, done.stderr
    row = rows_of(done.stdout)[0]
    assert row["entity"] == "zte-corporation" and row["verdict"] == "hit"
    assert "IANA PEN) is equal on both sides" in row["reasons"]
    args = ("match", "Shenzhen Telecom Gear Maker", "--json")
    found = json.loads(netvet(*args, "--identifier", "pen=3902", home=home).stdout)
    assert found[0]["matches"][0]["entity"]["id"] == "zte-corporation"
    assert json.loads(netvet(*args, home=home).stdout)[0]["matches"] == []
    bad = netvet(*args, "--identifier", "duns=123", home=home)
    assert bad.returncode != 0 and "--identifier 'duns=123'" in bad.stderr
