"""Organisation names to comparable keys: trade-name words, industry words, places."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from netvet.match.confusables import fold_confusables
from netvet.match.pinyin import pinyin_words
from netvet.match.vocabulary import (
    CANONICAL,
    HAN_LEGAL_FORMS,
    INDUSTRY_WORDS,
    LEGAL_FORMS,
    PINYIN_LEGAL_FORMS,
    PLACES,
)

_HAN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+")
_GLUED_SUFFIXES = ("corp", "ltd", "inc", "llc", "co")
_GLUED_AT_END = (
    "corporation",
    "incorporated",
    "limited",
    "company",
    "coltd",
    "gmbh",
    "corp",
    "ltd",
    "inc",
    "llc",
)
_GLUED_PLACES = tuple(sorted((p for p in PLACES if len(p) >= 5), key=len, reverse=True))
_LONG_VOCABULARY = tuple(sorted(w for w in INDUSTRY_WORDS | LEGAL_FORMS | PLACES if len(w) >= 6))
MISSPELT_MIN = 5
# Every step below is linear in the name once it is this short; real names are under 300 letters
# (the kb's longest is 73); the rest of a longer text (a pasted address, a hostile cell) is unread.
MAX_NAME_CHARS = 512


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name split into word classes; `trade` is ordered, the rest are sets."""

    text: str
    trade: tuple[str, ...]
    industry: frozenset[str]
    places: frozenset[str]
    generic_only: bool = False
    legal: frozenset[str] = frozenset()
    unknown: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    country: str | None = None
    identifiers: frozenset[tuple[str, str]] = frozenset()
    joined: str = ""

    @property
    def core(self) -> str:
        """Trade-name words joined without spaces (compares 'hik vision' with 'hikvision')."""
        return "".join(self.trade)

    @property
    def compact(self) -> str:
        """Every word but the legal forms, as written, joined ('huaweitechnologies' for
        'HuaweiTechnologies' and for 'Huawei Technologies')."""
        return self.joined


def fold(text: str) -> str:
    """NFKC, look-alike letters of other scripts read as Latin, case-folded, accents removed."""
    composed = fold_confusables(unicodedata.normalize("NFKC", text))
    decomposed = unicodedata.normalize("NFKD", composed.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def split_glued(word: str) -> list[str]:
    """'technologyco' -> ['technology', 'co'] when a legal form is glued to an industry word or
    a place; 'dellinc' -> ['dell', 'inc'] for the legal forms no word ends with."""
    for suffix in _GLUED_SUFFIXES:
        head = word[: -len(suffix)]
        if word.endswith(suffix) and (head in INDUSTRY_WORDS or head in LEGAL_FORMS or head in PLACES):
            return [head, suffix]
    for suffix in _GLUED_AT_END:
        head = word[: -len(suffix)]
        if word.endswith(suffix) and len(head) >= 3 and word not in LEGAL_FORMS:
            return [*split_glued(head), *(["co", "ltd"] if suffix == "coltd" else [suffix])]
    place = next((p for p in _GLUED_PLACES if word.startswith(p) and len(word) - len(p) >= 4), None)
    if place is not None and word not in PLACES:
        return [place, *split_glued(word[len(place) :])]
    return [word]


def join_letters(words: list[str]) -> list[str]:
    """Runs of single letters joined: 'g m b h' (from G.m.b.H.) -> 'gmbh', 's a' -> 'sa'."""
    found: list[str] = []
    run = ""
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            found.append(run)
            run = ""
        if word:
            found.append(word)
    return found


def split_glued_co(words: list[str]) -> list[str]:
    """'zhilianco ltd' -> 'zhilian co ltd': a 'co' glued to the word before 'ltd'."""
    found: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word.endswith("co") and len(word) > 4 and following in ("ltd", "limited"):
            found += [word[:-2], "co"]
        else:
            found.append(word)
    return found


def han_core(han: str) -> str:
    """A Han-script name with its legal form removed."""
    for form in HAN_LEGAL_FORMS:
        if han.endswith(form) and len(han) > len(form):
            han = han[: -len(form)]
    return han


def words_of(text: str) -> list[str]:
    """Latin words (glued legal forms split) followed by the pinyin words of Han-script runs."""
    folded = fold(text).replace("&", " and ")
    words = [w for raw in join_letters(_WORD.findall(_HAN.sub(" ", folded))) for w in split_glued(raw)]
    return split_glued_co(words) + [w for h in _HAN.findall(folded) for w in pinyin_words(han_core(h))]


def plain_words(names: Iterable[str]) -> frozenset[str]:
    """The lower-case Latin words and numbers of many names, split in one pass."""
    return frozenset(_WORD.findall("\n".join(names).casefold()))


@lru_cache(maxsize=1 << 16)  # bounded: a long scan meets unboundedly many distinct words
def misspelt_vocabulary(word: str) -> str | None:
    """The industry word, legal form or place a long unknown word misspells by one edit (two
    from 10 letters), keeping its first letter."""
    if len(word) < MISSPELT_MIN or word.isdigit():
        return None
    allowed = 1 if len(word) < 10 else 2
    hit = process.extractOne(word, _LONG_VOCABULARY, scorer=OSA.distance, score_cutoff=allowed)
    return str(hit[0]) if hit and hit[0][0] == word[0] else None


def canonical(word: str) -> str:
    """The dictionary spelling of an abbreviated, pinyin or misspelt industry word or legal form."""
    word = CANONICAL.get(word, word)
    if word in INDUSTRY_WORDS or word in LEGAL_FORMS or word in PINYIN_LEGAL_FORMS or word in PLACES:
        return word
    fixed = misspelt_vocabulary(word)
    return CANONICAL.get(fixed, fixed) if fixed else word


def stem(word: str) -> str:
    """'technologies' -> 'technology', 'networks' -> 'network'."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def legal_typo(word: str) -> str | None:
    """The legal form a word spells with one letter doubled ('ltdd', 'incc', 'corpp')."""
    if len(word) < 4 or word in LEGAL_FORMS or word in INDUSTRY_WORDS or word in PLACES:
        return None
    doubled = (i for i in range(1, len(word)) if word[i] == word[i - 1])
    found = {word[:i] + word[i + 1 :] for i in doubled} & LEGAL_FORMS
    return min((f for f in found if len(f) >= 3), default=None)


def legal_tail(words: list[str]) -> list[str]:
    """Misspelt legal forms at the end of a name read as the legal forms they spell: only where
    nothing but legal forms follows them, so a trade word is never taken for one."""
    fixed = list(words)
    for i in range(len(fixed) - 1, 0, -1):
        if fixed[i] in LEGAL_FORMS:
            continue
        spelt = legal_typo(fixed[i])
        if spelt is None:
            break
        fixed[i] = spelt
    return fixed


def classify_words(words: tuple[str, ...]) -> tuple[list[str], set[str], set[str], set[str]]:
    """Trade words (in order), industry words (stemmed), places and legal forms."""
    trade: list[str] = []
    industry: set[str] = set()
    places: set[str] = set()
    legal: set[str] = set()
    for word in words:
        if word in LEGAL_FORMS or word in PINYIN_LEGAL_FORMS:
            legal.add(word)
        elif word in INDUSTRY_WORDS:
            industry.add(stem(word))
        elif word in PLACES:
            places.add(word)
        else:
            trade.append(word)
    return trade, industry, places, legal


def name_key(text: str) -> NameKey:
    """Classify every word of a name (its first MAX_NAME_CHARS characters); legal forms are
    dropped."""
    text = text[:MAX_NAME_CHARS]
    written = words_of(text)
    words = tuple(legal_tail(list(map(canonical, written))))
    joined = "".join(w for w, c in zip(written, words, strict=True) if c not in LEGAL_FORMS)
    trade, industry, places, legal = classify_words(words)
    if not trade:
        generic = tuple(sorted(places | industry))
        empty: frozenset[str] = frozenset()
        return NameKey(text, generic, empty, empty, True, frozenset(legal), words=words, joined=joined)
    return NameKey(
        text,
        tuple(trade),
        frozenset(industry),
        frozenset(places),
        False,
        frozenset(legal),
        words=words,
        joined=joined,
    )
