"""Screening answers are typed until the edge: a match's verdict reads its hits and its review
decision; the records print the two contracts from one ListHit."""

from datetime import UTC, date, datetime

from netvet.model.vocab import LinkKind, ScreenVerdict
from netvet.review.decisions import Decision, DecisionKind
from netvet.screen.model import EntryStatus, ListHit, Party, ScreenMatch
from netvet.screen.records import designation_record, hit_record, party_match_record


def hit(effect: ScreenVerdict | None) -> ListHit:
    return ListHit(
        list_id="fcc-covered-list",
        entry="zte-2021-03-12",
        text="ZTE Corporation",
        since=date(2021, 3, 12),
        path=("zte-corporation",),
        link=LinkKind.SELF,
        status=EntryStatus.COVERED,
        effect=effect,
        reason="on the Covered List",
    )


def match(*hits: ListHit, decision: Decision | None = None) -> ScreenMatch:
    return ScreenMatch(
        target="zte-corporation",
        entity=Party("zte-corporation", "ZTE Corporation", "CN"),
        score=0.99,
        matched_name="ZTE Corporation",
        controller=None,
        path=("zte-corporation",),
        hits=hits,
        reasons=("all distinctive words agree",),
        decision=decision,
    )


def test_the_gravest_hit_decides_and_a_false_positive_clears() -> None:
    assert match(hit(ScreenVerdict.REVIEW), hit(ScreenVerdict.HIT)).verdict is ScreenVerdict.HIT
    assert match(hit(ScreenVerdict.REVIEW)).verdict is ScreenVerdict.REVIEW
    assert match().verdict is ScreenVerdict.CLEAR
    fp = Decision(
        "zte", "zte-corporation", DecisionKind.FALSE_POSITIVE, "no", "me", datetime(2026, 1, 1, tzinfo=UTC)
    )
    suppressed = match(hit(ScreenVerdict.HIT), decision=fp)
    assert suppressed.suppressed and suppressed.verdict is ScreenVerdict.CLEAR


def test_one_hit_prints_both_contracts() -> None:
    h = hit(ScreenVerdict.HIT)
    assert designation_record(h) == {
        "list": "fcc-covered-list",
        "entry": "zte-2021-03-12",
        "status": "covered",
        "since": "2021-03-12",
        "link": "self",
        "path": ["zte-corporation"],
    }
    assert list(hit_record(h)) == ["list", "entry", "text", "since", "effect", "path", "reason"]
    assert hit_record(h)["effect"] == "hit"


def test_a_match_record_keeps_the_contract_order() -> None:
    record = party_match_record(match(hit(ScreenVerdict.HIT)))
    keys = "target entity score matched_name controller path hits reasons decision suppressed"
    assert list(record) == keys.split()
    assert record["entity"] == {"id": "zte-corporation", "name": "ZTE Corporation", "country": "CN"}
    assert record["decision"] is None and record["suppressed"] is False
