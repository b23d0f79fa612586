"""Reading an input file's bytes, with the errors every reader gives alike."""

import stat
from pathlib import Path

from netvet.errors import SourceError

NUL_SNIFF = 4096


def is_parquet(path: Path) -> bool:
    """True for a Parquet file, by its name (remote paths cannot be sniffed)."""
    return path.suffix.lower() in (".parquet", ".pq")


def require_file(path: Path) -> None:
    """A SourceError saying why `path` cannot be read as a file: missing, a folder, a symlink
    loop, not a regular file (a pipe or device), or unreadable."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: no such file") from exc
    except OSError as exc:  # ELOOP: a symlink loop; EACCES: a folder on the way is closed
        raise SourceError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(mode):
        raise SourceError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise SourceError(f"{path}: not a regular file (a pipe, socket or device)")


def read_input(path: Path) -> bytes:
    """The file's bytes; a file that cannot be read is a SourceError naming it and why."""
    require_file(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


def read_text_input(path: Path) -> str:
    """The file as UTF-8 text (bad bytes replaced); NUL bytes mean it is not a text file."""
    raw = read_input(path)
    if b"\x00" in raw[:NUL_SNIFF]:
        raise SourceError(f"{path}: not a text file (NUL bytes)")
    return raw.decode("utf-8", errors="replace")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Paths as given, a folder replaced by the files directly in it (sorted, hidden ones skipped);
    an empty folder is a SourceError naming it."""
    expanded: list[Path] = []
    for path in paths:
        if not path.is_dir():
            expanded.append(path)
            continue
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        if not files:
            raise SourceError(f"{path}: folder has no files to scan")
        expanded.extend(files)
    return expanded
