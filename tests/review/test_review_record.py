"""review_record: a stored record's review is stripped (the verdict before it restored) and the
decision in force now is applied, so decisions made after a scan reach its stored records."""

from datetime import UTC, date, datetime

from netvet.findings.record import FindingRecord, Party
from netvet.model.applied import AppliedReview
from netvet.model.vocab import Verdict
from netvet.review.decisions import EMPTY_BOOK, Decision, DecisionBook, DecisionKind, review_record

DAY = date(2026, 11, 23)


def decision(kind: DecisionKind, expires: date | None = None, maker: str = "hikvision") -> Decision:
    made = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    return Decision("CAM-01", maker, kind, "lab unit", "R. Analyst", made, expires, 7)


def stored(verdict: Verdict = Verdict.COVERED, maker: str | None = "hikvision") -> FindingRecord:
    return FindingRecord(asset="cam-01", verdict=verdict, manufacturer=Party(maker, "Hikvision"))


def test_a_decision_made_after_the_scan_is_applied() -> None:
    book = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE)])
    reviewed = review_record(stored(), book, DAY)
    assert reviewed.verdict is Verdict.CLEAR and reviewed.review is not None
    assert reviewed.review.verdict_before is Verdict.COVERED


def test_a_stored_false_positive_that_expired_restores_the_verdict_before() -> None:
    cleared = AppliedReview(decision(DecisionKind.FALSE_POSITIVE), Verdict.COVERED)
    record = FindingRecord(
        asset="cam-01", verdict=Verdict.CLEAR, manufacturer=Party("hikvision", "Hikvision"), review=cleared
    )
    assert review_record(record, EMPTY_BOOK, DAY) == stored()
    expired = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE, date(2026, 11, 22))])
    assert review_record(record, expired, DAY) == stored()


def test_a_later_confirmation_supersedes_a_stored_false_positive() -> None:
    cleared = AppliedReview(decision(DecisionKind.FALSE_POSITIVE), Verdict.COVERED)
    record = FindingRecord(
        asset="cam-01", verdict=Verdict.CLEAR, manufacturer=Party("hikvision", "Hikvision"), review=cleared
    )
    later = Decision("cam-01", "hikvision", DecisionKind.CONFIRMED, "seen", "B", datetime.now(UTC), None, 8)
    book = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE), later])
    reviewed = review_record(record, book, DAY)
    assert reviewed.verdict is Verdict.COVERED and reviewed.review == AppliedReview(later)


def test_a_maker_the_kb_does_not_know_is_never_decided() -> None:
    book = DecisionBook.build([decision(DecisionKind.FALSE_POSITIVE)])
    unknown = stored(maker=None)
    assert review_record(unknown, book, DAY) == unknown
