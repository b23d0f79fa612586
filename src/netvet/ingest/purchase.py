"""Purchase lines (CSV or XLSX): the inventory reader's rows, headers and cells, plus the
purchase columns: supplier, quantity and the Conditional Approval (yes/no or its reference)."""

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from netvet.errors import SourceError
from netvet.ingest.columns import SYNONYMS, duplicate_issues, map_columns
from netvet.ingest.files import require_file
from netvet.ingest.inventory import data_rows, read_rows_csv, read_rows_xlsx
from netvet.ingest.record import observation_from, parse_flag
from netvet.model import Issue, Observation, SourceRef
from netvet.model.vocab import IssueSeverity
from netvet.purchase import PurchaseLine

# Purchase columns first: in a purchase file "vendor" is who sells, "manufacturer" who makes.
PURCHASE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "supplier": ("supplier", "supplier name", "vendor", "vendor name", "seller", "reseller", "distributor"),
    "quantity": ("quantity", "qty", "units", "quantity ordered", "order quantity", "count"),
    "approval": (
        "conditional approval",
        "conditional approval id",
        "conditional approval reference",
        "ca",
        "approval",
    ),
    **{field: words for field, words in SYNONYMS.items() if field != "conditional_approval"},
}
PURCHASE_ONLY = frozenset({"supplier", "quantity", "approval"})
IDENTIFYING = frozenset({"vendor", "model", "supplier"})


def parse_quantity(text: str) -> int | None:
    """'12', '1,000', '3.0' -> a positive whole number; None otherwise."""
    cleaned = text.replace(",", "").strip()
    if not re.fullmatch(r"\d+(\.0+)?", cleaned):
        return None
    number = int(float(cleaned))
    return number if number > 0 else None


def extras_of(
    cells: Sequence[str], fields: Mapping[str, int], source: SourceRef
) -> tuple[dict[str, object], list[Issue]]:
    """Supplier, quantity and the Conditional Approval cell (a flag, or a reference kept as text)."""
    raw = {f: cells[i].strip() for f, i in fields.items() if f in PURCHASE_ONLY and i < len(cells)}
    values: dict[str, object] = {"supplier": raw.get("supplier") or None}
    issues = []
    if raw.get("quantity"):
        values["quantity"] = parse_quantity(raw["quantity"])
        if values["quantity"] is None:
            message = f"not a positive whole quantity: '{raw['quantity']}'"
            issues.append(Issue(source.path, source.locator, "quantity", message))
    if raw.get("approval"):
        flag = parse_flag(raw["approval"])
        values["approval"] = True if flag is None else flag  # a reference claims an approval
        values["approval_ref"] = raw["approval"] if flag is None else None
    return values, issues


def line_from(cells: Sequence[str], fields: Mapping[str, int], source: SourceRef, line: int) -> PurchaseLine:
    """One purchase line and its issues; a line with nothing usable has no observation."""
    product_fields = {f: i for f, i in fields.items() if f not in PURCHASE_ONLY}
    obs, issues = observation_from(cells, product_fields, source)
    extras, more = extras_of(cells, fields, source)
    issues += more
    if obs is None and extras["supplier"]:
        obs = Observation(source=source)
        issues = [i for i in issues if i.message != "row has no usable value"]
    if obs is not None and extras.get("approval") is not None:
        obs = replace(obs, conditional_approval=bool(extras["approval"]))
    return PurchaseLine(
        line,
        obs,
        extras["supplier"],  # type: ignore[arg-type]
        extras.get("quantity"),  # type: ignore[arg-type]
        extras.get("approval_ref"),  # type: ignore[arg-type]
        tuple(issues),
    )


def read_lines(
    path: Path, rows: Iterator[tuple[int, list[str]]], fields: Mapping[str, int], width: int
) -> list[PurchaseLine]:
    """Every non-blank line; a line of the wrong width is kept, unread, with its Issue."""
    return [
        PurchaseLine(number, None, issues=(problem,)) if problem else line_from(cells, fields, source, number)
        for number, source, cells, problem in data_rows(path, rows, width)
    ]


def read_purchase_lines(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[PurchaseLine], list[Issue]]:
    """The purchase lines of a file and every Issue; strict turns the first Issue into an error;
    overrides ({field: header}) choose columns as --map does."""
    require_file(path)
    rows = read_rows_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else read_rows_csv(path)
    header = next(rows, None)
    if header is None:
        raise SourceError(f"{path}: empty file")
    columns = map_columns(header[1], overrides, synonyms=PURCHASE_SYNONYMS)
    if not IDENTIFYING & set(columns.fields):
        named = ", ".join(header[1])
        raise SourceError(
            f"{path}: line {header[0]}: no column reads as manufacturer, model or supplier (columns: {named})"
        )
    lines = read_lines(path, rows, columns.fields, len(header[1]))
    issues = duplicate_issues(str(path), header[0], header[1], columns)
    issues += [
        Issue(str(path), f"line {header[0]}", h, "column not used", IssueSeverity.INFO)
        for h in columns.unused
    ]
    issues += [i for line in lines for i in line.issues]
    first = next((i for i in issues if i.severity != IssueSeverity.INFO), None)
    if strict and first is not None:
        raise SourceError(first.describe())
    return lines, issues
