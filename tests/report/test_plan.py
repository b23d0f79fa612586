"""The rip-and-replace plan from a real stored run, priced with the shipped example catalogue."""

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from netvet.errors import SourceError
from netvet.findings.record import FindingRecord
from netvet.model import Determination, Status
from netvet.report.catalogue import STAGE_ORDER, Catalogue, parse_catalogue
from netvet.report.plan import build_plan
from netvet.report.run import StoredRun, records_with
from tests.report.conftest import EXAMPLES, Store, pdf_pages, pdf_text, report, without_regime

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    path = EXAMPLES / "cost_catalogue.yaml"
    parsed, issues = parse_catalogue(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    assert issues == []
    return parsed


def test_the_shipped_catalogue_gives_every_row_a_source(catalogue: Catalogue) -> None:
    assert len(catalogue.rows) >= 15
    assert all(row.source and row.low <= row.high for row in catalogue.rows.values())


def test_every_covered_item_is_in_one_step_and_priced_from_the_catalogue(
    store: Store, catalogue: Catalogue
) -> None:
    plan = build_plan(store.carrier, catalogue)
    covered = list(records_with(store.carrier, "fcc-covered-list", "covered"))
    assert sum(g.count for g in plan.groups) == len(covered)
    for g in plan.groups:
        row = catalogue.rows.get(g.category)
        assert (g.low, g.high) == ((row.low * g.count, row.high * g.count) if row else (None, None))
    assert plan.low == sum(g.low or 0 for g in plan.groups)
    assert plan.unpriced == tuple(
        sorted({g.category for g in plan.groups if g.category not in catalogue.rows})
    )


def test_upstream_before_downstream_within_each_site(store: Store, catalogue: Catalogue) -> None:
    plan = build_plan(store.carrier, catalogue)
    assert [g.step for g in plan.groups] == list(range(1, len(plan.groups) + 1))
    sites = {g.site for g in plan.groups}
    for site in sites:
        stages = [STAGE_ORDER.index(g.stage) for g in plan.groups if g.site == site]
        assert stages == sorted(stages), site
    mixed = [s for s in sites if len({g.stage for g in plan.groups if g.site == s}) > 1]
    assert mixed, "the example has sites with more than one stage"


def with_reimbursement(run: StoredRun) -> StoredRun:
    """The run as if it had asked fcc-reimbursement: eligible when obtained by 2020-06-30."""
    records: list[FindingRecord] = []
    for r in without_regime(run, "fcc-reimbursement").records:
        eligible = r.acquired is not None and r.acquired <= date(2020, 6, 30)
        status = Status.COVERED if eligible else Status.NOT_COVERED
        det = Determination(regime="fcc-reimbursement", status=status, reason="test", citation="")
        records.append(replace(r, determinations=(*r.determinations, det)))
    return replace(run, records=tuple(records))


def test_reimbursement_is_unknown_without_the_regime_and_counted_with_it(
    store: Store, catalogue: Catalogue
) -> None:
    plain = build_plan(without_regime(store.carrier, "fcc-reimbursement"), catalogue)
    assert not plain.reimbursement_known
    assert all(g.reimbursement.startswith("unknown") for g in plain.groups)
    known = build_plan(with_reimbursement(store.carrier), catalogue)
    assert any("eligible" in g.reimbursement for g in known.groups)
    counted = sum(int(part.split()[0]) for g in known.groups for part in g.reimbursement.split(", "))
    assert counted == sum(g.count for g in known.groups)


def test_pdf_and_charts(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "rip-and-replace", "--costs", str(EXAMPLES / "cost_catalogue.yaml"))
    assert done.returncode == 0, done.stderr
    plan = build_plan(
        store.carrier, parse_catalogue(yaml.safe_load((EXAMPLES / "cost_catalogue.yaml").read_text()), "c")[0]
    )
    sites = ET.parse(tmp_path / "rip-and-replace-sites.svg").getroot()
    assert len(sites.findall(f"{SVG}rect")) == len(plan.by_site)
    costs = ET.parse(tmp_path / "rip-and-replace-costs.svg").getroot()
    assert len(costs.findall(f"{SVG}rect")) == 2 * len(plan.by_category)
    assert len(pdf_pages(tmp_path / "rip-and-replace.pdf", tmp_path / "png")) >= 3
    text = " ".join(pdf_text(tmp_path / "rip-and-replace.pdf").split())
    assert "Order of work" in text and "Cost sources" in text and "illustrative" in text
    assert all(site in text for site, _ in plan.by_site)


def test_a_run_without_covered_items_has_nothing_to_replace(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "rip-and-replace", run=store.clean.id)
    assert done.returncode == 0, done.stderr
    assert "No covered items: nothing to replace." in pdf_text(tmp_path / "rip-and-replace.pdf")


def test_bad_catalogue_rows_are_issues_naming_the_row() -> None:
    rows = [
        {
            "category": "olt",
            "stage": "aggregation",
            "replacement": "OLT",
            "low": 1,
            "high": 2,
            "source": "quote",
        },
        {"category": "ont", "stage": "cpe", "replacement": "ONT", "low": 1, "high": 2},
        {"category": "switch", "stage": "edge", "replacement": "s", "low": 1, "high": 2, "source": "q"},
        {"category": "router", "stage": "core", "replacement": "r", "low": 9, "high": 2, "source": "q"},
    ]
    parsed, issues = parse_catalogue({"rows": rows}, "costs.yaml")
    assert list(parsed.rows) == ["olt"]
    assert [(i.locator, i.field) for i in issues] == [
        ("row 2", "source"),
        ("row 3", "stage"),
        ("row 4", "low"),
    ]


def test_a_file_that_is_not_a_catalogue_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a cost catalogue"):
        parse_catalogue(["a", "list"], "costs.yaml")
    bad = tmp_path / "costs.yaml"
    bad.write_text("rows: [unclosed", encoding="utf-8")
    done = report(store, tmp_path, "rip-and-replace", "--costs", str(bad))
    assert done.returncode == 2 and "not YAML" in done.stderr
    assert not (tmp_path / "rip-and-replace.pdf").exists()
