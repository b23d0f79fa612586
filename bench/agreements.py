"""Mitigation agreements on scan records and ICTS case listing: what marking costs per record
against passing the records through untouched, with 1, 50 and 500 agreements, and how long
`netvet icts case list` takes (in process) to compute every case's clocks from a SQLite store
of 300 cases.
The records are the real scan of examples/carrier_inventory.csv, repeated.

    python bench/agreements.py [--records 200000]
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netvet.findings.record import FindingRecord  # noqa: E402
from netvet.mitigation import Agreement, AgreementBook, AgreementKind, with_mitigation  # noqa: E402
from netvet.store import open_store  # noqa: E402
from netvet.store.cases import save_case  # noqa: E402
from tests.icts.factories import case_with  # noqa: E402

DAY = date(2026, 11, 23)


def scanned() -> list[FindingRecord]:
    """The example inventory's records, scanned by the real command."""
    cmd = [
        sys.executable,
        "-c",
        "from netvet.cli import main; main()",
        "scan",
        str(ROOT / "examples" / "carrier_inventory.csv"),
    ]
    done = subprocess.run(
        [*cmd, "--as-of", DAY.isoformat(), "--json", "--no-store", "--db", "sqlite:///:memory:"],
        capture_output=True,
        text=True,
        check=False,
    )
    return [FindingRecord.from_json(r) for r in json.loads(done.stdout)]


def agreements(n: int) -> list[Agreement]:
    """n agreements; the first names ZTE, the rest suppliers and assets no record has."""
    first = Agreement(
        "NSA-0",
        AgreementKind.NO_SPY,
        "t",
        "ZTE USA",
        date(2026, 1, 1),
        suppliers=("zte-corporation",),
        audit_every_months=3,
    )
    rest = [
        Agreement(
            f"A-{i}",
            AgreementKind.AUDIT,
            "t",
            f"Supplier {i}",
            date(2026, 1, 1),
            suppliers=(f"supplier-{i}",),
            assets=(f"serial:none-{i}",),
        )
        for i in range(1, n)
    ]
    return [first, *rest]


def per_second(records: list[FindingRecord], book: AgreementBook | None) -> float:
    """Records marked (or passed through, without a book) per second."""
    started = time.perf_counter()
    marked = 0
    for r in records:
        marked += (with_mitigation(r, book) if book else r).mitigation is not None
    return len(records) / (time.perf_counter() - started)


def case_list_seconds(folder: Path, cases: int) -> float:
    """Seconds to read that many cases from SQLite and compute every case's file (clocks,
    criteria, agreements) as `netvet icts case list` does, in process (without command start)."""
    from netvet.cli.icts import casefile_of
    from netvet.report.casefile import casefile_record
    from netvet.store.agreements import read_agreements
    from netvet.store.cases import list_cases

    engine = open_store(f"sqlite:///{folder / 'cases.db'}")
    steps = {
        "referral": date(2026, 3, 2),
        "accept": date(2026, 3, 16),
        "initial-determination": date(2026, 5, 22),
    }
    for i in range(cases):
        save_case(engine, case_with(steps, number=f"ICTS-2026-{i:04d}"))
    started = time.perf_counter()
    found, agreed = list_cases(engine), read_agreements(engine)
    records = [casefile_record(casefile_of(engine, c.number, DAY, c, agreed)) for c in found]
    elapsed = time.perf_counter() - started
    engine.dispose()
    assert len(records) == cases and records[0]["next_due"]["clock"] == "response"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=200_000)
    args = parser.parse_args()
    base = scanned()
    records = (base * (args.records // len(base) + 1))[: args.records]
    plain = per_second(records, None)
    print(f"records: {len(records):,} (the example scan's {len(base)} repeated); pass-through {plain:,.0f}/s")
    for n in (1, 50, 500):
        rate = per_second(records, AgreementBook.build(agreements(n), DAY))
        print(f"  {n:>3} agreements: {rate:,.0f} records/s marked ({1e6 / rate:.1f} µs a record)")
    with tempfile.TemporaryDirectory() as folder:
        seconds = case_list_seconds(Path(folder), 300)
        print(f"icts case list --json, 300 cases in SQLite: {seconds:.2f} s (in process, no command start)")


if __name__ == "__main__":
    main()
