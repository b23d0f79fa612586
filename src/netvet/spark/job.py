"""What runs on Spark's executors: the Arrow batch engine, unchanged, on the record batches
`mapInArrow` hands over, with the same row numbers the Arrow engine gives on one machine.

Each output row is a finding (its contract record, flat columns and its summary key) or an
Issue; the driver routes them. Nothing here imports pyspark: the partition number is passed in."""

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from netvet.attribute.arrow_views import bools_of
from netvet.batch.decide import findings_of
from netvet.batch.engine import BatchEngine
from netvet.batch.parquet import FLAT_COLUMNS, flat_record
from netvet.batch.reader import cap_batch
from netvet.kb.knowledge import KnowledgeBase
from netvet.mitigation import AgreementBook
from netvet.model import Finding, Issue, Organisation, Status, Verdict
from netvet.model.vocab import IssueSeverity
from netvet.pipeline.stored import reviewed_record
from netvet.report.records import Record
from netvet.report.summary import asset_label, maker_label
from netvet.review.decisions import DecisionBook

CORRUPT = "_corrupt_record"
# kind: finding | issue; seq orders findings as the input does (row number of the file).
OUTPUT_COLUMNS = ("kind", "seq", "verdict", "tally", "covered", *FLAT_COLUMNS, "record")
OUTPUT_SCHEMA = pa.schema([(c, pa.int64() if c == "seq" else pa.string()) for c in OUTPUT_COLUMNS])
OUTPUT_DDL = ", ".join(f"`{f.name}` {'bigint' if f.name == 'seq' else 'string'}" for f in OUTPUT_SCHEMA)


@dataclass(frozen=True, slots=True)
class SparkScan:
    """Everything an executor needs, broadcast once per job."""

    kb: KnowledgeBase
    as_of: date
    regimes: tuple[str, ...]
    book: DecisionBook
    agreements: AgreementBook
    default_use: str | None = None
    organisation: Organisation = Organisation()


@dataclass(frozen=True, slots=True)
class SparkInput:
    """One input as the executors see it: its path, its mapped fields (by column position of
    the text batch), its delimiter, and the first row number of each partition."""

    path: str
    fields: Mapping[str, int]
    delimiter: str = ","
    offsets: tuple[int, ...] = ()
    rows: int = 0


def as_text(batch: pa.RecordBatch, width: int) -> pa.RecordBatch:
    """The first `width` columns as non-null text named c0.., as the CSV stream reader gives them."""
    arrays = [pc.fill_null(pc.cast(batch.column(i), pa.string()), "") for i in range(width)]
    return pa.RecordBatch.from_arrays(arrays, names=[f"c{i}" for i in range(width)])


def rejected_issues(texts: list[str], width: int, source: SparkInput) -> list[Issue]:
    """The Arrow reader's Issue for each row of the wrong width (Spark's corrupt records)."""
    issues = []
    for text in texts:
        cells = len(next(csv.reader([text], delimiter=source.delimiter), []))
        message = f"row has {cells} cells, the header has {width}: skipped"
        issues.append(Issue(source.path, f"record '{text[:60]}'", None, message, IssueSeverity.ERROR))
    return issues


def issue_row(issue: Issue) -> dict[str, object]:
    """An output row carrying one Issue."""
    fields = [issue.path, issue.locator, issue.field, issue.message, issue.severity]
    return {"kind": "issue", "record": orjson.dumps(fields).decode()}


def issue_of(record: str) -> Issue:
    """The Issue an issue row carries."""
    path, locator, name, message, severity = orjson.loads(record)
    return Issue(path, locator, name, message, IssueSeverity(severity))


def tally_key(record: Record, finding: Finding) -> str:
    """What the summary counts a finding by: verdict, maker and each regime's status."""
    statuses = [[d.regime, str(d.status)] for d in finding.determinations]
    return orjson.dumps([record["verdict"], finding.attribution.manufacturer, statuses]).decode()


def covered_entry(job: SparkScan, record: Record, finding: Finding) -> str | None:
    """The covered table's line for a covered finding (asset, maker, first covered reason)."""
    if record["verdict"] != Verdict.COVERED:
        return None
    binding = [d for d in finding.determinations if d.status == Status.COVERED and not d.informational]
    if not binding:
        return None
    maker = maker_label(job.kb.entities, finding.attribution.manufacturer)
    line = f"{binding[0].regime}: {binding[0].reason}"
    return orjson.dumps([asset_label(finding), maker, line]).decode()


def finding_row(job: SparkScan, finding: Finding, seq: int) -> dict[str, object]:
    """An output row carrying one finding, reviewed and mitigated as the CLI does."""
    reviewed, typed = reviewed_record(finding, job.kb, job.as_of, job.book, job.agreements)
    record = typed.to_json()
    row: dict[str, object] = {"kind": "finding", "seq": seq, "verdict": record["verdict"]}
    row["tally"] = tally_key(record, reviewed)
    row["covered"] = covered_entry(job, record, reviewed)
    row.update(flat_record(record))
    return row


def scan_partition(
    job: SparkScan, source: SparkInput, partition: int, batches: Iterator[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    """One partition through the Arrow engine: findings and Issues as output batches."""
    engine = BatchEngine(job.kb, job.as_of, job.regimes, job.default_use, job.organisation)
    seen = source.offsets[partition]
    width = 1 + max(source.fields.values(), default=-1)
    for raw in batches:
        names = raw.schema.names
        corrupt = raw.column(names.index(CORRUPT)) if CORRUPT in names else pa.nulls(len(raw), pa.string())
        bad = bools_of(pc.is_valid(corrupt))
        out = [issue_row(i) for i in rejected_issues(corrupt.filter(bad).to_pylist(), width, source)]
        text = as_text(raw.filter(pa.array(~np.asarray(bad, dtype=bool))), len(names) - (CORRUPT in names))
        batch, cut = cap_batch(text, source.fields, source.path, seen)
        rows, problems = engine.run(batch, source.fields, source.path, seen)
        out += [issue_row(i) for i in cut + problems]
        findings = findings_of(engine, rows)
        out += [finding_row(job, f, seen + int(k)) for f, k in zip(findings, rows.kept, strict=True)]
        seen += len(batch)
        yield pa.RecordBatch.from_pylist(out, schema=OUTPUT_SCHEMA)
