"""Evidence beyond the name words: acronyms, countries and identifiers; each docstring is its
printed reason.

Acronyms. A short word ('HPE', 'CETC', 'ZTE Corp') is read as an acronym of a longer name only
when the initials of that name's words spell it exactly, in order, using every distinctive word,
industry word and place, and skipping only legal forms and group/holding words ('China
Electronics Technology Group Corporation' spells CET, CETC and CETGC, never CEC); a legal form
gives its initial only when written out ('Corporation', 'Limited', not 'Ltd' or 'a.s.'). An
acronym is weak evidence: among the 25,000 registry names of bench/names.py four letters already
collide (INSS is spelled by 'Integrity Net Solutions and Services'), and among the IEEE
registrants three letters collide even within one country ('Hangzhou Yaguan Technology' spells
HYT, a Hytera brand; 'TLS Corporation' is not TP-Link Systems). So ACRONYM stays below the
default threshold; an acronym of four letters or more whose country agrees is ACRONYM_PLACED,
just above it; two or three letters pass only with an identifier agreeing, or when the kb records
the acronym as an alias (then the names are identical and this feature is not needed).

Countries and identifiers apply to every pair, after the name score (CONTEXT_ADJUSTMENTS). The
country of a query (a supplier list's country column, `netvet match --country`) agreeing with the
kb entity's orders sister companies (IEEE registrants show that more lets a shared word or a typo
through: 'Beijing Huafei Technology' is not Huawei); differing, a likely sister company in
another country, which takes away what a typo or a single shared word leaves (a complete name
still passes), unless the query's name names a place itself (a subsidiary abroad of a covered
group must stay found). China, Hong Kong and Macau neither agree nor conflict: Chinese groups
often trade through Hong Kong.
An identifier both sides carry in one scheme (LEI, UEI, CAGE, FCC grantee code, IANA PEN) that
is equal makes the match near-certain; one that differs is a strong conflict for the schemes an
organisation holds exactly one of (LEI, UEI) and a mild one for those it may hold several of
(CAGE codes per site, FCC grantee codes, IANA PENs), where the kb may know only some.
"""

from collections.abc import Callable, Iterable, Iterator

from netvet.match.normalize import NameKey
from netvet.match.vocabulary import LEGAL_FORMS, PINYIN_LEGAL_FORMS

ACRONYM = 0.8
ACRONYM_PLACED = 0.86
PLACED_LETTERS = 4
ACRONYM_LETTERS = (2, 6)
SKIPPABLE = LEGAL_FORMS | PINYIN_LEGAL_FORMS | {"group", "holding", "holdings"}
WRITTEN_OUT = frozenset({"corporation", "company", "limited", "incorporated", "group", "holding", "holdings"})
GREATER_CHINA = frozenset({"CN", "HK", "MO"})
SCHEMES = ("lei", "uei", "cage", "fcc_grantee", "iana_pen")
ONE_PER_ORGANISATION = frozenset({"lei", "uei"})


def acronym_shaped(key: NameKey) -> str | None:
    """The single word of a name made of one short word (legal forms aside), else None."""
    low, high = ACRONYM_LETTERS
    if key.generic_only or key.industry or key.places or len(key.trade) != 1:
        return None
    word = key.trade[0]
    return word if low <= len(word) <= high else None


def used(word: str) -> bool:
    """A word whose initial an acronym may take: any but a legal form abbreviated or a connector."""
    return word not in SKIPPABLE or word in WRITTEN_OUT


def spells(letters: str, words: tuple[str, ...]) -> bool:
    """The initials of the words spell the letters in order; only skippable words may be left out."""
    if not words:
        return not letters
    head, rest = words[0], words[1:]
    if letters and letters[0] == head[0] and used(head) and spells(letters[1:], rest):
        return True
    return head in SKIPPABLE and spells(letters, rest)


def spellings(words: tuple[str, ...]) -> Iterator[str]:
    """Every acronym the words spell (each skippable word used or left out), within 2-6 letters."""
    low, high = ACRONYM_LETTERS
    found = {""}
    for word in words:
        taken = {f + word[0] for f in found} if used(word) else set()
        found = taken | found if word in SKIPPABLE else taken
        found = {f for f in found if len(f) <= high}
    return (f for f in sorted(found) if len(f) >= low)


def acronym_of(query: NameKey, cand: NameKey) -> float | None:
    """One name is an acronym that the other name's initials spell exactly."""
    for short, full in ((query, cand), (cand, query)):
        word = acronym_shaped(short)
        if word and len(full.words) > 1 and acronym_shaped(full) is None and spells(word, full.words):
            placed = len(word) >= PLACED_LETTERS and query.country and query.country == cand.country
            return ACRONYM_PLACED if placed else ACRONYM
    return None


def country_agree(query: NameKey, cand: NameKey) -> float | None:
    """The countries agree."""
    # Mild, like legal forms agreeing: it orders sister companies but never lifts a name that
    # shares a single word (0.84) over the threshold; most kb entities are in CN or the US.
    return 0.005 if query.country and query.country == cand.country else None


def country_conflict(query: NameKey, cand: NameKey) -> float | None:
    """The countries differ: possibly a sister company in another country."""
    # Not when the query's name names a place: the place features have judged it, and 'Huawei
    # Technologies India' in India is the subsidiary of a covered company, not another company.
    q, c = query.country, cand.country
    if not q or not c or q == c or {q, c} <= GREATER_CHINA or query.places:
        return None
    return -0.08


def country_greater_china(query: NameKey, cand: NameKey) -> float | None:
    """The countries differ only within China, Hong Kong and Macau: neither agreement nor conflict."""
    q, c = query.country, cand.country
    return 0.0 if q and c and q != c and {q, c} <= GREATER_CHINA else None


def identifier_agree(query: NameKey, cand: NameKey) -> float | None:
    """An identifier (LEI, UEI, CAGE, FCC grantee code or IANA PEN) is equal on both sides: near-certain."""
    return 0.6 if query.identifiers & cand.identifiers else None


def conflicting_schemes(query: NameKey, cand: NameKey) -> set[str]:
    """Schemes both sides carry with no value in common, when no identifier agrees."""
    if query.identifiers & cand.identifiers:
        return set()
    return {s for s, _ in query.identifiers} & {s for s, _ in cand.identifiers}


def unique_identifier_conflict(query: NameKey, cand: NameKey) -> float | None:
    """An LEI or UEI differs: an organisation has only one, so these are different organisations."""
    return -0.3 if conflicting_schemes(query, cand) & ONE_PER_ORGANISATION else None


def several_identifier_conflict(query: NameKey, cand: NameKey) -> float | None:
    """A CAGE code, FCC grantee code or IANA PEN differs (one organisation may hold several)."""
    return -0.1 if conflicting_schemes(query, cand) - ONE_PER_ORGANISATION else None


Adjustment = Callable[[NameKey, NameKey], float | None]

CONTEXT_ADJUSTMENTS: tuple[Adjustment, ...] = (
    country_agree,
    country_conflict,
    country_greater_china,
    identifier_agree,
    unique_identifier_conflict,
    several_identifier_conflict,
)


SCHEME_NAMES = {
    "lei": "lei",
    "uei": "uei",
    "sam_uei": "uei",
    "cage": "cage",
    "cage_code": "cage",
    "fcc_grantee": "fcc_grantee",
    "fcc_grantee_code": "fcc_grantee",
    "grantee_code": "fcc_grantee",
    "iana_pen": "iana_pen",
    "pen": "iana_pen",
}


def identifier_pair(scheme: str, value: str) -> tuple[str, str]:
    """A (scheme, value) pair in one spelling: 'LEI'/'fcc-grantee' names, values upper-case, PENs
    without leading zeros; an unknown scheme is kept as written (lower-case)."""
    name = scheme.strip().casefold().replace("-", "_").replace(" ", "_")
    name = SCHEME_NAMES.get(name, name)
    text = value.strip().upper()
    if name == "iana_pen":
        text = text.lstrip("0") or "0"
    return name, text


def identifier_set(items: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Identifier pairs in one spelling, empty values left out."""
    return frozenset(identifier_pair(s, v) for s, v in items if str(v).strip())


def country_code(text: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country written as a code or a name ('China', 'PRC', 'UK',
    'Hong Kong'), or None when it names no country."""
    from rigour.territories import lookup_territory

    territory = lookup_territory(text.strip()) if text.strip() else None
    code = territory.code.split("-")[0] if territory else ""
    return code.upper() if len(code) == 2 and code.isalpha() else None
