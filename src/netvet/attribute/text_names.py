"""Maker names and product lines anywhere in free text (sysDescr, banners, MIB descriptions),
found by one Aho-Corasick automaton over the distinctive part of every name the kb holds.

Text is folded byte for byte (ASCII letters lower-cased, every byte that is not a letter or a
digit made a space), so offsets in the folded text are offsets in the UTF-8 text, word
boundaries are a space or the text's edge, and 'TP-LINK', 'tp link' and 'Tp_Link' read alike.
Many texts are scanned in one pass (joined by a separator byte); one text is a batch of one, so
the row path and the batch path are the same code."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import ahocorasick

from netvet.attribute.banners import HS_UNAVAILABLE, scratch_of
from netvet.attribute.regex_prefilter import RegexFilter, build_filter, candidates, with_databases
from netvet.attribute.text_tables import KeyShapes, LazyPatterns, Shape
from netvet.model import MatchKind, ProductLine
from netvet.model.rows import ColumnRows, PackedStrings

# Texts are joined by two separator bytes: they fold to two spaces, which no literal holds, so
# no hit spans two texts.
SEP = "\x1f"
SEPARATOR = SEP * 2
NO_HITS: tuple["TextHit", ...] = ()
FOLD = bytes((b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 or 48 <= b <= 57 else 32) for b in range(256))


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
    """The literal keys and their names, the Aho-Corasick automaton over the keys (always) or a
    Hyperscan literal database (for large batches: compiling takes seconds, scanning is ~10x
    faster), and the regex product rows with the prefix filter that says which texts each may
    match (None: every regex scans the whole batch, the reference path)."""

    names: Sequence[TextName]
    keys: Sequence[str]
    shapes: Sequence[tuple[Shape, ...]]
    automaton: Any
    regexes: Sequence[tuple[re.Pattern[bytes], int]] = ()
    database: Any = None
    prefilter: RegexFilter | None = None


def fold(text: str) -> str:
    """The folded form of a name or text (same length as its UTF-8 bytes)."""
    return text.encode("utf-8", errors="replace").translate(FOLD).decode("latin-1")


def key_of(name: TextName) -> str:
    """The automaton key: the literal between spaces (a prefix only after one), so only whole
    words are found and boundaries cost nothing."""
    return f" {name.literal}" if name.prefix else f" {name.literal} "


def build_scanner(names: tuple[TextName, ...], products: tuple[ProductLine, ...] = ()) -> TextScanner:
    """One automaton over every literal; regex product rows compiled beside it (their names
    follow the literals in `names`)."""
    grouped: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        grouped.setdefault(key_of(name), []).append(index)
    keys = PackedStrings.of(grouped)
    shapes = KeyShapes.of(
        tuple((i, len(names[i].literal), names[i].prefix, names[i].upper_only) for i in grouped[k])
        for k in keys
    )
    automaton = ahocorasick.Automaton()
    for key, shape in zip(keys, shapes, strict=True):
        automaton.add_word(key, shape)
    if keys:
        automaton.make_automaton()
    rows = [p for p in products if p.match is MatchKind.REGEX]
    regex_names = tuple(TextName(fold(p.name), p.maker, Registry.PRODUCT, p.name, product=p) for p in rows)
    compiled = [re.compile((p.pattern or "").encode(), re.IGNORECASE) for p in rows]
    regexes = LazyPatterns([(c.pattern, c.flags, len(names) + i) for i, c in enumerate(compiled)])
    prefilter = build_filter(((c.pattern, c.flags) for c in compiled), FOLD)
    return TextScanner(
        ColumnRows.of(TextName, (*names, *regex_names)),
        keys,
        shapes,
        automaton if keys else None,
        regexes,
        prefilter=prefilter,
    )


LiteralCompiler = Callable[[list[bytes]], Any]


def with_hyperscan(scanner: TextScanner, literals: LiteralCompiler | None = None) -> TextScanner:
    """The scanner with Hyperscan literal databases over the same keys and regex prefixes (same
    answers); `literals` compiles one (default literal_database; the kb cache passes one that
    keeps compiled databases on disk)."""
    if HS_UNAVAILABLE is not None or not scanner.keys:
        return scanner
    literals = literals or literal_database
    database = literals([k.encode("latin-1") for k in scanner.keys])
    prefilter = scanner.prefilter and with_databases(scanner.prefilter, literals)
    return replace(scanner, database=database, prefilter=prefilter)


def compiled(scanner: TextScanner, literals: LiteralCompiler | None = None) -> TextScanner:
    """The scanner with Hyperscan databases in place of the Aho-Corasick automaton, as the kb
    cache keeps it: a serialised database loads in milliseconds, the automaton unpickles in
    ~0.2 s. Unchanged where Hyperscan is unavailable (the automaton stays)."""
    fast = with_hyperscan(scanner, literals)
    return fast if fast.database is None else replace(fast, automaton=None)


def literal_database(expressions: list[bytes]) -> Any:
    """A Hyperscan block-mode database over literals (id: position in the list)."""
    import hyperscan  # available: callers check HS_UNAVAILABLE

    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    count = len(expressions)
    database.compile(
        expressions=expressions, ids=list(range(count)), elements=count, flags=[0] * count, literal=True
    )
    return database


def key_hits(scanner: TextScanner, folded: bytes) -> list[tuple[int, tuple[Shape, ...]]]:
    """(offset of the key's last byte, its shapes) of every key found in the folded buffer."""
    if scanner.database is not None:
        found: list[tuple[int, tuple[Shape, ...]]] = []
        shapes = scanner.shapes
        scanner.database.scan(
            folded,
            match_event_handler=lambda i, _f, to, *_: found.append((to - 1, shapes[i])),
            scratch=scratch_of(scanner.database),
        )
        return found
    if scanner.automaton is None:
        return []
    return list(scanner.automaton.iter(folded.decode("latin-1")))


def literal_hits(scanner: TextScanner, folded: bytes, raw: bytes) -> list[tuple[int, int, int]]:
    """(start, end, name index) in `raw` of every whole-word literal hit of the folded buffer
    (`folded` is `raw` folded, with one space before it): a prefix must run on into a letter or
    digit, a short name must be in capitals."""
    found = []
    for last, shapes in key_hits(scanner, folded):
        for index, size, prefix, upper in shapes:
            end = last + 1 if prefix else last
            if prefix and folded[end] == 32:
                continue
            if not upper or raw[end - size - 1 : end - 1].isupper():
                found.append((end - size - 1, end - 1, index))
    return found


def joined_texts(texts: list[str]) -> str:
    """The texts joined by the separator (any separator byte inside a text made a space)."""
    joined = SEPARATOR.join(texts)
    if joined.count(SEP) != len(SEPARATOR) * max(0, len(texts) - 1):
        joined = SEPARATOR.join(t.replace(SEP, " ") for t in texts)
    return joined


def separators(raw: bytes) -> list[int]:
    """The offset of each separator between texts in the joined buffer."""
    if SEP.encode() not in raw:  # one text (the row path): no numpy, not even its import
        return []
    import numpy as np

    found: list[int] = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == ord(SEP))[
        :: len(SEPARATOR)
    ].tolist()
    return found


def text_of(seps: list[int], offsets: list[int]) -> list[int]:
    """The index of the text each byte offset of the joined buffer falls in."""
    if not offsets or not seps:
        return [0] * len(offsets)
    import numpy as np

    found: list[int] = np.searchsorted(np.array(seps), np.array(offsets), side="right").tolist()
    return found


def scan_many(scanner: TextScanner, texts: list[str]) -> list[tuple[TextHit, ...]]:
    """The hits of every text, each distinct text scanned once (real scans repeat banners)."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == len(texts):
        return scan_distinct(scanner, texts)
    found = dict(zip(distinct, scan_distinct(scanner, distinct), strict=True))
    return [found[t] for t in texts]


def scan_distinct(scanner: TextScanner, texts: list[str]) -> list[tuple[TextHit, ...]]:
    """The hits of every text, from one pass over all of them; Python work only for the texts
    that name something, and the hits of a text resolved once per distinct way of naming (the
    same hits in the same bytes at the same distances: banners repeat around serials)."""
    raw = joined_texts(texts).encode("utf-8", errors="replace")
    folded = b" " + raw.translate(FOLD) + b" "
    seps = separators(raw)
    spans = literal_hits(scanner, folded, raw) + regex_spans(scanner, raw, folded, seps)
    spans.sort()
    owners = text_of(seps, [s[0] for s in spans])
    changes = (i for i in range(1, len(owners)) if owners[i] != owners[i - 1])
    bounds = [0, *changes, len(spans)] if spans else [0]
    results = [NO_HITS] * len(texts)
    resolved: dict[object, tuple[TextHit, ...]] = {}
    for a, b in zip(bounds, bounds[1:], strict=False):
        found = spans[a:b]
        if b - a == 1:  # the common case: one hit, known by its name and bytes
            key: object = (found[0][2], raw[found[0][0] : found[0][1]])
        else:
            low, high = found[0][0], max(e for _, e, _ in found)
            key = (raw[low:high], tuple((s - low, e - low, i) for s, e, i in found))
        hits = resolved.get(key)
        if hits is None:
            hits = resolved.setdefault(key, outermost(scanner, raw, found))
        results[owners[a]] = hits
    return results


def scan(scanner: TextScanner, text: str) -> tuple[TextHit, ...]:
    """The hits of one text (a batch of one)."""
    return scan_many(scanner, [text])[0]


def outermost(scanner: TextScanner, raw: bytes, spans: list[tuple[int, int, int]]) -> tuple[TextHit, ...]:
    """Hits not inside a longer hit, one per (claim, literal, product), longest first."""
    kept: list[tuple[int, int, int]] = []
    seen: set[tuple[str, str, bool]] = set()
    for start, end, index in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        name = scanner.names[index]
        inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in kept)
        key = (name.claims, name.literal, name.product is None)
        if not inside and key not in seen:
            seen.add(key)
            kept.append((start, end, index))
    return tuple(TextHit(scanner.names[i], raw[s:e].decode("utf-8", errors="replace")) for s, e, i in kept)


def regex_spans(
    scanner: TextScanner, raw: bytes, folded: bytes, seps: list[int]
) -> list[tuple[int, int, int]]:
    """(start, end, name index) of every regex product match inside one text: a filtered regex
    runs only on the texts holding one of its prefixes, any other over the whole batch."""
    prefilter = scanner.prefilter
    whole = range(len(scanner.regexes)) if prefilter is None else prefilter.always
    spans = [
        (m.start(), m.end(), index)
        for pattern, index in (scanner.regexes[i] for i in whole)
        for m in pattern.finditer(raw)
        if SEP.encode() not in m.group(0)
    ]
    if prefilter is None:
        return spans
    offsets, admitted = candidates(prefilter, raw, folded)
    pairs = {(p, owner) for ps, owner in zip(admitted, text_of(seps, offsets), strict=True) for p in ps}
    starts = [0, *(s + len(SEPARATOR) for s in seps)]
    ends = [*seps, len(raw)]
    for position, owner in sorted(pairs):
        pattern, index = scanner.regexes[position]
        spans.extend((m.start(), m.end(), index) for m in pattern.finditer(raw, starts[owner], ends[owner]))
    return spans
