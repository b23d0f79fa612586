"""Reports: build records and summaries from findings; render them."""

from netvet.report.records import Record, finding_record
from netvet.report.render import FORMATS, RecordWriter
from netvet.report.summary import Summary, Tally, summarize

__all__ = [
    "FORMATS",
    "Record",
    "RecordWriter",
    "Summary",
    "Tally",
    "finding_record",
    "summarize",
]
