"""How fast `netvet` starts, as ratios against peers timed in the same run.

    python bench/startup.py [--repeat 5]

Each figure is the median wall time of --repeat separate processes, run in turns (one of each,
then again) so that the machine's load falls alike on all of them. Peers: an empty Python
(`python -c pass`), `import pyarrow`, and loading the kb from its data files (what every
command paid before the kb was cached on disk). The kb cache is warmed once first, in a
temporary cache folder.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "carrier_inventory.csv"
NETVET = [sys.executable, "-c", "from netvet.cli import main; main()"]
CASES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import pyarrow'": [sys.executable, "-c", "import pyarrow"],
    "kb loaded from its files": [sys.executable, "-c", "from netvet.kb.loader import load_kb; load_kb()"],
    "netvet --help": [*NETVET, "--help"],
    "netvet --bogus (usage error)": [*NETVET, "--bogus"],
    "netvet scan --bogus (usage error)": [*NETVET, "scan", "--bogus"],
    "netvet match Huawei (kb cached)": [*NETVET, "match", "Huawei"],
    "netvet scan, 369 rows (kb cached)": [
        *NETVET,
        "scan",
        str(SAMPLE),
        "--no-store",
        "--no-auto-rules",
        "--as-of",
        "2026-11-23",
    ],
}


def seconds(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one process."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def measure(repeat: int, env: dict[str, str]) -> dict[str, float]:
    """Median seconds per case, the cases run in turns."""
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(repeat):
        for name, cmd in CASES.items():
            times[name].append(seconds(cmd, env))
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {
            **os.environ,
            "NETVET_CACHE_DIR": cache,
            "NETVET_AUTO_RULES": "0",
            "NETVET_DB_URL": "sqlite://",
        }
        seconds(CASES["netvet match Huawei (kb cached)"], env)  # writes the cache entry
        medians = measure(args.repeat, env)
    base, arrow = medians["python -c pass"], medians["python -c 'import pyarrow'"]
    print(f"netvet start-up (median of {args.repeat} separate processes, run in turns)")
    for name, median in medians.items():
        ratios = f"{median / base:6.1f} x python   {median / arrow:5.2f} x import pyarrow"
        print(f"  {name:38s} {median:6.3f} s   {ratios}")


if __name__ == "__main__":
    main()
