"""Review decisions: a person marks one match (a query or asset against an entity or list entry)
as a false positive or as confirmed, with a reason, an author and an optional expiry. Decisions
are never changed: a later decision on the same match supersedes the earlier one, and an expired
decision no longer applies."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from netvet.findings.record import FindingRecord
from netvet.findings.to_json import decision_json
from netvet.model.applied import AppliedReview, Decision, DecisionKind
from netvet.model.finding import Finding
from netvet.model.vocab import Verdict

__all__ = [
    "EMPTY_BOOK",
    "Decision",
    "DecisionBook",
    "DecisionKind",
    "apply_review",
    "review_record",
    "decision_record",
    "subject_key",
]


def subject_key(text: str) -> str:
    """The form a query or asset key is decided under: case and spacing do not matter."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class DecisionBook:
    """Every decision, grouped by (subject key, target) in the order they were made."""

    by_match: dict[tuple[str, str], tuple[Decision, ...]]

    @classmethod
    def build(cls, decisions: Iterable[Decision]) -> "DecisionBook":
        """Group decisions by match; within a match, later ids come later."""
        grouped: dict[tuple[str, str], list[Decision]] = {}
        for d in sorted(decisions, key=lambda d: (d.id or 0, d.created_at)):
            grouped.setdefault((subject_key(d.subject), d.target), []).append(d)
        return cls({k: tuple(v) for k, v in grouped.items()})

    def current(self, subject: str, target: str, day: date) -> Decision | None:
        """The decision in force for a match on a day: the latest one, unless it has expired."""
        made = self.by_match.get((subject_key(subject), target))
        if not made or made[-1].expired(day):
            return None
        return made[-1]

    def state_of(self, decision: Decision, day: date) -> str:
        """'in force', 'superseded' or 'expired' for a listed decision."""
        made = self.by_match.get((subject_key(decision.subject), decision.target), ())
        if made and made[-1] != decision:
            return "superseded"
        return "expired" if decision.expired(day) else "in force"


EMPTY_BOOK = DecisionBook({})


def decision_record(d: Decision) -> dict[str, Any]:
    """A decision as shown in outputs (the one shape: `findings.to_json.decision_json`)."""
    return decision_json(d)


def decided(decision: Decision, verdict: Verdict) -> tuple[Verdict, AppliedReview]:
    """The verdict and review a decision leaves: a false positive clears the verdict (the verdict
    before is kept), a confirmation keeps it."""
    if decision.kind is DecisionKind.FALSE_POSITIVE:
        return Verdict.CLEAR, AppliedReview(decision, verdict)
    return verdict, AppliedReview(decision)


def apply_review(finding: Finding, book: DecisionBook, day: date) -> Finding:
    """The finding with the decision in force on its (asset, manufacturer) match applied: a false
    positive clears the verdict (the verdict before is kept), and either kind is recorded."""
    maker = finding.attribution.manufacturer
    # A registrant name the kb does not know ('org:...') has no entity id to decide a match on:
    # the record shows its manufacturer with id null, and `review mark --entity` takes kb ids.
    known = maker if maker and not maker.startswith("org:") else None
    decision = book.current(finding.asset, known, day) if known else None
    if decision is None:
        return finding
    verdict, review = decided(decision, finding.verdict)
    return replace(finding, verdict=verdict, review=review)


def review_record(record: FindingRecord, book: DecisionBook, day: date) -> FindingRecord:
    """A stored record with its stored review stripped (the verdict before it restored) and the
    decision in force on day applied: decisions made after the scan count too."""
    verdict = record.review.verdict_before if record.review else None
    bare = replace(record, verdict=verdict or record.verdict, review=None)
    maker = bare.manufacturer.id if bare.manufacturer else None
    decision = book.current(bare.asset, maker, day) if maker else None
    if decision is None:
        return bare
    verdict, review = decided(decision, bare.verdict)
    return replace(bare, verdict=verdict, review=review)
