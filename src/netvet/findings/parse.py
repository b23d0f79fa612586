"""Read a FindingRecord back from its JSON object (a stored run's row, a saved `--json` file).
Strict about types, lenient about absence: a field added over time and missing from an older
record takes its default; a wrong type is a RecordError naming the field (`determinations[2].status`)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from netvet.errors import RecordError
from netvet.findings.record import (
    EvidenceLine,
    FindingRecord,
    Identifiers,
    LineageLine,
    NetworkPartLine,
    Party,
    RenewalDue,
)
from netvet.model.applied import AppliedMitigation, AppliedReview, Decision, DecisionKind
from netvet.model.finding import Determination
from netvet.model.sources import SourceRef
from netvet.model.vocab import Status, Verdict

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class Fields:
    """A JSON object read field by field; `where` names it in errors."""

    data: Mapping[str, Any]
    where: str

    @classmethod
    def of(cls, data: object, where: str) -> "Fields":
        """The object, or a RecordError when it is not one."""
        if not isinstance(data, dict):
            raise RecordError(
                f"{where or 'record'}: expected an object, got {type(data).__name__}", field=where
            )
        return cls(data, where)

    def fail(self, key: str, wanted: str) -> RecordError:
        """The error for a field of the wrong type."""
        name = f"{self.where}.{key}" if self.where else key
        return RecordError(f"{name}: expected {wanted}, got {self.data.get(key)!r}", field=name)

    def typed(self, key: str, kind: type[T] | tuple[type, ...], wanted: str, default: Any = None) -> Any:
        """The value when it has the type (or is absent or null: the default)."""
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(key, wanted)
        return value

    def text(self, key: str) -> str:
        """A required string."""
        value = self.typed(key, str, "a string")
        if value is None:
            raise self.fail(key, "a string")
        return str(value)

    def maybe_text(self, key: str) -> str | None:
        """A string or None."""
        value: str | None = self.typed(key, str, "a string or null")
        return value

    def day(self, key: str) -> date | None:
        """A YYYY-MM-DD date or None."""
        value = self.maybe_text(key)
        try:
            return date.fromisoformat(value) if value else None
        except ValueError as exc:
            raise self.fail(key, "a YYYY-MM-DD date") from exc

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of strings (absent: empty)."""
        items = self.typed(key, list, "a list of strings", [])
        if not all(isinstance(i, str) for i in items):
            raise self.fail(key, "a list of strings")
        return tuple(items)

    def nested(self, key: str, parse: Callable[["Fields"], T]) -> T | None:
        """An object parsed, or None."""
        value = self.data.get(key)
        return None if value is None else parse(Fields.of(value, self.name(key)))

    def each(self, key: str, parse: Callable[["Fields"], T]) -> tuple[T, ...]:
        """A list of objects parsed (absent: empty)."""
        items = self.typed(key, list, "a list", [])
        return tuple(parse(Fields.of(v, f"{self.name(key)}[{i}]")) for i, v in enumerate(items))

    def choice(self, key: str, kind: type[E]) -> E:
        """A required value of a closed vocabulary."""
        try:
            return kind(self.text(key))
        except ValueError as exc:
            raise self.fail(key, f"one of {', '.join(kind)}") from exc

    def name(self, key: str) -> str:
        """The dotted name of a field."""
        return f"{self.where}.{key}" if self.where else key


def party(f: Fields) -> Party:
    """{'id', 'name', 'country'}."""
    return Party(f.maybe_text("id"), f.text("name"), f.maybe_text("country"))


def determination(f: Fields) -> Determination:
    """One determination."""
    return Determination(
        regime=f.text("regime"),
        status=f.choice("status", Status),
        reason=f.maybe_text("reason") or "",
        citation=f.maybe_text("citation") or "",
        entry=f.maybe_text("entry"),
        list_version=f.day("list_version"),
        missing=f.texts("missing"),
        path=f.texts("path"),
        flags=f.texts("flags"),
        informational=bool(f.typed("informational", bool, "true or false", False)),
        updates_allowed_until=f.day("updates_allowed_until"),
        deadline=f.day("deadline"),
    )


def evidence(f: Fields) -> EvidenceLine:
    """One evidence item."""
    return EvidenceLine(
        f.text("kind"),
        f.text("rule"),
        f.text("value"),
        f.maybe_text("claims"),
        f.text("tier"),
        f.text("reason"),
    )


def lineage(f: Fields) -> LineageLine:
    """The lineage object."""
    return LineageLine(
        f.text("product"), f.day("acquired"), f.nested("maker_then", party), f.nested("maker_now", party)
    )


def identifiers(f: Fields) -> Identifiers:
    """The identifiers object."""
    return Identifiers(f.texts("mac"), f.texts("ip"), f.maybe_text("hostname"), f.maybe_text("serial"))


def network_part(f: Fields) -> NetworkPartLine:
    """{'value', 'inferred', 'from'}."""
    return NetworkPartLine(
        f.text("value"), bool(f.typed("inferred", bool, "true or false", False)), f.text("from")
    )


def renewal_due(f: Fields) -> RenewalDue:
    """{'date', 'days_left'}."""
    due = f.day("date")
    if due is None:
        raise f.fail("date", "a YYYY-MM-DD date")
    return RenewalDue(due, int(f.typed("days_left", int, "a whole number", 0)))


def source(f: Fields) -> SourceRef:
    """{'path', 'locator'}."""
    return SourceRef(f.text("path"), f.text("locator"))


def review(f: Fields, before: Verdict | None) -> AppliedReview:
    """The review object, with the verdict a false positive cleared."""
    made = f.text("made")
    try:
        created = datetime.fromisoformat(made)
    except ValueError as exc:
        raise f.fail("made", "an ISO date and time") from exc
    decision = Decision(
        subject=f.text("subject"),
        target=f.text("entity"),
        kind=f.choice("decision", DecisionKind),
        reason=f.text("reason"),
        author=f.text("author"),
        created_at=created,
        expires=f.day("expires"),
        id=f.typed("id", int, "a whole number"),
    )
    return AppliedReview(decision, before)


def mitigation(f: Fields) -> AppliedMitigation:
    """The mitigation object."""
    return AppliedMitigation(
        agreement=f.text("agreement"),
        kind=f.text("kind"),
        counterparty=f.text("counterparty"),
        status=f.text("status"),
        problems=f.texts("problems"),
        next_audit_due=f.day("next_audit_due"),
        next_report_due=f.day("next_report_due"),
        ends=f.day("ends"),
        open_breaches=int(f.typed("open_breaches", int, "a whole number", 0)),
        case=f.maybe_text("case"),
        mitigates=f.texts("mitigates"),
        informational_for=f.texts("informational_for"),
        effect=f.maybe_text("effect") or "",
        also=f.texts("also"),
    )


def parse_record(data: object) -> FindingRecord:
    """A FindingRecord from its JSON object; a RecordError names the first wrong field."""
    f = Fields.of(data, "")
    before = f.choice("verdict_before_review", Verdict) if f.data.get("verdict_before_review") else None
    return FindingRecord(
        asset=f.text("asset"),
        sources=f.each("sources", source),
        identifiers=f.nested("identifiers", identifiers) or Identifiers(),
        manufacturer=f.nested("manufacturer", party),
        controller=f.nested("controller", party),
        brand=f.maybe_text("brand"),
        model=f.maybe_text("model"),
        category=f.maybe_text("category"),
        country_of_production=f.maybe_text("country_of_production"),
        confidence=f.typed("confidence", (int, float), "a number", 0.0),
        evidence=f.each("evidence", evidence),
        contradictions=f.texts("contradictions"),
        lineage=f.nested("lineage", lineage),
        unknown_reason=f.maybe_text("unknown_reason"),
        **context_fields(f),
        determinations=f.each("determinations", determination),
        verdict=f.choice("verdict", Verdict),
        **service_fields(f),
        review=f.nested("review", lambda r: review(r, before)),
        mitigation=f.nested("mitigation", mitigation),
    )


def context_fields(f: Fields) -> dict[str, Any]:
    """The asset's context: site, use, dates, funding, cost, network part, generation."""
    return {
        "site": f.maybe_text("site"),
        "intended_use": f.maybe_text("intended_use"),
        "use_class": f.maybe_text("use_class") or "unknown",
        "acquired": f.day("acquired"),
        "first_authorized": f.day("first_authorized"),
        "conditional_approval": f.typed("conditional_approval", bool, "true, false or null"),
        "funding": f.maybe_text("funding"),
        "cost": f.typed("cost", (int, float), "a number or null"),
        "network_part": f.nested("network_part", network_part),
        "generation": f.texts("generation"),
    }


def service_fields(f: Fields) -> dict[str, Any]:
    """The service fields."""
    return {
        "service": f.maybe_text("service"),
        "service_text": f.maybe_text("service_text"),
        "serviced_by": f.nested("serviced_by", party),
        "contract_end": f.day("contract_end"),
        "renewal_due": f.nested("renewal_due", renewal_due),
    }
