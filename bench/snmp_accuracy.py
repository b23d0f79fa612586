"""Attribution accuracy over the recorded SNMP walks, scored against their labels.

    python bench/snmp_accuracy.py --data ../shared/data [--inventory examples/carrier_inventory.csv]

The product scans each walk blind; only this script reads labels.csv and bench/snmp_key.csv to
score it: manufacturer accuracy on walks whose maker the key knows, covered-vendor recall
(a covered maker's walk answered covered or review), and the false-covered rate (a walk of any
other maker answered covered).

Generalization check: the walks are split in two by a seeded hash of their file name
(`held_out`). The held-out half was fixed before any issue-9 rule was written, and while
writing rules its walks were never opened and this script never printed its misses (only its
counts); rules come from registries and standard MIBs, not from strings of the walks. The two
halves' scores must stay within 3 points.

It also prints the share of `unknown` assets (no manufacturer) across the walks and, with
--inventory, across an inventory file.
"""

import argparse
import csv
import hashlib
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netvet.errors import SourceError  # noqa: E402
from netvet.kb.loader import KnowledgeBase, load_kb  # noqa: E402
from netvet.model import Finding, Verdict  # noqa: E402
from netvet.pipeline.stream import ScanStream  # noqa: E402

COVERED_MAKERS = frozenset(
    {"huawei-technologies", "zte-corporation", "hikvision", "dahua-technology", "hytera"}
)
SEED = "netvet-issue-9"
AS_OF = date(2026, 11, 23)


def held_out(name: str) -> bool:
    """The seeded half never looked at while writing rules: first hash byte odd."""
    return hashlib.sha256(f"{SEED}:{name}".encode()).digest()[0] & 1 == 1


@dataclass
class Score:
    """Counts of one half of the walks."""

    walks: int = 0
    unknown: int = 0
    knowable: int = 0
    right: int = 0
    covered_walks: int = 0
    recalled: int = 0
    others: int = 0
    false_covered: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, title: str) -> str:
        acc = self.right / max(1, self.knowable)
        recall = self.recalled / max(1, self.covered_walks)
        return (
            f"  {title}: maker right {self.right}/{self.knowable} = {acc:.1%}; covered recall "
            f"{self.recalled}/{self.covered_walks} = {recall:.1%}; false covered "
            f"{self.false_covered}/{self.others}; unknown {self.unknown}/{self.walks} = "
            f"{self.unknown / max(1, self.walks):.1%}"
        )


def load_key() -> list[tuple[re.Pattern[str], str]]:
    with (ROOT / "bench" / "snmp_key.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(line for line in fh if not line.startswith("#"))][1:]
    return [(re.compile(pattern), maker) for pattern, maker in rows]


def expected_maker(key: list[tuple[re.Pattern[str], str]], os_name: str) -> str | None:
    return next((maker for pattern, maker in key if pattern.match(os_name)), None)


def score_walk(kb: KnowledgeBase, score: Score, finding: Finding, maker: str | None, name: str) -> None:
    got = finding.attribution.manufacturer
    score.walks += 1
    score.unknown += got is None
    if maker:
        score.knowable += 1
        same = got == maker or (got in kb.entities and kb.graph.link(got, maker, AS_OF) is not None)
        score.right += same
        if not same:
            score.misses.append(f"{name}: expected {maker}, got {got}")
    if maker in COVERED_MAKERS:
        score.covered_walks += 1
        score.recalled += finding.verdict in (Verdict.COVERED, Verdict.REVIEW)
    else:
        score.others += 1
        score.false_covered += finding.verdict == Verdict.COVERED


def inventory_unknown(kb: KnowledgeBase, path: Path) -> tuple[int, int]:
    findings = list(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
    return sum(f.attribution.manufacturer is None for f in findings), len(findings)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--inventory", type=Path, default=ROOT / "examples" / "carrier_inventory.csv")
    args = parser.parse_args()
    kb, key = load_kb(), load_key()
    with (args.data / "snmp" / "labels.csv").open(encoding="utf-8") as fh:
        labels = list(csv.DictReader(fh))
    seen, unseen, unreadable = Score(), Score(), 0
    for label in labels:
        path = args.data / "snmp" / "walks" / label["snmprec"]
        try:
            finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
        except SourceError:
            unreadable += 1
            continue
        half = unseen if held_out(label["snmprec"]) else seen
        score_walk(kb, half, finding, expected_maker(key, label["expected_os"]), label["snmprec"])
    total = Score(*(getattr(seen, f) + getattr(unseen, f) for f in list(Score.__dataclass_fields__)[:8]))
    print(f"SNMP walks: {len(labels)} ({unreadable} unreadable)")
    print(total.line("all walks"))
    print(seen.line("rules half (looked at)"))
    print(unseen.line("held-out half (never looked at)"))
    gap = abs(seen.right / max(1, seen.knowable) - unseen.right / max(1, unseen.knowable))
    print(f"  generalization gap: {gap:.1%} (goal <= 3 points)")
    if args.inventory.exists():
        unknown, assets = inventory_unknown(kb, args.inventory)
        print(f"  unknown in {args.inventory.name}: {unknown}/{assets} = {unknown / max(1, assets):.1%}")
    for miss in seen.misses[:25]:  # only the half rules may look at
        print(f"    miss: {miss}")


if __name__ == "__main__":
    main()
