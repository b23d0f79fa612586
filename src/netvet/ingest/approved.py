"""The approved-products register and the buyer's profile, read from the user's files.

- Conditional Approvals as CSV (the layout is documented in examples/purchase_conditional_approvals.csv):
  approval_id, company, models (';' between models; empty = every model of the company),
  category (router, uas, inverter, robot; empty = any), granted_by, granted_on, expires_on,
  source, verified.
- The register YAML (schema netvet.approved-products/1): conditional_approvals_csv (paths
  relative to the file) and qualified_manufacturers (the organisation's list, CISA criteria).
- The profile YAML (schema netvet.profile/1): organisation: federal_contractor, usf_recipient,
  customers.
A bad register row is an Issue and the row is left out (no approval, or not qualified: the
stricter answer); an unreadable file or a bad profile value is a SourceError naming the file.
"""

import csv
import io
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml

from netvet.errors import SourceError
from netvet.ids import parse_date
from netvet.ingest.files import read_text_input
from netvet.ingest.record import parse_flag
from netvet.model import Issue, Organisation
from netvet.model.vocab import IssueSeverity
from netvet.purchase import (
    Answer,
    ApprovalRegister,
    ConditionalApproval,
    Criterion,
    QualifiedList,
    QualifiedManufacturer,
    QuestionnaireCategory,
    Standing,
)

T = TypeVar("T")
APPROVAL_COLUMNS = ("approval_id", "company", "models", "category", "granted_by", "granted_on")
CATEGORIES = frozenset({"router", "uas", "inverter", "robot"})


def required(row: Mapping[str, Any], key: str) -> str:
    """A cell that must hold text."""
    value = row.get(key)
    if value is None or not str(value).strip():
        raise ValueError(f"{key} is empty")
    return str(value).strip()


def day_of(value: object, key: str, *, optional: bool = False) -> date | None:
    """A date cell (YAML dates pass through); empty is allowed only when optional."""
    if value is None or str(value).strip() == "":
        if optional:
            return None
        raise ValueError(f"{key} is empty")
    day = parse_date(value if isinstance(value, date) else str(value))
    if day is None:
        raise ValueError(f"{key} is not a date: '{value}'")
    return day


def approval_from(row: Mapping[str, str]) -> ConditionalApproval:
    """One Conditional Approval from a CSV row; a bad cell raises ValueError naming it."""
    category = (row.get("category") or "").strip().casefold() or None
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"category '{category}' is not one of {', '.join(sorted(CATEGORIES))}")
    verified = parse_flag(row.get("verified") or "yes")
    if verified is None:
        raise ValueError(f"verified is not yes or no: '{row.get('verified')}'")
    granted_on = day_of(row.get("granted_on"), "granted_on")
    if granted_on is None:
        raise ValueError("granted_on is empty")
    return ConditionalApproval(
        id=required(row, "approval_id"),
        company=required(row, "company"),
        models=tuple(m.strip() for m in (row.get("models") or "").split(";") if m.strip()),
        category=category,
        granted_by=required(row, "granted_by"),
        granted_on=granted_on,
        expires_on=day_of(row.get("expires_on"), "expires_on", optional=True),
        source=(row.get("source") or "").strip() or None,
        verified=verified,
    )


def read_conditional_approvals(path: Path) -> tuple[tuple[ConditionalApproval, ...], list[Issue]]:
    """The approvals of one CSV file; bad rows are Issues naming the line and left out."""
    lines = read_text_input(path).splitlines(keepends=True)
    body = [line for line in lines if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("".join(body), newline=""))
    absent = [c for c in APPROVAL_COLUMNS if c not in (reader.fieldnames or [])]
    if absent:
        raise SourceError(f"{path}: not a Conditional Approval register: no column {', '.join(absent)}")
    skipped = len(lines) - len(body)
    approvals, issues = [], []
    for row in reader:
        where = f"line {reader.line_num + skipped}"
        try:
            approvals.append(approval_from(row))
        except ValueError as exc:
            issues.append(Issue(str(path), where, None, f"{exc}: approval left out", IssueSeverity.ERROR))
    return tuple(approvals), issues


def read_yaml_file(path: Path) -> Mapping[str, Any]:
    """A YAML mapping; anything else is a SourceError naming the file."""
    try:
        doc = yaml.safe_load(read_text_input(path))
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise SourceError(f"{path}: expected a YAML mapping")
    return doc


def choice(value: object, vocabulary: Callable[[str], T], key: str) -> T:
    """A value of a closed vocabulary; a wrong one raises ValueError naming the key."""
    try:
        return vocabulary(str(value).strip().casefold())
    except ValueError as exc:
        raise ValueError(f"{key}: '{value}' is not a known value") from exc


def manufacturer_from(doc: Mapping[str, Any]) -> QualifiedManufacturer:
    """One qualified-list entry; a bad field raises ValueError naming it."""
    answers = doc.get("questionnaire") or {}
    not_met = doc.get("criteria_not_met") or []
    if not isinstance(answers, dict) or not isinstance(not_met, list):
        raise ValueError("questionnaire must be a mapping and criteria_not_met a list")
    return QualifiedManufacturer(
        manufacturer=required(doc, "manufacturer"),
        standing=choice(doc.get("standing", "qualified"), Standing, "standing"),
        qualified_on=day_of(doc.get("qualified_on"), "qualified_on", optional=True),
        requalify_by=day_of(doc.get("requalify_by"), "requalify_by", optional=True),
        answers={
            choice(k, QuestionnaireCategory, "questionnaire"): choice(answer_text(v), Answer, str(k))
            for k, v in answers.items()
        },
        criteria_not_met=tuple(choice(c, Criterion, "criteria_not_met") for c in not_met),
        note=doc.get("note"),
    )


def answer_text(value: object) -> str:
    """YAML reads a bare yes/no as a boolean: turn it back into the answer word."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def qualified_from(path: Path, doc: Mapping[str, Any]) -> tuple[QualifiedList, list[Issue]]:
    """The qualified manufacturer list of a register; bad entries are Issues and left out."""
    found, issues = [], []
    for index, item in enumerate(doc.get("manufacturers") or [], start=1):
        try:
            if not isinstance(item, dict):
                raise ValueError("not a mapping")
            found.append(manufacturer_from(item))
        except ValueError as exc:
            where = f"qualified_manufacturers entry {index}"
            issues.append(Issue(str(path), where, None, f"{exc}: entry left out", IssueSeverity.ERROR))
    return QualifiedList(tuple(found), str(doc.get("source") or path.name)), issues


def read_register(path: Path) -> tuple[ApprovalRegister | None, QualifiedList | None, list[Issue]]:
    """A register file: a Conditional Approval CSV, or the register YAML."""
    if path.suffix.lower() == ".csv":
        approvals, issues = read_conditional_approvals(path)
        return ApprovalRegister(approvals, (path.name,)), None, issues
    doc = read_yaml_file(path)
    register, issues = linked_approvals(path, doc.get("conditional_approvals_csv") or [])
    qml_doc = doc.get("qualified_manufacturers")
    if not isinstance(qml_doc, dict):
        return register, None, issues
    qml, problems = qualified_from(path, qml_doc)
    return register, qml, issues + problems


def linked_approvals(path: Path, relatives: list[Any]) -> tuple[ApprovalRegister | None, list[Issue]]:
    """The Conditional Approval CSVs a register YAML names, relative to it (None when none)."""
    approvals: list[ConditionalApproval] = []
    issues: list[Issue] = []
    for relative in relatives:
        found, problems = read_conditional_approvals(path.parent / str(relative))
        approvals += found
        issues += problems
    names = tuple(Path(str(r)).name for r in relatives)
    return (ApprovalRegister(tuple(approvals), names) if names else None), issues


def read_profile(path: Path) -> Organisation:
    """The organisation's profile; a bad value is a SourceError naming the file and field."""
    doc = read_yaml_file(path).get("organisation")
    if not isinstance(doc, dict):
        raise SourceError(f"{path}: no 'organisation' mapping")
    values: dict[str, Any] = {}
    for key in ("federal_contractor", "usf_recipient"):
        value = doc.get(key)
        if value is not None and not isinstance(value, bool):
            raise SourceError(f"{path}: organisation.{key}: expected true or false, got {value!r}")
        values[key] = value
    customers = doc.get("customers")
    if customers is not None and (
        isinstance(customers, bool) or not isinstance(customers, int) or customers < 0
    ):
        raise SourceError(f"{path}: organisation.customers: expected a whole number, got {customers!r}")
    return Organisation(values["federal_contractor"], values["usf_recipient"], customers)
