"""`netvet report KIND --run ID`: render a filing or an evidence pack from a stored run."""

import csv
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from netvet.cli.common import err
from netvet.errors import SourceError, UsageError
from netvet.ids import parse_date
from netvet.kb.knowledge import DATA_DIR
from netvet.kb.loader import load_kb
from netvet.model import Issue
from netvet.report.annual import build_annual
from netvet.report.catalogue import Catalogue, parse_catalogue
from netvet.report.evidence import build_evidence
from netvet.report.plan import build_plan
from netvet.report.run import StoredRun
from netvet.report.sites import Site, check_header, parse_sites
from netvet.settings import Settings

KINDS = ("fcc-annual", "889-evidence", "rip-and-replace")


def read_text(path: Path) -> str:
    """A text file's contents; a SourceError names the file when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from exc


def read_sites(path: Path | None) -> tuple[dict[str, Site], list[Issue]]:
    """The sites file's sites by name and its problems (no file: no sites)."""
    if path is None:
        return {}, []
    reader = csv.DictReader(read_text(path).splitlines())
    check_header(reader.fieldnames or (), str(path))
    return parse_sites(((reader.line_num, row) for row in reader), str(path))


def read_catalogue(path: Path | None) -> tuple[Catalogue, list[Issue]]:
    """The cost catalogue and its problems (no file: an empty catalogue)."""
    if path is None:
        return Catalogue("no cost catalogue given (--costs)", "USD", {}), []
    try:
        data: Any = yaml.safe_load(read_text(path))
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not YAML: {exc}") from exc
    return parse_catalogue(data, str(path))


def load_run(db: str | None, run: int | None) -> StoredRun:
    """The stored run asked for (the newest by default)."""
    from netvet.store import open_store, read_run

    engine = open_store(db or Settings.from_env().db_url)
    try:
        return read_run(engine, run)
    finally:
        engine.dispose()


def discovery_date(text: str | None, run: StoredRun) -> date:
    """--discovered, default the run's as-of date."""
    if text is None:
        return run.as_of
    day = parse_date(text)
    if day is None:
        raise UsageError(f"--discovered: not a date: '{text}' (use YYYY-MM-DD)")
    return day


def render(
    kind: str, run: StoredRun, out: Path, sites: Path | None, costs: Path | None, found: str | None
) -> tuple[list[Path], list[Issue]]:
    """Build one report from the run and write its files."""
    from netvet.report import files as report_files

    if kind == "fcc-annual":
        known, problems = read_sites(sites)
        return report_files.write_annual(build_annual(run, known, tuple(problems)), out), problems
    if kind == "rip-and-replace":
        catalogue, problems = read_catalogue(costs)
        return report_files.write_plan(build_plan(run, catalogue), out), problems
    kb = load_kb(Settings.from_env().kb_dir or DATA_DIR)
    pack = build_evidence(
        run,
        kb.entities,
        kb.lists.get("ndaa-889"),
        discovery_date(found, run),
        kb_sha_now=kb.manifest_sha256,
        list_hashes={list_id: listed.sha256 for list_id, listed in kb.lists.items()},
    )
    return report_files.write_evidence(pack, out), []


def report(
    kind: Annotated[str, typer.Argument(help="fcc-annual | 889-evidence | rip-and-replace")],
    run: Annotated[int | None, typer.Option(help="Stored run id (default: the latest).")] = None,
    db: Annotated[
        str | None, typer.Option(help="Store URL (default NETVET_DB_URL or sqlite:///netvet.db).")
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the files to.")] = Path("."),
    sites: Annotated[Path | None, typer.Option(help="CSV: site, type, latitude, longitude, address.")] = None,
    costs: Annotated[Path | None, typer.Option(help="Cost catalogue (YAML) for rip-and-replace.")] = None,
    discovered: Annotated[str | None, typer.Option(help="Discovery date for the §889 clocks.")] = None,
) -> None:
    """Render a filing or evidence pack from a stored run."""
    if kind not in KINDS:
        raise UsageError(f"unknown report '{kind}' (known: {', '.join(KINDS)})")
    stored = load_run(db, run)
    written, problems = render(kind, stored, output, sites, costs, discovered)
    for issue in problems:
        err.print(f"issue: {issue.describe()}", markup=False, highlight=False)
    for path in written:
        err.print(f"wrote {path}", markup=False, highlight=False)
