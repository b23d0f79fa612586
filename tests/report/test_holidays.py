"""Federal holidays by 5 U.S.C. 6103 (observed dates) and business-day counting."""

from datetime import date
from pathlib import Path

import pytest

from netvet.errors import UsageError
from netvet.regimes.holidays import add_business_days, federal_holidays, is_business_day
from tests.conftest import run_netvet


def test_2026_has_the_eleven_holidays_on_their_observed_days() -> None:
    days = federal_holidays(2026)
    assert len(days) == 11
    assert days[date(2026, 1, 19)] == "Birthday of Martin Luther King, Jr."
    assert days[date(2026, 5, 25)] == "Memorial Day"
    assert days[date(2026, 7, 3)] == "Independence Day (observed)"  # 4 July 2026 is a Saturday
    assert days[date(2026, 11, 26)] == "Thanksgiving Day"
    assert date(2026, 7, 4) not in days


@pytest.mark.parametrize(
    ("year", "day", "name"),
    [
        (2021, date(2021, 12, 31), "New Year's Day (observed)"),  # 1 Jan 2022 is a Saturday
        (2023, date(2023, 1, 2), "New Year's Day (observed)"),  # 1 Jan 2023 is a Sunday
        (2021, date(2021, 6, 18), "Juneteenth National Independence Day (observed)"),
        (2027, date(2027, 12, 24), "Christmas Day (observed)"),
        (2028, date(2028, 11, 10), "Veterans Day (observed)"),
    ],
)
def test_observed_dates(year: int, day: date, name: str) -> None:
    assert federal_holidays(year)[day] == name


def test_juneteenth_starts_in_2021() -> None:
    assert "Juneteenth National Independence Day" not in federal_holidays(2020).values()


def test_new_years_day_observed_in_december_is_not_counted_twice() -> None:
    assert date(2022, 1, 1) not in federal_holidays(2022)
    assert not is_business_day(date(2021, 12, 31))


@pytest.mark.parametrize(
    ("start", "days", "due", "skipped"),
    [
        (date(2026, 11, 20), 1, date(2026, 11, 23), 0),  # Friday -> Monday
        (date(2026, 11, 25), 1, date(2026, 11, 27), 1),  # over Thanksgiving
        (date(2026, 11, 25), 10, date(2026, 12, 10), 1),
        (date(2026, 12, 24), 1, date(2026, 12, 28), 1),  # Christmas on a Friday
        (date(2027, 12, 30), 1, date(2028, 1, 3), 1),  # 31 Dec 2027 observed for 1 Jan 2028
        (date(2026, 7, 2), 1, date(2026, 7, 6), 1),
        (date(2026, 11, 21), 1, date(2026, 11, 23), 0),  # discovered on a Saturday
    ],
)
def test_business_days(start: date, days: int, due: date, skipped: int) -> None:
    got, holidays = add_business_days(start, days)
    assert got == due
    assert len(holidays) == skipped


def test_the_calendars_last_year_has_its_holidays_and_clocks_stop_clearly() -> None:
    days = federal_holidays(9999)
    assert days[date(9999, 12, 24)] == "Christmas Day (observed)" and len(days) == 11
    assert add_business_days(date(9999, 12, 1), 10)[0] == date(9999, 12, 15)
    with pytest.raises(UsageError, match="10 business days from 9999-12-28 end after 9999-12-31"):
        add_business_days(date(9999, 12, 28), 10)


def test_a_run_as_of_9999_gets_a_clear_report_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    (tmp_path / "inv.csv").write_text("Hostname,Vendor,Model\nolt-1,Huawei,MA5800-X7\n", encoding="utf-8")
    scanned = run_netvet("scan", "inv.csv", "--db", url, "--as-of", "9999-12-30", cwd=tmp_path)
    assert scanned.returncode == 0, scanned.stderr
    done = run_netvet("report", "889-evidence", "--db", url, "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "--discovered (default the run's as-of date)" in done.stderr and "9999-12-31" in done.stderr
