"""The rip-and-replace plan: per site, covered items grouped by function, their replacement, cost
range from the catalogue, reimbursement eligibility and the order of work (upstream first)."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from netvet.findings.record import FindingRecord
from netvet.model import Status
from netvet.report.catalogue import STAGE_ORDER, Catalogue, CostRow, Stage
from netvet.report.run import StoredRun, asset_name, determination, records_with

PLAN_REGIME, REIMBURSEMENT_REGIME = "fcc-covered-list", "fcc-reimbursement"
NO_SITE = "(no site given)"


@dataclass(frozen=True, slots=True)
class PlanGroup:
    """The covered items of one category at one site, as one step of work."""

    step: int
    site: str
    category: str
    stage: Stage
    count: int
    assets: tuple[str, ...]
    cost: CostRow | None
    low: float | None
    high: float | None
    reimbursement: str


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan of one run: steps by site, totals, chart data and what could not be priced."""

    run: StoredRun
    catalogue: Catalogue
    groups: tuple[PlanGroup, ...]
    by_site: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, float, float], ...]
    low: float
    high: float
    unpriced: tuple[str, ...]
    reimbursement_known: bool


def reimbursement_of(records: Sequence[FindingRecord], known: bool) -> str:
    """Eligibility of a group's items under fcc-reimbursement (47 CFR 1.50004), counted by answer."""
    if not known:
        return "unknown (no fcc-reimbursement determination in the run)"
    words = {"covered": "eligible", "not-covered": "not eligible", "review": "review", "unknown": "unknown"}
    counts: Counter[str] = Counter()
    for record in records:
        found = determination(record, REIMBURSEMENT_REGIME)
        counts[words.get(str(found.status) if found else "unknown", "unknown")] += 1
    return ", ".join(f"{n} {word}" for word, n in sorted(counts.items()))


def group_records(run: StoredRun) -> dict[tuple[str, str], list[FindingRecord]]:
    """Covered records by (site, category)."""
    groups: dict[tuple[str, str], list[FindingRecord]] = {}
    for record in records_with(run, PLAN_REGIME, Status.COVERED):
        key = (record.site or NO_SITE, record.category or "other")
        groups.setdefault(key, []).append(record)
    return groups


def stage_of(catalogue: Catalogue, category: str) -> Stage:
    """A category's stage from the catalogue, OTHER when it is not there."""
    row = catalogue.rows.get(category)
    return row.stage if row else Stage.OTHER


def work_order(catalogue: Catalogue, key: tuple[str, str]) -> tuple[str, int, str]:
    """Sites in name order; within a site upstream (core) before downstream (CPE)."""
    site, category = key
    return site, STAGE_ORDER.index(stage_of(catalogue, category)), category


def plan_group(
    step: int, key: tuple[str, str], records: list[FindingRecord], cat: Catalogue, known: bool
) -> PlanGroup:
    """One step: a site's items of one category, priced when the catalogue has the category."""
    row = cat.rows.get(key[1])
    n = len(records)
    return PlanGroup(
        step,
        key[0],
        key[1],
        stage_of(cat, key[1]),
        n,
        tuple(asset_name(r) for r in records),
        row,
        row.low * n if row else None,
        row.high * n if row else None,
        reimbursement_of(records, known),
    )


def build_plan(run: StoredRun, catalogue: Catalogue) -> Plan:
    """The rip-and-replace plan of a stored run priced with a cost catalogue."""
    known = REIMBURSEMENT_REGIME in run.regimes
    grouped = group_records(run)
    keys = sorted(grouped, key=lambda k: work_order(catalogue, k))
    groups = tuple(plan_group(i, k, grouped[k], catalogue, known) for i, k in enumerate(keys, start=1))
    sites: Counter[str] = Counter()
    costs: dict[str, tuple[float, float]] = {}
    for g in groups:
        sites[g.site] += g.count
        if g.low is not None and g.high is not None:
            low, high = costs.get(g.category, (0.0, 0.0))
            costs[g.category] = (low + g.low, high + g.high)
    return Plan(
        run,
        catalogue,
        groups,
        tuple(sorted(sites.items(), key=lambda s: (-s[1], s[0]))),
        tuple(sorted(((c, lo, hi) for c, (lo, hi) in costs.items()), key=lambda c: -c[2])),
        sum(lo for lo, _ in costs.values()),
        sum(hi for _, hi in costs.values()),
        tuple(sorted({g.category for g in groups if g.cost is None})),
        known,
    )
