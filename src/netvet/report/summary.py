"""Counts by verdict, by regime and status, and by manufacturer; the first covered assets.
The Tally is fed one finding at a time, or one group of identical answers at a time."""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from netvet.model import Determination, Entity, Finding, Status, Verdict

COVERED_SHOWN = 50


@dataclass(frozen=True, slots=True)
class Summary:
    """What a person reads first after a scan."""

    assets: int
    by_verdict: dict[str, int]
    by_regime: dict[str, dict[str, int]]
    by_manufacturer: list[tuple[str, int, int]]
    covered: list[tuple[str, str, str]]
    covered_total: int
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


def covered_line(determinations: Iterable[Determination]) -> str:
    """The first binding covered determination's one-line reason, with its regime."""
    first = next(d for d in determinations if d.status == Status.COVERED and not d.informational)
    return f"{first.regime}: {first.reason}"


@dataclass(slots=True)
class Tally:
    """Running counts of a scan."""

    entities: Mapping[str, Entity]
    assets: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    regimes: dict[str, Counter[str]] = field(default_factory=dict)
    makers: Counter[str] = field(default_factory=Counter)
    covered_makers: Counter[str] = field(default_factory=Counter)
    covered: list[tuple[str, str, str]] = field(default_factory=list)

    def add(
        self, verdict: Verdict, determinations: Sequence[Determination], maker: str | None, count: int = 1
    ) -> None:
        """Count `count` assets that share one answer."""
        label = maker_label(self.entities, maker)
        self.assets += count
        self.verdicts[str(verdict)] += count
        for d in determinations:
            self.regimes.setdefault(d.regime, Counter())[str(d.status)] += count
        self.makers[label] += count
        if verdict == Verdict.COVERED:
            self.covered_makers[label] += count

    def add_finding(self, finding: Finding) -> None:
        """Count one finding and keep it for the covered table when it is covered."""
        self.add(finding.verdict, finding.determinations, finding.attribution.manufacturer)
        if finding.verdict == Verdict.COVERED and len(self.covered) < COVERED_SHOWN:
            maker = maker_label(self.entities, finding.attribution.manufacturer)
            self.covered.append((asset_label(finding), maker, covered_line(finding.determinations)))

    def summary(self, issues: int) -> Summary:
        """The counts as a Summary."""
        return Summary(
            assets=self.assets,
            by_verdict={v.value: self.verdicts.get(v.value, 0) for v in Verdict},
            by_regime={r: dict(c) for r, c in self.regimes.items()},
            by_manufacturer=[(m, n, self.covered_makers[m]) for m, n in self.makers.most_common()],
            covered=list(self.covered),
            covered_total=self.covered_makers.total(),
            issues=issues,
        )


def summarize(findings: Iterable[Finding], entities: Mapping[str, Entity], issues: int) -> Summary:
    """Counts and the first covered assets of a list of findings."""
    tally = Tally(entities)
    for finding in findings:
        tally.add_finding(finding)
    return tally.summary(issues)
