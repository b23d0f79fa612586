"""The FCC Supply Chain Annual Report (47 CFR 1.50007) from a real stored run, read back the way a
filer would: the CSV with the csv module, the workbook with openpyxl."""

import csv
import re
from dataclasses import replace
from pathlib import Path

import openpyxl

from netvet.model import Determination, Status
from netvet.report.annual import build_annual
from netvet.report.run import StoredRun, records_with
from netvet.report.sites import Site
from tests.report.conftest import EXAMPLES, Store, report, without_regime

FCC_FIELDS = [
    "Location name",
    "Location type",
    "Latitude",
    "Longitude",
    "Address",
    "Operational status",
    "Make",
    "Model",
    "Equipment type",
    "Date obtained",
    "Cost (USD)",
    "Removal or replacement plan",
]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_and_xlsx_list_every_covered_item_with_the_fcc_fields(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "fcc-annual", "--sites", str(EXAMPLES / "sites.csv"))
    assert done.returncode == 0, done.stderr
    covered = list(records_with(store.carrier, "fcc-annual-report", "covered"))
    rows = read_csv(tmp_path / "fcc-annual-report.csv")
    assert len(rows) == len(covered) > 0
    assert list(rows[0])[:12] == FCC_FIELDS
    assert [r["Asset"] for r in rows] == [r.identifiers.hostname or r.asset for r in covered]
    book = openpyxl.load_workbook(tmp_path / "fcc-annual-report.xlsx", read_only=True)
    assert book.sheetnames == [
        "Covered items",
        "Certification",
        "Needs review",
        "Missing facts",
        "Sites file issues",
    ]
    sheet = list(book["Covered items"].values)
    assert list(sheet[0])[:12] == FCC_FIELDS
    assert len(sheet) - 1 == len(rows)
    book.close()


def test_site_facts_are_joined_and_coordinates_have_six_decimals(store: Store, tmp_path: Path) -> None:
    report(store, tmp_path, "fcc-annual", "--sites", str(EXAMPLES / "sites.csv"))
    rows = read_csv(tmp_path / "fcc-annual-report.csv")
    tower = next(r for r in rows if r["Location name"] == "Tower 23 Rio Blanco")
    assert (tower["Location type"], tower["Latitude"], tower["Longitude"]) == (
        "tower",
        "39.742003",
        "-107.952004",
    )
    assert all(re.fullmatch(r"-?\d+\.\d{6}", r["Latitude"]) for r in rows if r["Latitude"])
    assert all(r["Cost (USD)"] == "" or re.fullmatch(r"\d+\.\d\d", r["Cost (USD)"]) for r in rows)


def test_blank_facts_are_listed_with_the_reason(store: Store, tmp_path: Path) -> None:
    report(store, tmp_path, "fcc-annual", "--sites", str(EXAMPLES / "sites.csv"))
    rows = read_csv(tmp_path / "fcc-annual-report.csv")
    missing = read_csv(tmp_path / "fcc-annual-report-missing.csv")
    blanks = sum(1 for r in rows for f in FCC_FIELDS if not r[f])
    assert len(missing) == blanks > 0
    premises = [m for m in missing if m["Field"] == "Latitude"]
    assert premises and all("has no latitude in the sites file" in m["Why it is blank"] for m in premises)


def test_without_a_sites_file_every_location_fact_is_missing(store: Store, tmp_path: Path) -> None:
    report(store, tmp_path, "fcc-annual")
    missing = read_csv(tmp_path / "fcc-annual-report-missing.csv")
    assert any("is not in the sites file" in m["Why it is blank"] for m in missing)


def test_a_bad_sites_row_is_an_issue_naming_the_file_and_line(store: Store, tmp_path: Path) -> None:
    sites = tmp_path / "sites.csv"
    sites.write_text(
        "site,type,latitude,longitude,address\nTower 23 Rio Blanco,tower,139.5,-107.9,\n", encoding="utf-8"
    )
    done = report(store, tmp_path, "fcc-annual", "--sites", str(sites))
    assert done.returncode == 0, done.stderr
    assert f"{sites}:line 2 [latitude]" in done.stderr
    rows = read_csv(tmp_path / "fcc-annual-report.csv")
    assert all(r["Latitude"] == "" for r in rows)


def test_a_sites_file_without_the_columns_is_refused(store: Store, tmp_path: Path) -> None:
    sites = tmp_path / "sites.csv"
    sites.write_text("name,lat\nx,1\n", encoding="utf-8")
    done = report(store, tmp_path, "fcc-annual", "--sites", str(sites))
    assert done.returncode == 2
    assert "missing column(s) site, type, latitude, longitude, address" in done.stderr
    assert not (tmp_path / "fcc-annual-report.csv").exists()


def test_no_covered_items_gives_headers_only_and_the_negative_certification(
    store: Store, tmp_path: Path
) -> None:
    done = report(store, tmp_path, "fcc-annual", run=None)  # the latest run: the clean one
    assert done.returncode == 0, done.stderr
    with (tmp_path / "fcc-annual-report.csv").open(encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh)) == [list(read_header(tmp_path))]
    text = (tmp_path / "fcc-annual-report-certification.txt").read_text(encoding="utf-8")
    assert "has not purchased" in text and "no covered communications equipment" in text
    book = openpyxl.load_workbook(tmp_path / "fcc-annual-report.xlsx", read_only=True)
    assert len(list(book["Covered items"].values)) == 1
    book.close()


def read_header(folder: Path) -> list[str]:
    with (folder / "fcc-annual-report.csv").open(encoding="utf-8-sig") as fh:
        return next(csv.reader(fh))


def test_the_rule_used_is_stated(store: Store) -> None:
    built = build_annual(without_regime(store.carrier, "fcc-annual-report"), {})
    assert built.regime == "fcc-covered-list"
    assert "has no fcc-annual-report determination" in built.basis
    assert built.certification.startswith("DRAFT")


def with_annual_determination(run: StoredRun, covered_hosts: set[str]) -> StoredRun:
    """The run as if it had asked fcc-annual-report: covered only for the named hosts."""
    records = []
    for r in without_regime(run, "fcc-annual-report").records:
        status = Status.COVERED if r.identifiers.hostname in covered_hosts else Status.NOT_COVERED
        det = Determination(regime="fcc-annual-report", status=status, entry="x", reason="test", citation="")
        records.append(replace(r, determinations=(*r.determinations, det)))
    return replace(run, records=tuple(records))


def test_the_annual_report_determination_wins_when_the_run_has_it(store: Store) -> None:
    run = with_annual_determination(store.carrier, {"enb-twr23-01", "ont-sub-10443"})
    site = Site("Tower 23 Rio Blanco", "tower", 39.7420031, -107.952, None)
    built = build_annual(run, {site.name: site})
    assert built.regime == "fcc-annual-report"
    assert sorted(row[12] for row in built.rows) == ["enb-twr23-01", "ont-sub-10443"]
    tower = next(row for row in built.rows if row[12] == "enb-twr23-01")
    assert (tower[2], tower[3]) == ("39.742003", "-107.952000")
    assert not built.certification.startswith("DRAFT")
