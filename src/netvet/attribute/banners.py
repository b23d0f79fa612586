"""Many banner regexes at once. The specification is Python's `re` trying every rule; the fast
path asks Hyperscan (prefilter mode: a superset of matches, for every pattern it can take) which
rules may match, then confirms each candidate with `re`, so both give identical answers."""

import copyreg
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    """The rules, a Hyperscan database over those it can prefilter, and their `re` patterns,
    each compiled the first time it is tried (a scan confirms few of thousands of rules)."""

    rules: tuple[BannerRule, ...]
    database: Any
    always: tuple[int, ...]
    compiled: dict[int, re.Pattern[bytes]] = field(default_factory=dict, compare=False, repr=False)

    def pattern(self, index: int) -> re.Pattern[bytes]:
        """The `re` pattern of one rule."""
        found = self.compiled.get(index)
        if found is None:
            rule = self.rules[index]
            found = self.compiled[index] = re.compile(rule.pattern, rule.flags)
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


def build_matcher(rules: Sequence[BannerRule], use_hyperscan: bool = True) -> BannerMatcher:
    """Compile every rule once; rules Hyperscan rejects are always confirmed with `re`."""
    if not use_hyperscan:
        return BannerMatcher(tuple(rules), None, tuple(range(len(rules))))
    database, always = prefilter_database([(r.pattern, r.flags) for r in rules])
    return BannerMatcher(tuple(rules), database, always)


def dump_matcher(matcher: BannerMatcher) -> bytes:
    """The compiled Hyperscan database as bytes, to cache (compiling thousands of rules is slow)."""
    return database_bytes(matcher.database) if matcher.database is not None else b""


def load_matcher(rules: Sequence[BannerRule], blob: bytes, always: Sequence[int]) -> BannerMatcher:
    """A matcher from rules and a cached database; `re` patterns are compiled when first tried."""
    database = loaded_database(blob) if blob else None
    return BannerMatcher(tuple(rules), database, tuple(always))


def match_each(matcher: BannerMatcher, banner: bytes) -> list[int]:
    """The specification: indexes of every rule whose `re` pattern matches, trying all in turn."""
    return [i for i in range(len(matcher.rules)) if matcher.pattern(i).search(banner)]


def match_banner(matcher: BannerMatcher, banner: bytes) -> list[int]:
    """The same answer as match_each: Hyperscan's candidates, confirmed one by one with `re`."""
    if matcher.database is None:
        return match_each(matcher, banner)
    candidates = prefilter_candidates(matcher.database, matcher.always, banner)
    return sorted(i for i in candidates if matcher.pattern(i).search(banner))
