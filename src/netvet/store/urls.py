"""What a store URL says before any database library is imported."""

from pathlib import Path


def holds_nothing_yet(url: str) -> bool:
    """True when the store at url cannot hold anything yet, so reading it can be skipped (and
    SQLAlchemy left unimported: a third of a second): a SQLite file not yet created, or SQLite in
    memory (each connection opens a new, empty database)."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        return True
    return url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists()
