"""Dates as inventories write them: ISO, US month/day/year, and 'March 12, 2021'."""

from datetime import date, datetime

_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y")


def parse_date(text: str | date | None) -> date | None:
    """A date from common notations (datetimes keep their date); None for garbage."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    raw = text.strip()
    if "T" in raw[:11] or " " in raw[:11] and raw[:4].isdigit():
        raw = raw.replace("T", " ").split(" ")[0]
    for fmt in _FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None
