"""netvet benchmarks, printed as ratios against peers measured in the same process and run.

    python bench/run.py --data ../shared/data [--rows 1000000] [--repeat 3] [--only macs]

1. MAC -> manufacturer over 1M MACs drawn from the real IEEE registry (MA-L, MA-M, MA-S and
   unregistered), from text: netvet (Arrow parse + exact longest prefix) against netaddr and a
   polars three-way join; exactness is checked against netvet's row function.
2. `netvet scan` of a generated 1M-row inventory CSV (Arrow engine, summary output, no store)
   against pyarrow's bare single-threaded read of the same file; wall time and peak RSS of each
   as a separate process, the two run back to back so each ratio is measured under one load.
   `make bench-large` runs the 10M-row case (~1.4 GB, written once to .bench/) once:
   python bench/run.py --rows 10000000 --repeat 1 --scan-only --out .bench
Figures are medians of --repeat runs; the machine is noisy, so read ratios, not seconds.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import psutil
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "carrier_inventory.csv"
sys.path.insert(0, str(ROOT))

from bench.macs import mac_sample, maker_names, netaddr_lookup, polars_lookup  # noqa: E402
from netvet.attribute import lookup_mac  # noqa: E402
from netvet.attribute.mac_index import lookup_ints  # noqa: E402
from netvet.attribute.mac_vector import parse_macs  # noqa: E402
from netvet.kb.loader import load_kb  # noqa: E402


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_macs(data: Path, repeat: int) -> list[tuple[str, float, str]]:
    """Rows of (what, MACs per second, note). netvet and polars run alternately, so each
    repeat's ratio compares the two under the same load; the median of those ratios is printed."""
    kb = load_kb()
    macs, kinds = mac_sample(data, 1_000_000, seed=5)
    text = pa.array(macs)
    makers = maker_names(kb.oui.rows)

    def netvet() -> object:
        return np.take(makers, lookup_ints(kb.mac_index, parse_macs(text)))

    ints = parse_macs(text)
    found = netvet()
    check = [lookup_mac(kb.oui, m) for m in macs[:20_000]]
    expected = [(r.entity or r.organization) if r else None for r in check]
    exact = sum(a == b for a, b in zip(found[:20_000], expected, strict=True)) / 20_000
    polars = polars_lookup(macs)
    polars_agree = sum(a == b for a, b in zip(polars().to_list(), found, strict=True)) / len(macs)
    pairs = [(median_seconds(netvet, 1), median_seconds(polars, 1)) for _ in range(repeat)]
    t_netvet, t_polars = (statistics.median(p[i] for p in pairs) for i in (0, 1))
    ratio = statistics.median(p / n for n, p in pairs)
    t_ints = median_seconds(lambda: lookup_ints(kb.mac_index, ints), repeat)
    t_netaddr, netaddr_wrong = netaddr_lookup(macs[:50_000], kinds[:50_000], kb)
    n = len(macs)
    return [
        ("netvet, text -> maker (1 core)", n / t_netvet, f"agrees with the row function on {exact:.2%}"),
        ("netvet, 48-bit ints -> row", n / t_ints, "lookup alone"),
        (
            "polars 3-way prefix join",
            n / t_polars,
            f"agrees with netvet on {polars_agree:.2%}; "
            f"median of the {repeat} paired ratios: netvet x{ratio:.1f}",
        ),
        ("netaddr 1.3 EUI().oui", 50_000 / t_netaddr, f"wrong maker on {netaddr_wrong:.1%} (MA-M/MA-S)"),
    ]


def run_measured(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process, polled every 20 ms."""
    start = time.perf_counter()
    child = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, child.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.02)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed with {child.returncode}")
    return time.perf_counter() - start, peak / 2**20


def bench_scan(data: Path, rows: int, repeat: int, out: Path) -> list[tuple[float, float, float, float]]:
    """Per run, (read seconds, read peak RSS MB, scan seconds, scan peak RSS MB): the bare read
    and the scan run one after the other, so each ratio compares runs under the same load."""
    path = out / f"inventory_{rows}.csv"
    if not path.exists():
        from bench.make_inventory import write_inventory

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"  writing {path} once ({rows:,} rows)", flush=True)
        write_inventory(path, rows=rows, seed=7, data_dir=data)
    read = [
        sys.executable,
        "-c",
        f"import pyarrow.csv as c; c.read_csv({str(path)!r}, read_options=c.ReadOptions(use_threads=False))",
    ]
    scan = [
        sys.executable,
        "-c",
        "from netvet.cli import main; main()",
        "scan",
        str(path),
        "--no-store",
        "--engine",
        "arrow",
        "--as-of",
        "2026-11-23",
        "--no-auto-rules",  # the kb's own rules: the same work whether or not Nmap is installed
    ]
    # The kb cache entry is written first (by a scan of the sample inventory), so that no
    # measured run pays for loading the kb from its files after a code or kb change.
    subprocess.run(
        [*scan[:3], "scan", str(SAMPLE), "--no-store", "--no-auto-rules"], capture_output=True, check=False
    )
    return [(*run_measured(read), *run_measured(scan)) for _ in range(repeat)]


def print_scans(rows: int, runs: list[tuple[float, float, float, float]]) -> None:
    """Each run, then the medians (of the ratios, not a ratio of medians)."""
    for read_s, read_mb, scan_s, scan_mb in runs:
        print(
            f"  pyarrow.csv.read_csv, 1 thread {read_s:7.2f} s  {read_mb:6.0f} MB   |   netvet scan "
            f"(arrow, summary) {scan_s:7.2f} s  {scan_mb:6.0f} MB  = {scan_s / read_s:4.2f} x the bare read"
        )
    ratio = statistics.median(r[2] / r[0] for r in runs)
    scan_s = statistics.median(r[2] for r in runs)
    rss = max(r[3] for r in runs)
    print(
        f"  median {ratio:4.2f} x the bare read (goal <= 2.0); {rows / scan_s / 1e3:,.0f}k rows/s on one core"
        f" end to end; peak RSS {rss:,.0f} MB (goal <= 1,024)"
    )


def load() -> str:
    """The 1-, 5- and 15-minute load averages (the machine is shared: read ratios, not seconds)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "data", help="generated inventories")
    parser.add_argument("--only", choices=("macs",), help="run only section 1 (MAC -> manufacturer)")
    parser.add_argument("--scan-only", action="store_true", help="skip the MAC lookup figures")
    args = parser.parse_args()
    if not args.scan_only:
        print(f"MAC -> manufacturer, 1,000,000 MACs (median of {args.repeat})")
        macs = bench_macs(args.data, args.repeat)
        base = macs[0][1]
        for name, rate, note in macs:
            print(f"  {name:38s} {rate / 1e6:8.2f} M/s   netvet x{base / rate:7.1f}   {note}")
    if args.only == "macs":
        return
    runs = "once" if args.repeat == 1 else f"median of {args.repeat}"
    print(f"netvet scan of a {args.rows:,}-row inventory CSV ({runs}, separate processes; load {load()})")
    print_scans(args.rows, bench_scan(args.data, args.rows, args.repeat, args.out))
    print(f"  load after: {load()}")


if __name__ == "__main__":
    main()
