"""Reports: build records and summaries from findings; render them."""

from netvet.report.records import Record, finding_record
from netvet.report.render import RENDERERS, get_renderer, to_csv, to_json, to_jsonl
from netvet.report.summary import Summary, summarize

__all__ = [
    "RENDERERS",
    "Record",
    "Summary",
    "finding_record",
    "get_renderer",
    "summarize",
    "to_csv",
    "to_json",
    "to_jsonl",
]
