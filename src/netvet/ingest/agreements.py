"""EDGE: read mitigation agreements from YAML (`agreements:` list, with audits and breaches) or
CSV (one agreement per row; list cells separated by ';'). A bad agreement is skipped and leaves
an Issue naming the file, the agreement (YAML) or line (CSV) and the field."""

import csv
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from netvet.errors import RecordError, SourceError
from netvet.ids import parse_date
from netvet.mitigation.model import Agreement, AgreementEvent, AgreementKind, EventKind
from netvet.model import Issue

EVENT_SECTIONS = {"audits": EventKind.AUDIT, "reports": EventKind.REPORT, "breaches": EventKind.BREACH}


def text_list(value: Any) -> tuple[str, ...]:
    """A list cell: a YAML list, or text split on ';'."""
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else str(value).split(";")
    return tuple(str(v).strip() for v in items if str(v).strip())


def day(value: Any, field: str, required: bool = False) -> date | None:
    """A date cell; a RecordError names a bad or missing one."""
    if value is None or value == "":
        if required:
            raise RecordError("a date is required", field=field)
        return None
    found = parse_date(value if isinstance(value, date) else str(value))
    if found is None:
        raise RecordError(f"not a date: {value!r}", field=field)
    return found


def required_day(value: Any, field: str) -> date:
    """A date cell that must be there."""
    found = day(value, field, required=True)
    if found is None:  # day() raises first; this keeps the type exact
        raise RecordError("a date is required", field=field)
    return found


def months(value: Any, field: str) -> int | None:
    """A whole number of months, at least 1."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise RecordError(f"not a whole number of months: {value!r}", field=field)
    return int(text)


def events_of(row: Mapping[str, Any]) -> Iterator[AgreementEvent]:
    """The audits, reports and breaches a YAML agreement lists (a breach with `cured` adds a cure)."""
    for section, kind in EVENT_SECTIONS.items():
        for item in row.get(section) or ():
            when = required_day(item.get("day"), f"{section}.day")
            author, note = str(item.get("by") or "import"), str(item.get("note") or section.rstrip("s"))
            yield AgreementEvent(kind, when, author, note, str(item.get("result") or ""))
            if kind is EventKind.BREACH and (cured := day(item.get("cured"), "breaches.cured")):
                yield AgreementEvent(EventKind.CURE, cured, author, f"cured: {note}")


def agreement_of(row: Mapping[str, Any]) -> Agreement:
    """One agreement from a mapping of its fields."""
    key, counterparty = str(row.get("id") or "").strip(), str(row.get("counterparty") or "").strip()
    if not key:
        raise RecordError("an agreement needs an id", field="id")
    if not counterparty:
        raise RecordError("an agreement needs a counterparty", field="counterparty")
    kind_text = str(row.get("kind") or "mitigation").strip()
    if kind_text not in set(AgreementKind):
        raise RecordError(f"kind {kind_text!r} is not one of {', '.join(AgreementKind)}", field="kind")
    start = required_day(row.get("start"), "start")
    end = day(row.get("end"), "end")
    if end is not None and end < start:
        raise RecordError(f"ends ({end}) before it starts ({start})", field="end")
    return Agreement(
        key=key,
        kind=AgreementKind(kind_text),
        title=str(row.get("title") or key),
        counterparty=counterparty,
        start=start,
        end=end,
        suppliers=text_list(row.get("suppliers")) or (counterparty,),
        assets=text_list(row.get("assets")),
        case=str(row.get("case") or ""),
        obligations=text_list(row.get("obligations")),
        audit_every_months=months(row.get("audit_every_months"), "audit_every_months"),
        report_every_months=months(row.get("report_every_months"), "report_every_months"),
        events=tuple(events_of(row)),
    )


def rows_of(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(locator, fields) of each agreement in a YAML or CSV file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from exc
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        for row in reader:
            yield f"line {reader.line_num}", row
        return
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not YAML: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("agreements"), list):
        raise SourceError(f"{path}: expected a YAML mapping with an 'agreements' list")
    for i, row in enumerate(doc["agreements"], 1):
        yield f"agreement {i}", row if isinstance(row, dict) else {}


def read_agreements_file(path: Path) -> tuple[list[Agreement], list[Issue]]:
    """The agreements of a file and the problems of those skipped (a key used twice included)."""
    found: list[Agreement] = []
    issues: list[Issue] = []
    for where, row in rows_of(path):
        try:
            agreement = agreement_of(row)
        except RecordError as exc:
            issues.append(Issue(str(path), where, exc.field, str(exc)))
            continue
        if any(a.key == agreement.key for a in found):
            issues.append(Issue(str(path), where, "id", f"id {agreement.key!r} used twice in the file"))
            continue
        found.append(agreement)
    return found, issues
