"""Calendar arithmetic: ISO weeks, months, quarters, thirds of a period."""
from datetime import date

from warta.timex import calendar as cal


def test_iso_week_runs_monday_to_sunday():
    p = cal.week(date(2024, 10, 8))
    assert (p.value, p.earliest, p.latest) == ("2024-W41", date(2024, 10, 7), date(2024, 10, 13))


def test_iso_week_at_year_boundary_uses_the_iso_year():
    assert cal.week(date(2024, 12, 30)).value == "2025-W01"
    assert cal.week(date(2021, 1, 3)).value == "2020-W53"


def test_month_quarter_half_year_intervals():
    assert cal.month(2024, 2).latest == date(2024, 2, 29)
    assert (cal.quarter(1989, 3).earliest, cal.quarter(1989, 3).latest) == (date(1989, 7, 1), date(1989, 9, 30))
    assert cal.half(2014, 2).value == "2014-H2"
    assert cal.year(1991).value == "1991"


def test_decade_and_century_use_timeml_prefixes():
    assert (cal.decade(194).value, cal.decade(194).earliest) == ("194", date(1940, 1, 1))
    assert (cal.century(19).value, cal.century(19).latest) == ("19", date(1999, 12, 31))


def test_narrow_keeps_the_value_and_cuts_thirds():
    oct_ = cal.month(2024, 10)
    early, mid, late = (cal.narrow(oct_, part) for part in ("early", "mid", "late"))
    assert early.value == mid.value == late.value == "2024-10"
    assert (early.earliest, early.latest) == (date(2024, 10, 1), date(2024, 10, 10))
    assert (late.earliest, late.latest) == (date(2024, 10, 21), date(2024, 10, 31))
    assert mid.earliest > early.latest and mid.latest < late.earliest


def test_narrow_leaves_a_day_whole():
    # "awal hari" (early in the day): a day has no thirds at day granularity; once it gave latest < earliest
    d = cal.day(date(2000, 1, 1))
    for part in ("early", "mid", "late"):
        assert cal.narrow(d, part) == d


def test_winter_spans_the_new_year():
    w = cal.season(2013, "WI")
    assert (w.earliest, w.latest) == (date(2013, 12, 1), date(2014, 2, 28))


def test_month_arithmetic_and_invalid_dates():
    assert cal.add_months(2024, 1, -2) == (2023, 11)
    assert cal.add_months(2024, 12, 1) == (2025, 1)
    assert cal.safe_date(2023, 2, 29) is None
