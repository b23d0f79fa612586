"""Scan inputs as a stream: the row engine for ordinary files, the Arrow engine for large CSVs
(bounded memory). Findings come out one at a time; issues and inputs fill in as they are read."""

from collections.abc import Generator, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from netvet.errors import SourceError, UsageError
from netvet.ingest import detect_format
from netvet.ingest.columns import duplicate_issues, map_columns
from netvet.ingest.files import is_parquet
from netvet.ingest.inventory import require_identifying_column
from netvet.kb.knowledge import KnowledgeBase
from netvet.model import Finding, Issue, Organisation
from netvet.model.vocab import IssueSeverity
from netvet.pipeline.scan import InputFile, Progress, scan_paths, sha256_file
from netvet.regimes import REGIMES
from netvet.report.summary import Tally

if TYPE_CHECKING:
    import pyarrow as pa

    from netvet.batch.reader import StreamIssues

ENGINES = ("auto", "row", "arrow")
ARROW_MIN_BYTES = 16 << 20


@dataclass(slots=True, kw_only=True)
class ScanStream:
    """A scan being run: what it reads, and what it has found so far."""

    kb: KnowledgeBase
    as_of: date
    paths: Sequence[Path]
    engine: str = "auto"
    fmt: str = "auto"
    strict: bool = False
    overrides: Mapping[str, str] | None = None
    default_use: str | None = None
    regimes: tuple[str, ...] = tuple(REGIMES)
    progress: Progress | None = None
    organisation: Organisation = Organisation()
    inputs: list[InputFile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    unusable: list[str] = field(default_factory=list)

    def engine_for(self, path: Path) -> str:
        """'arrow' for large CSV inventories and any Parquet (or when asked), else 'row'."""
        if self.engine not in ENGINES:
            raise UsageError(f"--engine takes one of {', '.join(ENGINES)}")
        if is_parquet(path):
            if self.engine == "row":
                raise UsageError(f"{path}: the row engine reads no Parquet; use --engine arrow")
            return "arrow"
        if self.engine != "auto":
            return self.engine
        big = path.is_file() and path.stat().st_size >= ARROW_MIN_BYTES
        csv_like = path.suffix.lower() in (".csv", ".txt") and not self.strict
        inventory = self.fmt == "inventory" or (self.fmt == "auto" and detect_format(path) == "inventory")
        return "arrow" if big and csv_like and inventory else "row"

    def findings(self) -> Generator[Finding, None, None]:
        """Every finding of every input, in input order. A consumer that may stop early (an
        error, a closed pipe, Ctrl-C) closes it (`contextlib.closing`): an input still being read
        then closes its file at once, and Arrow's reads of it end before the interpreter does
        (left to the garbage collector, they were still waiting on the file at exit, and Arrow's
        thread pool then waited for them forever)."""
        for path in self.paths:
            yield from self.guarded(path, self.input_findings(path, None))

    def tally_only(self, tally: Tally) -> None:
        """Count every input without building findings where the Arrow engine allows it."""
        for path in self.paths:
            with closing(self.guarded(path, self.input_findings(path, tally))) as findings:
                for finding in findings:
                    tally.add_finding(finding)

    def input_findings(self, path: Path, tally: Tally | None) -> Iterator[Finding]:
        """One input through its engine (with a tally, the Arrow engine counts instead)."""
        if self.engine_for(path) == "arrow":
            return self.arrow_findings(path, tally)
        return self.row_findings(path)

    def guarded(self, path: Path, findings: Iterator[Finding]) -> Generator[Finding, None, None]:
        """With several inputs, an unusable one becomes an error Issue and the others go on;
        a single unusable input stops the scan. A reader failing in a way it should not (a bug)
        counts as unusable too, so one bad input never stops the others."""
        try:
            yield from findings
        except SourceError as exc:
            self.skip(path, exc, str(exc))
        except UsageError:
            raise
        except Exception as exc:  # noqa: BLE001 — a reader's bug must not stop the other inputs
            self.skip(
                path, exc, f"{path}: internal error reading it ({type(exc).__name__}: {exc}); please report"
            )

    def skip(self, path: Path, exc: Exception, message: str) -> None:
        """Record an unusable input (or stop the scan when it is the only one)."""
        if len(self.paths) == 1:
            raise exc if isinstance(exc, SourceError) else SourceError(message) from exc
        self.unusable.append(str(path))
        self.issues.append(Issue(str(path), "file", None, f"input skipped: {message}", IssueSeverity.ERROR))

    def row_findings(self, path: Path) -> Iterator[Finding]:
        """The row engine on one input."""
        result = scan_paths(
            [path],
            self.kb,
            self.as_of,
            fmt=self.fmt,
            strict=self.strict,
            overrides=self.overrides,
            regimes=self.regimes,
            default_use=self.default_use,
            progress=self.progress,
            org=self.organisation,
        )
        self.inputs += result.inputs
        self.issues += result.issues
        yield from result.findings

    def arrow_findings(self, path: Path, tally: Tally | None) -> Iterator[Finding]:
        """The Arrow engine on one CSV or Parquet inventory; with a tally, count groups instead of
        yielding findings. (The engine and pyarrow are imported here, when an input runs on it.)"""
        from netvet.batch.reader import FirstAhead, StreamIssues

        if self.fmt not in ("auto", "inventory"):
            raise UsageError(f"--engine arrow reads CSV or Parquet inventories, not --format {self.fmt}")
        rejected = StreamIssues(str(path))
        header, batches = input_batches(path, rejected)
        columns = map_columns(header, self.overrides)
        fields = dict(columns.fields)
        self.issues += duplicate_issues(str(path), 1, header, columns)
        require_identifying_column(path, 1, header, fields)
        with closing(FirstAhead(batches)) as ahead:  # read while the engine is imported and set up
            seen = yield from self.batch_findings(path, fields, ahead, tally)
        self.issues += rejected.issues
        sha256 = rejected.sha256 or sha256_file(path)  # the CSV stream hashes what it reads
        self.inputs.append(InputFile(str(path), sha256, "inventory", seen))

    def batch_findings(
        self, path: Path, fields: Mapping[str, int], batches: Iterator["pa.RecordBatch"], tally: Tally | None
    ) -> Generator[Finding, None, int]:
        """The Arrow engine over one input's batches (findings, or counts into the tally); returns
        how many rows it read."""
        from netvet.batch.decide import GroupCounts, findings_of
        from netvet.batch.engine import BatchEngine
        from netvet.batch.reader import cap_batch

        engine = BatchEngine(self.kb, self.as_of, self.regimes, self.default_use, self.organisation)
        seen, groups = 0, GroupCounts()
        for raw in batches:
            batch, cut = cap_batch(raw, fields, str(path), seen)
            self.issues += cut
            rows, problems = engine.run(batch, fields, str(path), seen)
            seen += len(batch)
            self.issues += problems
            if tally is not None:
                groups.add(rows)
            else:
                yield from findings_of(engine, rows)
            if self.progress:
                self.progress(len(batch))
        if tally is not None:
            groups.into(tally)
        return seen


def input_batches(
    path: Path, rejected: "StreamIssues"
) -> tuple[list[str], Generator["pa.RecordBatch", None, None]]:
    """The header and the (not yet started) batches of a CSV or Parquet inventory; pyarrow's
    Parquet module is imported only for a Parquet input."""
    if is_parquet(path):
        from netvet.batch.parquet import parquet_header, stream_parquet

        return parquet_header(path), stream_parquet(path)
    from netvet.batch.reader import header_of, stream_csv

    return header_of(path)[0], stream_csv(path, rejected)
