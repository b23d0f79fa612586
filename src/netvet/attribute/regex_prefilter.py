"""Which texts a product regex could match, found before running it.

Running every product regex over the whole joined batch costs one pass of Python `re` per
regex (hundreds of them): that, not the literal matcher, was what held the text matcher far
below its goal. Each regex is read once (Python's own regex parser) for the literal prefixes
every match must start with ('\\bNE(?:05E|08E)' starts with ' ne05e' or ' ne08e' once folded);
one Aho-Corasick pass finds those prefixes in the folded batch, and a regex then runs only on
the texts that hold one of its prefixes. Folding is a function of each byte, so a text a regex
matches (case-insensitively) always holds the folded prefix: no match is lost.

A regex is filtered only when no match of it can cross the separator between texts (it
consumes letters, digits, listed punctuation and spaces, never the separator, and never matches
empty), so its matches in one text are the same whether it scans that text or the whole batch.
Any other regex, or one whose prefixes are too weak to filter on, scans the batch as before."""

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

import ahocorasick

from netvet.attribute.banners import scratch_of

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

LIMIT = 256  # prefixes per regex before we stop growing them
CLASS_LIMIT = 16  # characters of a class expanded into prefixes
MIN_ALNUM = 2  # letters and digits a prefix needs to be worth filtering on
EDGE = "\x00"  # a word boundary before the first character (folds to a space)
SEPARATOR_BYTE = 0x1F
LOCAL_CATEGORIES = (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD, _c.CATEGORY_SPACE)  # \\d \\w \\s
Entry = tuple[tuple[int, ...], int]  # regex positions, bytes back to the key's first letter
Prefixes = tuple[set[str], bool]  # the prefixes so far, and whether they are the whole item


@dataclass(frozen=True, slots=True)
class RegexFilter:
    """The prefixes of the filtered regexes, folded (over the folded batch) and lower-cased
    (over the lower-cased batch), each key -> (regex positions, bytes back from the key's end to
    its first letter or digit in the batch), and the regexes that must scan the whole batch."""

    automaton: Any
    lowered: Any
    always: tuple[int, ...]
    databases: tuple[Any, Any] = (None, None)  # Hyperscan literal databases over the same keys
    values: tuple[tuple[Entry, ...], tuple[Entry, ...]] = ((), ())  # by Hyperscan id


def class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a small positive class ([0-9], [VDO]), or None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < CLASS_LIMIT:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= CLASS_LIMIT else None


def item_prefixes(op: Any, av: Any) -> Prefixes:
    """The prefixes of one parsed item and whether they cover it whole."""
    if op is _c.LITERAL:
        return {chr(av)}, True
    if op is _c.IN:
        chars = class_chars(av)
        return (chars, True) if chars else ({""}, False)
    if op is _c.BRANCH:
        parts = [seq_prefixes(b) for b in av[1]]
        return set().union(*(p for p, _ in parts)), all(full for _, full in parts)
    if op is _c.SUBPATTERN:
        return seq_prefixes(av[3])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] == 1:  # x or x?
        found, full = seq_prefixes(av[2])
        return (found | {""} if av[0] == 0 else found), full
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return seq_prefixes(av[2])[0], False
    return {""}, False


def seq_prefixes(items: Iterable[tuple[Any, Any]]) -> Prefixes:
    """Every literal start a match of the sequence can have (zero-width checks skipped, a word
    boundary before the first character kept as EDGE)."""
    acc = {""}
    for op, av in items:
        if op is _c.AT:
            acc = {s or EDGE for s in acc} if av is _c.AT_BOUNDARY else acc
            continue
        ext, full = item_prefixes(op, av)
        grown = {a + e for a in acc for e in ext}
        if len(grown) > LIMIT:
            return acc, False
        acc = grown
        if not full:
            return acc, False
    return acc, True


def folded_key(prefix: str, fold_table: bytes) -> str:
    """The prefix as it appears in folded text: a boundary mark only at the start and before a
    letter or digit (where the folded text surely has a space), dropped elsewhere."""
    body = prefix.replace(EDGE, "")
    lead = prefix.startswith(EDGE) and body[:1].isascii() and body[:1].isalnum()
    return ((" " if lead else "") + body).encode("latin-1").translate(fold_table).decode("latin-1")


def text_local(parsed: Any) -> bool:
    """A match can neither be empty nor hold the separator byte (so it stays inside one text)."""
    if parsed.getwidth()[0] == 0:
        return False
    return all(item_local(op, av) for op, av in parsed)


def item_local(op: Any, av: Any) -> bool:
    """One item consumes only listed bytes, none of them the separator."""
    if op is _c.LITERAL:
        return bool(av != SEPARATOR_BYTE)
    if op is _c.IN:
        return all(class_local(o, a) for o, a in av)
    if op is _c.AT:
        return True
    if op is _c.BRANCH:
        return all(item_local(o, a) for b in av[1] for o, a in b)
    if op is _c.SUBPATTERN:
        return all(item_local(o, a) for o, a in av[3])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return all(item_local(o, a) for o, a in av[2])
    return False


def class_local(op: Any, av: Any) -> bool:
    """One member of a class leaves the separator out (a negated class may not)."""
    if op is _c.LITERAL:
        return bool(av != SEPARATOR_BYTE)
    if op is _c.RANGE:
        return not av[0] <= SEPARATOR_BYTE <= av[1]
    return op is _c.CATEGORY and av in LOCAL_CATEGORIES


def regex_keys(pattern: bytes, flags: int, fold_table: bytes) -> tuple[set[str], bool] | None:
    """The prefixes that every match of the regex starts with, folded (True) or, when folding
    leaves too little of them (names not in ASCII), ASCII-lower-cased (False); None when the
    regex must scan the whole batch."""
    parsed = _parser.parse(pattern, flags)
    if not text_local(parsed):
        return None
    found, _ = seq_prefixes(parsed)
    keys = {folded_key(p, fold_table) for p in found}
    if all(sum(c.isalnum() for c in k) >= MIN_ALNUM for k in keys):
        return keys, True
    lowered = {p.replace(EDGE, "").encode("latin-1").lower().decode("latin-1") for p in found}
    if all(len(k.strip()) >= MIN_ALNUM for k in lowered):
        return lowered, False
    return None


def build_filter(patterns: Iterable[tuple[bytes, int]], fold_table: bytes) -> RegexFilter:
    """The prefix automata over every filterable regex (by position) and the rest."""
    grouped: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    always: list[int] = []
    for position, (pattern, flags) in enumerate(patterns):
        found = regex_keys(pattern, flags, fold_table)
        if found is None:
            always.append(position)
            continue
        for key in found[0]:
            grouped[0 if found[1] else 1].setdefault(key, []).append(position)
    return RegexFilter(automaton_of(grouped[0], True), automaton_of(grouped[1], False), tuple(always))


def automaton_of(grouped: dict[str, list[int]], folded: bool) -> Any:
    """One automaton over the keys (None without keys); a folded batch has one space before it."""
    if not grouped:
        return None
    automaton = ahocorasick.Automaton()
    for key, positions in grouped.items():
        first = next((i for i, c in enumerate(key) if c.isalnum()), 0) if folded else 0
        automaton.add_word(key, (tuple(positions), len(key) - first - (0 if folded else 1)))
    automaton.make_automaton()
    return automaton


def with_databases(prefilter: RegexFilter, compile_literals: Callable[[list[bytes]], Any]) -> RegexFilter:
    """The filter with a literal database (compiled by the caller) beside each automaton."""
    items = [list(a.items()) if a is not None else [] for a in (prefilter.automaton, prefilter.lowered)]
    databases = tuple(compile_literals([k.encode("latin-1") for k, _ in i]) if i else None for i in items)
    values = (tuple(v for _, v in items[0]), tuple(v for _, v in items[1]))
    return replace(prefilter, databases=(databases[0], databases[1]), values=values)


def prefix_hits(
    automaton: Any, database: Any, values: tuple[Entry, ...], buffer: bytes
) -> list[tuple[int, Entry]]:
    """(offset of the key's last byte, its entry) of every prefix key found in the buffer."""
    if database is not None:
        found: list[tuple[int, Entry]] = []
        database.scan(
            buffer,
            match_event_handler=lambda i, _f, to, *_: found.append((to - 1, values[i])),
            scratch=scratch_of(database),
        )
        return found
    return list(automaton.iter(buffer.decode("latin-1"))) if automaton is not None else []


def candidates(prefilter: RegexFilter, raw: bytes, folded: bytes) -> tuple[list[int], list[tuple[int, ...]]]:
    """(offset in the batch of a prefix's first letter or digit, the regexes it admits) for every
    prefix found; `folded` is the folded batch with one space before it."""
    hits = prefix_hits(prefilter.automaton, prefilter.databases[0], prefilter.values[0], folded)
    if prefilter.lowered is not None:
        lowered = raw.lower()
        hits += prefix_hits(prefilter.lowered, prefilter.databases[1], prefilter.values[1], lowered)
    return [end - back for end, (_, back) in hits], [positions for _, (positions, _) in hits]
