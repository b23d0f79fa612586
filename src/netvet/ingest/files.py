"""Reading an input file's bytes, with the errors every reader gives alike."""

from pathlib import Path

from netvet.errors import SourceError

NUL_SNIFF = 4096


def read_input(path: Path) -> bytes:
    """The file's bytes; a missing file is a SourceError naming it."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    return path.read_bytes()


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
