"""Rule files found on the machine (Nmap's nmap-service-probes, a Recog checkout): what they add
to a small scan once compiled and cached. Prints the cache-hit load time of the files found, and
`netvet scan` of the bundled 369-row inventory with and without them (median of separate
processes, wall and CPU time). The first run compiles the files into the cache folder
(NETVET_CACHE_DIR, default ~/.cache/netvet): that takes from half a minute to minutes.

    python bench/rule_files.py [--repeat 5]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netvet.kb.loader import DATA_DIR, load_kb  # noqa: E402
from netvet.kb.user_rules import found_rule_files, load_rule_files  # noqa: E402
from netvet.settings import Settings  # noqa: E402

INVENTORY = ROOT / "examples" / "carrier_inventory.csv"


def scan_seconds(auto: bool) -> tuple[float, float]:
    """Wall and CPU seconds of one `netvet scan` of the inventory in its own process."""
    flags = [] if auto else ["--no-auto-rules"]
    command = [sys.executable, "-c", "from netvet.cli import main; main()", "scan", str(INVENTORY)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [*command, "--no-store", "--jsonl", "-o", os.devnull, *flags], check=True, capture_output=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings.from_env()
    found = found_rule_files([], settings.nmap_dir, settings.recog_dir)
    if not found:
        print(
            "rule-file bench not run: no nmap-service-probes or Recog checkout found (install Debian's nmap)"
        )
        return
    kb = load_kb(settings.kb_dir or DATA_DIR)
    start = time.perf_counter()
    loaded = load_rule_files(kb, [], settings.cache_dir, optional=found)
    first = time.perf_counter() - start
    hits = []
    for _ in range(args.repeat):
        start = time.process_time()
        load_rule_files(kb, [], settings.cache_dir, optional=found)
        hits.append(time.process_time() - start)
    rules = sum(len(f.rules) for f in loaded.files)
    print(f"rule files found: {len(loaded.files)} ({rules:,} banner rules); first load {first:.1f} s")
    print(f"  cache-hit load: {statistics.median(hits):.3f} s CPU (median of {args.repeat})")
    for auto in (False, True):
        runs = [scan_seconds(auto) for _ in range(args.repeat)]
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        label = "with found rule files" if auto else "--no-auto-rules      "
        print(f"  netvet scan {INVENTORY.name} {label}  wall {wall:5.2f} s  CPU {cpu:5.2f} s")


if __name__ == "__main__":
    main()
