"""The ten 15 CFR 791.103(c) criteria of a case, each scored 0-2 with the evidence it rests on:
an analyst's score when one is recorded (the latest wins), else the highest score the scan's
icts-791 determination gave a linked asset (its '791.103(c)(N)=S' flags), else not assessed."""

from collections.abc import Sequence
from dataclasses import dataclass

from netvet.findings.record import FindingRecord
from netvet.icts.model import AssetLink, Case, CaseEntry, EntryKind
from netvet.regimes.icts_factors import CRITERIA

REGIME = "icts-791"


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion as the case file shows it."""

    number: int
    name: str
    score: int | None
    basis: str
    evidence: tuple[str, ...] = ()


def flag_scores(record: FindingRecord) -> dict[int, int]:
    """The criterion scores an icts-791 determination of a scan record carries in its flags."""
    found: dict[int, int] = {}
    for d in record.determinations:
        if d.regime != REGIME:
            continue
        for flag in d.flags:
            head, _, value = str(flag).partition("=")
            if head.startswith("791.103(c)(") and value.isdigit():
                found[int(head.removeprefix("791.103(c)(").rstrip(")"))] = int(value)
    return found


def analyst_score(case: Case, number: int) -> CaseEntry | None:
    """The latest recorded score of one criterion."""
    scored = [e for e in case.entries if e.kind is EntryKind.SCORE and e.criterion == number]
    return max(scored, key=lambda e: (e.created_at, e.id or 0)) if scored else None


def scan_score(number: int, linked: Sequence[tuple[AssetLink, FindingRecord]]) -> Criterion | None:
    """The highest score the linked assets' determinations give, with the assets behind it."""
    scores = [(link, flag_scores(record).get(number)) for link, record in linked]
    known = [s for _, s in scores if s is not None]
    if not known:
        return None
    top = max(known)
    evidence = tuple(f"{link}: icts-791 flag 791.103(c)({number})={top}" for link, s in scores if s == top)
    basis = "from the scan's icts-791 determination of the linked assets"
    return Criterion(number, CRITERIA[number - 1], top, basis, evidence)


def score_criteria(case: Case, linked: Sequence[tuple[AssetLink, FindingRecord]]) -> tuple[Criterion, ...]:
    """All ten criteria, each from the analyst, the scan, or marked not assessed."""
    found = []
    for number, name in enumerate(CRITERIA, 1):
        entry = analyst_score(case, number)
        if entry is not None:
            basis = f"assessed by {entry.author} on {entry.created_at:%Y-%m-%d}: {entry.text}"
            found.append(Criterion(number, name, entry.score, basis, entry.evidence))
            continue
        found.append(scan_score(number, linked) or Criterion(number, name, None, "not assessed"))
    return tuple(found)
