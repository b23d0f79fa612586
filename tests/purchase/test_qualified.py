"""The organisation's qualified manufacturer list: standing, requalification, questionnaire."""

from dataclasses import replace
from datetime import date

from netvet.purchase import (
    Answer,
    Criterion,
    Decision,
    QualifiedList,
    QualifiedManufacturer,
    QuestionnaireCategory,
    ReviewKB,
    Standing,
    review_line,
)
from netvet.purchase.qualified import qualification_fact
from tests.conftest import AS_OF
from tests.purchase.conftest import CARRIER, purchase

ALL_YES = {c: Answer.YES for c in QuestionnaireCategory}
QML = QualifiedList((), "qml.yaml")


def entry(**kw: object) -> QualifiedManufacturer:
    fields: dict[str, object] = {
        "manufacturer": "Cisco Systems, Inc.",
        "standing": Standing.QUALIFIED,
        "qualified_on": date(2025, 3, 1),
        "requalify_by": date(2027, 3, 1),
        "answers": ALL_YES,
        **kw,
    }
    return QualifiedManufacturer(**fields)  # type: ignore[arg-type]


def test_current_and_complete_is_allowed() -> None:
    fact = qualification_fact(entry(), QML, "Cisco", AS_OF)
    assert fact.decision == Decision.ALLOWED and "2027-03-01" in fact.reason


def test_expired_qualification_is_a_condition_naming_the_date() -> None:
    fact = qualification_fact(entry(requalify_by=date(2026, 6, 30)), QML, "Cisco", AS_OF)
    assert fact.decision == Decision.CONDITIONS and "expired on 2026-06-30" in fact.reason
    day_of = qualification_fact(entry(requalify_by=AS_OF), QML, "Cisco", AS_OF)
    assert day_of.decision == Decision.ALLOWED


def test_no_requalification_date_needs_it() -> None:
    fact = qualification_fact(entry(requalify_by=None), QML, "Cisco", AS_OF)
    assert (fact.decision, fact.missing) == (Decision.NEEDS_INFORMATION, ("requalification date",))


def test_unanswered_categories_are_named() -> None:
    answers = {c: a for c, a in ALL_YES.items() if c != QuestionnaireCategory.PERSONNEL_SECURITY}
    fact = qualification_fact(entry(answers=answers), QML, "Cisco", AS_OF)
    assert fact.missing == ("vendor questionnaire: personnel-security",)


def test_no_or_partial_answers_and_unmet_criteria_are_conditions() -> None:
    partial = {**ALL_YES, QuestionnaireCategory.SUPPLY_CHAIN_RESILIENCE: Answer.PARTIAL}
    fact = qualification_fact(entry(answers=partial), QML, "Cisco", AS_OF)
    assert fact.decision == Decision.CONDITIONS and "supply-chain-resilience answered partial" in fact.reason
    unmet = qualification_fact(entry(criteria_not_met=(Criterion.FOREIGN_OWNERSHIP,)), QML, "Cisco", AS_OF)
    assert "foreign-ownership-control-or-influence" in unmet.reason
    alternate = {**ALL_YES, QuestionnaireCategory.PHYSICAL_SECURITY: Answer.ALTERNATE}
    assert qualification_fact(entry(answers=alternate), QML, "Cisco", AS_OF).decision == Decision.ALLOWED


def test_disqualified_is_prohibited_and_absent_is_a_condition() -> None:
    banned = qualification_fact(entry(standing=Standing.DISQUALIFIED, note="board decision"), QML, "X", AS_OF)
    assert banned.decision == Decision.PROHIBITED and "board decision" in banned.reason
    assert qualification_fact(None, QML, "X", AS_OF).decision == Decision.CONDITIONS


def test_the_list_is_matched_through_the_entity_matcher(review_kb: ReviewKB) -> None:
    qml = QualifiedList((entry(requalify_by=date(2026, 1, 31)),), "qml.yaml")
    line = purchase(
        vendor="CISCO SYSTEMS INC", model="ISR4331", category="router", country_of_production="MX"
    )
    review = review_line(line, replace(review_kb, qualified=qml), CARRIER, AS_OF)
    assert review.decision == Decision.CONDITIONS
    assert review.qualification is not None and "expired on 2026-01-31" in review.qualification.reason
    other = purchase(vendor="Juniper Networks", model="MX204", category="router", country_of_production="US")
    assert (
        "not on the qualified"
        in review_line(other, replace(review_kb, qualified=qml), CARRIER, AS_OF).reasons[0]
    )
