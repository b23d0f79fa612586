"""`netvet kb`: the knowledge base's versions, rebuilds, imports, kept list versions and diffs."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from netvet.cli_common import as_of_date, err
from netvet.cli_lists import diff, versions
from netvet.cli_output import print_issues
from netvet.errors import UsageError
from netvet.kb.loader import DATA_DIR, load_kb
from netvet.settings import Settings

kb_app = typer.Typer(no_args_is_help=True, help="The knowledge base: versions, rebuilds, imports.")
kb_app.command("versions")(versions)
kb_app.command("diff")(diff)


@kb_app.command("info")
def kb_info(
    no_auto_rules: Annotated[
        bool, typer.Option("--no-auto-rules", help="Do not look for Nmap's probes or a Recog checkout.")
    ] = False,
) -> None:
    """Print the kb's versions, file hashes and counts, and the rule files scans use without
    flags (Nmap's probes, a Recog checkout), compiling them once if they are not cached yet."""
    from netvet.cli_output import print_kb_info
    from netvet.kb.user_rules import found_rule_files, load_rule_files

    settings = Settings.from_env()
    kb = load_kb(settings.kb_dir or DATA_DIR)
    auto = settings.auto_rules and not no_auto_rules
    found = found_rule_files([], settings.nmap_dir, settings.recog_dir) if auto else []
    loaded = load_rule_files(kb, [], settings.cache_dir, optional=found)
    print_kb_info(Console(), kb, loaded.files)
    print_issues(err, [i for i in loaded.skipped if i.locator == "file"])


@kb_app.command("build")
def kb_build(
    data: Annotated[Path, typer.Option(help="Folder with ieee/, lists/, devicetypes/ official files.")],
    kb_dir: Annotated[
        Path | None, typer.Option(help="kb folder to write (default: the packaged one).")
    ] = None,
) -> None:
    """Rebuild the derived kb files from official files and rewrite the manifest."""
    from netvet.kb.build import build_all

    report = build_all(data, kb_dir or Settings.from_env().kb_dir or DATA_DIR)
    err.print(f"IEEE blocks: {report['ieee_blocks']}, catalogue keys: {report['catalogue_keys']}")
    print_issues(err, report["issues"])


@kb_app.command("import")
def kb_import(
    kind: Annotated[str, typer.Argument(help="csl | user-list | fcc-covered-list | dod-1260h | ieee")],
    source: Annotated[Path, typer.Argument(help="The official file (a folder of CSVs for ieee).")],
    version: Annotated[
        str | None, typer.Option(help="The date the file was published (default today).")
    ] = None,
    kb_dir: Annotated[Path | None, typer.Option(help="Your kb folder (default NETVET_KB_DIR).")] = None,
    list_id: Annotated[
        str | None, typer.Option(help="user-list: the list's id (default user-<file>).")
    ] = None,
    purpose: Annotated[list[str] | None, typer.Option(help="user-list: procurement and/or export.")] = None,
) -> None:
    """Load a newer official file into your kb folder as a new kept list version; a bad file
    leaves the kb unchanged."""
    from netvet.kb.imports import import_official

    target = kb_dir or Settings.from_env().kb_dir
    if target is None:
        raise UsageError("set NETVET_KB_DIR or --kb-dir: imports go to a kb folder of your own")
    issues = import_official(
        kind, source, target, as_of_date(version), list_id=list_id, purposes=purpose or ()
    )
    err.print(f"imported {kind} {source} into {target}")
    print_issues(err, issues)
