"""Calendar arithmetic: a resolved period as an ISO/TimeML value plus an inclusive date interval.

Example:
    >>> from datetime import date
    >>> week(date(2024, 10, 1))
    Period(value='2024-W40', earliest=datetime.date(2024, 9, 30), latest=datetime.date(2024, 10, 6), granularity='week')
    >>> narrow(month(2024, 10), "early").latest
    datetime.date(2024, 10, 10)
    >>> narrow(year(2024), "late").earliest
    datetime.date(2024, 9, 1)
"""
from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, replace
from datetime import date, timedelta

#: Meteorological seasons (northern hemisphere), as TimeML codes → (first month, last month).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
#: "early / mid / late" split a period into thirds of its days.
PARTS = ("early", "mid", "late")
#: "awal Oktober" is days 1–10, "pertengahan" 11–20, "akhir" 21 to the end.
MONTH_THIRD_DAYS = 10
MIN_YEAR, MAX_YEAR = 1, 9999


@dataclass(frozen=True)
class Period:
    value: str | None
    earliest: date | None
    latest: date | None
    granularity: str | None


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def week(d: date) -> Period:
    """The ISO week (Monday–Sunday) containing ``d``."""
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Period(f"{iso_year}-W{iso_week:02d}", monday, monday + timedelta(days=6), "week")


def weekend(d: date) -> Period:
    """Saturday and Sunday of the ISO week containing ``d`` (TimeML ``YYYY-Www-WE``)."""
    w = week(d)
    sat = w.earliest + timedelta(days=5)  # type: ignore[operator]
    return Period(f"{w.value}-WE", sat, w.latest, "week")


def month(y: int, m: int) -> Period:
    last = _cal.monthrange(y, m)[1]
    return Period(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, last), "month")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{y:04d}-Q{q}", date(y, first, 1), month(y, first + 2).latest, "quarter")


def half(y: int, h: int) -> Period:
    first = 6 * (h - 1) + 1
    return Period(f"{y:04d}-H{h}", date(y, first, 1), month(y, first + 5).latest, "half")


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def decade(prefix: int) -> Period:
    """``decade(194)`` → the 1940s (TimeML writes the first three digits)."""
    return Period(f"{prefix:03d}", date(prefix * 10, 1, 1), date(prefix * 10 + 9, 12, 31), "decade")


def century(prefix: int) -> Period:
    """``century(19)`` → 1900–1999, the 20th century (TimeML writes the first two digits)."""
    start = max(prefix * 100, MIN_YEAR)
    return Period(f"{prefix:02d}", date(start, 1, 1), date(prefix * 100 + 99, 12, 31), "century")


def season(y: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    end_year = y + 1 if last < first else y
    return Period(f"{y:04d}-{code}", date(y, first, 1), month(end_year, last).latest, "season")


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """Month arithmetic: ``add_months(2024, 1, -2)`` → ``(2023, 11)``."""
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def add_years_to_date(d: date, n: int) -> date:
    """The same day ``n`` years away (29 February falls back to the 28th)."""
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def narrow(p: Period, part: str | None) -> Period:
    """Keep the value, narrow earliest/latest to the first, middle or last third of the period.

    A year splits into January–April, May–August, September–December; a month into days 1–10,
    11–20, 21–end; anything else into thirds of its days.
    """
    if part not in PARTS or p.earliest is None or p.latest is None:
        return p
    i = PARTS.index(part)
    e = p.earliest
    if p.granularity == "year":
        first = month(e.year, 1 + 4 * i)
        last = month(e.year, 4 + 4 * i)
        return replace(p, earliest=first.earliest, latest=last.latest)
    if p.granularity == "month":
        start = e + timedelta(days=MONTH_THIRD_DAYS * i)
        end = p.latest if i == 2 else e + timedelta(days=MONTH_THIRD_DAYS * (i + 1) - 1)
        return replace(p, earliest=start, latest=end)
    total = (p.latest - e).days + 1
    third = total // 3
    if third == 0:
        return p  # a day ("awal hari") has no third at day granularity: the whole day stays
    if i == 0:
        return replace(p, latest=e + timedelta(days=third - 1))
    if i == 1:
        return replace(p, earliest=e + timedelta(days=third), latest=p.latest - timedelta(days=third))
    return replace(p, earliest=p.latest - timedelta(days=third - 1))


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    """A real calendar date or None (31 June, 30 February)."""
    if not (MIN_YEAR <= y <= MAX_YEAR):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None
