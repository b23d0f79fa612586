"""What the CLI prints: Rich tables and progress on the terminal, data to stdout or a file."""

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from netvet.errors import UsageError
from netvet.model import Issue
from netvet.model.vocab import IssueSeverity

if TYPE_CHECKING:
    from netvet.report import Summary

MAX_ISSUES_SHOWN = 15


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """A file to write data to, or stdout; one that cannot be opened (a folder, a missing or
    read-only folder) is a UsageError naming -o."""
    if path is None:
        yield sys.stdout
        return
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"-o {path}: cannot write there: {exc.strerror or exc}") from exc
    with fh:
        yield fh


@contextmanager
def progress_bar(console: Console, label: str = "scanning", total: int | None = None) -> Iterator[Any]:
    """A progress bar on stderr when it is a terminal; yields advance(n). Elsewhere the bar, being
    transient, would print nothing: it is not made (nor Rich's progress module imported)."""
    if not console.is_terminal:
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


def write_output(fmt: str, records: Sequence[dict[str, Any]], path: Path | None) -> None:
    """Records to a file or stdout, through the one record writer."""
    from netvet.report import RecordWriter

    with open_output(path) as out:
        writer = RecordWriter(fmt, out)
        for record in records:
            writer.write(record)
        writer.close()


def print_summary(console: Console, summary: "Summary", as_of: date, run_id: int | None) -> None:
    """Counts by verdict, regime and manufacturer, then the covered assets."""
    stored = f", stored as run {run_id}" if run_id is not None else ""
    console.print(
        f"[bold]{summary.assets} assets[/bold] as of "
        f"{as_of.isoformat()}{stored}; {summary.issues} input issues"
    )
    verdicts = Table("verdict", "assets", title="By verdict")
    for verdict, n in summary.by_verdict.items():
        verdicts.add_row(verdict, str(n))
    console.print(verdicts)
    regimes = Table("regime", "covered", "review", "not-covered", "unknown", title="By regime")
    for regime, counts in summary.by_regime.items():
        regimes.add_row(
            regime, *(str(counts.get(s, 0)) for s in ("covered", "review", "not-covered", "unknown"))
        )
    console.print(regimes)
    makers = Table("manufacturer", "assets", "covered", title="By manufacturer (top 15)")
    for maker, n, n_covered in summary.by_manufacturer[:15]:
        makers.add_row(maker, str(n), str(n_covered))
    console.print(makers)
    shown = f"first {len(summary.covered)} of " if len(summary.covered) < summary.covered_total else ""
    covered = Table("asset", "manufacturer", "why", title=f"Covered assets ({shown}{summary.covered_total})")
    for asset, maker, why in summary.covered:
        covered.add_row(asset, maker, why)
    console.print(covered)


def print_issues(console: Console, issues: Sequence[Issue]) -> None:
    """The input problems (info-level notes are counted, not listed)."""
    shown = [i for i in issues if i.severity != IssueSeverity.INFO]
    for issue in shown[:MAX_ISSUES_SHOWN]:
        console.print(f"[yellow]issue:[/yellow] {escape(issue.describe())}", highlight=False)
    if len(shown) > MAX_ISSUES_SHOWN:
        console.print(f"... and {len(shown) - MAX_ISSUES_SHOWN} more issues (see --json or the store)")


def print_matches(console: Console, results: Sequence[dict[str, Any]]) -> None:
    """One table per query."""
    for result in results:
        table = Table("entity", "score", "controller", "lists", "why", title=result["query"])
        for m in result["matches"]:
            lists = ", ".join(dict.fromkeys(f"{d['list']} ({d['status']})" for d in m["designations"])) or "-"
            table.add_row(
                m["entity"]["name"],
                f"{m['score']:.2f}",
                m["controller"]["name"],
                lists,
                "; ".join([*m["reasons"], *review_note(m.get("decision"))]),
            )
        if not result["matches"]:
            table.add_row("no match", "", "", "", "")
        console.print(table)


def review_note(decision: dict[str, Any] | None) -> list[str]:
    """The review decision in force on a match, as a reason line."""
    if not decision:
        return []
    return [f"REVIEWED {decision['decision']} by {decision['author']}: {decision['reason']}"]


def print_kb_info(console: Console, kb: Any, rule_files: Sequence[Any] = ()) -> None:
    """Versions, counts and the manifest hash, and the banner rule files found on this machine."""
    table = Table("part", "version / count", title=f"knowledge base {kb.directory}")
    table.add_row("manifest sha256", kb.manifest_sha256)
    for list_id, listed in sorted(kb.lists.items()):
        table.add_row(
            f"list {list_id}",
            f"{listed.version.isoformat()} · {len(listed.entries)} entries · sha256 {listed.sha256[:12]}",
        )
    for regime_id, inst in sorted(kb.regime_kb.instruments.items()):
        table.add_row(
            f"instrument {regime_id}",
            f"{inst.version.isoformat()} · {inst.status} of {inst.issued.isoformat()}"
            f" · {len(inst.obligations)} obligations",
        )
    table.add_row("entities", str(len(kb.entities)))
    table.add_row("ownership edges", str(len(kb.edges)))
    table.add_row("IEEE assignments", str(len(kb.oui.rows)))
    table.add_row("model patterns", str(len(kb.models.patterns)))
    for found in rule_files:
        skipped = f" ({len(found.skipped)} skipped)" if found.skipped else ""
        table.add_row(
            f"rule file {found.path}", f"sha256 {found.sha256[:12]} · {len(found.rules)} rules{skipped}"
        )
    console.print(table)
