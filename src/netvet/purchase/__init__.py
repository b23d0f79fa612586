"""The purchase review (the procurement gate) and the approved-products register."""

from netvet.purchase.approvals import ApprovalRegister, ConditionalApproval
from netvet.purchase.decide import ROLES, Role, decide
from netvet.purchase.model import Decision, Fact, LineReview, PurchaseLine, RegimeDecision
from netvet.purchase.qualified import (
    Answer,
    Criterion,
    QualifiedList,
    QualifiedManufacturer,
    QuestionnaireCategory,
    Standing,
)
from netvet.purchase.records import review_record
from netvet.purchase.review import ReviewKB, review_line

__all__ = [
    "ROLES",
    "Answer",
    "ApprovalRegister",
    "ConditionalApproval",
    "Criterion",
    "Decision",
    "Fact",
    "LineReview",
    "PurchaseLine",
    "QualifiedList",
    "QualifiedManufacturer",
    "QuestionnaireCategory",
    "RegimeDecision",
    "ReviewKB",
    "Role",
    "Standing",
    "decide",
    "review_line",
    "review_record",
]
