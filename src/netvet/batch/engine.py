"""The Arrow batch twin of the row pipeline: every rule, fusion and regime runs once per
distinct combination of the facts that decide it, and the answers are spread over the rows.
A test checks the answers equal the row function's on every row."""

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from netvet.attribute import RULES, RuleKB, fuse
from netvet.attribute.mac_index import lookup_ints
from netvet.attribute.mac_vector import BAD, parse_macs
from netvet.attribute.mac_vector import slow as slow_mac
from netvet.attribute.oui import GROUP_BIT, LOCAL_BIT, block_is_free
from netvet.batch.columns import (
    Carried,
    Column,
    carried_column,
    coded,
    parse_column,
    shape_of,
    stripped_empty,
)
from netvet.batch.dates import NO_DAY, AcquiredEdges, acquired_edges
from netvet.batch.groups import GroupIndex
from netvet.batch.keys import DECIDING, ENCODED, combine, densify
from netvet.kb.knowledge import KnowledgeBase
from netvet.kb.views import context_of, relatedness, rule_kb
from netvet.model import Attribution, Determination, Evidence, Issue, Observation, SourceRef, Verdict
from netvet.model.finding import AssetContext, Organisation, verdict_of
from netvet.regimes import determine_all, funding_group

I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]
NO_MAC, UNREGISTERED, LOCAL, GROUP = -4, -1, -2, -3
SPECIAL_MACS = {LOCAL: "02:00:00:00:00:00", GROUP: "01:00:00:00:00:00"}
REPRESENTATIVE = SourceRef("batch", "representative")
# The fields the rules read after the MAC, in RULES order (the MAC comes first in RULES).
RULE_FIELDS = tuple(dict.fromkeys(f for _, f in RULES if f != "mac"))


@dataclass(frozen=True, slots=True)
class Decided:
    """The answer shared by every row of one group."""

    attribution: Attribution
    determinations: tuple[Determination, ...]
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class BatchRows:
    """One batch after evaluation: its columns, its MACs, and the answer of each kept row."""

    path: str
    first_row: int
    columns: dict[str, Column]
    carried: dict[str, Carried]
    order: tuple[str, ...]
    macs: U64
    mac_class: I64
    kept: I64
    decided: tuple[Decided, ...]
    group: I64


@dataclass(slots=True)
class BatchEngine:
    """Memos across batches: evidence per field value, scan-wide ids of the deciding facts
    (`index`), and answers per (id, interval of purchase days)."""

    kb: KnowledgeBase
    as_of: date
    regimes: tuple[str, ...]
    default_use: str | None = None
    organisation: Organisation = Organisation()  # one per scan, so it never splits groups
    rules: RuleKB = field(init=False)
    evidence: dict[tuple[str, object], tuple[Evidence, ...]] = field(default_factory=dict)
    answers: dict[tuple[int, int], Decided] = field(default_factory=dict)
    acquired_edges: AcquiredEdges = field(init=False)
    authorized_edges: list[date] = field(default_factory=list)
    index: GroupIndex = field(default_factory=GroupIndex)
    unregistered: str = ""
    parsed: dict[tuple[str, str], tuple[object, str | None]] = field(default_factory=dict)
    claim_names: list[str | None] = field(default_factory=list)
    claim_of_class: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rules = rule_kb(self.kb)
        self.unregistered = unregistered_mac(self.kb)
        self.acquired_edges = acquired_edges(self.kb, self.as_of, self.regimes)
        self.authorized_edges = sorted({e.date_added for lst in self.kb.lists.values() for e in lst.entries})

    def field_evidence(self, name: str, value: object) -> tuple[Evidence, ...]:
        """The rules that read one field, run once per distinct value (None: no evidence)."""
        if value is None:
            return ()
        key = (name, value)
        if key not in self.evidence:
            obs = Observation(source=REPRESENTATIVE, **{name: value})  # type: ignore[arg-type]
            self.evidence[key] = tuple(ev for rule, f in RULES if f == name for ev in rule(obs, self.rules))
        return self.evidence[key]

    def mac_evidence(self, mac_class: int) -> tuple[Evidence, ...]:
        """Evidence of a MAC class: an IEEE row (>= 0), unregistered, local, group or none."""
        if mac_class == NO_MAC:
            return ()
        if mac_class == UNREGISTERED:
            return self.field_evidence("mac", self.unregistered)
        if mac_class < 0:
            return self.field_evidence("mac", SPECIAL_MACS[mac_class])
        prefix = self.kb.oui.rows[mac_class].prefix.lower().ljust(12, "0")
        return self.field_evidence("mac", ":".join(prefix[i : i + 2] for i in range(0, 12, 2)))

    def run(
        self, batch: pa.RecordBatch, fields: Mapping[str, int], path: str, first_row: int
    ) -> tuple[BatchRows, list[Issue]]:
        """Evaluate one batch; Issues for bad cells and rows with nothing usable."""
        columns = {
            f: parse_column(batch.column(i), f, self.parsed) for f, i in fields.items() if f in ENCODED
        }
        carried = {
            f: carried_column(batch.column(i), f) for f, i in fields.items() if f not in ENCODED | {"mac"}
        }
        macs, mac_class, mac_issues = self.read_macs(batch, fields)
        masks = [c.codes >= 0 for c in columns.values()] + [c.present for c in carried.values()]
        has_value = (macs != BAD) | np.any(masks or [np.zeros(len(batch), bool)], axis=0)
        kept = np.flatnonzero(has_value).astype(np.int64)
        issues = cell_issues(columns, carried, mac_issues, tuple(fields), path, first_row)
        issues += [
            Issue(path, f"row {first_row + i + 1}", None, "row has no usable value")
            for i in np.flatnonzero(~has_value)
        ]
        group, decided = self.decide(columns, mac_class, kept)
        rows = BatchRows(
            path, first_row, columns, carried, tuple(fields), macs, mac_class, kept, decided, group
        )
        return rows, issues

    def read_macs(
        self, batch: pa.RecordBatch, fields: Mapping[str, int]
    ) -> tuple[U64, I64, list[tuple[int, str]]]:
        """48-bit MACs, each row's MAC class, and the rows whose MAC text is not a MAC."""
        if "mac" not in fields:
            return np.full(len(batch), BAD, dtype=np.uint64), np.full(len(batch), NO_MAC, dtype=np.int64), []
        text = batch.column(fields["mac"])
        shape = shape_of(text)
        macs = parse_macs(text)
        for row in np.flatnonzero(shape.suspect):
            macs[row] = slow_mac(text[int(row)].as_py())
        empty = stripped_empty(text, shape)
        bad = [(int(i), str(text[int(i)].as_py()).strip()) for i in np.flatnonzero((macs == BAD) & ~empty)]
        mac_class = lookup_ints(self.kb.mac_index, macs).astype(np.int64)
        mac_class[(macs & np.uint64(LOCAL_BIT)) != 0] = LOCAL
        mac_class[(macs & np.uint64(GROUP_BIT)) != 0] = GROUP
        mac_class[macs == BAD] = NO_MAC
        return macs, mac_class, bad

    def decide(
        self, columns: dict[str, Column], mac_class: I64, kept: I64
    ) -> tuple[I64, tuple[Decided, ...]]:
        """Group code per kept row, and the answer of each group: rows share a group when they
        share the facts besides the purchase day, and their days lie between the same edges."""
        base = self.base_ids(columns, mac_class, kept)
        days = coded(columns, "acquired", kept, lambda d: d.toordinal() if isinstance(d, date) else NO_DAY)
        bucket = self.index.day_buckets(base, days)
        group, first = combine(base, bucket)
        decided = []
        for b, d, r in zip(base[first].tolist(), bucket[first].tolist(), first.tolist(), strict=True):
            found = self.answers.get((b, d))
            decided.append(found or self.answer((b, d), columns, int(mac_class[kept[r]]), int(kept[r])))
        return group, tuple(decided)

    def base_ids(self, columns: dict[str, Column], mac_class: I64, kept: I64) -> I64:
        """Per kept row, the scan-wide id of the facts that decide its answer, the purchase day
        aside; each new id learns the days that can split it from its evidence."""
        parts = [self.claim_codes(mac_class[kept])]
        parts += [self.index.value_codes(columns.get(name), name, kept) for name in DECIDING]
        parts.append(self.date_buckets(columns, "first_authorized", self.authorized_edges, kept))
        parts.append(
            coded(columns, "funding", kept, lambda v: funding_group(v if isinstance(v, str) else None))
        )
        base, new = self.index.base_ids(parts)
        for found, r in new:
            row = int(kept[r])
            obs = observation_at(columns, {}, row, REPRESENTATIVE, None, self.default_use)
            evidence = self.evidence_of(obs, int(mac_class[row]))
            self.index.set_edges(found, self.acquired_edges.for_evidence(evidence))
        return base

    def claim_codes(self, mac_class: I64) -> I64:
        """Per row, a code of the maker its MAC claims (-1: none), so IEEE blocks of one maker
        share a group."""
        classes, first = densify(mac_class)
        per_class = [self.claim_code(c) for c in mac_class[first].tolist()]
        return np.array(per_class, dtype=np.int64)[classes]

    def claim_code(self, mac_class: int) -> int:
        """The code of the maker one MAC class claims, memoised."""
        if mac_class not in self.claim_of_class:
            name = claim_of(self.mac_evidence(mac_class))
            if name not in self.claim_names:
                self.claim_names.append(name)
            self.claim_of_class[mac_class] = self.claim_names.index(name)
        return self.claim_of_class[mac_class]

    def date_buckets(self, columns: dict[str, Column], name: str, edges: list[date], kept: I64) -> I64:
        """Per row, which interval between the days that can change an answer holds the date."""
        return coded(columns, name, kept, lambda d: bisect_right(edges, d) if isinstance(d, date) else -1)

    def answer(self, key: tuple[int, int], columns: dict[str, Column], mac_class: int, row: int) -> Decided:
        """The row function on one representative row, remembered under the facts that decide it."""
        obs = observation_at(columns, {}, row, REPRESENTATIVE, None, self.default_use)
        attr = fuse(obs, self.evidence_of(obs, mac_class), relatedness(self.kb, self.as_of))
        dets = determine_all(attr, self.context_of(obs), self.kb.regime_kb, self.as_of, self.regimes)
        self.answers[key] = Decided(attr, dets, verdict_of(dets))
        return self.answers[key]

    def evidence_of(self, obs: Observation, mac_class: int) -> tuple[Evidence, ...]:
        """Evidence in RULES order (the MAC's first), each field's rules run once per value."""
        fields = (self.field_evidence(n, getattr(obs, n) or None) for n in RULE_FIELDS)
        return self.mac_evidence(mac_class) + tuple(ev for part in fields for ev in part)

    def context_of(self, obs: Observation) -> AssetContext:
        """The row pipeline's context, on a batch observation."""
        return context_of(obs, self.kb, self.organisation)


def unregistered_mac(kb: KnowledgeBase) -> str:
    """A universal unicast MAC in no IEEE block, to stand for every unregistered MAC."""
    top = next(p for p in range(1, 1 << 24) if (p >> 16) & 0x03 == 0 and block_is_free(kb.oui, p))
    raw = f"{top:06x}000000"
    return ":".join(raw[i : i + 2] for i in range(0, 12, 2))


def claim_of(evidence: tuple[Evidence, ...]) -> str | None:
    """The maker a MAC's evidence claims."""
    return next((e.claims for e in evidence if e.claims), None)


def observation_at(
    columns: dict[str, Column],
    carried: dict[str, Carried],
    row: int,
    source: SourceRef,
    mac: str | None,
    default_use: str | None,
) -> Observation:
    """The Observation the row reader would build for one row of a batch."""
    values: dict[str, object] = {n: c.values[c.codes[row]] for n, c in columns.items() if c.codes[row] >= 0}
    values.update((n, c.value(row)) for n, c in carried.items() if c.present[row])
    if mac is not None:
        values["mac"] = mac
    if default_use and not values.get("intended_use"):
        values["intended_use"] = default_use
    return Observation(source=source, **values)  # type: ignore[arg-type]


def cell_issues(
    columns: dict[str, Column],
    carried: dict[str, Carried],
    macs: list[tuple[int, str]],
    order: tuple[str, ...],
    path: str,
    first_row: int,
) -> list[Issue]:
    """Issues for unparseable cells, in row then column order, as the row reader reports them."""
    found: list[tuple[int, str, str]] = [(row, "mac", f"not a MAC address: '{text}'") for row, text in macs]
    for name, column in columns.items():
        for code, message in column.errors.items():
            found += [(int(i), name, message) for i in np.flatnonzero(column.raw == code)]
    for name, kept in carried.items():
        found += [(row, name, message) for row, message in kept.errors.items()]
    found.sort(key=lambda t: (t[0], order.index(t[1])))
    return [Issue(path, f"row {first_row + row + 1}", name, message) for row, name, message in found]
