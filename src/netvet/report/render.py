"""Write records as JSON, JSON lines or CSV."""

import csv
from typing import TextIO

import orjson

from netvet.errors import LookupFailure
from netvet.report.cells import safe_row
from netvet.report.records import Record

CSV_COLUMNS = (
    "asset",
    "verdict",
    "manufacturer",
    "manufacturer_id",
    "controller",
    "model",
    "category",
    "country_of_production",
    "confidence",
    "site",
    "intended_use",
    "sources",
    "mac",
    "ip",
    "hostname",
    "serial",
    "covered_by",
    "review_by",
    "missing",
    "reasons",
    "evidence",
    "service",
    "renewal_due",
)


def csv_row(r: Record) -> list[object]:
    """One flat row of a record."""
    dets = r["determinations"]
    maker, ctrl, ids = r["manufacturer"] or {}, r["controller"] or {}, r["identifiers"]
    return [
        r["asset"],
        r["verdict"],
        maker.get("name", ""),
        maker.get("id") or "",
        ctrl.get("name", ""),
        r["model"] or "",
        r["category"] or "",
        r["country_of_production"] or "",
        r["confidence"],
        r["site"] or "",
        r["intended_use"] or "",
        ";".join(f"{s['path']}:{s['locator']}" for s in r["sources"]),
        ";".join(ids["mac"]),
        ";".join(ids["ip"]),
        ids["hostname"] or "",
        ids["serial"] or "",
        ";".join(d["regime"] for d in dets if d["status"] == "covered" and not d["informational"]),
        ";".join(d["regime"] for d in dets if d["status"] == "review"),
        ";".join(sorted({m for d in dets for m in d["missing"]})),
        " | ".join(f"{d['regime']}: {d['reason']}" for d in dets if d["status"] != "not-covered"),
        " | ".join(e["reason"] for e in r["evidence"]),
        r.get("service") or "",
        (r.get("renewal_due") or {}).get("date", ""),
    ]


FORMATS = ("json", "jsonl", "csv")


class RecordWriter:
    """Write records one at a time as JSON (a list), JSON lines or CSV: the one writer of
    every data output, streamed or not."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        if fmt not in FORMATS:
            raise LookupFailure(f"unknown output format '{fmt}' (known: {', '.join(FORMATS)})")
        self.fmt, self.out, self.count = fmt, out, 0
        self.csv = csv.writer(out) if fmt == "csv" else None

    def write(self, record: Record) -> None:
        """One record."""
        if self.csv is not None:
            if self.count == 0:
                self.csv.writerow(CSV_COLUMNS)
            self.csv.writerow(safe_row(csv_row(record)))
        elif self.fmt == "jsonl":
            self.out.write(orjson.dumps(record).decode() + "\n")
        else:
            self.out.write(
                ("[\n" if self.count == 0 else ",\n")
                + orjson.dumps(record, option=orjson.OPT_INDENT_2).decode()
            )
        self.count += 1

    def close(self) -> None:
        """Finish the document (an empty JSON list when nothing was written)."""
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
        elif self.csv is not None and self.count == 0:
            self.csv.writerow(CSV_COLUMNS)
        self.out.flush()
