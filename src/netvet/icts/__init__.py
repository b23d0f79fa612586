"""ICTS case records (15 CFR 791 Subpart B): a transaction under review, its steps, notes,
criteria scores and process clocks. Pure: values in, values out; the store and CLI are edges."""

from netvet.icts.clocks import Clock, ClockState, case_clocks
from netvet.icts.model import Case, CaseEntry, EntryKind, Step, Transaction, rule_of

__all__ = [
    "Case",
    "CaseEntry",
    "Clock",
    "ClockState",
    "EntryKind",
    "Step",
    "Transaction",
    "case_clocks",
    "rule_of",
]
