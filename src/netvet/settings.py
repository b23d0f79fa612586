"""Settings read once from the environment (NETVET_ prefix); the only reader of os.environ."""

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///netvet.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Process-wide settings passed down from the adapters."""

    db_url: str = DEFAULT_DB_URL
    kb_dir: Path | None = None
    cache_dir: Path = Path.home() / ".cache" / "netvet"
    debug: bool = False

    @classmethod
    def from_env(cls) -> "Settings":
        """Read NETVET_DB_URL, NETVET_KB_DIR, NETVET_CACHE_DIR (compiled rule databases) and
        NETVET_DEBUG (tracebacks of internal errors)."""
        kb, cache = os.environ.get("NETVET_KB_DIR"), os.environ.get("NETVET_CACHE_DIR")
        return cls(
            db_url=os.environ.get("NETVET_DB_URL", DEFAULT_DB_URL),
            kb_dir=Path(kb) if kb else None,
            cache_dir=Path(cache) if cache else Path.home() / ".cache" / "netvet",
            debug=os.environ.get("NETVET_DEBUG", "") not in ("", "0"),
        )
