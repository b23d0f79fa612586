"""How fast `netvet` starts, as ratios against peers timed in the same run.

    python bench/startup.py [--repeat 5]

Each figure is the median wall time (and CPU time) of --repeat separate processes, run in turns
(one of each, then again) so that the machine's load falls alike on all of them. Peers: an empty
Python (`python -c pass`), `import pyarrow`, `import typer` (the command-line framework), and
loading the kb from its data files (what every command paid before the kb was cached on disk).
The kb cache is warmed once first, in a temporary cache folder, and netvet's modules are compiled
to bytecode first (as Python caches them by default; where PYTHONDONTWRITEBYTECODE is set it never
does, and each command would compile them again). A one-row scan is the start-up of a scan: the
time before it starts working, plus one row.
Goals (issue 13): --help and usage errors <= 0.25 s; match and a small scan <= 0.3 s.
"""

import argparse
import os
import resource
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
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "kb loaded from its files": [sys.executable, "-c", "from netvet.kb.loader import load_kb; load_kb()"],
    "netvet --help": [*NETVET, "--help"],
    "netvet --bogus (usage error)": [*NETVET, "--bogus"],
    "netvet scan --bogus (usage error)": [*NETVET, "scan", "--bogus"],
    "netvet match Huawei (kb cached)": [*NETVET, "match", "Huawei"],
    "netvet scan, 1 row (kb cached)": [
        *NETVET,
        "scan",
        "{one_row}",
        "--no-store",
        "--no-auto-rules",
        "--as-of",
        "2026-11-23",
    ],
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


GOALS = {
    "netvet --help": 0.25,
    "netvet --bogus (usage error)": 0.25,
    "netvet scan --bogus (usage error)": 0.25,
    "netvet match Huawei (kb cached)": 0.3,
    "netvet scan, 1 row (kb cached)": 0.3,
}


def seconds(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def measure(repeat: int, env: dict[str, str], cases: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds per case, the cases run in turns."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, cmd in cases.items():
            times[name].append(seconds(cmd, env))
    return {
        name: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
        for name, found in times.items()
    }


def one_row_inventory(folder: Path) -> Path:
    """The sample inventory's header and first row."""
    path = folder / "one_row.csv"
    path.write_text(
        "".join(SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8"
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    with tempfile.TemporaryDirectory() as cache:
        env = {
            **os.environ,
            "NETVET_CACHE_DIR": cache,
            "NETVET_AUTO_RULES": "0",
            "NETVET_DB_URL": "sqlite://",
        }
        one_row = str(one_row_inventory(Path(cache)))
        cases = {name: [one_row if a == "{one_row}" else a for a in cmd] for name, cmd in CASES.items()}
        seconds(cases["netvet match Huawei (kb cached)"], env)  # writes the cache entry
        medians = measure(args.repeat, env, cases)
    base, arrow = medians["python -c pass"][0], medians["python -c 'import pyarrow'"][0]
    print(f"netvet start-up (median of {args.repeat} separate processes, run in turns; wall and CPU time)")
    for name, (wall, cpu) in medians.items():
        ratios = f"{wall / base:6.1f} x python   {wall / arrow:5.2f} x import pyarrow"
        goal = GOALS.get(name)
        verdict = "" if goal is None else f"   goal <= {goal:.2f} s: {'met' if wall <= goal else 'MISSED'}"
        print(f"  {name:38s} {wall:6.3f} s (cpu {cpu:5.3f})   {ratios}{verdict}")


if __name__ == "__main__":
    main()
