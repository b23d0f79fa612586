"""Score one query name against one candidate name, with the reasons."""

from dataclasses import dataclass

from netvet.match.context import CONTEXT_ADJUSTMENTS, acronym_of
from netvet.match.features import (
    ADJUSTMENTS,
    BARE_NAME,
    BARE_NAME_LETTERS,
    DISTINCT_WORDS_DIFFER,
    GENERIC_ONLY,
    IDENTICAL,
    LEGAL_FORMS_DIFFER,
    ONE_LEGAL_FORM,
    SPELLING,
    TRADE_AGREE,
    glued_agreement,
    legal_form_agree,
    legal_form_conflict,
    reason_of,
    trade_agreement,
    unmatched,
)
from netvet.match.normalize import NameKey


@dataclass(frozen=True, slots=True)
class PairScore:
    """A score in [0, 1] and the sentences that explain it."""

    score: float
    reasons: tuple[str, ...]


def identical(query: NameKey, cand: NameKey) -> bool:
    """Identical once legal forms are removed."""
    return (sorted(query.trade), query.industry, query.places) == (
        sorted(cand.trade),
        cand.industry,
        cand.places,
    )


def bare_name(query: NameKey, cand: NameKey) -> bool:
    """A short bare word (an acronym or brand of 5 letters or fewer) met a company name with a
    legal form: another company may bear that name."""
    bare = not cand.legal and not cand.industry and not cand.places and len(cand.trade) == 1
    return bare and len(cand.trade[0]) <= BARE_NAME_LETTERS and bool(query.legal)


def legal_form_agreement(query: NameKey, cand: NameKey) -> PairScore:
    """Identical names: the legal forms say whether they are the same legal entity."""
    if bare_name(query, cand):
        return PairScore(BARE_NAME, (reason_of(identical), reason_of(bare_name)))
    if query.legal == cand.legal:
        return PairScore(IDENTICAL, (reason_of(identical), "legal forms agree"))
    if query.legal and cand.legal:
        return PairScore(
            LEGAL_FORMS_DIFFER, (reason_of(identical), "legal forms differ: possibly a sister company")
        )
    return PairScore(ONE_LEGAL_FORM, (reason_of(identical),))


def generic_only(query: NameKey, cand: NameKey) -> bool:
    """A name made only of industry words and places identifies no company unless identical."""
    return query.generic_only or cand.generic_only


def score_pair(query: NameKey, cand: NameKey) -> PairScore:
    """The names' score, then countries and identifiers (CONTEXT_ADJUSTMENTS); capped to [0, 0.99]
    unless the names are identical and nothing else was said."""
    if not query.trade or not cand.trade:
        return PairScore(0.0, ("no distinctive words to compare",))
    named = name_score(query, cand)
    if not query.country and not query.identifiers:
        return named
    score, reasons = named.score, list(named.reasons)
    for feature in CONTEXT_ADJUSTMENTS:
        delta = feature(query, cand)
        if delta is not None:
            score += delta
            reasons.append(reason_of(feature))
    if len(reasons) == len(named.reasons):
        return named
    return PairScore(round(max(0.0, min(score, max(named.score, 0.99))), 4), tuple(reasons))


def acronym_score(query: NameKey, cand: NameKey) -> PairScore | None:
    """The acronym score of names whose words do not agree, when one spells the other."""
    acronym = acronym_of(query, cand)
    return PairScore(acronym, (reason_of(acronym_of),)) if acronym is not None else None


def glued_score(query: NameKey, cand: NameKey) -> PairScore | None:
    """Words glued together ('HuaweiTechnologies', 'LENOVOBEIJINGCOLTD') compared joined, then
    the legal forms; None when they do not agree joined either."""
    agreement = glued_agreement(query, cand)
    if agreement == 0.0:
        return None
    score, reasons = TRADE_AGREE * agreement, [reason_of(glued_agreement)]
    for feature in (legal_form_agree, legal_form_conflict):
        delta = feature(query, cand)
        if delta is not None:
            score += delta
            reasons.append(reason_of(feature))
    return PairScore(round(max(0.0, min(score, 0.99)), 4), tuple(reasons))


def name_score(query: NameKey, cand: NameKey) -> PairScore:
    """Trade-name agreement first (or an acronym), then the adjustment table; capped to [0, 0.99]."""
    if identical(query, cand):
        return legal_form_agreement(query, cand)
    if generic_only(query, cand):
        return acronym_score(query, cand) or PairScore(GENERIC_ONLY, (reason_of(generic_only),))
    agreement = trade_agreement(query, cand)
    if agreement == 0.0:
        extra = unmatched(query.trade, cand.trade) or unmatched(cand.trade, query.trade)
        differ = PairScore(DISTINCT_WORDS_DIFFER, (f"distinctive words differ: {' '.join(extra)}",))
        return glued_score(query, cand) or acronym_score(query, cand) or differ
    score = TRADE_AGREE * agreement
    reasons = ["all distinctive words agree once legal forms are removed"]
    if agreement == SPELLING:
        reasons = ["distinctive words agree only up to spelling"]
    for feature in ADJUSTMENTS:
        delta = feature(query, cand)
        if delta is not None:
            score += delta
            reasons.append(reason_of(feature))
    return PairScore(round(max(0.0, min(score, 0.99)), 4), tuple(reasons))
