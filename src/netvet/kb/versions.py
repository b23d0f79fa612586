"""Every imported list version is kept: a copy of the list file under versions/<list>/ and one
line in versions/log.jsonl (list, version date, sha256, source file and its sha256). Nothing is
overwritten; a later import adds a version."""

import json
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from netvet.errors import UsageError
from netvet.kb.manifest import sha256_of
from netvet.kb.parse import read_yaml
from netvet.kb.paths import checked_list_id, checked_version, inside

VERSIONS_DIR = "versions"
LOG = "log.jsonl"


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """One kept version of one list."""

    list_id: str
    version: str
    sha256: str
    file: str
    source: str
    source_sha256: str
    imported_at: str
    entries: int

    @property
    def label(self) -> str:
        """'2023-11-30_1a2b3c4d5e6f': the version date and the start of its sha256."""
        return Path(self.file).stem


def read_log(kb_dir: Path) -> list[StoredVersion]:
    """Every kept version, oldest first."""
    path = kb_dir / VERSIONS_DIR / LOG
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [StoredVersion(**json.loads(line)) for line in lines if line.strip()]


def keep_version(kb_dir: Path, list_file: Path, source: str, source_sha256: str) -> StoredVersion | None:
    """Copy a list file into versions/ and log it, unless that exact content is already kept."""
    digest = sha256_of(list_file)
    doc = read_yaml(list_file)
    list_id = checked_list_id(str(doc["list_id"]))
    if any(v.list_id == list_id and v.sha256 == digest for v in read_log(kb_dir)):
        return None
    name = f"{VERSIONS_DIR}/{list_id}/{checked_version(str(doc['version']))}_{digest[:12]}.yaml"
    target = inside(kb_dir / VERSIONS_DIR, Path(name).relative_to(VERSIONS_DIR))  # stays under versions/
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(list_file, target)
    kept = StoredVersion(
        list_id,
        str(doc["version"]),
        digest,
        name,
        source,
        source_sha256,
        datetime.now(UTC).isoformat(timespec="seconds"),
        len(doc.get("entries") or ()),
    )
    with (kb_dir / VERSIONS_DIR / LOG).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(asdict(kept), sort_keys=True) + "\n")
    return kept


def keep_baseline(kb_dir: Path) -> None:
    """Keep the lists a kb folder already has (e.g. the packaged ones) as their first versions."""
    logged = {v.list_id for v in read_log(kb_dir)}
    for path in sorted((kb_dir / "lists").glob("*.yaml")):
        doc = read_yaml(path)
        if "entries" in doc and str(doc["list_id"]) not in logged:
            keep_version(kb_dir, path, "kb folder before the first import", "")


def keep_changed(
    kb_dir: Path, before: dict[str, str], source: Path, source_sha256: str
) -> list[StoredVersion]:
    """Keep every list file whose content differs from `before` (file name -> sha256)."""
    kept = []
    for path in sorted((kb_dir / "lists").glob("*.yaml")):
        if before.get(path.name) != sha256_of(path) and "entries" in read_yaml(path):
            found = keep_version(kb_dir, path, str(source), source_sha256)
            if found:
                kept.append(found)
    return kept


def list_hashes(kb_dir: Path) -> dict[str, str]:
    """List file name -> sha256, to tell afterwards which lists an import changed."""
    return {p.name: sha256_of(p) for p in (kb_dir / "lists").glob("*.yaml")}


def versions_of(kb_dir: Path, list_id: str) -> list[StoredVersion]:
    """The kept versions of one list, oldest first; none is an error naming the list."""
    found = [v for v in read_log(kb_dir) if v.list_id == list_id]
    if not found:
        known = sorted({v.list_id for v in read_log(kb_dir)})
        raise UsageError(f"no kept versions of list '{list_id}' in {kb_dir} (lists with versions: {known})")
    return found


def pick_version(versions: list[StoredVersion], wanted: str | None, default: int) -> StoredVersion:
    """A version by date, label or label prefix; the default position when none is given."""
    if wanted is None:
        return versions[default]
    found = [v for v in versions if v.label.startswith(wanted) or v.version == wanted]
    if len(found) == 1:
        return found[0]
    labels = ", ".join(v.label for v in versions)
    what = "matches several" if found else "matches no"
    raise UsageError(f"'{wanted}' {what} version of {versions[0].list_id} (versions: {labels})")


def version_doc(kb_dir: Path, version: StoredVersion) -> dict[str, Any]:
    """The list document of one kept version."""
    doc: dict[str, Any] = read_yaml(inside(kb_dir, version.file))
    return doc
