"""The Arrow batch path gives the row function's answers on every row (locators aside)."""

import csv
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from bench.make_inventory import write_inventory
from netvet.kb.loader import KnowledgeBase
from netvet.model import Finding, Issue
from netvet.pipeline.stream import ScanStream
from netvet.report.summary import Tally
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "examples" / "carrier_inventory.csv"


def comparable(finding: Finding) -> tuple[object, ...]:
    obs = replace(finding.observations[0], source=None)  # type: ignore[arg-type]
    return (obs, finding.attribution, finding.context, finding.determinations, finding.verdict)


def issue_kinds(issues: list[Issue]) -> Counter[tuple[str | None, str]]:
    return Counter((i.field, i.message) for i in issues if i.severity != "info" and i.field)


def both(
    kb: KnowledgeBase, path: Path, **kw: object
) -> tuple[ScanStream, list[Finding], ScanStream, list[Finding]]:
    row = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="row", **kw)  # type: ignore[arg-type]
    arrow = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="arrow", **kw)  # type: ignore[arg-type]
    return row, list(row.findings()), arrow, list(arrow.findings())


@pytest.mark.parametrize("default_use", [None, "county 911 dispatch"])
def test_sample_inventory_same_answers(kb: KnowledgeBase, default_use: str | None) -> None:
    row, row_found, arrow, arrow_found = both(kb, SAMPLE, default_use=default_use)
    assert len(row_found) == len(arrow_found) > 300
    for a, b in zip(row_found, arrow_found, strict=True):
        assert comparable(a) == comparable(b), a.observations[0].source
    assert issue_kinds(row.issues) == issue_kinds(arrow.issues)
    widths = [i for i in arrow.issues if "cells, the header has" in i.message]
    assert len(widths) == len([i for i in row.issues if "cells, the header has" in i.message]) == 2
    assert arrow.inputs[0].sha256 == row.inputs[0].sha256


def test_generated_inventory_same_answers_and_same_tally(
    kb: KnowledgeBase, shared: Path, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    write_inventory(path, rows=20_000, seed=11, data_dir=shared)
    _, row_found, arrow, arrow_found = both(kb, path)
    assert len(row_found) == len(arrow_found) >= 19_000
    mismatched = [
        a.asset for a, b in zip(row_found, arrow_found, strict=True) if comparable(a) != comparable(b)
    ]
    assert mismatched == []
    by_rows, by_groups = Tally(kb.entities), Tally(kb.entities)
    for finding in row_found:
        by_rows.add_finding(finding)
    ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="arrow").tally_only(by_groups)
    assert (by_rows.verdicts, by_rows.regimes, by_rows.makers) == (
        by_groups.verdicts,
        by_groups.regimes,
        by_groups.makers,
    )
    assert len(arrow.issues) > 0


def test_white_space_edges_are_stripped_alike(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "edges.csv"
    path.write_text(
        "Hostname,MAC Address,Vendor,IP Address,Cost\n"
        "a,00:e0:fc:12:34:5 , Huawei ,10.0.0.1 , 12\n"
        "b,  ,\u00a0Hikvision\u00a0, 10.0.0.300,$1\n"
        "c, 00e0fc123456,ZTE,,n/a\n"
        "d,\t,\t,\t,\t\n",
        encoding="utf-8",
    )
    row, row_found, arrow, arrow_found = both(kb, path)
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    assert issue_kinds(row.issues) == issue_kinds(arrow.issues)
    assert len(row_found) == 4


def test_banners_and_snmp_columns_give_the_same_answers(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "banners.csv"
    rows = [
        ("cam", "HTTP/1.0 401 Unauthorized\r\nServer: Hikvision-Webs\r\n", "", ""),
        ("sw", "SSH-2.0-HUAWEI-1.5\r\n", "", ""),
        ("sw2", " SSH-2.0-HUAWEI-1.5", "", ""),
        ("ap", "", "Linux 2.6.32.68 #1 Fri Dec 16 15:44:21 EET 2016 mips", "1.3.6.1.4.1.10002.1"),
        ("olt", "", "AN5516-01", "1.3.6.1.4.1.5875.800.1001.11"),
        ("blank", " \t", "", ""),
    ]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Hostname", "Banner", "sysDescr", "sysObjectID"])
        writer.writerows(rows)
    row, row_found, arrow, arrow_found = both(kb, path)
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    makers = [f.attribution.manufacturer for f in row_found]
    assert makers[:5] == ["hikvision", "huawei-technologies", "huawei-technologies", "ubiquiti", "fiberhome"]
    assert row_found[0].observations[0].banner.endswith("\r\n")  # type: ignore[union-attr]


def test_funding_and_acquisition_cut_offs_split_groups(kb: KnowledgeBase, tmp_path: Path) -> None:
    days = ["2018-08-13", "2018-08-14", "2020-06-30", "2020-07-01", "2021-01-18", "2021-01-19", ""]
    funding = ["USF High Cost", "private", "CARES", ""]
    lines = ["Hostname,Vendor,Model,Device Type,Purchase Date,Funding Source"]
    lines += [
        f"h{i}-{j},Huawei,S5720,Switch,{d},{f}" for i, d in enumerate(days) for j, f in enumerate(funding)
    ]
    path = tmp_path / "cutoffs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, row_found, _, arrow_found = both(kb, path)
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    status = {(f.observations[0].hostname, d.regime): d.status for f in arrow_found for d in f.determinations}
    assert status["h0-0", "fcc-annual-report"] != status["h1-0", "fcc-annual-report"]
    assert status["h2-0", "fcc-reimbursement"] != status["h3-0", "fcc-reimbursement"]
    assert len({status[f"h1-{j}", "fcc-subsidy"] for j in range(len(funding))}) == 3


def test_service_columns_give_the_same_answers(kb: KnowledgeBase, tmp_path: Path) -> None:
    lines = ["Hostname,Vendor,Device Type,Service,Serviced By,Funding Source,Intended Use"]
    lines += [
        "s1,China Telecom (Americas) Corp.,,IP transit,,USF high-cost,",
        "s2,China Telecom (Americas) Corp.,,colocation,,USF high-cost,",
        "s3,China Telecom (Americas) Corp.,router,,,USF high-cost,",
        "s4,Cisco,router,,ZTE Corporation,own capital,",
        "s5,Cisco,router,,Ericsson,own capital,",
        "s6,Hikvision,,managed video surveillance,,own capital,town hall",
        "s7,Huawei,,interconnection,,own capital,",
    ]
    path = tmp_path / "services.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, row_found, _, arrow_found = both(kb, path)
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    listed = [next(d.status for d in f.determinations if d.regime == "fcc-covered-list") for f in arrow_found]
    assert listed == ["covered", "review", "not-covered", "not-covered", "not-covered", "covered", "covered"]
    icts = {f.observations[0].hostname: f.determinations for f in arrow_found}
    assert "nexus-servicing" in next(d for d in icts["s4"] if d.regime == "icts-791").flags
    assert "nexus-servicing" not in next(d for d in icts["s5"] if d.regime == "icts-791").flags
