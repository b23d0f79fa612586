"""US federal holidays by the rules of 5 U.S.C. 6103, with observed dates, and business days."""

from datetime import MAXYEAR, date, timedelta

from netvet.errors import UsageError

JUNETEENTH_FIRST_YEAR = 2021  # Pub. L. 117-17 (17 June 2021) added Juneteenth to 5 U.S.C. 6103(a)
MONDAY, THURSDAY, SATURDAY, SUNDAY = 0, 3, 5, 6


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1 for the last)."""
    if n < 0:
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def legal_holidays(year: int) -> dict[date, str]:
    """The holidays 5 U.S.C. 6103(a) names for a year, on their legal dates."""
    days = {
        date(year, 1, 1): "New Year's Day",
        nth_weekday(year, 1, MONDAY, 3): "Birthday of Martin Luther King, Jr.",
        nth_weekday(year, 2, MONDAY, 3): "Washington's Birthday",
        nth_weekday(year, 5, MONDAY, -1): "Memorial Day",
        date(year, 7, 4): "Independence Day",
        nth_weekday(year, 9, MONDAY, 1): "Labor Day",
        nth_weekday(year, 10, MONDAY, 2): "Columbus Day",
        date(year, 11, 11): "Veterans Day",
        nth_weekday(year, 11, THURSDAY, 4): "Thanksgiving Day",
        date(year, 12, 25): "Christmas Day",
    }
    if year >= JUNETEENTH_FIRST_YEAR:
        days[date(year, 6, 19)] = "Juneteenth National Independence Day"
    return days


def observed(day: date) -> date:
    """A Saturday holiday is observed the Friday before, a Sunday one the Monday after
    (5 U.S.C. 6103(b) and Executive Order 11582)."""
    if day.weekday() == SATURDAY:
        return day - timedelta(days=1)
    if day.weekday() == SUNDAY:
        return day + timedelta(days=1)
    return day


def federal_holidays(year: int) -> dict[date, str]:
    """The days off in a calendar year: observed dates, including 31 December when the next
    New Year's Day falls on a Saturday."""
    found: dict[date, str] = {}
    for y in range(year, min(year + 1, MAXYEAR) + 1):  # the calendar ends with 9999
        for day, name in legal_holidays(y).items():
            seen = observed(day)
            if seen.year == year:
                found[seen] = name if seen == day else f"{name} (observed)"
    return found


def is_business_day(day: date) -> bool:
    """Monday to Friday and not a federal holiday."""
    return day.weekday() < SATURDAY and day not in federal_holidays(day.year)


def add_business_days(start: date, count: int) -> tuple[date, tuple[tuple[date, str], ...]]:
    """The day `count` business days after `start`, and the holidays skipped on the way; a
    UsageError when that day would fall after 9999-12-31."""
    day, left, skipped = start, count, []
    while left > 0:
        if day == date.max:
            raise UsageError(
                f"{count} business days from {start.isoformat()} end after {date.max.isoformat()}, "
                "the last day the calendar holds: give a real date"
            )
        day += timedelta(days=1)
        if is_business_day(day):
            left -= 1
        elif day.weekday() < SATURDAY:
            skipped.append((day, federal_holidays(day.year)[day]))
    return day, tuple(skipped)
