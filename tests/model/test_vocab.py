"""One severity order for every graded vocabulary; closed vocabularies keep their JSON words."""

import json

import pytest

from netvet.model import Determination, Evidence, Status, Tier, Verdict, verdict_of
from netvet.model.vocab import (
    SEVERITY,
    Decision,
    Flag,
    Graded,
    LinkKind,
    ScreenVerdict,
    Severity,
    most_severe,
)

GRADED: tuple[type[Graded], ...] = (Status, Verdict, ScreenVerdict, Decision)


def test_every_graded_word_has_one_severity() -> None:
    words = {str(member) for vocab in GRADED for member in vocab}
    assert words == set(SEVERITY)


@pytest.mark.parametrize(
    "order",
    [
        (Verdict.CLEAR, Verdict.UNKNOWN, Verdict.REVIEW, Verdict.COVERED),
        (Status.NOT_COVERED, Status.UNKNOWN, Status.REVIEW, Status.COVERED),
        (Decision.ALLOWED, Decision.CONDITIONS, Decision.NEEDS_INFORMATION, Decision.PROHIBITED),
        (ScreenVerdict.CLEAR, ScreenVerdict.REVIEW, ScreenVerdict.HIT),
    ],
)
def test_each_vocabulary_is_strictly_ordered(order: tuple[Graded, ...]) -> None:
    ranks = [member.severity for member in order]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert most_severe(reversed(order), order[0]) is order[-1]


def test_a_word_means_one_severity_across_vocabularies() -> None:
    assert (
        Status.REVIEW.severity == Verdict.REVIEW.severity == ScreenVerdict.REVIEW.severity == Severity.REVIEW
    )
    assert Verdict.COVERED.severity == Decision.PROHIBITED.severity == ScreenVerdict.HIT.severity


def test_most_severe_of_nothing_is_the_default_and_ties_keep_the_first() -> None:
    assert most_severe([], Decision.ALLOWED) is Decision.ALLOWED
    assert most_severe([Verdict.REVIEW, Verdict.CLEAR, Verdict.REVIEW], Verdict.UNKNOWN) is Verdict.REVIEW


def det(status: Status, informational: bool = False) -> Determination:
    return Determination(regime="r", status=status, reason="", citation="", informational=informational)


def test_the_verdict_is_the_gravest_binding_status() -> None:
    assert verdict_of((det(Status.NOT_COVERED), det(Status.UNKNOWN))) is Verdict.UNKNOWN
    assert verdict_of((det(Status.REVIEW), det(Status.COVERED, informational=True))) is Verdict.REVIEW


def test_wide_types_take_keywords_only() -> None:
    with pytest.raises(TypeError):
        Determination("r", Status.COVERED, "why", "cite")  # type: ignore[misc]
    with pytest.raises(TypeError):
        Evidence("oui", "oui", "00:e0:fc", "huawei", Tier.EXACT, "why")  # type: ignore[misc]


def test_closed_vocabularies_serialise_as_their_words() -> None:
    payload = [Flag.UNVERIFIED, LinkKind.JOINT_VENTURE, Decision.NEEDS_INFORMATION, ScreenVerdict.HIT]
    assert json.loads(json.dumps(payload)) == [
        "rests-on-unverified-fact",
        "joint-venture",
        "needs-information",
        "hit",
    ]
