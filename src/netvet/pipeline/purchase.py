"""The purchase review's view of the kb and of the user's approval registers, as the CLI and the
service both set it up."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from netvet.ingest.approved import read_register
from netvet.kb.knowledge import KnowledgeBase
from netvet.kb.views import relatedness, rule_kb
from netvet.model import Issue
from netvet.purchase import ApprovalRegister, ConditionalApproval, QualifiedList, ReviewKB
from netvet.regimes import REGIMES


def registers(paths: Sequence[Path]) -> tuple[ApprovalRegister | None, QualifiedList | None, list[Issue]]:
    """Every --approved file merged: Conditional Approvals joined, the last qualified list kept."""
    approvals: list[ConditionalApproval] = []
    sources: list[str] = []
    qualified, issues = None, []
    for path in paths:
        register, qml, problems = read_register(path)
        if register is not None:
            approvals += register.approvals
            sources += register.sources
        qualified = qml or qualified
        issues += problems
    merged = ApprovalRegister(tuple(approvals), tuple(sources)) if sources else None
    return merged, qualified, issues


def review_kb(
    kb: KnowledgeBase, day: date, approved: Sequence[Path], regimes: tuple[str, ...] = tuple(REGIMES)
) -> tuple[ReviewKB, list[Issue]]:
    """The review's view of the kb and the user's registers."""
    approvals, qualified, issues = registers(approved)
    tools = ReviewKB(rule_kb(kb), relatedness(kb, day), kb.regime_kb, kb.uses, regimes, approvals, qualified)
    return tools, issues
