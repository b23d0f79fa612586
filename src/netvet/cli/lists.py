"""`netvet kb versions` and `netvet kb diff`: the kept versions of a list and what changed
between two of them."""

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from netvet.errors import UsageError
from netvet.kb.diff import ListDiff, diff_lists, diff_record
from netvet.kb.versions import pick_version, version_doc, versions_of

KbDir = Annotated[Path | None, typer.Option(help="Your kb folder (default NETVET_KB_DIR).")]


def user_kb(kb_dir: Path | None) -> Path:
    """The kb folder imports and versions live in."""
    from netvet.settings import Settings

    found = kb_dir or Settings.from_env().kb_dir
    if found is None:
        raise UsageError("set NETVET_KB_DIR or --kb-dir: list versions are kept in a kb folder of your own")
    return found


def versions(
    list_id: Annotated[str, typer.Argument(help="A list id, e.g. ear-entity-list.")], kb_dir: KbDir = None
) -> None:
    """Every kept version of a list: date, sha256, entries, source file."""
    table = Table(
        "version", "date", "entries", "sha256", "source", "source sha256", "imported", title=list_id
    )
    for v in versions_of(user_kb(kb_dir), list_id):
        table.add_row(
            v.label, v.version, str(v.entries), v.sha256[:16], v.source, v.source_sha256[:16], v.imported_at
        )
    Console(width=200).print(table)


def diff(
    list_id: Annotated[str, typer.Argument(help="A list id, e.g. ear-entity-list.")],
    old: Annotated[
        str | None, typer.Option("--from", help="Version (date or label); default the one before --to.")
    ] = None,
    new: Annotated[
        str | None, typer.Option("--to", help="Version (date or label); default the latest.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    kb_dir: KbDir = None,
) -> None:
    """Entries added, removed and changed between two kept versions of a list."""
    directory = user_kb(kb_dir)
    kept = versions_of(directory, list_id)
    after = pick_version(kept, new, -1)
    if old is None and kept.index(after) == 0:
        raise UsageError(f"{list_id} has no version before {after.label}: nothing to compare")
    before = pick_version(kept, old, kept.index(after) - 1)
    result = diff_lists(
        version_doc(directory, before), version_doc(directory, after), before.label, after.label
    )
    if json_:
        from netvet.cli.output import write_output

        write_output("json", [diff_record(result)], None)
    else:
        print_diff(Console(width=200), result)


def print_diff(console: Console, result: ListDiff) -> None:
    """Counts, then one line per added, removed or changed entry."""
    console.print(
        f"[bold]{result.list_id}[/bold] {result.old} -> {result.new}: {len(result.added)} added, "
        f"{len(result.removed)} removed, {len(result.changed)} changed",
        highlight=False,
    )
    table = Table("change", "id", "entry", "fields")
    for e in result.added:
        table.add_row("added", str(e["id"]), str(e.get("text")), "")
    for e in result.removed:
        table.add_row("removed", str(e["id"]), str(e.get("text")), "")
    for c in result.changed:
        table.add_row("changed", c.id, c.text, "; ".join(changed_text(k, v) for k, v in c.fields.items()))
    if result.added or result.removed or result.changed:
        console.print(table)


def changed_text(field: str, values: tuple[Any, Any]) -> str:
    """'date_removed: None -> 2025-11-19'."""
    return f"{field}: {values[0]} -> {values[1]}"
