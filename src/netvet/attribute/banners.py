"""Many regexes at once (banner rules, the kb's model-number patterns: a PatternSet). The
specification is Python's `re` trying every pattern; the fast path asks Hyperscan (prefilter
mode: a superset of matches, for every pattern it can take) which patterns may match, then
confirms each candidate with `re`, so both give identical answers."""

import copyreg
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from netvet.ids import parse_cpe

HS_UNAVAILABLE: str | None = None
try:
    import hyperscan
except ImportError as exc:  # the matcher still works, with re alone
    HS_UNAVAILABLE = str(exc)

SCRATCH = threading.local()


def loaded_database(blob: bytes) -> Any:
    """A block-mode database from its serialised bytes (every database netvet compiles is
    block mode). It has no scratch space: every scan passes its thread's (scratch_of)."""
    return hyperscan.loadb(blob, mode=hyperscan.HS_MODE_BLOCK)


def database_bytes(database: Any) -> bytes:
    """A compiled database serialised (loaded_database reads it back)."""
    return bytes(hyperscan.dumpb(database))


def reduced_database(database: Any) -> tuple[Any, tuple[bytes]]:
    """How a database pickles (the kb cache, Spark's broadcast): as its serialised bytes."""
    return loaded_database, (database_bytes(database),)


def scratch_of(database: Any) -> Any:
    """This thread's scratch space for a database: Hyperscan's scratch serves one scan at a time,
    and the service scans in several threads at once."""
    spaces: dict[int, tuple[Any, Any]] | None = getattr(SCRATCH, "spaces", None)
    if spaces is None:
        spaces = SCRATCH.spaces = {}
    found = spaces.get(id(database))
    if found is None or found[0] is not database:
        found = spaces[id(database)] = (database, hyperscan.Scratch(database))
    return found[1]


# Hyperscan's Database type cannot pickle itself; registering its reducer here is the one way
# both pickle (the kb cache) and cloudpickle (Spark's broadcast) find it, and it changes nothing
# else: no other code pickles a Database.
if HS_UNAVAILABLE is None:
    copyreg.pickle(hyperscan.Database, reduced_database)


@dataclass(frozen=True, slots=True)
class BannerRule:
    """One regex over banner bytes, with what it says about the service when it matches."""

    id: int
    service: str
    pattern: bytes
    flags: int
    product: str | None = None
    cpe: tuple[str, ...] = ()
    vendor: str | None = None

    @property
    def vendor_name(self) -> str | None:
        """The maker the rule names: its vendor, else the vendor of its first hardware or operating
        system CPE (an application's vendor wrote software, it did not make the device)."""
        if self.vendor:
            return self.vendor
        device = next((p for p in map(parse_cpe, self.cpe) if p is not None and p.names_device), None)
        return device.vendor_name if device is not None and device.product is not None else None


@dataclass(frozen=True, slots=True)
class BannerMatcher:
    """The rules and their regexes behind one prefilter (a PatternSet: a scan confirms few of
    thousands of rules, each compiled the first time it is tried)."""

    rules: tuple[BannerRule, ...]
    patterns: "PatternSet"

    @property
    def database(self) -> Any:
        """The Hyperscan database over the rules it can prefilter (None: `re` tries them all)."""
        return self.patterns.database

    @property
    def always(self) -> tuple[int, ...]:
        """The rules Hyperscan cannot prefilter, always confirmed with `re`."""
        return self.patterns.always

    def pattern(self, index: int) -> re.Pattern[bytes]:
        """The `re` pattern of one rule."""
        found: re.Pattern[bytes] = self.patterns.pattern(index)
        return found


def hs_flags(flags: int) -> int:
    """Hyperscan flags for a rule: prefilter, one report per scan, and the rule's own flags."""
    out = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    if flags & re.IGNORECASE:
        out |= hyperscan.HS_FLAG_CASELESS
    if flags & re.DOTALL:
        out |= hyperscan.HS_FLAG_DOTALL
    return int(out)


def compiles_in_hyperscan(pattern: bytes, flags: int) -> bool:
    """True when Hyperscan can prefilter the pattern (some Perl constructs it cannot take)."""
    try:
        hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK).compile(
            expressions=[pattern], ids=[0], elements=1, flags=[hs_flags(flags)]
        )
    except hyperscan.error:
        return False
    return True


def prefilter_database(patterns: Sequence[tuple[bytes, int]]) -> tuple[Any, tuple[int, ...]]:
    """A Hyperscan database over every (pattern, re flags) it can take, reporting their indexes,
    and the indexes it cannot take (always confirmed with `re`); (None, every index) without
    Hyperscan."""
    everything = tuple(range(len(patterns)))
    if HS_UNAVAILABLE is not None or not patterns:
        return None, everything
    taken = list(everything)
    try:
        database = compile_database(patterns, taken)
    except hyperscan.error:
        taken = [i for i, (pattern, flags) in enumerate(patterns) if compiles_in_hyperscan(pattern, flags)]
        database = compile_database(patterns, taken) if taken else None
    return database, tuple(sorted(set(everything) - set(taken)))


def compile_database(patterns: Sequence[tuple[bytes, int]], taken: Sequence[int]) -> Any:
    """One Hyperscan block-mode database over the chosen patterns, reporting their indexes."""
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=[patterns[i][0] for i in taken],
        ids=list(taken),
        elements=len(taken),
        flags=[hs_flags(patterns[i][1]) for i in taken],
    )
    return database


def prefilter_candidates(database: Any, always: Sequence[int], data: bytes) -> set[int]:
    """The indexes of every pattern that may match: Hyperscan's reports and the always-tried."""
    found = set(always)
    if database is not None:
        database.scan(data, match_event_handler=lambda i, *_: found.add(i), scratch=scratch_of(database))
    return found


class PatternSet:
    """Regexes given as (pattern, re flags), str or bytes, each compiled the first time it is
    tried, and a Hyperscan prefilter naming the few a text may match.

    The specification is Python's `re` trying every pattern (`matching_each`); `matching` gives
    the same answer from the prefilter's candidates. Bytes patterns are matched on bytes, as
    Hyperscan matches them. For str patterns the prefilter answers on printable ASCII text only
    and holds no pattern with a non-ASCII character: there Python's case-insensitive,
    Unicode-aware `re` and Hyperscan agree on what a letter, digit, space, word boundary and
    case pair are, so the candidates hold every match."""

    __slots__ = ("always", "compiled", "database", "sources")

    def __init__(
        self, sources: Sequence[tuple[Any, int]], database: Any = None, always: Sequence[int] | None = None
    ) -> None:
        self.sources = tuple(sources)
        self.database = database
        self.always = tuple(range(len(self.sources))) if always is None else tuple(always)
        self.compiled: dict[int, re.Pattern[Any]] = {}

    @classmethod
    def build(cls, sources: Sequence[tuple[Any, int]]) -> "PatternSet":
        """The patterns with their prefilter (none without Hyperscan: `re` tries them all)."""
        as_bytes = [(p.encode("utf-8") if isinstance(p, str) else p, flags) for p, flags in sources]
        database, rejected = prefilter_database(as_bytes)
        unicode = (i for i, (p, _) in enumerate(sources) if isinstance(p, str) and not p.isascii())
        return cls(sources, database, sorted({*rejected, *unicode}))

    def pattern(self, index: int) -> re.Pattern[Any]:
        """One pattern, compiled on first use."""
        found = self.compiled.get(index)
        if found is None:
            found = self.compiled[index] = re.compile(*self.sources[index])
        return found

    def matching_each(self, text: Any) -> list[int]:
        """The specification: the index of every pattern that matches, trying all in turn."""
        return [i for i in range(len(self.sources)) if self.pattern(i).search(text)]

    def matching(self, text: Any) -> list[int]:
        """The same answer as matching_each, trying only the prefilter's candidates."""
        if self.database is None:
            return self.matching_each(text)
        if isinstance(text, str):
            if not (text.isascii() and text.isprintable()):
                return self.matching_each(text)
            data = text.encode("ascii")
        else:
            data = text
        return sorted(
            i for i in prefilter_candidates(self.database, self.always, data) if self.pattern(i).search(text)
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PatternSet) and (self.sources, self.always) == (other.sources, other.always)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (the kb cache, the rule cache) without its compiled patterns: reading those
        back would compile every one again."""
        return (PatternSet, (self.sources, self.database, self.always))


def build_matcher(rules: Sequence[BannerRule], use_hyperscan: bool = True) -> BannerMatcher:
    """The rules behind their prefilter; rules Hyperscan rejects are always confirmed with `re`."""
    sources = [(r.pattern, r.flags) for r in rules]
    return BannerMatcher(tuple(rules), PatternSet.build(sources) if use_hyperscan else PatternSet(sources))


def dump_matcher(matcher: BannerMatcher) -> bytes:
    """The compiled Hyperscan database as bytes, to cache (compiling thousands of rules is slow)."""
    return database_bytes(matcher.database) if matcher.database is not None else b""


def load_matcher(rules: Sequence[BannerRule], blob: bytes, always: Sequence[int]) -> BannerMatcher:
    """A matcher from rules and a cached database; `re` patterns are compiled when first tried."""
    database = loaded_database(blob) if blob else None
    return BannerMatcher(tuple(rules), PatternSet([(r.pattern, r.flags) for r in rules], database, always))


def match_each(matcher: BannerMatcher, banner: bytes) -> list[int]:
    """The specification: indexes of every rule whose `re` pattern matches, trying all in turn."""
    return matcher.patterns.matching_each(banner)


def match_banner(matcher: BannerMatcher, banner: bytes) -> list[int]:
    """The same answer as match_each: Hyperscan's candidates, confirmed one by one with `re`."""
    return matcher.patterns.matching(banner)
