"""DoD Section 1260H list of Chinese military companies: informational, not a ban by itself,
so its determination never raises the verdict."""

from dataclasses import replace
from datetime import date

from netvet.model import AssetContext, Attribution, Determination, Status
from netvet.model.vocab import LinkKind
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import match_entry

REGIME = "dod-1260h"
LIST_ID = "dod-1260h"
CITATION = "NDAA FY2021 §1260H (10 U.S.C. 113 note)"


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Covered (informational) when the maker or a parent is listed on the day."""
    listed = kb.get_list(LIST_ID)
    plain = replace(ctx, acquired=None)
    bare = replace(attr, category=None)
    candidates = kb.entries_above(LIST_ID, attr.manufacturer) if attr.manufacturer else ()
    live = [e for e in candidates if e.in_force(as_of)]
    hits = [h for e in live if (h := match_entry(kb.graph, bare, plain, e, as_of))]
    for hit in sorted(hits, key=lambda h: len(h.link.path)):
        entry = hit.entry
        if hit.link.kind in (LinkKind.SELF, LinkKind.SUBSIDIARY):
            reason = (
                "listed on the DoD 1260H list since "
                f"{entry.date_added.isoformat()} as '{entry.text}' (informational)"
            )
            return Determination(
                regime=REGIME,
                status=Status.COVERED,
                reason=reason,
                citation=CITATION,
                entry=entry.id,
                list_version=listed.version,
                path=hit.link.path,
                flags=("listed",),
                informational=True,
            )
    reason = "not on the DoD 1260H list"
    return Determination(
        regime=REGIME,
        status=Status.NOT_COVERED,
        reason=reason,
        citation=CITATION,
        entry=None,
        list_version=listed.version,
        informational=True,
    )
