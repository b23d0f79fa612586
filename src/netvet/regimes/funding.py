"""Classify free-text funding sources into what the FCC subsidy rules read.

47 CFR 54.9 reaches Universal Service Fund support of every program; 47 CFR 54.10 reaches any
FCC-administered federal subsidy that funds capital expenditures for advanced communications
service. Money from other agencies (USDA ReConnect, NTIA BEAD, Treasury) and the provider's own
capital are outside both. Text naming no known program is answered as unknown, never guessed.
"""

import re
from dataclasses import dataclass
from enum import StrEnum


class FundingKind(StrEnum):
    """What the subsidy rules make of one funding source."""

    USF = "usf"
    FCC_SUBSIDY = "fcc-subsidy"
    NOT_FCC = "not-fcc"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Program:
    """One funding program: its name, kind, the rule that reaches it, and the words that name it."""

    name: str
    kind: FundingKind
    rule: str
    pattern: re.Pattern[str]


def program(name: str, kind: FundingKind, rule: str, words: str) -> Program:
    """A Program whose words match case-insensitively on word boundaries."""
    return Program(name, kind, rule, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))


USF_RULE = "47 CFR 54.9 and 54.10"
FCC_RULE = "47 CFR 54.10"
# Tried in order: the FCC programs first, so 'CARES Act telehealth' is the FCC program.
PROGRAMS = (
    program(
        "USF High Cost support",
        FundingKind.USF,
        USF_RULE,
        r"high[- ]cost|caf(?: ii| 2| bls)?|connect america|rdof|rural digital opportunity|a-?cam|"
        r"alaska plan|5g fund|hcls",
    ),
    program("USF Lifeline", FundingKind.USF, USF_RULE, r"lifeline"),
    program(
        "USF Schools and Libraries (E-Rate)", FundingKind.USF, USF_RULE, r"e-?rate|schools and libraries"
    ),
    program("USF Rural Health Care", FundingKind.USF, USF_RULE, r"rural health care|rhc|healthcare connect"),
    program("Universal Service Fund", FundingKind.USF, USF_RULE, r"usf|universal service"),
    program("Emergency Connectivity Fund", FundingKind.FCC_SUBSIDY, FCC_RULE, r"emergency connectivity|ecf"),
    program("FCC COVID-19 Telehealth Program", FundingKind.FCC_SUBSIDY, FCC_RULE, r"telehealth"),
    program("CARES Act", FundingKind.AMBIGUOUS, "", r"cares"),
    program(
        "the provider's own funds",
        FundingKind.NOT_FCC,
        "",
        r"private|own (?:capital|funds|cash)|internal|equity|capex|opex|operating budget|self[- ]funded|"
        r"bank loan|cash",
    ),
    program("USDA ReConnect / Rural Utilities Service", FundingKind.NOT_FCC, "", r"reconnect|rus|usda"),
    program("NTIA broadband grants (BEAD, middle mile, tribal)", FundingKind.NOT_FCC, "", r"bead|ntia"),
    program("Treasury Capital Projects Fund / ARPA", FundingKind.NOT_FCC, "", r"capital projects|arpa"),
)
AMBIGUITY = {
    "CARES Act": (
        "CARES Act money may be the FCC COVID-19 Telehealth Program (an FCC subsidy) "
        "or Treasury Coronavirus Relief Funds (not an FCC subsidy)"
    ),
}


def classify_funding(text: str | None) -> Program | None:
    """The first program the text names; None when the text is empty or names no known program."""
    if not text or not text.strip():
        return None
    return next((p for p in PROGRAMS if p.pattern.search(text)), None)


def funding_kind(text: str | None) -> FundingKind:
    """USF, other FCC subsidy, not FCC, ambiguous, or unknown (empty or unrecognised text)."""
    found = classify_funding(text)
    return found.kind if found else FundingKind.UNKNOWN


def funding_group(text: str | None) -> int:
    """Texts with one group get one answer: the index of the program named, len(PROGRAMS) for
    text naming none, -1 for empty text (the batch engine groups rows by this)."""
    if not text or not text.strip():
        return -1
    found = classify_funding(text)
    return PROGRAMS.index(found) if found else len(PROGRAMS)
