"""Spread group answers back over rows: findings for output, counts for the summary."""

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from netvet.attribute.mac_vector import BAD
from netvet.batch.engine import BatchEngine, BatchRows, Decided, observation_at
from netvet.model import Finding, SourceRef
from netvet.report.summary import Tally


def mac_text(value: int) -> str:
    """A 48-bit integer as aa:bb:cc:dd:ee:ff."""
    raw = f"{value:012x}"
    return ":".join(raw[i : i + 2] for i in range(0, 12, 2))


def findings_of(engine: BatchEngine, rows: BatchRows) -> Iterator[Finding]:
    """One Finding per kept row, equal to what the row function gives for it."""
    for position, row in enumerate(rows.kept):
        i = int(row)
        mac = mac_text(int(rows.macs[i])) if rows.macs[i] != BAD else None
        source = SourceRef(rows.path, f"row {rows.first_row + i + 1}")
        obs = observation_at(rows.columns, rows.carried, i, source, mac, engine.default_use)
        decided = rows.decided[int(rows.group[position])]
        evidence = engine.evidence_of(obs, int(rows.mac_class[i]))
        attr = replace(decided.attribution, evidence=evidence)
        ctx = engine.context_of(obs)
        yield Finding(obs.key, (obs,), attr, ctx, decided.determinations, decided.verdict)


@dataclass(slots=True)
class GroupCounts:
    """Rows per distinct answer, summed over batches, then counted into a Tally once."""

    counts: dict[int, tuple[Decided, int]] = field(default_factory=dict)

    def add(self, rows: BatchRows) -> None:
        """Count one batch group by group, without building a Finding per row."""
        per_group = np.bincount(rows.group, minlength=len(rows.decided))
        for decided, count in zip(rows.decided, per_group, strict=True):
            if count:
                _, before = self.counts.get(id(decided), (decided, 0))
                self.counts[id(decided)] = (decided, before + int(count))

    def into(self, tally: Tally) -> None:
        """Add every answer's rows to the tally."""
        for decided, count in self.counts.values():
            tally.add(decided.verdict, decided.determinations, decided.attribution.manufacturer, count)
