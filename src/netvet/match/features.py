"""Small explained features that compare two name keys; each docstring is its printed reason.

The score starts from how well the trade-name words agree and is then adjusted by the table
ADJUSTMENTS. Every function returns a score change, or None when it does not apply. The
numbers were set on real IEEE registrant names (see tests/data/registrant_names.csv) and the
labelled set of bench/name_eval.py: a name that shares a single word with a kb name and nothing
else lands below the default threshold of 0.85, and so does a name one typo from a kb name
when its word is a real organisation's word (Ubicom is not China Unicom); a typo in a word no
known organisation uses is read as a misspelling.
"""

from collections.abc import Callable

from rapidfuzz.distance import OSA

from netvet.match.normalize import NameKey

TRADE_AGREE = 0.92
IDENTICAL = 1.0
ONE_LEGAL_FORM = 0.99
LEGAL_FORMS_DIFFER = 0.95
DISTINCT_WORDS_DIFFER = 0.3
GENERIC_ONLY = 0.5
SPELLING = 0.9
BARE_NAME = 0.84
BARE_NAME_LETTERS = 5
TYPO_MIN = 5


def words_agree(a: str, b: str, longer_words: int = 12) -> bool:
    """Equal, or one typo apart (a letter dropped, added, changed or two swapped, never the
    first) in words of 5+ letters (a 4-letter word may miss one letter of a 5-letter one), two
    typos in words of `longer_words`+; shorter words must be equal."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if max(len(a), len(b)) < TYPO_MIN or shorter < TYPO_MIN - 1 or a[0] != b[0]:
        return False
    allowed = 1 if shorter < longer_words else 2
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


def unmatched(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...]:
    """Words of left that agree with no word of right."""
    return tuple(w for w in left if not any(words_agree(w, r) for r in right))


def trade_agreement(query: NameKey, cand: NameKey) -> float:
    """1 when the trade-name words agree exactly, SPELLING when only up to a typo, else 0."""
    if query.core == cand.core or sorted(query.trade) == sorted(cand.trade):
        return 1.0
    if min(len(query.core), len(cand.core)) >= 7 and words_agree(query.core, cand.core, 99):
        return SPELLING
    if unmatched(query.trade, cand.trade) or unmatched(cand.trade, query.trade):
        return 0.0
    return SPELLING


GLUED_MIN = 8


def glued_agreement(query: NameKey, cand: NameKey) -> float:
    """The same words once glued words are split.

    1 when every word but the legal forms agrees joined together, SPELLING when only up to a
    typo (two in 12+ letters), else 0."""
    short, long = sorted((query.compact, cand.compact), key=len)
    if len(short) < GLUED_MIN or query.trade == cand.trade:
        return 0.0
    if short == long:
        return 1.0
    return SPELLING if words_agree(short, long) else 0.0


def industry_agree(query: NameKey, cand: NameKey) -> float | None:
    """Industry words agree as well."""
    return 0.06 if query.industry and query.industry == cand.industry else None


def industry_conflict(query: NameKey, cand: NameKey) -> float | None:
    """Industry words differ: a different company that shares the trade name."""
    if query.industry and cand.industry and not query.industry & cand.industry:
        return -0.17
    return None


def industry_partial(query: NameKey, cand: NameKey) -> float | None:
    """Industry words agree only in part."""
    both = query.industry & cand.industry
    return -0.04 if both and query.industry != cand.industry else None


def industry_one_side(query: NameKey, cand: NameKey) -> float | None:
    """Only one name has industry words."""
    return -0.04 if bool(query.industry) != bool(cand.industry) else None


def single_word(query: NameKey, cand: NameKey) -> float | None:
    """A single distinctive word agrees and nothing else identifies the company."""
    return -0.04 if len(cand.trade) == 1 and len(query.trade) == 1 else None


def misspelt_unknown_word(query: NameKey, cand: NameKey) -> float | None:
    """The query words that differ by a typo are no known organisation's words: a misspelling."""
    differ = set(query.trade) - set(cand.trade)
    if differ and differ <= query.unknown and trade_agreement(query, cand) == SPELLING:
        return round(TRADE_AGREE * (1 - SPELLING), 4)
    return None


def place_conflict(query: NameKey, cand: NameKey) -> float | None:
    """Places differ: possibly a sister company in another place."""
    if query.places and cand.places and not query.places & cand.places:
        return -0.08
    return None


def place_partial(query: NameKey, cand: NameKey) -> float | None:
    """Places agree only in part."""
    both = query.places & cand.places
    return -0.03 if both and query.places != cand.places else None


def legal_form_agree(query: NameKey, cand: NameKey) -> float | None:
    """Legal forms agree as well."""
    return 0.005 if query.legal and query.legal == cand.legal else None


def legal_form_conflict(query: NameKey, cand: NameKey) -> float | None:
    """Legal forms differ: possibly a sister company."""
    return -0.03 if query.legal and cand.legal and not query.legal & cand.legal else None


def place_one_side(query: NameKey, cand: NameKey) -> float | None:
    """One name names a place the other does not."""
    return -0.02 if bool(query.places) != bool(cand.places) else None


Adjustment = Callable[[NameKey, NameKey], float | None]

ADJUSTMENTS: tuple[Adjustment, ...] = (
    industry_agree,
    industry_conflict,
    industry_partial,
    industry_one_side,
    single_word,
    misspelt_unknown_word,
    place_conflict,
    place_partial,
    place_one_side,
    legal_form_agree,
    legal_form_conflict,
)


def reason_of(feature: Callable[..., object]) -> str:
    """The first docstring line of a feature, as the clause a report prints ('industry words
    agree as well'), without its capital and full stop so clauses join with '; '."""
    line = (feature.__doc__ or feature.__name__).strip().splitlines()[0].rstrip(".")
    return line[:1].lower() + line[1:]
