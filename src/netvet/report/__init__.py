"""Reports: build records and summaries from findings; render them."""

from netvet.report.records import Record, finding_record
from netvet.report.render import RENDERERS, RecordWriter, get_renderer, to_csv, to_json, to_jsonl
from netvet.report.summary import Summary, Tally, summarize

__all__ = [
    "RENDERERS",
    "Record",
    "RecordWriter",
    "Summary",
    "Tally",
    "finding_record",
    "get_renderer",
    "summarize",
    "to_csv",
    "to_json",
    "to_jsonl",
]
