"""netvet: which equipment, services and suppliers fall under the US covered-equipment rules,
why, since when, and what must be filed or replaced."""

__version__ = "0.1.0"

from netvet.errors import NetvetError, RecordError, SourceError  # noqa: E402
from netvet.pipeline.scan import ScanResult, find, scan_paths  # noqa: E402

__all__ = ["NetvetError", "RecordError", "ScanResult", "SourceError", "__version__", "find", "scan_paths"]
