"""What the dashboard pages show, computed from the shared reads: the trend chart across runs, the
review queue, an asset's ownership path, and the findings a list change now hits. Pure functions:
the routes read the store and pass values in."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netvet.findings.record import FindingRecord
from netvet.kb.diff import ListDiff
from netvet.model.vocab import Verdict
from netvet.report.charts import INK, frame
from netvet.service.queries import FindingFilter, RunSummary

VERDICTS = ("covered", "review", "unknown", "clear")
COLOURS = {"covered": "#dc2626", "review": "#d97706", "unknown": "#6b7280", "clear": "#16a34a"}
FILTER_FIELDS = ("verdict", "regime", "status", "manufacturer", "site", "text")
PLOT_X, PLOT_W, PLOT_H = 60, 600, 160


def finding_filter(params: dict[str, str]) -> FindingFilter:
    """The filter a findings form asks for: empty fields keep everything."""
    given = {k: params[k].strip() for k in FILTER_FIELDS if params.get(k, "").strip()}
    return FindingFilter(**given)


def x_of(i: int, runs: int) -> float:
    """The x position of the i-th of `runs` runs."""
    return PLOT_X + i * PLOT_W / max(runs - 1, 1)


def verdict_line(runs: Sequence[RunSummary], verdict: str, row: int, top: int) -> list[str]:
    """One verdict's count over the runs as a polyline, and its legend."""
    points = " ".join(
        f"{x_of(i, len(runs)):.1f},{40 + PLOT_H - PLOT_H * r.counts.get(verdict, 0) / top:.1f}"
        for i, r in enumerate(runs)
    )
    colour = COLOURS[verdict]
    return [
        f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>',
        f'<text x="{PLOT_X + PLOT_W + 8}" y="{54 + row * 16}" fill="{colour}">{verdict}</text>',
    ]


def run_labels(runs: Sequence[RunSummary]) -> list[str]:
    """'#id' under each run's position."""
    return [
        f'<text x="{x_of(i, len(runs)):.1f}" y="{58 + PLOT_H}" text-anchor="middle" fill="{INK}">'
        f"#{r.id}</text>"
        for i, r in enumerate(runs)
    ]


def trend_chart(newest_first: Sequence[RunSummary]) -> str:
    """An SVG line per verdict: how many assets each run found covered, review, unknown, clear."""
    runs = list(reversed(newest_first))
    top = max((n for r in runs for n in r.counts.values()), default=0) or 1
    body = [
        f'<text x="0" y="44" fill="{INK}">{top}</text>',
        f'<text x="0" y="{40 + PLOT_H}" fill="{INK}">0</text>',
    ]
    for row, verdict in enumerate(VERDICTS):
        body += verdict_line(runs, verdict, row, top)
    return frame("Assets by verdict across runs", 9, body + run_labels(runs))


def review_queue(records: Iterable[FindingRecord]) -> list[FindingRecord]:
    """Findings waiting for a person: verdict review, a known maker, and no decision in force yet."""
    return [
        r
        for r in records
        if r.verdict is Verdict.REVIEW and r.manufacturer and r.manufacturer.id and r.review is None
    ]


def find_asset(records: Iterable[FindingRecord], key: str) -> FindingRecord | None:
    """The record of one asset key, or None."""
    return next((r for r in records if r.asset == key), None)


@dataclass(frozen=True, slots=True)
class PathStep:
    """One entity on an ownership path, as the page shows it."""

    id: str
    name: str


def ownership_path(record: FindingRecord) -> list[PathStep]:
    """The longest ownership path a determination followed (maker -> ... -> the listed owner),
    named from the record's manufacturer and controller where they are on it."""
    longest = max((d.path for d in record.determinations), key=len, default=())
    names = {p.id: p.name or p.id for p in (record.manufacturer, record.controller) if p and p.id}
    return [PathStep(step, names.get(step, step)) for step in longest]


def list_versions_used(record: FindingRecord) -> list[tuple[str, str]]:
    """(regime, list version) for each determination that read a list."""
    return [(d.regime, d.list_version.isoformat()) for d in record.determinations if d.list_version]


def changed_entry_ids(diff: ListDiff) -> set[str]:
    """The entries a list change added or changed (removed ones hit nothing any more)."""
    return {str(e["id"]) for e in diff.added} | {c.id for c in diff.changed}


def hit_by_change(records: Iterable[FindingRecord], diff: ListDiff) -> list[FindingRecord]:
    """The findings whose determinations now rest on an entry the change added or changed."""
    entries = changed_entry_ids(diff)
    return [r for r in records if any(d.entry in entries for d in r.determinations)]
