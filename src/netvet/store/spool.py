"""A scan's rows prepared before the store's write transaction opens: the records stream through
once into a temporary file (pickled chunks, bounded memory), and the transaction only copies the
prepared rows into the tables. So a long scan never holds the database's write lock; others wait
for the final insert, not for the scan."""

import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any, TypeVar

from sqlalchemy import JSON, Dialect
from sqlalchemy.types import TypeDecorator

from netvet.findings.record import FindingRecord

CHUNK = 1000  # records per pickled chunk: each holds a few MB of rows in memory at a time
T = TypeVar("T")
Row = dict[str, Any]


@dataclass(slots=True)
class Spool:
    """Prepared asset and determination rows (run_id still to set), counted by verdict."""

    file: IO[bytes]
    counts: dict[str, int] = field(default_factory=dict)

    def chunks(self) -> Iterator[tuple[list[Row], list[Row]]]:
        """(asset rows, determination rows) chunk by chunk, from the start."""
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)  # noqa: S301 — our own temporary file, written just before
            except EOFError:
                return


@contextmanager
def spooled(records: Iterable[FindingRecord]) -> Iterator[Spool]:
    """Consume the records into a spool of prepared rows; the file is gone afterwards."""
    with tempfile.TemporaryFile(prefix="netvet-run-") as fh:
        spool = Spool(fh)
        for chunk in batched(enumerate(records), CHUNK):
            rows = [asset_row(i, r) for i, r in chunk]
            found = [d for i, r in chunk for d in determination_rows(i, r)]
            pickle.dump((rows, found), fh, protocol=pickle.HIGHEST_PROTOCOL)
            for _, r in chunk:
                verdict = str(r.verdict)
                spool.counts[verdict] = spool.counts.get(verdict, 0) + 1
        yield spool


def batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """Tuples of at most `size` items (itertools.batched is Python 3.12+)."""
    it = iter(items)
    while chunk := tuple(islice(it, size)):
        yield chunk


def asset_row(position: int, r: FindingRecord) -> Row:
    """The assets row of one record: its JSON is made here, once, outside the transaction."""
    maker = r.manufacturer
    return {
        "position": position,
        "asset": r.asset,
        "verdict": str(r.verdict),
        "manufacturer": (maker.id or maker.name) if maker else None,
        "model": r.model,
        "category": r.category,
        "confidence": r.confidence,
        "record": json.dumps(r.to_json(), ensure_ascii=False),
    }


def determination_rows(position: int, r: FindingRecord) -> Iterator[Row]:
    """The determinations rows of one record."""
    for d in r.determinations:
        yield {
            "position": position,
            "regime": d.regime,
            "status": str(d.status),
            "entry": d.entry,
            "list_version": d.list_version,
            "reason": d.reason,
        }


def with_run(rows: list[Row], run_id: int) -> list[Row]:
    """The rows with their run id set (in place: they are the spool's own copies)."""
    for row in rows:
        row["run_id"] = run_id
    return rows


class EncodedJSON(TypeDecorator[str]):
    """A JSON column's value already encoded while spooling: bound as it is (the column's own
    type reads it back as JSON)."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> None:
        """No processing: the text is JSON already."""
