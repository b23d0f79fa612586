"""The process clocks of an ICTS case (REGIME.md §2.5), each with its citation, computed as of a
day from the case's recorded steps. The periods are calendar days: none of the Subpart B periods
is stated in business days, so a due day on a weekend or federal holiday is noted, never moved.

Which procedure applies is read on the day the clock's starting step happened: sections are
numbered 7.x before the 18 Jul 2024 redesignation and 791.x after; the 2024 final rule (effective
4 Feb 2025) added the 21-day agency notice and runs the 180 days from service of the Initial
Determination instead of from acceptance of the referral."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from netvet.icts.model import Case, CaseEntry, Step, rule_of
from netvet.regimes.holidays import federal_holidays, is_business_day

NOTICE_DAYS, RESPONSE_DAYS, FINAL_DAYS = 21, 30, 180
REVIEW_BEGINS = (Step.ACCEPT, Step.INITIATE)
REFERRAL_ANSWERS = (Step.ACCEPT, Step.REQUEST_INFO, Step.REJECT, Step.INITIATE)
ENDS = (Step.FINAL_DETERMINATION, Step.CLOSE_NO_CRITERIA, Step.REJECT)


class ClockState(StrEnum):
    """Where a clock stands on the day."""

    NOT_STARTED = "not-started"
    RUNNING = "running"
    MET = "met"
    LATE = "late"
    OVERDUE = "overdue"
    TOO_EARLY = "too-early"


@dataclass(frozen=True, slots=True)
class Clock:
    """One clock: what it measures, its rule, when it started, when it is due, and its state."""

    key: str
    name: str
    citation: str
    state: ClockState
    start: date | None = None
    due: date | None = None
    done: date | None = None
    days: int | None = None
    note: str = ""
    verified: bool = True


def day_of(entry: CaseEntry | None) -> date | None:
    """The day of a recorded step, or None."""
    return entry.day if entry else None


def deadline_state(start: date | None, due: date | None, done: date | None, as_of: date) -> ClockState:
    """A deadline: met or late once done; running or overdue until then."""
    if start is None:
        return ClockState.NOT_STARTED
    if done is not None:
        return ClockState.MET if due is None or done <= due else ClockState.LATE
    return ClockState.OVERDUE if due is not None and as_of > due else ClockState.RUNNING


def due_note(due: date | None) -> str:
    """Says when a calendar-day deadline falls on a weekend or a federal holiday."""
    if due is None or is_business_day(due):
        return ""
    why = federal_holidays(due.year).get(due) or due.strftime("%A")
    return f"due day is a non-business day ({why}); the rule counts calendar days, so it is not moved"


def acceptance_clock(case: Case, as_of: date) -> Clock:
    """Referral answered: accepted, more information asked, or rejected (no period is set)."""
    referral = case.first(Step.REFERRAL)
    start = day_of(referral) or day_of(case.first(Step.INITIATE))
    prefix, _ = rule_of(start)
    citation = f"15 CFR {prefix}.103(a)-(b)"
    done = day_of(case.first(*REFERRAL_ANSWERS))
    return Clock(
        "acceptance",
        "Referral accepted, answered or review initiated",
        citation,
        deadline_state(start, None, done, as_of),
        start,
        None,
        done,
    )


def notice_clock(case: Case, as_of: date) -> Clock | None:
    """At least 21 days' notice to the agency heads before the Initial Determination is served
    (15 CFR 791.105, 2024 final rule); None under the interim rule."""
    start = day_of(case.first(Step.NOTIFY_AGENCIES))
    served = day_of(case.first(Step.INITIAL_DETERMINATION))
    if not rule_of(start or served or as_of)[1]:
        return None
    earliest = start + timedelta(days=NOTICE_DAYS) if start else None
    if start is None:
        state = ClockState.TOO_EARLY if served else ClockState.NOT_STARTED
    elif served is not None:
        state = ClockState.MET if earliest and served >= earliest else ClockState.TOO_EARLY
    else:
        state = ClockState.RUNNING if earliest and as_of < earliest else ClockState.MET
    name = "Agency notice before serving the Initial Determination (earliest service day)"
    return Clock("notice", name, "15 CFR 791.105", state, start, earliest, served, NOTICE_DAYS)


def response_clock(case: Case, as_of: date) -> Clock:
    """30 days from service of the Initial Determination for the parties to respond."""
    served = day_of(case.first(Step.INITIAL_DETERMINATION))
    prefix, _ = rule_of(served)
    due = served + timedelta(days=RESPONSE_DAYS) if served else None
    done = day_of(case.first(Step.RESPONSE))
    state = deadline_state(served, due, done, as_of)
    lapsed = "no response recorded in the window: the Initial Determination may become final"
    note = "; ".join(n for n in (lapsed if state is ClockState.OVERDUE else "", due_note(due)) if n)
    name = "Parties' response to the Initial Determination"
    return Clock(
        "response", name, f"15 CFR {prefix}.107", state, served, due, done, RESPONSE_DAYS, note, False
    )


def final_clock(case: Case, as_of: date) -> Clock:
    """180 days to the Final Determination: from acceptance of the referral (interim rule, 7.109)
    or from service of the Initial Determination (final rule, 791.109); a written extension moves it."""
    served = day_of(case.first(Step.INITIAL_DETERMINATION))
    accepted = day_of(case.first(*REVIEW_BEGINS))
    prefix, final_rule = rule_of(served or accepted)
    start = served if final_rule else accepted
    due = start + timedelta(days=FINAL_DAYS) if start else None
    extension = case.last(Step.EXTEND)
    extended = extension.until if due is not None and extension is not None else None
    due = extended or due
    done = day_of(case.first(Step.FINAL_DETERMINATION))
    basis = "service of the Initial Determination" if final_rule else "acceptance of the referral"
    notes = (f"180 days from {basis}", f"extended in writing to {due}" if extended else "", due_note(due))
    state = deadline_state(start, due, done, as_of)
    name, citation = "Final Determination", f"15 CFR {prefix}.109"
    note = "; ".join(n for n in notes if n)
    return Clock("final", name, citation, state, start, due, done, FINAL_DAYS, note, final_rule)


def retention_clock(case: Case, as_of: date) -> Clock:
    """Records of the transaction are kept from notice of the review or the Initial Determination
    until the case closes."""
    start = day_of(case.first(Step.INITIAL_DETERMINATION, Step.NOTIFY_AGENCIES, *REVIEW_BEGINS))
    prefix, _ = rule_of(start)
    done = day_of(case.first(*ENDS))
    state = ClockState.NOT_STARTED if start is None else ClockState.MET if done else ClockState.RUNNING
    note = "keep every record of the transaction until the case is closed"
    return Clock(
        "retention", "Record retention", f"15 CFR {prefix}.106", state, start, None, done, None, note, False
    )


def case_clocks(case: Case, as_of: date) -> tuple[Clock, ...]:
    """Every clock of the case on the day, in process order."""
    notice = notice_clock(case, as_of)
    return (
        acceptance_clock(case, as_of),
        *((notice,) if notice else ()),
        response_clock(case, as_of),
        final_clock(case, as_of),
        retention_clock(case, as_of),
    )
