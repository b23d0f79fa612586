"""`netvet screen --engine spark`: bulk name screening, the screening broadcast once and each
name matched on the executors by the same `screen_party` the row path calls. The names file is
read on the driver (as `screen` reads it); the matching, the costly part, is spread."""

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import orjson
import pyarrow as pa

from netvet.screen.party import Screening, screen_party
from netvet.screen.records import party_screen_record

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PARTY_SCHEMA = pa.schema(
    [
        ("i", pa.int64()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("ids", pa.string()),
        ("service", pa.string()),
    ]
)
RESULT_DDL = "i bigint, result string"
# One row to screen: name, country, identifiers (scheme, value), the service it supplies.
Party = tuple[str, str | None, tuple[tuple[str, str], ...], str | None]
RESULT_SCHEMA = pa.schema([("i", pa.int64()), ("result", pa.string())])


def party_table(
    parties: Sequence[Party],
) -> pa.Table:
    """The named rows as an Arrow table: row index, name, country, identifiers (JSON), service."""
    rows = [
        {"i": i, "name": name, "country": country, "ids": json.dumps(ids), "service": service}
        for i, (name, country, ids, service) in enumerate(parties)
    ]
    return pa.Table.from_pylist(rows, schema=PARTY_SCHEMA)


def screen_batch(s: Screening, batch: pa.RecordBatch) -> pa.RecordBatch:
    """Each row of a batch screened: its index and the result as JSON."""
    out = []
    for row in batch.to_pylist():
        ids = tuple(tuple(pair) for pair in json.loads(row["ids"]))
        result = screen_party(s, row["name"], row["country"], ids, row["service"])
        out.append({"i": row["i"], "result": orjson.dumps(party_screen_record(result)).decode()})
    return pa.RecordBatch.from_pylist(out, schema=RESULT_SCHEMA)


def screen_spark(
    spark: "SparkSession",
    s: Screening,
    parties: Sequence[Party],
) -> list[dict[str, Any]]:
    """The screening results of (name, country, identifiers, service) tuples, in their order."""
    if not parties:
        return []
    shared = spark.sparkContext.broadcast(s)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield screen_batch(shared.value, batch)

    try:
        df = spark.createDataFrame(party_table(parties))
        found = {r["i"]: orjson.loads(r["result"]) for r in df.mapInArrow(run, RESULT_DDL).collect()}
    finally:
        shared.destroy()
    return [found[i] for i in range(len(parties))]
