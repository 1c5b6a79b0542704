"""Turn one rule match into a ``Period`` relative to the publication date (the anchor).

The policies (see docs/times.md):

- a weekday is the most recent such day on or before publication, the next one after it when the
  clause is future ("akan", "will"); "Selasa lalu" is strictly before, "Selasa depan" strictly after;
- a month without a year is its most recent occurrence not after the publication month, unless future;
- a day and month without a year ("3 Oktober", "(8/10)") is the occurrence nearest to publication,
  unless a tense cue or a deictic word says past or future; a weekday next to it picks the year;
- "pekan lalu" is the previous ISO week (Monday–Sunday), "bulan lalu" the previous month;
- "awal/pertengahan/akhir" keep the value of the period and narrow the interval to a third of it;
- without an anchor, anything relative gets value null (absolute dates still resolve).

Example:
    >>> from datetime import date
    >>> months_back(date(2024, 10, 8), 6, future=False).value
    '2024-06'
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from . import calendar as cal
from .calendar import Period
from .lexicon import Grammar, Rule, word_key

#: Resolution needs the tense of the clause only for these kinds (computed lazily: it costs).
#: A two-digit year up to this many years after publication is read in the anchor's century.
TWO_DIGIT_YEAR_AHEAD = 10
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xix": 19, "xx": 20, "xxi": 21, "xxii": 22}
UNRESOLVED = Period(None, None, None, None)


class Context:
    """What a handler may consult: the match, the grammar, the anchor and a lazy tense."""

    __slots__ = ("m", "grammar", "anchor", "rule", "_tense", "_tense_fn")

    def __init__(self, m: re.Match[str], rule: Rule, grammar: Grammar, anchor: date | None,
                 tense_fn: Callable[[], str | None]) -> None:
        self.m, self.rule, self.grammar, self.anchor = m, rule, grammar, anchor
        self._tense: str | None | bool = False
        self._tense_fn = tense_fn

    def g(self, name: str) -> str | None:
        return self.m.group(name) if name in self.m.re.groupindex else None

    @property
    def tense(self) -> str | None:
        if self._tense is False:
            self._tense = self._tense_fn()
        return self._tense  # type: ignore[return-value]

    def rel(self) -> int | None:
        word = self.g("rel")
        return self.grammar.deictic.get(word_key(word)) if word else self.rule.options.get("rel")

    def part(self) -> str | None:
        word = self.g("part")
        return self.grammar.parts.get(word_key(word)) if word else self.rule.options.get("part")

    def month_number(self) -> int | None:
        word = self.g("month") or self.g("monthname")
        if word:
            return self.grammar.month(word)
        num = self.g("mon")
        return int(num) if num else None

    def year_number(self) -> int | None:
        y = self.g("year")
        if y:
            return int(y)
        yy = self.g("yy")
        if yy:
            return expand_two_digit_year(int(yy), self.anchor)
        return None

    def direction(self) -> str | None:
        """'past', 'future' or None from a deictic word first, then the clause's tense."""
        r = self.rel()
        if r is not None and r < 0:
            return "past"
        if r is not None and r > 0:
            return "future"
        return self.tense


def expand_two_digit_year(yy: int, anchor: date | None) -> int:
    ref = anchor.year if anchor else date.today().year
    century = ref // 100 * 100
    y = century + yy
    return y - 100 if y > ref + TWO_DIGIT_YEAR_AHEAD else y


def months_back(anchor: date, m: int, *, future: bool, strict: bool = False) -> Period:
    """Month ``m`` nearest to the anchor going back (or forward when ``future``)."""
    y = anchor.year
    if future:
        if m < anchor.month or (strict and m == anchor.month):
            y += 1
    elif m > anchor.month or (strict and m == anchor.month):
        y -= 1
    return cal.month(y, m)


def _day_month(ctx: Context, d: int, m: int) -> Period | None:
    a = ctx.anchor
    assert a is not None
    weekday = ctx.g("weekday")
    wd = ctx.grammar.weekdays.get(word_key(weekday)) if weekday else None
    candidates = [x for x in (cal.safe_date(a.year + k, m, d) for k in (-1, 0, 1)) if x is not None]
    if not candidates:
        return None
    if wd is not None:
        matching = [x for x in candidates if x.isoweekday() == wd]
        if matching:
            return cal.day(min(matching, key=lambda x: abs((x - a).days)))
    # Tense cues are too noisy for full dates (a "reported" clause about next week's meeting): only
    # a deictic word ("3 Oktober lalu", "Selasa depan") overrides the occurrence nearest to publication.
    r = ctx.rel()
    if r is not None and r < 0:
        past = [x for x in candidates if x <= a]
        return cal.day(max(past)) if past else None
    if r is not None and r > 0:
        future = [x for x in candidates if x >= a]
        return cal.day(min(future)) if future else None
    # A tie goes to the past (news mostly reports what happened).
    return cal.day(min(candidates, key=lambda x: (abs((x - a).days), x > a)))


def h_date(ctx: Context) -> Period | None:
    d = int(ctx.g("day") or 0)
    m = ctx.month_number()
    if not m or not d:
        return None
    y = ctx.year_number()
    if y is not None:
        found = cal.safe_date(y, m, d)
        return cal.day(found) if found else None
    if ctx.anchor is None:
        return UNRESOLVED if cal.safe_date(2000, m, d) else None
    return _day_month(ctx, d, m)


def h_day_of_month(ctx: Context) -> Period | None:
    d = int(ctx.g("day") or 0)
    a = ctx.anchor
    if a is None:
        return UNRESOLVED
    future = ctx.direction() == "future"
    y, m = a.year, a.month
    for _ in range(3):  # a 31st may need two steps to find a month that has one
        found = cal.safe_date(y, m, d)
        if found and ((found >= a) if future else (found <= a)):
            return cal.day(found)
        y, m = cal.add_months(y, m, 1 if future else -1)
    return None


def h_month(ctx: Context) -> Period | None:
    m = ctx.month_number()
    if not m:
        return None
    y = ctx.year_number()
    a = ctx.anchor
    if y is not None:
        period = cal.month(y, m)
    elif a is None:
        return UNRESOLVED
    elif ctx.rule.options.get("rel_year"):
        period = cal.month(a.year + (ctx.rel() or 0), m)
    else:
        r = ctx.rel()
        if r is not None and r < 0:
            period = months_back(a, m, future=False, strict=True)
        elif r is not None and r > 0:
            # "akhir September mendatang" written in September is this September.
            period = months_back(a, m, future=True)
        elif r == 0:
            period = cal.month(a.year, m)
        else:
            period = months_back(a, m, future=ctx.tense == "future")
    return cal.narrow(period, ctx.part())


def h_year(ctx: Context) -> Period | None:
    y = ctx.year_number()
    if y is None:
        return None
    return cal.narrow(cal.year(y), ctx.part())


def _shift(anchor: date, unit: str, n: int) -> Period | None:
    if unit == "day":
        return cal.day(anchor + timedelta(days=n))
    if unit == "week":
        return cal.week(anchor + timedelta(weeks=n))
    if unit == "weekend":
        return cal.weekend(anchor + timedelta(weeks=n))
    if unit == "month":
        return cal.month(*cal.add_months(anchor.year, anchor.month, n))
    if unit == "quarter":
        q = cal.quarter_of(anchor) - 1 + n
        return cal.quarter(anchor.year + q // 4, q % 4 + 1)
    if unit == "year":
        return cal.year(anchor.year + n)
    if unit == "decade":
        return cal.decade(anchor.year // 10 + n)
    if unit == "century":
        return cal.century(anchor.year // 100 + n)
    return None


def _unit(ctx: Context) -> str | None:
    word = ctx.g("unit")
    if word:
        return ctx.grammar.units.get(word_key(word))
    return ctx.rule.options.get("unit")


def h_deictic(ctx: Context) -> Period | None:
    unit = _unit(ctx)
    if unit is None:
        return None
    if ctx.anchor is None:
        return Period(None, None, None, unit)
    r = ctx.rel()
    if word_key(ctx.g("unit") or "") in ctx.grammar.data.get("plural_units", ()):
        if r is not None and r > 0:
            return Period(None, ctx.anchor, None, unit)
        return Period(None, None, ctx.anchor, unit) if r is not None and r < 0 else None
    if unit == "weekend" and r is None:
        # "the weekend" / "akhir pekan": the latest one on or before publication.
        r = 0 if ctx.anchor.isoweekday() >= 6 else -1
    p = _shift(ctx.anchor, unit, r if r is not None else 0)
    return cal.narrow(p, ctx.part()) if p else None


def h_weekday(ctx: Context) -> Period | None:
    word = ctx.g("weekday")
    wd = ctx.grammar.weekdays.get(word_key(word)) if word else None
    if wd is None:
        return None
    a = ctx.anchor
    if a is None:
        return Period(None, None, None, "day")
    back = (a.isoweekday() - wd) % 7  # days since the most recent such day (0 = today)
    r = ctx.rel()
    if r is not None and r < 0:
        return cal.day(a - timedelta(days=back or 7))
    if r == 0:
        return cal.day(a + timedelta(days=wd - a.isoweekday()))
    if (r is not None and r > 0) or ctx.tense == "future":
        ahead = (wd - a.isoweekday()) % 7
        return cal.day(a + timedelta(days=ahead or 7))
    return cal.day(a - timedelta(days=back))


def h_dayword(ctx: Context) -> Period | None:
    word = ctx.g("dayword")
    if word:
        offset = ctx.grammar.day_words.get(word_key(word))
    elif ctx.g("before") is not None:  # "the day before yesterday"
        offset = -2
    elif ctx.g("after") is not None:
        offset = 2
    else:
        offset = ctx.rule.options.get("offset")
    if offset is None:
        return None
    if ctx.anchor is None:
        return Period(None, None, None, "day")
    return cal.day(ctx.anchor + timedelta(days=offset))


def h_offset(ctx: Context) -> Period | None:
    unit = _unit(ctx)
    num_word = ctx.g("num")
    n = ctx.grammar.number(num_word) if num_word else 1
    if unit is None or n is None:
        return None
    if ctx.anchor is None:
        return Period(None, None, None, "day" if unit == "week" else unit)
    sign = 1 if ctx.g("later") else -1
    if unit == "week":  # TimeML: "two weeks ago" is a day, not an ISO week
        return cal.day(ctx.anchor + timedelta(weeks=sign * n))
    return _shift(ctx.anchor, unit, sign * n)


def _ordinal(ctx: Context) -> int | None:
    word = ctx.g("ord")
    return ctx.grammar.ordinals.get(word_key(word)) if word else ctx.rule.options.get("ord")


def _period_year(ctx: Context, index: int, per_year: int) -> int | None:
    """The year of a quarter/half given without one: the latest not after publication ("the fourth
    quarter" in March is last year's), this year's when the clause is future; a deictic or year-ago
    word shifts it."""
    y = ctx.year_number()
    if y is not None:
        return y
    a = ctx.anchor
    if a is None:
        return None
    shift = ctx.rule.options.get("year_offset", 0)
    if ctx.g("rel"):
        return a.year + shift + (ctx.rel() or 0)
    current = (a.month - 1) * per_year // 12 + 1
    if index > current and ctx.tense != "future":
        shift -= 1
    return a.year + shift


def h_quarter(ctx: Context) -> Period | None:
    q = _ordinal(ctx)
    if q is None or not 1 <= q <= 4:
        return None
    y = _period_year(ctx, q, 4)
    return cal.quarter(y, q) if y is not None else Period(None, None, None, "quarter")


def h_half(ctx: Context) -> Period | None:
    h = _ordinal(ctx)
    if h is None or not 1 <= h <= 2:
        return None
    y = _period_year(ctx, h, 2)
    return cal.half(y, h) if y is not None else Period(None, None, None, "half")


def h_decade(ctx: Context) -> Period | None:
    raw = ctx.g("decade") or ctx.g("decade2") or ""
    digits = int(raw)
    if len(raw) == 4:
        prefix = digits // 10
    else:
        ref = ctx.anchor.year if ctx.anchor else date.today().year
        prefix = (ref // 100) * 10 + digits // 10
        if prefix * 10 > ref:
            prefix -= 10
    return cal.narrow(cal.decade(prefix), ctx.part())


def h_century(ctx: Context) -> Period | None:
    raw = word_key(ctx.g("century") or "")
    raw = re.sub(r"(st|nd|rd|th)$", "", raw)
    n = int(raw) if raw.isdigit() else ROMAN.get(raw)
    if not n or n > 30:
        return None
    return cal.narrow(cal.century(n - 1), ctx.part())


def h_season(ctx: Context) -> Period | None:
    code = ctx.grammar.seasons.get(word_key(ctx.g("season") or ""))
    if code is None:
        return None
    y = ctx.year_number()
    a = ctx.anchor
    if y is None:
        if a is None:
            return Period(None, None, None, "season")
        r = ctx.rel()
        first = cal.SEASON_MONTHS[code][0]
        started = a.month >= first or (code == "WI" and a.month <= 2)
        base = a.year - 1 if code == "WI" and a.month <= 2 else a.year
        if r is None or r == 0:
            y = base
        elif r < 0:
            y = base if started and not _season_running(a, code) else base - 1
        else:
            y = base + 1 if started else base
    return cal.season(y, code)


def _season_running(a: date, code: str) -> bool:
    first, last = cal.SEASON_MONTHS[code]
    if first <= last:
        return first <= a.month <= last
    return a.month >= first or a.month <= last


def h_vague(ctx: Context) -> Period | None:
    unit = _unit(ctx)
    a = ctx.anchor
    if a is None:
        return Period(None, None, None, unit)
    if ctx.g("vfut"):
        return Period(None, a, None, unit)
    return Period(None, None, a, unit)


def h_last_n(ctx: Context) -> Period | None:
    """"10 tahun terakhir": the stretch ending at publication (value null, an interval)."""
    unit = _unit(ctx)
    num = ctx.g("num")
    n = ctx.grammar.number(num) if num else 1  # "setahun terakhir": one year
    a = ctx.anchor
    if unit is None or n is None:
        return None
    if a is None:
        return Period(None, None, None, unit)
    if unit == "day":
        start = a - timedelta(days=n)
    elif unit == "week":
        start = a - timedelta(weeks=n)
    elif unit == "month":
        y, m = cal.add_months(a.year, a.month, -n)
        start = cal.safe_date(y, m, min(a.day, 28)) or a
    elif unit in ("year", "decade", "century"):
        start = cal.add_years_to_date(a, -n * {"year": 1, "decade": 10, "century": 100}[unit])
    else:
        return None
    return Period(None, start, a, unit)


def h_next_n(ctx: Context) -> Period | None:
    """"tiga hari ke depan": the stretch starting at publication (value null, an interval)."""
    unit = _unit(ctx)
    n = ctx.grammar.number(ctx.g("num") or "")
    a = ctx.anchor
    if unit is None or n is None:
        return None
    if a is None:
        return Period(None, None, None, unit)
    if unit == "day":
        end = a + timedelta(days=n)
    elif unit == "week":
        end = a + timedelta(weeks=n)
    elif unit == "month":
        y, m = cal.add_months(a.year, a.month, n)
        end = cal.safe_date(y, m, min(a.day, 28)) or a
    elif unit in ("year", "decade", "century"):
        end = cal.add_years_to_date(a, n * {"year": 1, "decade": 10, "century": 100}[unit])
    else:
        return None
    return Period(None, a, end, unit)


def spelled_number(words: str, grammar: Grammar) -> int | None:
    """"seventy-nine" → 79 with the lexicon's number words (tens and units added up)."""
    total = 0
    for w in re.split(r"[\s-]+", word_key(words)):
        if not w:
            continue
        n = grammar.numbers.get(w)
        if n is None:
            return None
        total += n
    return total


def h_spelled_year(ctx: Context) -> Period | None:
    """"nineteen seventy-nine" → 1979; "two thousand" → 2000."""
    century = ctx.g("spelled_century")
    rest = ctx.g("spelled_rest")
    if century is None:
        return cal.year(2000) if ctx.g("two_thousand") else None
    hi = spelled_number(century, ctx.grammar)
    lo = spelled_number(rest, ctx.grammar) if rest else 0
    if hi is None or lo is None or not 10 <= hi <= 20 or not 0 <= lo <= 99:
        return None
    return cal.year(hi * 100 + lo)


HANDLERS: dict[str, Callable[[Context], Period | None]] = {
    "next_n": h_next_n,
    "spelled_year": h_spelled_year,
    "date": h_date,
    "day_of_month": h_day_of_month,
    "month": h_month,
    "year": h_year,
    "deictic": h_deictic,
    "weekday": h_weekday,
    "dayword": h_dayword,
    "offset": h_offset,
    "quarter": h_quarter,
    "half": h_half,
    "decade": h_decade,
    "century": h_century,
    "season": h_season,
    "vague": h_vague,
    "last_n": h_last_n,
}


def resolve(ctx: Context) -> Period | None:
    """The period a match denotes; None when the match turns out not to be a date (31 Februari)."""
    handler = HANDLERS.get(ctx.rule.kind)
    if handler is None:
        raise ValueError(f"timex rule {ctx.rule.name!r} has unknown kind {ctx.rule.kind!r}")
    return handler(ctx)
