"""The Arrow engine's grouping at scale: purchase days split a group only where its answer can
change, yet every row keeps the row function's answer; codes pack without collisions; long cells
are cut as the row engine cuts them."""

import hashlib
import threading
import time
from collections.abc import Generator
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from pyarrow import csv as pacsv

from netvet.batch.dates import acquired_edges
from netvet.batch.engine import BatchEngine
from netvet.batch.keys import combine
from netvet.batch.paced import PacedFile
from netvet.batch.reader import FirstAhead
from netvet.errors import SourceError
from netvet.kb.loader import KnowledgeBase
from netvet.model import Finding
from netvet.regimes import REGIMES, acquisition_cutoffs
from tests.batch.test_equivalence import both, comparable, issue_kinds
from tests.conftest import AS_OF

# Makers whose ownership changed (Honor, HMN, xFusion), one that never did (ZTE), unrelated ones,
# a Huawei product line made by Huawei Digital Power since 2021-06-07 and an Alcatel-Lucent one
# made by Nokia since 2016-01-14 (fusion's lineage: the maker on the purchase day).
ROWS = (
    ("Honor", "", "Smartphone"),
    ("HMN Technologies", "", "Switch"),
    ("xFusion", "", "Server"),
    ("ZTE", "", "Router"),
    ("Cisco", "", "Switch"),
    ("Ericsson", "", "Base Station"),
    ("Huawei", "SUN2000-5KTL-M1", "Inverter"),
    ("", "7750 SR-12", "Router"),
)


def edge_days(kb: KnowledgeBase) -> set[date]:
    """Every day the kb knows an answer can change on, and the day before each."""
    days = {d for e in kb.edges for d in (e.valid_from, e.valid_to) if d}
    days |= {d for p in kb.products for o in p.owners for d in (o.valid_from, o.valid_to) if d}
    days |= acquisition_cutoffs(kb.regime_kb) | {AS_OF, AS_OF + timedelta(days=1)}
    return {d for day in days for d in (day, day - timedelta(days=1)) if date(2000, 1, 1) < d}


def test_days_either_side_of_every_edge_give_the_row_answers(kb: KnowledgeBase, tmp_path: Path) -> None:
    days = sorted(edge_days(kb))
    lines = ["Hostname,Vendor,Model,Device Type,Purchase Date"]
    lines += [
        f"h{i}-{j},{v},{m},{t},{d}" for i, d in enumerate([*days, ""]) for j, (v, m, t) in enumerate(ROWS)
    ]
    path = tmp_path / "days.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, row_found, _, arrow_found = both(kb, path)
    assert len(row_found) == len(arrow_found) == len(lines) - 1
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    assert set(makers_by_day(arrow_found, 0).values()) == {"honor"}
    sun = makers_by_day(arrow_found, 6)
    assert sun[date(2021, 6, 6)] != sun[date(2021, 6, 7)]  # the line changed hands that day
    sr = makers_by_day(arrow_found, 7)
    assert sr[date(2016, 1, 13)] != sr[date(2016, 1, 14)] == "nokia"


def makers_by_day(found: list[Finding], kind: int) -> dict[date | None, str | None]:
    """The maker of the rows of one kind (its index in ROWS), by purchase day."""
    mine = [f for f in found if f.asset.endswith(f"-{kind}")]
    return {f.observations[0].acquired: f.attribution.manufacturer for f in mine}


def test_only_makers_related_to_a_list_split_at_ownership_days(kb: KnowledgeBase) -> None:
    engine = BatchEngine(kb, AS_OF, tuple(REGIMES))
    edges = acquired_edges(kb, AS_OF, tuple(REGIMES))
    ownership = {d for e in kb.edges for d in (e.valid_from, e.valid_to) if d}
    cisco = set(edges.for_evidence(engine.field_evidence("vendor", "Cisco")))
    honor = set(edges.for_evidence(engine.field_evidence("vendor", "Honor")))
    assert ownership <= honor and not ownership & cisco
    assert acquisition_cutoffs(kb.regime_kb) <= cisco
    lineage = set(edges.for_evidence(engine.field_evidence("model", "SUN2000-5KTL-M1")))
    assert date(2021, 6, 7) in lineage - cisco
    uk = acquired_edges(kb, AS_OF, (*REGIMES, "uk-designated-vendor"))
    assert ownership <= set(uk.for_evidence(engine.field_evidence("vendor", "Cisco")))


def test_packed_codes_group_rows_as_their_tuples_do() -> None:
    rng = np.random.default_rng(3)
    columns = [rng.integers(-1, high, 5_000) for high in (3, 40_000, 2, 1 << 20, 7, 1 << 30, 5)]
    group, first = combine(*columns)
    tuples = list(zip(*(c.tolist() for c in columns), strict=True))
    ids: dict[tuple[int, ...], int] = {}
    expected = np.array([ids.setdefault(t, len(ids)) for t in tuples])
    assert len(first) == len(ids)
    assert np.array_equal(expected[first][group], expected)  # same partition of the rows
    assert all(tuples[int(first[g])] == t for g, t in zip(group.tolist(), tuples, strict=True))


def test_long_cells_are_cut_alike(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    lines = [
        "Hostname,Vendor,Model",
        f"a,Huawei,{'X' * 5000}",
        f"b,{'é' * 3000},S5720",
        f"c,ZTE,{'é' * 4500}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    row, row_found, arrow, arrow_found = both(kb, path)
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    assert issue_kinds(row.issues) == issue_kinds(arrow.issues)
    cut = sorted(i.locator for i in arrow.issues if "cut to the first" in i.message)
    assert cut == ["row 1", "row 3"]  # 3,000 two-byte characters are within the 4,096 limit


def write_csv(path: Path, rows: int) -> int:
    text = "n,text\n" + "".join(f"{i},{'v' * 40}\n" for i in range(rows))
    path.write_text(text, encoding="utf-8")
    return len(text)


def test_paced_file_keeps_the_reader_within_its_budget(tmp_path: Path) -> None:
    path, block = tmp_path / "rows.csv", 1 << 16
    size = write_csv(path, 20_000)
    options = pacsv.ReadOptions(block_size=block)
    types = pacsv.ConvertOptions(column_types={"n": pa.int64(), "text": pa.string()})
    seen, ahead = [], 2 * block
    with PacedFile(path, ahead) as source:
        reader = pacsv.open_csv(source, read_options=options, convert_options=types)
        for used, batch in enumerate(source.paced(iter(reader), block)):
            time.sleep(0.01)  # a slow consumer: the reader would otherwise run to the end
            assert source.position <= ahead + (used + 1) * block
            seen += batch.column("n").to_pylist()
        assert source.sha256() == hashlib.sha256(path.read_bytes()).hexdigest()  # read once, hashed
    assert seen == list(range(20_000)) and size > 10 * block


def test_closing_a_paced_file_ends_a_waiting_read(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    write_csv(path, 1_000)
    source = PacedFile(path, 0)
    assert source.sha256() is None  # nothing read yet
    source.wait_for_batch(False)  # the consumer is busy: a read past the budget waits
    got: list[int] = []
    reader = threading.Thread(target=lambda: got.append(source.readinto(bytearray(100))))
    reader.start()
    time.sleep(0.1)
    assert got == []
    source.close()
    reader.join(timeout=5)
    assert got == [0]


def test_the_first_batch_is_read_ahead_on_a_thread_and_its_error_raised_in_the_loop() -> None:
    started, threads = threading.Event(), []

    def batches() -> Generator[int, None, None]:
        threads.append(threading.current_thread().name)
        started.set()
        yield from range(5)

    ahead = FirstAhead(batches())
    assert started.wait(5)  # read before the caller asks for anything
    assert list(ahead) == list(range(5))
    assert threads == [threads[0]] and threads[0] != threading.current_thread().name

    def broken() -> Generator[int, None, None]:
        raise SourceError("inventory.csv: not a CSV")
        yield 0

    failing = FirstAhead(broken())  # no error yet: it belongs to the loop
    with pytest.raises(SourceError, match="inventory.csv: not a CSV"):
        next(failing)
    assert list(FirstAhead(iter_nothing())) == []


def iter_nothing() -> Generator[int, None, None]:
    yield from ()


def test_closing_before_the_first_batch_is_asked_for_closes_the_file_underneath(tmp_path: Path) -> None:
    path, block = tmp_path / "rows.csv", 1 << 14
    write_csv(path, 30_000)
    source = PacedFile(path, block)

    def batches() -> Generator[pa.RecordBatch, None, None]:
        with source:
            reader = pacsv.open_csv(source, read_options=pacsv.ReadOptions(block_size=block))
            yield from source.paced(iter(reader), block)

    ahead = FirstAhead(batches())
    ahead.close()  # e.g. the engine failed to start: Arrow's reads must not be left waiting
    assert source.closed and source.raw.closed


def test_a_paced_file_read_alongside_its_consumer_hashes_every_byte_once(tmp_path: Path) -> None:
    path, block = tmp_path / "rows.csv", 1 << 14
    write_csv(path, 30_000)
    options = pacsv.ReadOptions(block_size=block)
    with PacedFile(path, block) as source:
        reader = pacsv.open_csv(source, read_options=options)
        rows = sum(len(b) for b in FirstAhead(source.paced(iter(reader), block)))
        assert source.sha256() == hashlib.sha256(path.read_bytes()).hexdigest()
    assert rows == 30_000
