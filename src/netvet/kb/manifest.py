"""The kb manifest: every data file's sha256, so a report can name the exact kb it used."""

import hashlib
import json
from pathlib import Path
from typing import Any

from netvet.errors import KnowledgeBaseError

MANIFEST = "MANIFEST.json"
PATTERNS = ("*.yaml", "*.csv.gz", "lists/*.yaml", "curation/*.yaml", "jurisdictions/*.yaml")


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_files(directory: Path) -> list[Path]:
    """The files the manifest covers, sorted."""
    return sorted({p for pattern in PATTERNS for p in directory.glob(pattern)})


def write_manifest(directory: Path, versions: dict[str, str]) -> Path:
    """Record every data file's hash and the versions of the lists and registries."""
    files = {p.relative_to(directory).as_posix(): sha256_of(p) for p in data_files(directory)}
    doc = {"schema": "netvet.manifest/1", "versions": versions, "files": files}
    path = directory / MANIFEST
    path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def read_manifest(directory: Path) -> dict[str, Any]:
    """MANIFEST.json as written by write_manifest; a missing one is a KnowledgeBaseError."""
    path = directory / MANIFEST
    if not path.exists():
        raise KnowledgeBaseError(f"{path}: missing; run `netvet kb build`")
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def verify_manifest(directory: Path) -> tuple[str, dict[str, str]]:
    """Check every file against the manifest; the manifest's own sha256 and each file's."""
    path = directory / MANIFEST
    recorded: dict[str, str] = read_manifest(directory).get("files", {})
    actual = {p.relative_to(directory).as_posix(): p for p in data_files(directory)}
    if set(recorded) != set(actual):
        raise KnowledgeBaseError(
            f"{path}: files differ from the manifest: {sorted(set(recorded) ^ set(actual))}"
        )
    for name, digest in recorded.items():
        if sha256_of(actual[name]) != digest:
            raise KnowledgeBaseError(f"{directory / name}: sha256 does not match {MANIFEST}")
    return sha256_of(path), recorded
