"""How long one value may be. Longer values are cut to the limit, with an Issue naming the cell,
so that no reader, rule or matcher step ever works on megabytes of one cell (a hostile or broken
export), and the row and Arrow engines cut the same way.

- any cell or value: 4,096 characters (`MAX_CELL`): names, models and hosts are far shorter;
- a service banner or an SNMP sysDescr: 65,536 characters (`MAX_TEXT`): rules read their heads;
- a CSV field while parsing: 16 MiB (`MAX_FIELD_PARSE`), so a long cell is read and then cut
  instead of stopping the file at Python's 128 KiB default.
"""

import csv
from dataclasses import fields, replace

from netvet.model import Issue, Observation

MAX_CELL = 4 * 1024
MAX_TEXT = 64 * 1024
MAX_FIELD_PARSE = 16 << 20
LONG_FIELDS = frozenset({"banner", "sysdescr"})
TEXT_FIELDS = tuple(
    f.name for f in fields(Observation) if f.name not in ("source", "acquired", "cost", "first_authorized")
)


def limit_of(field: str | None) -> int:
    """The longest value a field keeps."""
    return MAX_TEXT if field in LONG_FIELDS else MAX_CELL


def cap_text(text: str, field: str | None) -> tuple[str, str | None]:
    """The text cut to its field's limit, and the Issue message when it was cut."""
    limit = limit_of(field)
    if len(text) <= limit:
        return text, None
    return text[:limit], cut_message(len(text), limit)


def cut_message(length: int, limit: int) -> str:
    """The Issue message of a cut value (the same from both engines)."""
    return f"value of {length} characters cut to the first {limit}"


def allow_long_fields() -> None:
    """Let Python's csv module read fields up to MAX_FIELD_PARSE (its default is 128 KiB)."""
    if csv.field_size_limit() < MAX_FIELD_PARSE:
        csv.field_size_limit(MAX_FIELD_PARSE)


def cap_observation(obs: Observation) -> tuple[Observation, list[Issue]]:
    """An observation with every text value cut to its limit, one Issue per cut value."""
    changes: dict[str, object] = {}
    issues: list[Issue] = []
    for name in TEXT_FIELDS:
        value = getattr(obs, name)
        capped, message = cap_value(value, name)
        if message:
            changes[name] = capped
            issues.append(Issue(obs.source.path, obs.source.locator, name, message))
    return (replace(obs, **changes) if changes else obs), issues  # type: ignore[arg-type]


def cap_value(value: object, field: str) -> tuple[object, str | None]:
    """A text, or a tuple of texts (or of text pairs), cut to the field's limit; the message of
    the first cut."""
    if isinstance(value, str):
        return cap_text(value, field)
    if not isinstance(value, tuple):
        return value, None
    parts = [cap_value(v, field) for v in value]
    message = next((m for _, m in parts if m), None)
    return (tuple(v for v, _ in parts), message) if message else (value, None)
