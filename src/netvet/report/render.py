"""Render records as JSON, JSON lines or CSV."""

import csv
import io
from collections.abc import Callable, Iterable
from typing import TextIO

import orjson

from netvet.errors import LookupFailure, registry_entry
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
)


def to_json(records: Iterable[Record]) -> str:
    """A JSON list, indented."""
    return orjson.dumps(list(records), option=orjson.OPT_INDENT_2).decode() + "\n"


def to_jsonl(records: Iterable[Record]) -> str:
    """One JSON object per line."""
    return "".join(orjson.dumps(r).decode() + "\n" for r in records)


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
    ]


def to_csv(records: Iterable[Record]) -> str:
    """A flat CSV, one row per asset."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(r) for r in records)
    return out.getvalue()


RENDERERS: dict[str, Callable[[Iterable[Record]], str]] = {"json": to_json, "jsonl": to_jsonl, "csv": to_csv}


def get_renderer(name: str) -> Callable[[Iterable[Record]], str]:
    """A renderer by format name."""
    return registry_entry(RENDERERS, name, "output format")


class RecordWriter:
    """Write records one at a time as JSON (a list), JSON lines or CSV."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        if fmt not in RENDERERS:
            raise LookupFailure(f"unknown output format '{fmt}'")
        self.fmt, self.out, self.count = fmt, out, 0
        self.csv = csv.writer(out) if fmt == "csv" else None

    def write(self, record: Record) -> None:
        """One record."""
        if self.csv is not None:
            if self.count == 0:
                self.csv.writerow(CSV_COLUMNS)
            self.csv.writerow(csv_row(record))
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
