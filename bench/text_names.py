"""Maker names and product lines in text: throughput of netvet's one Aho-Corasick pass over 1M
banners (real sysDescrs of the recorded walks and service greetings, each made distinct, so the
distinct-text cache never helps here), batch path and row path, against the goal of 500k
banners/s on one core. The peer, measured in the same run on a smaller sample, is the path before
the regex prefilter (every product regex over the whole batch); the repeated line is the same
banners without serials, as real scans repeat them (the distinct-text cache at work).

    python bench/text_names.py [--data ../shared/data] [--rows 1000000] [--repeat 3]
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dataclasses import replace  # noqa: E402

from netvet.attribute.text_names import scan, scan_many, with_hyperscan  # noqa: E402
from netvet.kb.loader import load_kb  # noqa: E402

GREETINGS = [
    "SSH-2.0-HUAWEI-1.5",
    "HTTP/1.0 200 OK Server: Hikvision-Webs",
    "220 ProFTPD 1.3.5 Server (Debian)",
    "SSH-2.0-OpenSSH_8.4p1 Debian-5",
    "220 (vsFTPd 3.0.3)",
    "RTSP/1.0 200 OK Server: Dahua Rtsp Server",
    'HTTP/1.1 401 Unauthorized WWW-Authenticate: Basic realm="TP-LINK Wireless N Router WR841N"',
]
CHUNK = 100_000
PEER = 5_000


def banners(data: Path, rows: int) -> list[str]:
    """Real texts, each with a serial number so no two are equal."""
    texts = list(GREETINGS)
    for path in sorted((data / "snmp" / "walks").glob("*.snmprec")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            line = next((x for x in fh if x.startswith("1.3.6.1.2.1.1.1.0|")), None)
        if line and "|4|" in line:
            texts.append(line.split("|", 2)[2].strip())
    return [f"{texts[i % len(texts)]} #{i}" for i in range(rows)]


def timed(run: Callable[[], object]) -> float:
    """CPU seconds of one run (the machine is shared: wall time would measure the neighbours)."""
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    kb = load_kb()
    assert kb.text is not None
    scanner, texts = kb.text, banners(args.data, args.rows)
    start = time.process_time()
    fast = with_hyperscan(scanner)
    compiled = time.process_time() - start
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    sample = texts[:CHUNK]
    print(f"text names: {len(scanner.names)} literals, {len(texts):,} banners (CPU time, one core)")
    peer = replace(scanner, prefilter=None)
    before = statistics.median(timed(lambda: scan_many(peer, sample[:PEER])) for _ in range(args.repeat))
    ours = statistics.median(timed(lambda: scan_many(scanner, sample[:PEER])) for _ in range(args.repeat))
    print(
        f"  peer, every regex over the whole batch: {PEER / before:,.0f} banners/s on {PEER:,};"
        f" prefiltered {PEER / ours:,.0f}/s, {before / ours:,.1f}x"
    )
    repeated = [t.rsplit(" #", 1)[0] for t in sample]
    again = statistics.median(timed(lambda: scan_many(scanner, repeated)) for _ in range(args.repeat))
    print(f"  repeated banners (no serials, distinct-text cache): batch {len(repeated) / again:,.0f}/s")
    for title, engine in (("Aho-Corasick (loaded with the kb)", scanner), ("Hyperscan literal", fast)):
        batch = statistics.median(
            timed(lambda e=engine: [scan_many(e, c) for c in chunks]) for _ in range(args.repeat)
        )
        row = statistics.median(
            timed(lambda e=engine: [scan(e, t) for t in sample]) for _ in range(args.repeat)
        )
        print(f"  {title}: batch {len(texts) / batch:,.0f} banners/s, row {len(sample) / row:,.0f}/s")
    same = (
        scan_many(scanner, sample[:PEER]) == scan_many(peer, sample[:PEER])
        and scan_many(scanner, repeated) == [scan(scanner, t) for t in repeated]
        and scan_many(scanner, sample)
        == scan_many(fast, sample)
        == [scan(scanner, t) for t in sample[:20_000]] + [scan(scanner, t) for t in sample[20_000:]]
    )
    hits = sum(1 for found in scan_many(scanner, sample) if found)
    print(f"  goal: >= 500,000 banners/s; Hyperscan compile {compiled:.1f} s (once per process)")
    print(
        f"  row, batch, both engines, the peer and the cache agree on {len(sample):,}: {same}; naming a maker: {hits / len(sample):.0%}"  # noqa: E501
    )


if __name__ == "__main__":
    main()
