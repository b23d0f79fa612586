"""What screening returns, typed until the output edge: the list entries that reach a match
(ListHit), one matched entity or list entry (ScreenMatch), and one query's answer."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from netvet.kb.screening import Purpose
from netvet.model.vocab import LinkKind, ScreenVerdict
from netvet.review.decisions import Decision as ReviewDecision
from netvet.review.decisions import DecisionKind


class EntryStatus(StrEnum):
    """How a list entry reaches an entity, whatever the purpose (the `netvet match` contract)."""

    COVERED = "covered"
    USE_QUALIFIED = "use-qualified"
    SERVICES_ONLY = "services-only"
    SOFTWARE_ONLY = "software-only"
    INFORMATIONAL = "informational"
    EXPORT_RESTRICTED = "export-restricted"


@dataclass(frozen=True, slots=True)
class Party:
    """An entity as outputs show it: id (None for a registrant the kb does not know), name and
    country."""

    id: str | None
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ListHit:
    """One list entry in force that reaches a match: how (the link kind and ownership path), the
    entry's status and, when screened for a purpose, its effect and why."""

    list_id: str
    entry: str
    text: str
    since: date
    path: tuple[str, ...]
    link: LinkKind
    status: EntryStatus
    effect: ScreenVerdict | None = None  # None: read for no purpose (`netvet match`)
    reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScreenMatch:
    """A kb entity (or list entry) one query matched: score and reasons, its controller and
    ownership path, the list entries reaching it, and the review decision in force on it."""

    target: str
    entity: Party
    score: float
    matched_name: str
    controller: Party | None
    path: tuple[str, ...]
    hits: tuple[ListHit, ...]
    reasons: tuple[str, ...]
    decision: ReviewDecision | None = None

    @property
    def suppressed(self) -> bool:
        """A reviewer marked this match a false positive."""
        return self.decision is not None and self.decision.kind is DecisionKind.FALSE_POSITIVE

    @property
    def verdict(self) -> ScreenVerdict:
        """hit, review or clear for this match (a suppressed match is clear)."""
        if self.suppressed:
            return ScreenVerdict.CLEAR
        effects = {h.effect for h in self.hits}
        if ScreenVerdict.HIT in effects:
            return ScreenVerdict.HIT
        return ScreenVerdict.REVIEW if effects else ScreenVerdict.CLEAR


@dataclass(frozen=True, slots=True)
class NameScreen:
    """One query's matches, best first (the `netvet match` answer)."""

    query: str
    matches: tuple[ScreenMatch, ...]


@dataclass(frozen=True, slots=True)
class PartyScreen:
    """One party screened for a purpose: its matches, best first, the verdict of the gravest
    unsuppressed one and that match (the `netvet screen` answer)."""

    query: str
    purpose: Purpose
    verdict: ScreenVerdict
    best: ScreenMatch | None
    matches: tuple[ScreenMatch, ...]
