"""Money amounts as spreadsheets write them."""

import re

_NOISE = re.compile(r"[\s$,]|USD", re.IGNORECASE)


def parse_amount(text: str | float | int | None) -> float | None:
    """'$1,234.50' -> 1234.5; None for empty or garbage."""
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    cleaned = _NOISE.sub("", text)
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None
