"""The FCC Supply Chain Annual Report (47 CFR 1.50007): the covered items with the fields the FCC
collects, the certification text, and the facts still missing before filing."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from netvet.findings.record import FindingRecord, iso
from netvet.model import Determination, Issue, Status
from netvet.report.run import StoredRun, asset_name, determination, locator, maker_name, records_with
from netvet.report.sites import Site

ANNUAL_REGIME, FALLBACK_REGIME = "fcc-annual-report", "fcc-covered-list"
CITATION = "47 CFR 1.50007"
ANNUAL_COLUMNS = (
    "Location name",
    "Location type",
    "Latitude",
    "Longitude",
    "Address",
    "Operational status",
    "Make",
    "Model",
    "Equipment type",
    "Date obtained",
    "Cost (USD)",
    "Removal or replacement plan",
    "Asset",
    "Serial number",
    "Covered List entry",
    "Source",
)
# The columns a filer must supply for every item; a blank one is listed as a missing fact.
REQUIRED = ANNUAL_COLUMNS[:12]


@dataclass(frozen=True, slots=True)
class MissingFact:
    """A field of a reported item left blank, and why."""

    asset: str
    field: str
    why: str


@dataclass(frozen=True, slots=True)
class AnnualReport:
    """The annual report of one run: the rule used, the rows, what needs review or is missing."""

    run_id: int
    as_of: date
    regime: str
    basis: str
    rows: tuple[tuple[str, ...], ...]
    review: tuple[tuple[str, str], ...]
    missing: tuple[MissingFact, ...]
    certification: str
    issues: tuple[Issue, ...]


def basis_of(run: StoredRun) -> tuple[str, str]:
    """Which determination selects the items, and the sentence that says so."""
    if ANNUAL_REGIME in run.regimes:
        return ANNUAL_REGIME, f"items whose {ANNUAL_REGIME} determination is covered ({CITATION})"
    return FALLBACK_REGIME, (
        f"items covered under {FALLBACK_REGIME} (47 CFR 1.50002): run {run.id} has no {ANNUAL_REGIME} "
        "determination, so the 14 Aug 2018 and 60-day acquisition tests of 1.50007 were not applied; "
        "remove items obtained before those dates"
    )


def degrees(value: float | None) -> str:
    """Decimal degrees to 6 places, as the FCC template asks, or blank."""
    return "" if value is None else f"{value:.6f}"


def money(value: object) -> str:
    """A cost with two decimals, or blank."""
    return f"{float(value):.2f}" if isinstance(value, int | float) else ""


def annual_row(record: FindingRecord, site: Site | None, entry: str) -> tuple[str, ...]:
    """The report row of one covered item."""
    return (
        record.site or "",
        (site.type if site else None) or "",
        degrees(site.latitude if site else None),
        degrees(site.longitude if site else None),
        (site.address if site else None) or "",
        "",
        maker_name(record),
        record.model or "",
        record.category or "",
        iso(record.acquired) or "",
        money(record.cost),
        "",
        asset_name(record),
        record.identifiers.serial or "",
        entry,
        locator(record),
    )


def why_blank(column: str, record: FindingRecord, sites: Mapping[str, Site]) -> str:
    """Why a required field is blank."""
    site = record.site
    if column == "Location name":
        return "the input gives no site"
    if column in ANNUAL_COLUMNS[1:5]:
        return (
            f"site '{site}' has no {column.lower()} in the sites file"
            if site in sites
            else (f"site '{site}' is not in the sites file")
        )
    if column in ("Operational status", "Removal or replacement plan"):
        return "not recorded by a scan: the filer supplies it"
    return f"the input ({locator(record)}) gives no {column.lower()}"


def missing_of(row: tuple[str, ...], record: FindingRecord, sites: Mapping[str, Site]) -> list[MissingFact]:
    """The required fields a row leaves blank."""
    return [
        MissingFact(row[12], column, why_blank(column, record, sites))
        for column, value in zip(REQUIRED, row, strict=False)
        if not value
    ]


def certification_text(run: StoredRun, count: int, regime: str) -> str:
    """The certification a filer signs, for covered items or for none."""
    draft = (
        ""
        if regime == ANNUAL_REGIME
        else "DRAFT: the items were selected by the Covered List alone, without the acquisition-date "
        "tests of 1.50007; check each item's date obtained before signing. "
    )
    has = "has" if count else "has not"
    tail = (
        f" The {count} item(s) listed in the accompanying report are those items."
        if count
        else " The provider has no covered communications equipment or services to report."
    )
    return draft + (
        "I certify, on behalf of ____________________ (FCC Registration Number __________), that as of "
        f"{run.as_of.isoformat()} the provider {has} purchased, rented, leased or otherwise obtained covered "
        "communications equipment or services on the Covered List (47 CFR 1.50002) on or after "
        "14 August 2018 or, for equipment or services added to the Covered List later, on or after 60 days "
        f"after the addition ({CITATION}).{tail} Prepared by netvet from stored run {run.id}; "
        "check every row against the FCC's reporting template before filing."
    )


def reason_of(found: Determination | None) -> str:
    """A determination's reason, or blank."""
    return found.reason if found else ""


def build_annual(
    run: StoredRun, sites: Mapping[str, Site], site_issues: tuple[Issue, ...] = ()
) -> AnnualReport:
    """The annual report of a stored run, with site facts joined on the asset's site."""
    regime, basis = basis_of(run)
    rows, missing = [], []
    for record in records_with(run, regime, Status.COVERED):
        found = determination(record, regime)
        row = annual_row(record, sites.get(record.site or ""), (found.entry if found else None) or "")
        rows.append(row)
        missing += missing_of(row, record, sites)
    review = tuple(
        (asset_name(r), reason_of(determination(r, regime))) for r in records_with(run, regime, Status.REVIEW)
    )
    return AnnualReport(
        run.id,
        run.as_of,
        regime,
        basis,
        tuple(rows),
        review,
        tuple(missing),
        certification_text(run, len(rows), regime),
        site_issues,
    )
