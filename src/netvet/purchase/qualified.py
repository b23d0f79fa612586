"""The organisation's own qualified manufacturer list (QML), on the CISA ICT SCRM Task Force's
criteria (Qualified Bidder and Manufacturer Lists, Apr 2021) and the seven categories of its
Vendor SCRM Template (Apr 2021), with requalification dates.

No government-wide approved manufacturers list exists (REGIME.md §6): CISA published criteria and
templates for organisations to build their own. The criteria content below is REGIME.md's [M]
summary of the QBL/QML report and is flagged unverified; the seven questionnaire categories and
the answer values are [S].
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from netvet.model import Attribution
from netvet.purchase.approvals import Resolve, same_maker
from netvet.purchase.model import Decision, Fact


class QuestionnaireCategory(StrEnum):
    """The seven categories of the CISA Vendor SCRM Template (Apr 2021)."""

    SUPPLY_CHAIN_MANAGEMENT = "supply-chain-management-and-supplier-governance"
    SECURE_DESIGN = "secure-design-and-engineering"
    INFORMATION_SECURITY = "information-security"
    PHYSICAL_SECURITY = "physical-security"
    PERSONNEL_SECURITY = "personnel-security"
    SUPPLY_CHAIN_INTEGRITY = "supply-chain-integrity"
    SUPPLY_CHAIN_RESILIENCE = "supply-chain-resilience"


class Answer(StrEnum):
    """Answer values of the template (the SMB version adds partial)."""

    YES = "yes"
    NO = "no"
    ALTERNATE = "alternate"
    NOT_APPLICABLE = "n/a"
    PARTIAL = "partial"


class Criterion(StrEnum):
    """QBL/QML qualification criteria (CISA, Apr 2021; REGIME.md §6, unverified summary)."""

    CRITICALITY = "criticality-of-product-or-function"
    STANDARDS = "conformance-to-standards"  # NIST SP 800-161, ISO 28000, ISO 20243, ISO/IEC 27001
    AUTHORIZED_CHANNEL = "oem-or-authorized-channel-and-provenance"
    SECURE_DEVELOPMENT = "secure-development-and-vulnerability-handling"
    FOREIGN_OWNERSHIP = "foreign-ownership-control-or-influence"
    RESILIENCE = "financial-and-operational-resilience"
    TESTED = "tested-and-verified"


class Standing(StrEnum):
    """Where a manufacturer stands on the organisation's list."""

    QUALIFIED = "qualified"
    CONDITIONAL = "conditional"
    DISQUALIFIED = "disqualified"


SHORTFALL = frozenset({Answer.NO, Answer.PARTIAL})


@dataclass(frozen=True, slots=True)
class QualifiedManufacturer:
    """One manufacturer on the list: standing, dates, questionnaire answers, criteria not met."""

    manufacturer: str
    standing: Standing
    qualified_on: date | None
    requalify_by: date | None
    answers: dict[QuestionnaireCategory, Answer] = field(default_factory=dict)
    criteria_not_met: tuple[Criterion, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class QualifiedList:
    """The organisation's qualified manufacturer list and where it was read from."""

    manufacturers: tuple[QualifiedManufacturer, ...]
    source: str


def unanswered(entry: QualifiedManufacturer) -> tuple[str, ...]:
    """Questionnaire categories with no answer, as missing facts."""
    return tuple(f"vendor questionnaire: {c}" for c in QuestionnaireCategory if c not in entry.answers)


def shortfalls(entry: QualifiedManufacturer) -> list[str]:
    """Categories answered no or partial, and criteria not met."""
    weak = [f"{c} answered {a}" for c, a in entry.answers.items() if a in SHORTFALL]
    return weak + [f"criterion not met: {c}" for c in entry.criteria_not_met]


def qualification_fact(
    entry: QualifiedManufacturer | None, qml: QualifiedList, maker: str, day: date
) -> Fact:
    """The list's answer for the maker on the day."""
    if entry is None:
        return Fact(
            False,
            f"{maker} is not on the qualified manufacturer list ({qml.source}): qualify it before buying",
            decision=Decision.CONDITIONS,
        )
    if entry.standing == Standing.DISQUALIFIED:
        note = f": {entry.note}" if entry.note else ""
        return Fact(
            False, f"{maker} is disqualified on the organisation's list{note}", decision=Decision.PROHIBITED
        )
    if entry.requalify_by is None:
        return Fact(
            None,
            f"{maker}: the list gives no requalification date",
            decision=Decision.NEEDS_INFORMATION,
            missing=("requalification date",),
        )
    if entry.requalify_by < day:
        return Fact(
            False,
            f"{maker}: qualification expired on {entry.requalify_by.isoformat()}; requalify before buying",
            decision=Decision.CONDITIONS,
        )
    return answered(entry, maker)


def answered(entry: QualifiedManufacturer, maker: str) -> Fact:
    """A current entry judged on its questionnaire and criteria."""
    missing = unanswered(entry)
    until = f"qualified until {entry.requalify_by.isoformat()}" if entry.requalify_by else "qualified"
    if missing:
        return Fact(
            None,
            f"{maker}: {until}, but the vendor questionnaire is incomplete",
            decision=Decision.NEEDS_INFORMATION,
            missing=missing,
        )
    weak = shortfalls(entry)
    if weak or entry.standing == Standing.CONDITIONAL:
        why = "; ".join(weak) if weak else "qualified with conditions"
        return Fact(True, f"{maker}: {until}, with conditions: {why}", decision=Decision.CONDITIONS)
    return Fact(True, f"{maker}: {until} (all seven questionnaire categories answered)")


def find_manufacturer(
    qml: QualifiedList, attr: Attribution, maker_text: str | None, resolve: Resolve
) -> QualifiedManufacturer | None:
    """The list's entry for the line's maker, if any."""
    return next((m for m in qml.manufacturers if same_maker(m.manufacturer, attr, maker_text, resolve)), None)
