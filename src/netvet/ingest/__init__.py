"""Readers: one module per input format, one signature, looked up in READERS."""

from collections.abc import Callable, Mapping
from pathlib import Path

from netvet.errors import registry_entry
from netvet.ingest.inventory import read_inventory
from netvet.ingest.snmprec import read_snmprec
from netvet.model import Issue, Observation

Reader = Callable[..., tuple[list[Observation], list[Issue]]]

READERS: dict[str, Reader] = {"inventory": read_inventory, "snmprec": read_snmprec}


def get_reader(name: str) -> Reader:
    """A reader by format name; an unknown format is a LookupFailure listing the known ones."""
    return registry_entry(READERS, name, "format")


def detect_format(path: Path) -> str:
    """The reader for a file, from its name."""
    return "snmprec" if path.suffix.lower() == ".snmprec" else "inventory"


def read_source(
    path: Path, fmt: str = "auto", *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """Read one input with the named (or detected) reader."""
    name = detect_format(path) if fmt == "auto" else fmt
    return get_reader(name)(path, strict=strict, overrides=overrides)


__all__ = [
    "READERS",
    "Reader",
    "detect_format",
    "get_reader",
    "read_inventory",
    "read_snmprec",
    "read_source",
]
