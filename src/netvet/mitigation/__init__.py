"""Mitigation and security agreements ("no-spy agreements", security audits) with a supplier or
for a transaction: their obligations, audit and report schedules, breaches and term, and which
scan findings rest on them. Pure: values in, values out."""

from netvet.mitigation.apply import AgreementBook, apply_agreements, with_mitigation
from netvet.mitigation.model import Agreement, AgreementEvent, AgreementKind, EventKind
from netvet.mitigation.state import Standing, StandingState, standing

__all__ = [
    "Agreement",
    "AgreementBook",
    "AgreementEvent",
    "AgreementKind",
    "EventKind",
    "Standing",
    "StandingState",
    "apply_agreements",
    "standing",
    "with_mitigation",
]
