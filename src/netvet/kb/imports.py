"""Load newer official files into a user's kb folder: built in a staging copy, checked by loading
it, then swapped in whole. A bad file leaves the kb as it was."""

import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from netvet.errors import KnowledgeBaseError, UsageError, registry_entry
from netvet.kb.build import build_1260h, build_fcc_list, build_registry, entity_resolver
from netvet.kb.importers.dod_1260h import slug
from netvet.kb.list_docs import build_csl_lists, build_user_list
from netvet.kb.loader import DATA_DIR, load_kb
from netvet.kb.manifest import read_manifest, sha256_of, write_manifest
from netvet.kb.screening import load_screening
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

    def import_user_list(source: Path, kb_dir: Path, version: date) -> list[Issue]:
        chosen = list_id or f"user-{slug(source.stem)}"
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
    """A user kb folder starts as a copy of the packaged kb."""
    if kb_dir.resolve() == DATA_DIR.resolve():
        raise UsageError(
            "the packaged kb is not imported into: set NETVET_KB_DIR or --kb-dir to a folder of your own"
        )
    if not kb_dir.exists():
        shutil.copytree(DATA_DIR, kb_dir)


def import_official(
    kind: str,
    source: Path,
    kb_dir: Path,
    version: date,
    *,
    list_id: str | None = None,
    purposes: Sequence[str] = (),
) -> list[Issue]:
    """Import one official file into the kb folder as a new kept version of each list it changes;
    nothing changes unless the result loads."""
    importer = get_importer(kind) if kind != "user-list" else user_list_importer(list_id, purposes)
    ensure_kb_dir(kb_dir)
    staging = Path(tempfile.mkdtemp(prefix=".netvet-import-", dir=kb_dir.parent)) / "kb"
    try:
        shutil.copytree(kb_dir, staging)
        keep_baseline(staging)
        before = list_hashes(staging)
        issues = importer(source, staging, version)
        keep_changed(staging, before, source, sha256_of(source) if source.is_file() else "")
        versions = read_manifest(staging).get("versions", {})
        write_manifest(staging, {**versions, kind: version.isoformat()})
        load_kb.__wrapped__(staging)
        swap(staging, kb_dir)
    except (KnowledgeBaseError, OSError, KeyError, ValueError) as exc:
        raise KnowledgeBaseError(f"{source}: not imported, the kb is unchanged: {exc}") from exc
    finally:
        shutil.rmtree(staging.parent, ignore_errors=True)
    load_kb.cache_clear()
    load_screening.cache_clear()
    return issues


def swap(staging: Path, kb_dir: Path) -> None:
    """Put the staged kb in place of the old one."""
    old = kb_dir.with_name(kb_dir.name + ".previous")
    shutil.rmtree(old, ignore_errors=True)
    kb_dir.rename(old)
    staging.rename(kb_dir)
    shutil.rmtree(old, ignore_errors=True)
