"""What is applied to a finding after the regimes: the review decision in force on its match, and
the mitigation agreement it rests on. Neither changes a determination; a false-positive decision
clears the verdict, and the verdict it had before is kept beside it."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from netvet.model.vocab import Verdict


class DecisionKind(StrEnum):
    """What the reviewer decided about a match."""

    FALSE_POSITIVE = "false-positive"
    CONFIRMED = "confirmed"


@dataclass(frozen=True, slots=True)
class Decision:
    """One review decision on one match, as recorded."""

    subject: str
    target: str
    kind: DecisionKind
    reason: str
    author: str
    created_at: datetime
    expires: date | None = None
    id: int | None = None

    def expired(self, day: date) -> bool:
        """True once the expiry date has passed."""
        return self.expires is not None and self.expires < day


@dataclass(frozen=True, slots=True)
class AppliedReview:
    """The decision in force on a finding's (asset, manufacturer) match; `verdict_before` is the
    verdict a false positive cleared (None for a confirmation)."""

    decision: Decision
    verdict_before: Verdict | None = None


@dataclass(frozen=True, slots=True)
class AppliedMitigation:
    """The gravest agreement covering a finding, its standing on the scan's day, and what it does
    under each regime that found something (`also`: the other agreements covering it)."""

    agreement: str
    kind: str
    counterparty: str
    status: str
    problems: tuple[str, ...]
    next_audit_due: date | None
    next_report_due: date | None
    ends: date | None
    open_breaches: int
    case: str | None
    mitigates: tuple[str, ...]
    informational_for: tuple[str, ...]
    effect: str
    also: tuple[str, ...] = ()
