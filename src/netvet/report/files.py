"""EDGE: write report objects as files: CSV and XLSX (openpyxl), HTML (Jinja2 templates in
report/templates) and PDF (WeasyPrint). Each file is written whole or not at all."""

import csv
import io
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from netvet.errors import UsageError
from netvet.report.annual import ANNUAL_COLUMNS, AnnualReport
from netvet.report.casefile import AGREEMENT_COLUMNS, CaseFile
from netvet.report.cells import safe_row
from netvet.report.charts import count_chart, range_chart
from netvet.report.evidence import DISCLOSURE_COLUMNS, EvidencePack
from netvet.report.plan import Plan

MISSING_COLUMNS = ("Asset", "Field", "Why it is blank")


def write_atomically(path: Path, data: bytes) -> Path:
    """Write bytes to a temporary file beside `path`, then rename it into place; a folder that
    cannot be written is a UsageError naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise UsageError(f"-o {path.parent}: cannot write there: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write it: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """A CSV document (UTF-8 with a byte-order mark, so spreadsheet programs read accents); no
    cell can start a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def sheet(book: object, title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A worksheet with a bold frozen header row and sensible column widths; no cell can start a
    formula."""
    from openpyxl.styles import Font

    ws = book.create_sheet(title)  # type: ignore[attr-defined]
    ws.append(safe_row(header))
    for row in rows:
        ws.append(safe_row(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for i, name in enumerate(header):
        longest = max([len(str(name)), *(len(str(r[i])) for r in rows if i < len(r))])
        ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width = min(60, longest + 2)


def annual_xlsx(report: AnnualReport) -> bytes:
    """The annual report as a workbook: items, certification, review, missing facts, sites issues."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    sheet(book, "Covered items", ANNUAL_COLUMNS, report.rows)
    sheet(book, "Certification", ("Certification", "Basis"), [(report.certification, report.basis)])
    sheet(book, "Needs review", ("Asset", "Reason"), report.review)
    sheet(book, "Missing facts", MISSING_COLUMNS, [(m.asset, m.field, m.why) for m in report.missing])
    issues = [(i.path, i.locator, i.field or "", i.message) for i in report.issues]
    sheet(book, "Sites file issues", ("File", "Where", "Field", "Problem"), issues)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_annual(report: AnnualReport, out: Path) -> list[Path]:
    """fcc-annual-report.csv, .xlsx, the certification text and the missing facts."""
    missing = [(m.asset, m.field, m.why) for m in report.missing]
    text = f"{report.certification}\n\nItems selected: {report.basis}.\n"
    return [
        write_atomically(out / "fcc-annual-report.csv", csv_bytes(ANNUAL_COLUMNS, report.rows)),
        write_atomically(out / "fcc-annual-report.xlsx", annual_xlsx(report)),
        write_atomically(out / "fcc-annual-report-certification.txt", text.encode()),
        write_atomically(out / "fcc-annual-report-missing.csv", csv_bytes(MISSING_COLUMNS, missing)),
    ]


@cache
def templates() -> Environment:
    """The Jinja2 environment of the report templates, escaping HTML."""
    return Environment(loader=PackageLoader("netvet.report", "templates"), autoescape=select_autoescape())


PDF_NEEDS = "PDF output needs pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"


def render_html(template: str, **context: object) -> str:
    """A report template rendered to an HTML document."""
    return templates().get_template(template).render(**context)


def pdf_bytes(html: str) -> bytes:
    """An HTML document laid out as PDF by WeasyPrint; its system libraries missing is a UsageError
    saying what to install (the HTML is written first)."""
    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads pango with ctypes at import time
        raise UsageError(f"{PDF_NEEDS}: {exc}") from exc
    return bytes(HTML(string=html).write_pdf())


def write_document(html: str, out: Path, stem: str) -> list[Path]:
    """The same document as STEM.html and STEM.pdf."""
    return [
        write_atomically(out / f"{stem}.html", html.encode()),
        write_atomically(out / f"{stem}.pdf", pdf_bytes(html)),
    ]


def write_evidence(pack: EvidencePack, out: Path) -> list[Path]:
    """889-evidence.html and .pdf."""
    html = render_html(
        "evidence.html",
        run=pack.run,
        pack=pack,
        disclosure_columns=DISCLOSURE_COLUMNS,
        page_size="letter landscape",
    )
    return write_document(html, out, "889-evidence")


def write_plan(plan: Plan, out: Path) -> list[Path]:
    """rip-and-replace.html and .pdf, and both charts as SVG files."""
    sites = count_chart("Covered items by site", plan.by_site)
    costs = range_chart(
        f"Cost by category ({plan.catalogue.currency})", plan.by_category, plan.catalogue.currency
    )
    charts = {"sites": Markup(sites), "costs": Markup(costs)}  # SVG we drew; its labels are escaped
    html = render_html("plan.html", run=plan.run, plan=plan, charts=charts)
    return [
        *write_document(html, out, "rip-and-replace"),
        write_atomically(out / "rip-and-replace-sites.svg", sites.encode()),
        write_atomically(out / "rip-and-replace-costs.svg", costs.encode()),
    ]


def write_casefile(file: CaseFile, out: Path) -> list[Path]:
    """CASE.html and CASE.pdf (named by the case number)."""
    from netvet import __version__

    html = render_html(
        "casefile.html",
        file=file,
        version=__version__,
        agreement_columns=AGREEMENT_COLUMNS,
        page_size="letter landscape",
    )
    return write_document(html, out, f"icts-case-{file.case.number}")
