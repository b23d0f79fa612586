"""Counts by verdict, by regime and status, and by manufacturer; the covered assets' lines."""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netvet.model import Entity, Finding, Status, Verdict


@dataclass(frozen=True, slots=True)
class Summary:
    """What a person reads first after a scan."""

    assets: int
    by_verdict: dict[str, int]
    by_regime: dict[str, dict[str, int]]
    by_manufacturer: list[tuple[str, int, int]]
    covered: list[tuple[str, str, str]]
    issues: int


def maker_label(entities: Mapping[str, Entity], maker: str | None) -> str:
    """The maker's kb name, its registry name, or 'unknown'."""
    if maker is None:
        return "unknown"
    found = entities.get(maker)
    return found.name if found else maker.removeprefix("org:")


def asset_label(finding: Finding) -> str:
    """Hostname and model when known, else the asset key."""
    obs = finding.observations[0]
    name = obs.hostname or finding.asset
    return f"{name} ({obs.model})" if obs.model else name


def covered_line(finding: Finding) -> str:
    """The first covered determination's one-line reason, with its regime."""
    first = next(d for d in finding.determinations if d.status == Status.COVERED and not d.informational)
    return f"{first.regime}: {first.reason}"


def summarize(findings: Sequence[Finding], entities: Mapping[str, Entity], issues: int) -> Summary:
    """Counts and the covered assets of a scan."""
    verdicts = Counter(str(f.verdict) for f in findings)
    regimes: dict[str, Counter[str]] = {}
    makers: Counter[str] = Counter()
    covered_makers: Counter[str] = Counter()
    for f in findings:
        for d in f.determinations:
            regimes.setdefault(d.regime, Counter())[str(d.status)] += 1
        label = maker_label(entities, f.attribution.manufacturer)
        makers[label] += 1
        covered_makers[label] += f.verdict == Verdict.COVERED
    covered = [
        (asset_label(f), maker_label(entities, f.attribution.manufacturer), covered_line(f))
        for f in findings
        if f.verdict == Verdict.COVERED
    ]
    return Summary(
        assets=len(findings),
        by_verdict={v.value: verdicts.get(v.value, 0) for v in Verdict},
        by_regime={r: dict(c) for r, c in regimes.items()},
        by_manufacturer=[(m, n, covered_makers[m]) for m, n in makers.most_common()],
        covered=covered,
        issues=issues,
    )
