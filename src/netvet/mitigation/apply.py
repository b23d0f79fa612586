"""Which scan findings rest on an agreement, and what the agreement does to them.

An agreement never changes a verdict. The FCC Covered List binds by law (47 U.S.C. 1601-1602,
47 CFR 1.50002): no private agreement with a listed company takes its equipment or services off
the list, so there the agreement is informational. Under the ICTS rule (EO 13873 §1(b);
15 CFR 791.109) mitigation is a measure Commerce may require or accept: the agreement is recorded
as the mitigation measure, and a lapsed one (overdue audit, open breach, expired term) is flagged.
Other regimes (NDAA §889, the FCC subsidy rules, the Entity List) know no private mitigation:
informational there too."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date

from netvet.findings.record import FindingRecord
from netvet.mitigation.model import Agreement
from netvet.mitigation.state import GRAVITY, Standing, standing
from netvet.model.applied import AppliedMitigation
from netvet.model.finding import Determination, Finding
from netvet.model.vocab import Status

ICTS = "icts-791"
INFORMATIONAL = (
    "informational: a private agreement cannot clear a Covered List item or lift a statutory "
    "prohibition (47 U.S.C. 1601-1602; 47 CFR 1.50002; NDAA FY2019 §889)"
)
MEASURE = "mitigation measure under the ICTS rule (EO 13873 §1(b); 15 CFR 791.109)"


def names_of(record: FindingRecord) -> list[str]:
    """The maker's and controller's ids and names, and the brand, casefolded."""
    parts = [p for p in (record.manufacturer, record.controller) if p is not None]
    found = [v for p in parts for v in (p.id, p.name)] + [record.brand]
    return [v.casefold() for v in found if v]


def covers(agreement: Agreement, record: FindingRecord) -> bool:
    """The agreement names the asset, or a supplier that made or controls it."""
    if record.asset in agreement.assets:
        return True
    return bool({s.casefold() for s in agreement.suppliers} & set(names_of(record)))


def regimes_found(determinations: Sequence[Determination]) -> list[str]:
    """The regimes whose determination found something: covered, review, or flags raised."""
    return [d.regime for d in determinations if d.status in (Status.COVERED, Status.REVIEW) or d.flags]


def mitigation_field(
    agreement: Agreement, held: Standing, determinations: Sequence[Determination], others: Sequence[str]
) -> AppliedMitigation:
    """What the agreement does to a finding with these determinations."""
    found = regimes_found(determinations)
    return AppliedMitigation(
        agreement=agreement.key,
        kind=str(agreement.kind),
        counterparty=agreement.counterparty,
        status=str(held.state),
        problems=tuple(str(p) for p in held.problems),
        next_audit_due=held.next_audit_due,
        next_report_due=held.next_report_due,
        ends=held.ends,
        open_breaches=held.open_breaches,
        case=agreement.case or None,
        mitigates=tuple(r for r in found if r == ICTS),
        informational_for=tuple(r for r in found if r != ICTS),
        effect=f"{MEASURE}; elsewhere {INFORMATIONAL}",
        also=tuple(others),
    )


@dataclass(frozen=True, slots=True)
class AgreementBook:
    """Agreements with their standing on one day, gravest first, indexed by asset key and by
    casefolded supplier name, so a scan looks each record up instead of trying every agreement."""

    held: tuple[tuple[Agreement, Standing], ...]
    by_asset: dict[str, tuple[int, ...]]
    by_name: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, agreements: Sequence[Agreement], as_of: date) -> "AgreementBook":
        """The book of the agreements as of a day."""
        held = sorted(
            ((a, standing(a, as_of)) for a in agreements), key=lambda h: (GRAVITY.index(h[1].state), h[0].key)
        )
        by_asset: dict[str, list[int]] = {}
        by_name: dict[str, list[int]] = {}
        for i, (a, _) in enumerate(held):
            for asset in a.assets:
                by_asset.setdefault(asset, []).append(i)
            for name in {s.casefold() for s in a.suppliers}:
                by_name.setdefault(name, []).append(i)
        return cls(
            tuple(held), {k: tuple(v) for k, v in by_asset.items()}, {k: tuple(v) for k, v in by_name.items()}
        )

    def covering(self, asset: str, names: Collection[str]) -> list[tuple[Agreement, Standing]]:
        """The agreements that cover an asset or one of its casefolded supplier names, gravest first."""
        if not self.held:
            return []
        hits = set(self.by_asset.get(asset, ()))
        for name in names:
            hits.update(self.by_name.get(name, ()))
        return [self.held[i] for i in sorted(hits)]

    def mitigation(
        self, asset: str, names: Collection[str], determinations: Sequence[Determination]
    ) -> AppliedMitigation | None:
        """The gravest covering agreement's effect (the others named in `also`), or None."""
        hits = self.covering(asset, names)
        if not hits:
            return None
        (first, held), others = hits[0], [a.key for a, _ in hits[1:]]
        return mitigation_field(first, held, determinations, others)


def with_mitigation(record: FindingRecord, book: AgreementBook) -> FindingRecord:
    """The record with its `mitigation` when an agreement covers it (the gravest standing first,
    the others named in `also`); the verdict and determinations are left as they are."""
    found = book.mitigation(record.asset, names_of(record), record.determinations)
    return record if found is None else replace(record, mitigation=found)


def apply_agreements(finding: Finding, book: AgreementBook, names: Collection[str]) -> Finding:
    """The finding with its mitigation standing; `names` are the casefolded ids and names of its
    maker and controller and its brand, as resolved against the kb (`names_of` a FindingRecord)."""
    found = book.mitigation(finding.asset, names, finding.determinations)
    return finding if found is None else replace(finding, mitigation=found)


def bearing_on(
    agreements: Sequence[Agreement], case: str, suppliers: Sequence[str], records: Sequence[FindingRecord]
) -> list[Agreement]:
    """The agreements made for a case, or naming one of its suppliers, or covering a linked asset."""
    named = {s.casefold() for s in suppliers}
    return [
        a
        for a in agreements
        if (case and a.case == case)
        or named & {s.casefold() for s in (*a.suppliers, a.counterparty)}
        or any(covers(a, r) for r in records)
    ]


def summary_row(agreement: Agreement, held: Standing) -> tuple[str, ...]:
    """Agreement, kind, counterparty, status (with problems), next audit due, ends, open breaches."""
    problems = [str(p) for p in held.problems if p is not held.state]
    status = str(held.state) + (f" (also {', '.join(problems)})" if problems else "")
    return (
        agreement.key,
        str(agreement.kind),
        agreement.counterparty,
        status,
        held.next_audit_due.isoformat() if held.next_audit_due else "no audit schedule",
        held.ends.isoformat() if held.ends else "no end date",
        str(held.open_breaches),
    )
