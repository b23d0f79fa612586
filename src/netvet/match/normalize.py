"""Organisation names to comparable keys: trade-name words, industry words, places."""

import re
import unicodedata
from dataclasses import dataclass

from netvet.match.vocabulary import HAN_LEGAL_FORMS, INDUSTRY_WORDS, LEGAL_FORMS, PLACES

_HAN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+")
_GLUED_SUFFIXES = ("corp", "ltd", "inc", "llc", "co")


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name split into word classes; `trade` is ordered, the rest are sets."""

    text: str
    trade: tuple[str, ...]
    industry: frozenset[str]
    places: frozenset[str]
    generic_only: bool = False
    legal: frozenset[str] = frozenset()

    @property
    def core(self) -> str:
        """Trade-name words joined without spaces (compares 'hik vision' with 'hikvision')."""
        return "".join(self.trade)


def fold(text: str) -> str:
    """NFKC, case-folded, accents removed."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def split_glued(word: str) -> list[str]:
    """'technologyco' -> ['technology', 'co'] when a legal form is glued to an industry word."""
    for suffix in _GLUED_SUFFIXES:
        head = word[: -len(suffix)]
        if word.endswith(suffix) and (head in INDUSTRY_WORDS or head in LEGAL_FORMS):
            return [head, suffix]
    return [word]


def han_core(han: str) -> str:
    """A Han-script name with its legal form removed."""
    for form in HAN_LEGAL_FORMS:
        if han.endswith(form) and len(han) > len(form):
            han = han[: -len(form)]
    return han


def words_of(text: str) -> list[str]:
    """Latin words (glued legal forms split) followed by Han-script runs."""
    folded = fold(text).replace("&", " and ")
    words = [w for raw in _WORD.findall(_HAN.sub(" ", folded)) for w in split_glued(raw)]
    return words + [han_core(h) for h in _HAN.findall(folded)]


def stem(word: str) -> str:
    """'technologies' -> 'technology', 'networks' -> 'network'."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_key(text: str) -> NameKey:
    """Classify every word of a name; legal forms are dropped."""
    trade: list[str] = []
    industry: set[str] = set()
    places: set[str] = set()
    legal: set[str] = set()
    for word in words_of(text):
        if word in LEGAL_FORMS:
            legal.add(word)
            continue
        if word in INDUSTRY_WORDS:
            industry.add(stem(word))
        elif word in PLACES:
            places.add(word)
        else:
            trade.append(word)
    if not trade:
        return NameKey(
            text, tuple(sorted(places | industry)), frozenset(), frozenset(), True, frozenset(legal)
        )
    return NameKey(text, tuple(trade), frozenset(industry), frozenset(places), False, frozenset(legal))
