"""Screening answers as the JSON contracts print them (`netvet match --json`, `netvet screen
--json`): made once, here, from the typed answers."""

from typing import Any

from netvet.review.decisions import decision_record
from netvet.screen.model import ListHit, NameScreen, Party, PartyScreen, ScreenMatch

Record = dict[str, Any]


def party_record(p: Party | None) -> Record | None:
    """{'id', 'name', 'country'} of a party."""
    return None if p is None else {"id": p.id, "name": p.name, "country": p.country}


def designation_record(h: ListHit) -> Record:
    """A list entry reaching a match, as `netvet match` prints it (no purpose: its status)."""
    return {
        "list": h.list_id,
        "entry": h.entry,
        "status": str(h.status),
        "since": h.since.isoformat(),
        "link": str(h.link),
        "path": list(h.path),
    }


def hit_record(h: ListHit) -> Record:
    """A list entry reaching a match, as `netvet screen` prints it (its effect for the purpose)."""
    return {
        "list": h.list_id,
        "entry": h.entry,
        "text": h.text,
        "since": h.since.isoformat(),
        "effect": str(h.effect),
        "path": list(h.path),
        "reason": h.reason,
    }


def review_fields(m: ScreenMatch) -> Record:
    """'decision' (the one in force, or None) and 'suppressed' for one match."""
    return {"decision": decision_record(m.decision) if m.decision else None, "suppressed": m.suppressed}


def name_match_record(m: ScreenMatch) -> Record:
    """One match of `netvet match`."""
    return {
        "entity": party_record(m.entity),
        "score": m.score,
        "matched_name": m.matched_name,
        "controller": party_record(m.controller),
        "path": list(m.path),
        "designations": [designation_record(h) for h in m.hits],
        "reasons": list(m.reasons),
        **review_fields(m),
    }


def name_screen_record(r: NameScreen) -> Record:
    """One query of `netvet match --json`."""
    return {"query": r.query, "matches": [name_match_record(m) for m in r.matches]}


def party_match_record(m: ScreenMatch) -> Record:
    """One match of `netvet screen`."""
    return {
        "target": m.target,
        "entity": party_record(m.entity),
        "score": m.score,
        "matched_name": m.matched_name,
        "controller": party_record(m.controller),
        "path": list(m.path),
        "hits": [hit_record(h) for h in m.hits],
        "reasons": list(m.reasons),
        **review_fields(m),
    }


def party_screen_record(r: PartyScreen) -> Record:
    """One party's screening as `netvet screen --json` nests it under 'matches' and 'verdict'."""
    return {
        "query": r.query,
        "purpose": str(r.purpose),
        "verdict": str(r.verdict),
        "best": party_match_record(r.best) if r.best else None,
        "matches": [party_match_record(m) for m in r.matches],
    }
