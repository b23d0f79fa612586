"""A mitigation agreement and its insert-only events (audits, reports received, breaches, cures)."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class AgreementKind(StrEnum):
    """What sort of agreement it is."""

    MITIGATION = "mitigation"
    SECURITY = "security"
    NO_SPY = "no-spy"
    AUDIT = "audit"


class EventKind(StrEnum):
    """What happened under an agreement."""

    AUDIT = "audit"
    REPORT = "report"
    BREACH = "breach"
    CURE = "cure"


@dataclass(frozen=True, slots=True)
class AgreementEvent:
    """One event on a day: an audit done (with its result), a report received, a breach, a cure."""

    kind: EventKind
    day: date
    author: str
    text: str
    result: str = ""
    created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    """An agreement: with whom, about what, what it obliges, its schedules and term."""

    key: str
    kind: AgreementKind
    title: str
    counterparty: str
    start: date
    end: date | None = None
    suppliers: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    case: str = ""
    obligations: tuple[str, ...] = ()
    audit_every_months: int | None = None
    report_every_months: int | None = None
    events: tuple[AgreementEvent, ...] = ()
    id: int | None = None

    def events_of(self, kind: EventKind, until: date) -> tuple[AgreementEvent, ...]:
        """The events of one kind on or before a day, in day order."""
        return tuple(
            sorted((e for e in self.events if e.kind is kind and e.day <= until), key=lambda e: e.day)
        )
