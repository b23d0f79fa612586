"""netvet: which equipment, services and suppliers fall under the US covered-equipment rules,
why, since when, and what must be filed or replaced."""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from netvet.errors import NetvetError, RecordError, SourceError  # noqa: E402

if TYPE_CHECKING:
    from netvet.pipeline.scan import ScanResult, find, scan_paths

__all__ = ["NetvetError", "RecordError", "ScanResult", "SourceError", "__version__", "find", "scan_paths"]
# The pipeline (numpy, Arrow, the kb loaders) is imported on first use, so `netvet --help`
# and usage errors do not pay for it.
LAZY = frozenset({"ScanResult", "find", "scan_paths"})


def __getattr__(name: str) -> Any:
    """The pipeline's public names, imported when first asked for."""
    if name in LAZY:
        from netvet.pipeline import scan

        return getattr(scan, name)
    raise AttributeError(f"module 'netvet' has no attribute {name!r}")
