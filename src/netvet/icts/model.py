"""An ICTS case: the transaction under review and its insert-only entries (steps, notes, scores).

The steps follow REGIME.md §2.5: referral and acceptance (15 CFR 7.103 / 791.103), interagency
notice (791.104-105), the Initial Determination (7.105 / 791.105), the parties' response
(7.107 / 791.107), a written extension, the Final Determination (7.109 / 791.109)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

# 89 FR 58265 (18 Jul 2024) redesignated Part 7 as Part 791, section numbers mapping 7.x -> 791.x.
REDESIGNATED = date(2024, 7, 18)
# 89 FR 96872 (6 Dec 2024), effective 4 Feb 2025: 21-day agency notice; 180 days run from the ID.
FINAL_RULE = date(2025, 2, 4)


class Step(StrEnum):
    """A process step a decision records."""

    REFERRAL = "referral"
    ACCEPT = "accept"
    REQUEST_INFO = "request-info"
    REJECT = "reject"
    INITIATE = "initiate"
    NOTIFY_AGENCIES = "notify-agencies"
    INITIAL_DETERMINATION = "initial-determination"
    CLOSE_NO_CRITERIA = "close-no-criteria"
    RESPONSE = "response"
    EXTEND = "extend"
    FINAL_DETERMINATION = "final-determination"
    MITIGATION = "mitigation"


class Outcome(StrEnum):
    """What an Initial or Final Determination decides (15 CFR 791.109)."""

    PROHIBITED = "prohibited"
    NOT_PROHIBITED = "not-prohibited"
    MITIGATED = "permitted-with-mitigation"


class TransactionKind(StrEnum):
    """What the transaction is (15 CFR 791.2 'ICTS Transaction'), ongoing acts included."""

    ACQUISITION = "acquisition"
    IMPORTATION = "importation"
    TRANSFER = "transfer"
    INSTALLATION = "installation"
    DEALING = "dealing"
    USE = "use"
    MANAGED_SERVICE = "managed-service"
    UPDATE = "update"
    REPAIR = "repair"


class EntryKind(StrEnum):
    """What a case entry is."""

    DECISION = "decision"
    NOTE = "note"
    SCORE = "score"


@dataclass(frozen=True, slots=True)
class AssetLink:
    """An asset of a stored run, by run id and asset key."""

    run: int
    asset: str

    def __str__(self) -> str:
        return f"run {self.run} / {self.asset}"


@dataclass(frozen=True, slots=True)
class Transaction:
    """The ICTS transaction under review (15 CFR 791.2 'ICTS Transaction')."""

    parties: tuple[str, ...]
    item: str
    kind: str = TransactionKind.ACQUISITION
    initiated: date | None = None
    completed: date | None = None
    value: float | None = None
    currency: str = "USD"
    suppliers: tuple[str, ...] = ()
    assets: tuple[AssetLink, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseEntry:
    """One insert-only entry: a decision (a step on a day), a note, or a criterion score."""

    kind: EntryKind
    author: str
    created_at: datetime
    text: str
    step: Step | None = None
    day: date | None = None
    outcome: Outcome | None = None
    until: date | None = None
    criterion: int | None = None
    score: int | None = None
    evidence: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """A case as stored: its number, title, transaction, who opened it, and its entries."""

    number: str
    title: str
    transaction: Transaction
    opened_by: str
    opened_at: datetime
    referral_source: str = ""
    entries: tuple[CaseEntry, ...] = field(default=())
    id: int | None = None

    def decisions(self) -> tuple[CaseEntry, ...]:
        """The decisions, in the order of their days (then of recording)."""
        made = [e for e in self.entries if e.kind is EntryKind.DECISION and e.day is not None]
        return tuple(sorted(made, key=lambda e: (e.day or date.min, e.id or 0)))

    def first(self, *steps: Step) -> CaseEntry | None:
        """The earliest decision of any of the steps."""
        return next((e for e in self.decisions() if e.step in steps), None)

    def last(self, *steps: Step) -> CaseEntry | None:
        """The latest decision of any of the steps."""
        return next((e for e in reversed(self.decisions()) if e.step in steps), None)


def rule_of(day: date | None) -> tuple[str, bool]:
    """The section prefix in force on a day ('7' or '791') and whether the 2024 final rule's
    procedure (21-day notice, 180 days from the ID) applies."""
    if day is None:
        return "791", True
    return ("7" if day < REDESIGNATED else "791"), day >= FINAL_RULE


def check_decision(entry: CaseEntry) -> str | None:
    """Why a decision cannot be recorded as given, or None when it can."""
    if entry.step is None or entry.day is None:
        return "a decision needs a step and the day it was taken"
    if entry.step is Step.FINAL_DETERMINATION and entry.outcome is None:
        return (
            "a Final Determination needs its outcome (15 CFR 791.109): "
            "prohibited, not-prohibited or permitted-with-mitigation"
        )
    if entry.step is Step.EXTEND and (entry.until is None or entry.until <= entry.day):
        return "an extension needs the new due day (--until), after the day it was granted"
    if entry.outcome is not None and entry.step not in (Step.INITIAL_DETERMINATION, Step.FINAL_DETERMINATION):
        return f"step {entry.step} takes no outcome"
    return None
