"""Where an agreement stands on a day. The next audit (or report) is due a whole number of months
after the last one recorded, or after the start when none is; a day past it is overdue; none is
due after the end date. A breach
stays open until a cure is recorded on or after its day. After the end date the terms have
expired, whatever else holds."""

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from netvet.mitigation.model import Agreement, EventKind


class StandingState(StrEnum):
    """The agreement's state on a day, gravest first."""

    EXPIRED = "expired"
    BREACHED = "breached"
    AUDIT_OVERDUE = "audit-overdue"
    REPORT_OVERDUE = "report-overdue"
    ACTIVE = "active"
    NOT_STARTED = "not-started"


GRAVITY = tuple(StandingState)


@dataclass(frozen=True, slots=True)
class Standing:
    """The agreement's state, every problem that holds, and its next dates."""

    key: str
    state: StandingState
    problems: tuple[StandingState, ...]
    next_audit_due: date | None
    next_report_due: date | None
    open_breaches: int
    ends: date | None

    @property
    def in_good_standing(self) -> bool:
        """Active with no problem."""
        return self.state is StandingState.ACTIVE


def add_months(day: date, months: int) -> date:
    """The same day `months` later, on the month's last day when it has fewer days."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(agreement: Agreement, kind: EventKind, every: int | None, as_of: date) -> date | None:
    """The next audit or report due: `every` months after the last one, or after the start."""
    if every is None:
        return None
    done = agreement.events_of(kind, as_of)
    due = add_months(done[-1].day if done else agreement.start, every)
    return None if agreement.end is not None and due > agreement.end else due


def open_breaches(agreement: Agreement, as_of: date) -> int:
    """Breaches on or before the day with no cure recorded on or after them."""
    cures = [c.day for c in agreement.events_of(EventKind.CURE, as_of)]
    return sum(1 for b in agreement.events_of(EventKind.BREACH, as_of) if not any(c >= b.day for c in cures))


def standing(agreement: Agreement, as_of: date) -> Standing:
    """The agreement's standing on the day."""
    audit = next_due(agreement, EventKind.AUDIT, agreement.audit_every_months, as_of)
    report = next_due(agreement, EventKind.REPORT, agreement.report_every_months, as_of)
    breaches = open_breaches(agreement, as_of)
    problems = [
        state
        for state, holds in (
            (StandingState.EXPIRED, agreement.end is not None and as_of > agreement.end),
            (StandingState.BREACHED, breaches > 0),
            (StandingState.AUDIT_OVERDUE, audit is not None and as_of > audit),
            (StandingState.REPORT_OVERDUE, report is not None and as_of > report),
        )
        if holds
    ]
    if as_of < agreement.start:
        state = StandingState.NOT_STARTED
    else:
        state = problems[0] if problems else StandingState.ACTIVE
    return Standing(agreement.key, state, tuple(problems), audit, report, breaches, agreement.end)
