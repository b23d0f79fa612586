"""Maker names and product lines anywhere in free text (sysDescr, banners, MIB descriptions),
found by one Aho-Corasick automaton over the distinctive part of every name the kb holds.

Text is folded byte for byte (ASCII letters lower-cased, every byte that is not a letter or a
digit made a space), so offsets in the folded text are offsets in the UTF-8 text, word
boundaries are a space or the text's edge, and 'TP-LINK', 'tp link' and 'Tp_Link' read alike.
Many texts are scanned in one pass (joined by a separator byte); one text is a batch of one, so
the row path and the batch path are the same code."""

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate
from typing import Any

import ahocorasick

from netvet.model import MatchKind, ProductLine

SEPARATOR = "\x00"
FOLD = bytes(
    (b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 or 48 <= b <= 57 else 10 if b == 0 else 32)
    for b in range(256)
)


class Registry(StrEnum):
    """Where a name came from, as a report prints it."""

    ENTITY = "kb entity"
    BRAND = "kb brand"
    IEEE = "IEEE registrant"
    PEN = "IANA PEN holder"
    DEVICE_TYPES = "device-type manufacturer"
    PRODUCT = "product line"


@dataclass(frozen=True, slots=True)
class TextName:
    """One literal to find: the folded words, who they name, and how they must appear."""

    literal: str
    claims: str
    registry: Registry
    shown: str
    upper_only: bool = False
    prefix: bool = False
    product: ProductLine | None = None


@dataclass(frozen=True, slots=True)
class TextHit:
    """One name found in one text, with the text as it appeared there."""

    name: TextName
    seen: str


@dataclass(frozen=True, slots=True)
class TextScanner:
    """The compiled automaton (values index `names`) and the regex product rows."""

    names: tuple[TextName, ...]
    automaton: Any
    regexes: tuple[tuple[re.Pattern[str], ProductLine], ...] = ()


def fold(text: str) -> str:
    """The folded form of a name or text (same length as its UTF-8 bytes)."""
    return text.encode("utf-8", errors="replace").translate(FOLD).decode("latin-1")


def build_scanner(names: tuple[TextName, ...], products: tuple[ProductLine, ...] = ()) -> TextScanner:
    """One automaton over every literal; regex product rows compiled beside it."""
    automaton = ahocorasick.Automaton()
    grouped: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        grouped.setdefault(name.literal, []).append(index)
    for literal, indexes in grouped.items():
        automaton.add_word(literal, tuple(indexes))
    if grouped:
        automaton.make_automaton()
    regexes = tuple(
        (re.compile(p.pattern, re.IGNORECASE), p)
        for p in products
        if p.match is MatchKind.REGEX and p.pattern
    )
    return TextScanner(names, automaton if grouped else None, regexes)


def bounded(name: TextName, folded: str, start: int, end: int) -> bool:
    """A word starts and ends at a boundary; a prefix starts at one and runs on into a letter or
    digit (folded: a space or newline is the only non-word character)."""
    left = folded[start - 1] if start > 0 else " "
    right = folded[end] if end < len(folded) else " "
    return left <= " " and (right > " " if name.prefix else right <= " ")


def literal_hits(scanner: TextScanner, folded: str, raw: bytes) -> list[tuple[int, int, int]]:
    """(start, end, name index) of every bounded literal hit in a folded buffer."""
    if scanner.automaton is None:
        return []
    found = []
    for last, indexes in scanner.automaton.iter(folded):
        for index in indexes:
            name = scanner.names[index]
            start, end = last + 1 - len(name.literal), last + 1
            if bounded(name, folded, start, end) and (not name.upper_only or raw[start:end].isupper()):
                found.append((start, end, index))
    return found


def scan_many(scanner: TextScanner, texts: list[str]) -> list[tuple[TextHit, ...]]:
    """The hits of every text, from one pass over all of them."""
    clean = [t.replace(SEPARATOR, " ") for t in texts]
    raw = SEPARATOR.join(clean).encode("utf-8", errors="replace")
    folded = raw.translate(FOLD).decode("latin-1")
    starts = [0, *accumulate(len(t.encode("utf-8", errors="replace")) + 1 for t in clean)]
    per_text: list[list[tuple[int, int, int]]] = [[] for _ in texts]
    for start, end, index in literal_hits(scanner, folded, raw):
        per_text[bisect_right(starts, start) - 1].append((start, end, index))
    return [
        outermost(scanner, raw, spans) + regex_hits(scanner, text)
        for spans, text in zip(per_text, clean, strict=True)
    ]


def scan(scanner: TextScanner, text: str) -> tuple[TextHit, ...]:
    """The hits of one text (a batch of one)."""
    return scan_many(scanner, [text])[0]


def outermost(scanner: TextScanner, raw: bytes, spans: list[tuple[int, int, int]]) -> tuple[TextHit, ...]:
    """Hits not inside a longer hit, one per (claim, literal), longest first."""
    kept: list[tuple[int, int, int]] = []
    seen: set[tuple[str, str]] = set()
    for start, end, index in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        name = scanner.names[index]
        inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in kept)
        if not inside and (name.claims, name.literal) not in seen:
            seen.add((name.claims, name.literal))
            kept.append((start, end, index))
    return tuple(TextHit(scanner.names[i], raw[s:e].decode("utf-8", errors="replace")) for s, e, i in kept)


def regex_hits(scanner: TextScanner, text: str) -> tuple[TextHit, ...]:
    """Product rows matched by their own regex."""
    found = []
    for pattern, product in scanner.regexes:
        match = pattern.search(text)
        if match:
            name = TextName(
                fold(product.name), product.maker, Registry.PRODUCT, product.name, product=product
            )
            found.append(TextHit(name, match.group(0)))
    return tuple(found)
