"""Settings read once from the environment (NETVET_ prefix); the only reader of os.environ."""

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///netvet.db"
OFF_WORDS = frozenset({"0", "no", "false", "off"})


def optional_path(text: str | None) -> Path | None:
    """A path from a variable's text; None when unset or empty."""
    return Path(text) if text else None


@dataclass(frozen=True, slots=True)
class Settings:
    """Process-wide settings passed down from the adapters."""

    db_url: str = DEFAULT_DB_URL
    kb_dir: Path | None = None
    cache_dir: Path = Path.home() / ".cache" / "netvet"
    nmap_dir: Path | None = None
    recog_dir: Path | None = None
    auto_rules: bool = True
    debug: bool = False
    service_secret: bytes | None = None

    @classmethod
    def from_env(cls) -> "Settings":
        """Read NETVET_DB_URL, NETVET_KB_DIR, NETVET_CACHE_DIR (compiled rule databases),
        NETVET_NMAP_DIR and NETVET_RECOG_DIR (rule files you have), NETVET_AUTO_RULES (0 to
        use only the rule files given with --rules), NETVET_DEBUG (tracebacks of internal
        errors) and NETVET_SERVICE_SECRET (signs the dashboard's sessions, so they outlive a
        restart of `netvet serve`)."""
        env = os.environ
        return cls(
            db_url=env.get("NETVET_DB_URL", DEFAULT_DB_URL),
            kb_dir=optional_path(env.get("NETVET_KB_DIR")),
            cache_dir=optional_path(env.get("NETVET_CACHE_DIR")) or Path.home() / ".cache" / "netvet",
            nmap_dir=optional_path(env.get("NETVET_NMAP_DIR")),
            recog_dir=optional_path(env.get("NETVET_RECOG_DIR")),
            auto_rules=env.get("NETVET_AUTO_RULES", "1").strip().casefold() not in OFF_WORDS,
            debug=env.get("NETVET_DEBUG", "") not in ("", "0"),
            service_secret=(env.get("NETVET_SERVICE_SECRET") or "").encode() or None,
        )
