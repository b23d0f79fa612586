"""Load newer official files into a user's kb folder: under the folder's lock, built in a staging
copy, checked (whole source, no list shrunk past the limit, the result loads), then swapped in
whole. A bad file leaves the kb as it was."""

import shutil
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from netvet.errors import KnowledgeBaseError, UsageError, registry_entry
from netvet.kb.build import build_1260h, build_fcc_list, build_registry, entity_resolver
from netvet.kb.importers.dod_1260h import slug
from netvet.kb.knowledge import DATA_DIR
from netvet.kb.list_docs import build_csl_lists, build_user_list
from netvet.kb.loader import load_kb
from netvet.kb.lock import DEFAULT_TIMEOUT, kb_lock
from netvet.kb.manifest import read_manifest, sha256_of, write_manifest
from netvet.kb.paths import checked_list_id
from netvet.kb.screening import load_screening
from netvet.kb.shrink import refuse_shrinks
from netvet.kb.versions import keep_baseline, keep_changed, list_hashes
from netvet.model import Issue

Importer = Callable[[Path, Path, date], list[Issue]]


def import_fcc(source: Path, kb_dir: Path, version: date) -> list[Issue]:
    """A Covered List table (either published layout) as lists/fcc-covered-list.yaml."""
    return build_fcc_list(
        source,
        kb_dir / "curation" / "fcc-covered-list.yaml",
        version,
        kb_dir / "lists" / "fcc-covered-list.yaml",
    )


def import_1260h(source: Path, kb_dir: Path, version: date) -> list[Issue]:
    """A DoD 1260H CSV as lists/dod-1260h.yaml."""
    return build_1260h(source, version, kb_dir / "lists" / "dod-1260h.yaml", entity_resolver(kb_dir))


def import_ieee(source: Path, kb_dir: Path, version: date) -> list[Issue]:
    """A folder of IEEE listings (oui.csv, mam.csv, oui36.csv, iab.csv) as the registry snapshot."""
    if not source.is_dir():
        raise UsageError(f"{source}: give the folder that holds oui.csv, mam.csv, oui36.csv, iab.csv")
    _, issues = build_registry(source, kb_dir / "ieee_registry.csv.gz", entity_resolver(kb_dir))
    return issues


def import_csl(source: Path, kb_dir: Path, version: date) -> list[Issue]:
    """A Consolidated Screening List (CSV or JSON layout) as one list file per source list."""
    return build_csl_lists(source, kb_dir, version, entity_resolver(kb_dir))


def user_list_importer(list_id: str | None, purposes: Sequence[str]) -> Importer:
    """An importer of a user's CSV of names into lists/<list_id>.yaml for the given purposes."""
    if list_id is not None:
        checked_list_id(list_id, "--list-id")

    def import_user_list(source: Path, kb_dir: Path, version: date) -> list[Issue]:
        what = "--list-id" if list_id else f"the list id made from {source.name} (give --list-id)"
        chosen = checked_list_id(list_id or f"user-{slug(source.stem)}", what)
        if (kb_dir / "lists" / f"{chosen}.yaml").exists() and not chosen.startswith("user-"):
            raise UsageError(
                f"--list-id {chosen}: a list of the kb has that id; user list ids start with 'user-'"
            )
        return build_user_list(source, kb_dir, version, chosen, purposes or ("procurement", "export"))

    return import_user_list


IMPORTERS: dict[str, Importer] = {
    "csl": import_csl,
    "user-list": user_list_importer(None, ()),
    "fcc-covered-list": import_fcc,
    "dod-1260h": import_1260h,
    "ieee": import_ieee,
}


def get_importer(kind: str) -> Importer:
    """An importer by kind."""
    return registry_entry(IMPORTERS, kind, "import kind")


def ensure_kb_dir(kb_dir: Path) -> None:
    """A user kb folder starts as a copy of the packaged kb, put in place whole (copied beside
    it, then renamed), so an interrupted first import leaves no half-copied folder."""
    refuse_packaged(kb_dir)
    if not kb_dir.exists():
        fresh = beside(kb_dir, "new")
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(DATA_DIR, fresh)
        fresh.rename(kb_dir)


def refuse_packaged(kb_dir: Path) -> None:
    """The packaged kb is never imported into (nor locked: it may be read-only)."""
    if kb_dir.resolve() == DATA_DIR.resolve():
        raise UsageError(
            "the packaged kb is not imported into: set NETVET_KB_DIR or --kb-dir to a folder of your own"
        )


def beside(kb_dir: Path, role: str) -> Path:
    """A working folder next to the kb folder: `.<name>.staging`, `.<name>.new`, `<name>.previous`."""
    return kb_dir.with_name(f"{kb_dir.name}.previous" if role == "previous" else f".{kb_dir.name}.{role}")


def recover(kb_dir: Path) -> None:
    """Clean up after an import killed mid-way (only ever called under the kb lock): a kb folder
    moved aside but not yet replaced is put back, staging and half-copied folders are removed."""
    previous = beside(kb_dir, "previous")
    if previous.is_dir() and not kb_dir.exists():
        previous.rename(kb_dir)
    for role in ("previous", "staging", "new"):
        shutil.rmtree(beside(kb_dir, role), ignore_errors=True)


def import_official(
    kind: str,
    source: Path,
    kb_dir: Path,
    version: date,
    *,
    list_id: str | None = None,
    purposes: Sequence[str] = (),
    allow_shrink: bool = False,
    lock_timeout: float = DEFAULT_TIMEOUT,
) -> list[Issue]:
    """Import one official file into the kb folder as a new kept version of each list it changes,
    holding the folder's lock; nothing changes unless the result loads and no list shrinks past
    the limit (unless `allow_shrink`)."""
    importer = get_importer(kind) if kind != "user-list" else user_list_importer(list_id, purposes)
    refuse_packaged(kb_dir)
    with kb_lock(kb_dir, lock_timeout):
        recover(kb_dir)
        ensure_kb_dir(kb_dir)
        issues = stage_and_swap(kind, importer, source, kb_dir, version, allow_shrink)
    load_kb.cache_clear()
    load_screening.cache_clear()
    return issues


def stage_and_swap(
    kind: str, importer: Importer, source: Path, kb_dir: Path, version: date, allow_shrink: bool
) -> list[Issue]:
    """Build the import in a staging copy, check it, swap it in; the staging copy never stays."""
    staging = beside(kb_dir, "staging")
    try:
        shutil.copytree(kb_dir, staging)
        issues = build_staged(kind, importer, source, staging, version)
        if not allow_shrink:
            refuse_shrinks(source, kb_dir, staging)
        load_kb.__wrapped__(staging)
        swap(staging, kb_dir)
    except (KnowledgeBaseError, OSError, KeyError, ValueError) as exc:
        raise KnowledgeBaseError(f"{source}: not imported, the kb is unchanged: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return issues


def build_staged(kind: str, importer: Importer, source: Path, staging: Path, version: date) -> list[Issue]:
    """Run the importer in the staging copy, keep the versions it changes, rewrite the manifest."""
    keep_baseline(staging)
    before = list_hashes(staging)
    issues = importer(source, staging, version)
    keep_changed(staging, before, source, sha256_of(source) if source.is_file() else "")
    versions = read_manifest(staging).get("versions", {})
    write_manifest(staging, {**versions, kind: version.isoformat()})
    return issues


def swap(staging: Path, kb_dir: Path) -> None:
    """Put the staged kb in place of the old one (a kill between the two renames is undone by
    `recover` at the next import)."""
    old = beside(kb_dir, "previous")
    shutil.rmtree(old, ignore_errors=True)
    kb_dir.rename(old)
    staging.rename(kb_dir)
    shutil.rmtree(old, ignore_errors=True)
