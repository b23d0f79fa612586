"""FCC Conditional Approvals: the DoW or DHS approvals that take a product (a model, or every
model of a company) out of a Covered List category entry (foreign-produced UAS, routers,
inverters, advanced robotic devices). The register is what the user imported; a product not in
a loaded register is taken to hold no approval, and the review says which register it read."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from netvet.model import Attribution, Category
from netvet.purchase.model import Decision, Fact, PurchaseLine

# The Covered List's category entries, and the device categories each reaches (the router entry
# reads consumer-grade routers, as the kb's entry does).
CATEGORY_FAMILIES: dict[str, frozenset[Category]] = {
    "router": frozenset({Category.CONSUMER_ROUTER}),
    "uas": frozenset({Category.UAS, Category.UAS_COMPONENT}),
    "inverter": frozenset({Category.INVERTER}),
    "robot": frozenset({Category.ROBOT}),
}


def model_key(text: str) -> str:
    """'RAX-50 v2' -> 'rax50v2': model numbers compare without case or punctuation."""
    return "".join(re.findall(r"[a-z0-9]+", text.casefold()))


@dataclass(frozen=True, slots=True)
class ConditionalApproval:
    """One Conditional Approval: who holds it, for which models (none = every model of the
    company), which category, who granted it, when, until when, and where it is published."""

    id: str
    company: str
    models: tuple[str, ...]
    category: str | None
    granted_by: str
    granted_on: date
    expires_on: date | None = None
    source: str | None = None
    verified: bool = True

    def in_force(self, day: date) -> bool:
        """Granted on or before the day and not expired."""
        return self.granted_on <= day and (self.expires_on is None or day <= self.expires_on)

    def covers_model(self, model: str | None) -> bool:
        """A company-wide approval covers every model; a model approval only its models."""
        if not self.models:
            return True
        return model is not None and model_key(model) in {model_key(m) for m in self.models}

    def covers_category(self, category: Category | None) -> bool:
        """An approval for one category entry does not reach another."""
        if self.category is None:
            return True
        return category is not None and category in CATEGORY_FAMILIES.get(self.category, frozenset())

    def describe(self) -> str:
        """'Conditional Approval CA-1 (DoW, 2026-04-14) for NETGEAR, Inc. models RAX50'."""
        what = f"models {', '.join(self.models)}" if self.models else "all its models"
        note = "" if self.verified else " [unverified register row]"
        when = f"{self.granted_by}, {self.granted_on.isoformat()}"
        return f"Conditional Approval {self.id} ({when}) for {self.company} {what}{note}"


Resolve = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class ApprovalRegister:
    """The Conditional Approvals the user imported, and where from."""

    approvals: tuple[ConditionalApproval, ...]
    sources: tuple[str, ...] = ()

    def find(
        self, attr: Attribution, maker_text: str | None, day: date, resolve: Resolve
    ) -> ConditionalApproval | None:
        """The first approval in force on the day for this maker, model and category."""
        for approval in self.approvals:
            if not (approval.in_force(day) and approval.covers_model(attr.model)):
                continue
            if approval.covers_category(attr.category) and same_maker(
                approval.company, attr, maker_text, resolve
            ):
                return approval
        return None


def same_maker(name: str, attr: Attribution, maker_text: str | None, resolve: Resolve) -> bool:
    """A register's company name is the line's maker: the same kb entity, or the same name when
    either is not a kb entity."""
    holder = resolve(name)
    if holder is not None and attr.manufacturer is not None:
        return holder == attr.manufacturer
    return maker_text is not None and model_key(maker_text) == model_key(name)


def approval_fact(
    line: PurchaseLine, attr: Attribution, register: ApprovalRegister | None, day: date, resolve: Resolve
) -> Fact:
    """Whether the product holds a Conditional Approval: from the register, else from the line."""
    maker = line.observation.vendor if line.observation else None
    found = register.find(attr, maker, day, resolve) if register else None
    if found is not None:
        return Fact(True, f"holds {found.describe()}", found.id)
    claimed = line.observation.conditional_approval if line.observation else None
    if register is None:
        return line_claim(claimed, line.approval_ref)
    read = ", ".join(register.sources)
    if claimed or line.approval_ref:
        ref = line.approval_ref or "yes"
        reason = f"the line claims a Conditional Approval ('{ref}') that the register ({read}) does not hold"
        return Fact(
            True, f"{reason}: keep the grant on file before buying", line.approval_ref, Decision.CONDITIONS
        )
    return Fact(
        False,
        f"no Conditional Approval in the register ({read}) covers it on {day.isoformat()}",
    )


def line_claim(claimed: bool | None, ref: str | None) -> Fact:
    """No register loaded: the line's own answer, or unknown; a claimed approval is taken as
    given on condition that a copy of the grant is kept."""
    if claimed is None and not ref:
        return Fact(None, "no Conditional Approval given on the line and no register loaded")
    if not claimed and not ref:
        return Fact(False, "Conditional Approval not granted, as the line says")
    given = f"'{ref}'" if ref else "granted"
    unchecked = "as the line says (no register loaded to check it): keep the grant on file"
    reason = f"Conditional Approval {given}, {unchecked}"
    return Fact(True, reason, ref, Decision.CONDITIONS)
