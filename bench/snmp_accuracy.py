"""Attribution accuracy over the recorded SNMP walks, scored against their labels.

    python bench/snmp_accuracy.py --data ../shared/data

The product scans each walk blind; only this script reads labels.csv and bench/snmp_key.csv to
score it: manufacturer accuracy on walks whose maker the key knows, covered-vendor recall
(a covered maker's walk answered covered or review), and the false-covered rate (a walk of any
other maker answered covered).
"""

import argparse
import csv
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netvet.errors import SourceError  # noqa: E402
from netvet.kb.loader import load_kb  # noqa: E402
from netvet.model import Verdict  # noqa: E402
from netvet.stream import ScanStream  # noqa: E402

COVERED_MAKERS = frozenset(
    {"huawei-technologies", "zte-corporation", "hikvision", "dahua-technology", "hytera"}
)


def load_key() -> list[tuple[re.Pattern[str], str]]:
    with (ROOT / "bench" / "snmp_key.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(line for line in fh if not line.startswith("#"))][1:]
    return [(re.compile(pattern), maker) for pattern, maker in rows]


def expected_maker(key: list[tuple[re.Pattern[str], str]], os_name: str) -> str | None:
    return next((maker for pattern, maker in key if pattern.match(os_name)), None)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    kb, key = load_kb(), load_key()
    with (args.data / "snmp" / "labels.csv").open(encoding="utf-8") as fh:
        labels = list(csv.DictReader(fh))
    knowable = right = covered_walks = recalled = others = false_covered = unreadable = 0
    misses: list[str] = []
    for label in labels:
        path = args.data / "snmp" / "walks" / label["snmprec"]
        try:
            finding = next(ScanStream(kb, date(2026, 11, 23), [path]).findings())
        except SourceError:
            unreadable += 1
            continue
        maker = expected_maker(key, label["expected_os"])
        got = finding.attribution.manufacturer
        group = kb.graph.controller(got, date(2026, 11, 23)) if got in kb.entities else got
        if maker:
            knowable += 1
            same = got == maker or (
                got in kb.entities and kb.graph.link(got, maker, date(2026, 11, 23)) is not None
            )
            right += same
            if not same:
                misses.append(f"{label['snmprec']}: expected {maker}, got {got} ({group})")
        if maker in COVERED_MAKERS:
            covered_walks += 1
            recalled += finding.verdict in (Verdict.COVERED, Verdict.REVIEW)
        else:
            others += 1
            false_covered += finding.verdict == Verdict.COVERED
    print(f"SNMP walks: {len(labels)} ({unreadable} unreadable)")
    print(f"  manufacturer correct on knowable walks: {right}/{knowable} = {right / max(1, knowable):.1%}")
    recall = recalled / max(1, covered_walks)
    print(f"  covered-vendor recall (covered or review): {recalled}/{covered_walks} = {recall:.1%}")
    print(
        f"  false covered among other walks: {false_covered}/{others} = {false_covered / max(1, others):.2%}"
    )
    for miss in misses[:15]:
        print(f"    miss: {miss}")


if __name__ == "__main__":
    main()
