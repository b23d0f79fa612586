#!/usr/bin/env python3
"""What adding every other jurisdiction's instruments costs a scan, on a generated inventory.

    python bench/jurisdictions.py [--rows 200000] [--data ../shared/data]

Prints rows/s of the Arrow engine with the US regimes alone and with `--jurisdiction all`, and
the row engine on a tenth of the rows (the row engine is the specification, not the fast path).
"""

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.make_inventory import write_inventory
from netvet.kb.loader import load_kb
from netvet.pipeline.stream import ScanStream
from netvet.regimes import JURISDICTIONS, jurisdiction_regimes
from netvet.report.summary import Tally

AS_OF = date(2026, 11, 23)


def rate(path: Path, engine: str, regimes: tuple[str, ...], rows: int) -> float:
    """Rows per second of one scan that counts verdicts (no findings kept)."""
    kb = load_kb()
    started = time.perf_counter()
    ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine=engine, regimes=regimes).tally_only(
        Tally(kb.entities)
    )
    return rows / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--data", default="../shared/data")
    args = parser.parse_args()
    kb = load_kb()
    us, every = jurisdiction_regimes(("us",), kb.regime_kb), jurisdiction_regimes(JURISDICTIONS, kb.regime_kb)
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.csv", Path(tmp) / "small.csv"
        write_inventory(big, rows=args.rows, seed=7, data_dir=args.data)
        write_inventory(small, rows=args.rows // 10, seed=7, data_dir=args.data)
        for name, regimes in (("us", us), ("all", every)):
            arrow = rate(big, "arrow", regimes, args.rows)
            row = rate(small, "row", regimes, args.rows // 10)
            print(f"{name:4} {len(regimes):2} regimes: arrow {arrow:10,.0f} rows/s   row {row:8,.0f} rows/s")


if __name__ == "__main__":
    main()
