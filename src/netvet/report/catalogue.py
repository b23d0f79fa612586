"""The cost catalogue of the rip-and-replace plan: per equipment category, its network stage,
the replacement, and a low-high unit cost with its source."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from netvet.errors import RecordError, SourceError
from netvet.model import Issue


class Stage(StrEnum):
    """Where equipment sits in the network; replacements go upstream before downstream."""

    CORE = "core"
    AGGREGATION = "aggregation"
    ACCESS = "access"
    CPE = "cpe"
    OTHER = "other"


STAGE_ORDER = tuple(Stage)


@dataclass(frozen=True, slots=True)
class CostRow:
    """One catalogue row: a category's stage, replacement, unit cost range and its source."""

    category: str
    stage: Stage
    replacement: str
    unit: str
    low: float
    high: float
    source: str
    illustrative: bool


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The cost catalogue: a title, a currency and rows by category."""

    title: str
    currency: str
    rows: dict[str, CostRow]


def amount(value: Any, name: str) -> float:
    """A non-negative number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise RecordError(f"{name} must be a number ≥ 0, got {value!r}", field=name)
    return float(value)


def cost_row(item: Mapping[str, Any]) -> CostRow:
    """One row; every row needs a category, a known stage, a range and a source."""
    for name in ("category", "stage", "replacement", "source"):
        if not str(item.get(name) or "").strip():
            raise RecordError(f"no {name}", field=name)
    if item["stage"] not in Stage.__members__.values():
        raise RecordError(f"stage '{item['stage']}' is not one of {', '.join(Stage)}", field="stage")
    low, high = amount(item.get("low"), "low"), amount(item.get("high"), "high")
    if low > high:
        raise RecordError(f"low {low:g} is above high {high:g}", field="low")
    return CostRow(
        str(item["category"]),
        Stage(item["stage"]),
        str(item["replacement"]),
        str(item.get("unit") or "per unit"),
        low,
        high,
        str(item["source"]),
        bool(item.get("illustrative", False)),
    )


def parse_catalogue(data: Any, path: str) -> tuple[Catalogue, list[Issue]]:
    """A catalogue from parsed YAML; a bad row is an Issue naming the row, a bad file a SourceError."""
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise SourceError(f"{path}: not a cost catalogue (need a mapping with a 'rows' list)")
    rows: dict[str, CostRow] = {}
    issues: list[Issue] = []
    for number, item in enumerate(data["rows"], start=1):
        try:
            row = cost_row(item if isinstance(item, dict) else {})
        except RecordError as exc:
            issues.append(Issue(path, f"row {number}", exc.field, f"{exc}: row skipped"))
            continue
        if row.category in rows:
            issues.append(Issue(path, f"row {number}", "category", f"'{row.category}' repeated: first kept"))
            continue
        rows[row.category] = row
    title = str(data.get("title") or "cost catalogue")
    return Catalogue(title, str(data.get("currency") or "USD"), rows), issues
