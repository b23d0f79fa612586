"""What the pages compute: the filter of a form, the trend chart, the review queue, an asset's
ownership path and the findings a list change hits."""

import re
from datetime import UTC, date, datetime
from typing import Any

from netvet.findings.record import FindingRecord, Party
from netvet.kb.diff import EntryChange, ListDiff
from netvet.model.applied import AppliedReview, Decision, DecisionKind
from netvet.model.finding import Determination
from netvet.model.vocab import Status, Verdict
from netvet.service.queries import FindingFilter, RunSummary
from netvet.service.web.views import finding_filter, hit_by_change, ownership_path, review_queue, trend_chart


def run(i: int, **counts: int) -> RunSummary:
    now = datetime(2026, 11, 23, tzinfo=UTC)
    return RunSummary(i, now, now, date(2026, 11, 23), sum(counts.values()), counts, (), "0.1.0")


def record(asset: str, verdict: str, maker: str | None = "huawei", **extra: Any) -> FindingRecord:
    made = Party(maker, maker) if maker else None
    return FindingRecord(asset=asset, verdict=Verdict(verdict), manufacturer=made, **extra)


def det(path: tuple[str, ...] = (), entry: str | None = None) -> Determination:
    return Determination(regime="fcc", status=Status.COVERED, reason="", citation="", path=path, entry=entry)


CONFIRMED = AppliedReview(
    Decision("b", "huawei", DecisionKind.CONFIRMED, "seen", "me", datetime(2026, 11, 23, tzinfo=UTC))
)


def test_empty_form_fields_keep_everything() -> None:
    assert finding_filter({"verdict": "", "text": "  olt ", "site": " "}) == FindingFilter(text="olt")


def test_trend_draws_one_line_per_verdict_oldest_run_first() -> None:
    svg = trend_chart([run(2, covered=10, clear=0), run(1, covered=5, clear=10)])
    assert svg.count("<polyline") == 4
    covered = re.search(r'stroke="#dc2626"[^>]*points="([^"]+)"', svg)
    assert covered
    (x1, y1), (x2, y2) = (tuple(map(float, p.split(","))) for p in covered.group(1).split())
    assert x1 < x2 and y1 > y2  # run 1 (5 covered) left and lower than run 2 (10 covered)
    assert svg.index("#1<") < svg.index("#2<")


def test_review_queue_keeps_undecided_review_findings_of_a_known_maker() -> None:
    found = [
        record("a", "review"),
        record("b", "review", review=CONFIRMED),
        record("c", "covered"),
        record("d", "review", maker=None),
    ]
    assert [r.asset for r in review_queue(found)] == ["a"]


def test_ownership_path_is_the_longest_a_determination_followed() -> None:
    found = record(
        "a",
        "covered",
        maker="honor",
        controller=Party("huawei-holding", "Huawei Investment & Holding"),
        determinations=(det(("honor",)), det(("honor", "huawei-holding"))),
    )
    steps = ownership_path(found)
    assert [s.id for s in steps] == ["honor", "huawei-holding"]
    assert steps[1].name == "Huawei Investment & Holding"


def test_a_list_change_hits_findings_resting_on_added_or_changed_entries() -> None:
    diff = ListDiff(
        "fcc-covered-list",
        "old",
        "new",
        added=({"id": "e-new", "text": "x"},),
        removed=({"id": "e-gone", "text": "y"},),
        changed=(EntryChange("e-changed", "z", {"scope": ("a", "b")}),),
    )
    found = [
        record("a", "covered", determinations=(det(entry="e-new"),)),
        record("b", "covered", determinations=(det(entry="e-changed"),)),
        record("c", "covered", determinations=(det(entry="e-gone"),)),
        record("d", "clear", determinations=(det(),)),
    ]
    assert [r.asset for r in hit_by_change(found, diff)] == ["a", "b"]
