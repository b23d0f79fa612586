"""A scan saved to the store: the one function `netvet scan --db` and the service's scan jobs
both run. Each finding becomes its contract record with the review decision and mitigation
agreement in force applied, and the run is written in one transaction or not at all."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netvet.findings.record import FindingRecord
from netvet.kb.knowledge import KnowledgeBase
from netvet.mitigation import AgreementBook, with_mitigation
from netvet.model import Finding
from netvet.pipeline.stream import ScanStream
from netvet.report.records import record_of
from netvet.review.decisions import DecisionBook, apply_review

# Writes more inside the run's transaction: given the connection and the new run id.
AlsoWrite = Callable[[Any, int], None]


@dataclass(frozen=True, slots=True)
class StoredScan:
    """A stored run: its id, how many assets it holds by verdict, and the input issues."""

    run_id: int
    counts: dict[str, int]
    issues: int
    unusable: tuple[str, ...]


def reviewed_record(
    found: Finding, kb: KnowledgeBase, day: date, book: DecisionBook, agreements: AgreementBook
) -> tuple[Finding, FindingRecord]:
    """The finding with the review decision in force applied, and its contract record with the
    agreement in force applied too."""
    finding = apply_review(found, book, day)
    return finding, with_mitigation(record_of(finding, kb.entities, kb.graph, day), agreements)


def store_run(
    url: str,
    stream: ScanStream,
    records: Iterable[FindingRecord],
    started: datetime,
    also: AlsoWrite | None = None,
) -> int:
    """Save the run while the records stream through; its id. `also` writes more in the same
    transaction (the service's audit row)."""
    from netvet.store import RunHeader, open_store, save_run

    def inputs() -> list[tuple[str, str, str, int]]:
        return [(i.path, i.sha256, i.format, i.observations) for i in stream.inputs]

    header = RunHeader(stream.as_of, stream.kb.manifest_sha256, stream.regimes, inputs, started)
    engine = open_store(url)
    try:
        return save_run(engine, header, records, lambda: stream.issues, also)
    finally:
        engine.dispose()


def scan_to_store(
    stream: ScanStream,
    url: str,
    book: DecisionBook,
    agreements: AgreementBook,
    started: datetime,
    also: AlsoWrite | None = None,
) -> StoredScan:
    """Run the scan and store it (its input issues with it, as the CLI does); what was stored."""
    counts: dict[str, int] = {}

    def records() -> Iterator[FindingRecord]:
        with closing(stream.findings()) as findings:  # closed when the job fails or is cancelled
            for found in findings:
                _, record = reviewed_record(found, stream.kb, stream.as_of, book, agreements)
                counts[record.verdict] = counts.get(record.verdict, 0) + 1
                yield record

    run_id = store_run(url, stream, records(), started, also)
    return StoredScan(run_id, counts, len(stream.issues), tuple(stream.unusable))
