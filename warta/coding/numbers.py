"""Casualty counts next to a trigger → ``{low, high}`` following ACLED's conservative reading.

An exact figure gives low = high = the figure. A vague quantity gives the
conservative count ACLED codes as ``low`` (dozens → 12, hundreds → 100, several → 3)
and the largest value the word allows as ``high``. "At least N" → low = high = N;
"more than N" → low = high = N + 1 (the text gives no upper bound, so none is invented);
"up to / about N" → low = high = N (ACLED codes the stated figure).

Example:
    >>> from warta.coding.resources import load_resources
    >>> words = "enam perwira korea utara tewas".split()
    >>> casualties(words, 4, load_resources("id"), side="left")
    {'low': 6, 'high': 6}
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .resources import CodingResources

#: how far from the trigger a number may sit (tokens)
WINDOW = 7
#: how far after a number its victim noun may sit ("enam perwira Korea Utara")
NOUN_GAP = 3
SEPARATORS_RE = re.compile(r"[.,]")
DIGITS_RE = re.compile(r"^\d{1,3}(?:[.,]\d{3})*$|^\d+$")
#: words after a number that make it something other than a head count
NOT_COUNTS = frozenset({
    "tahun", "bulan", "hari", "pekan", "minggu", "jam", "persen", "%", "km", "kilometer", "meter",
    "years", "year", "months", "month", "days", "day", "weeks", "hours", "percent", "miles", "kilometres",
    "kilometers", "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "january", "february", "march", "june", "july", "august", "october",
    "december",
})
MAX_COUNT = 10_000_000
#: how far after a count its "and N others" may start
AND_GAP = 5
AND_WORDS = frozenset({"dan", "serta", "and"})
#: words that make a number after "and" the rest of the same dead ("dan 11 lainnya", "and 11 others")
OTHERS = frozenset({"lainnya", "lain", "others", "more"})


def _number_at(words: Sequence[str], i: int, res: CodingResources) -> tuple[int, int, int] | None:
    """(low, high, tokens used) for a number expression starting at ``i``."""
    w = words[i]
    if DIGITS_RE.match(w):
        value = int(SEPARATORS_RE.sub("", w))
        n = 1
        if i + 1 < len(words) and words[i + 1] in ("ribu", "thousand", "juta", "million"):
            value *= 1000 if words[i + 1] in ("ribu", "thousand") else 1_000_000
            n = 2
        return value, value, n
    p = res.vague_numbers.match(words, i)
    if p:
        low, high = res.vague_numbers.values[p]
        return int(low), int(high), len(p)
    p = res.number_words.match(words, i)
    if p:
        v = int(res.number_words.values[p])
        return v, v, len(p)
    return None


def _qualified(words: Sequence[str], i: int, res: CodingResources) -> tuple[int, int, int, int] | None:
    """(low, high, start, end) for an optionally qualified number at ``i`` ("lebih dari 20")."""
    for pset, kind in ((res.at_least, "at_least"), (res.more_than, "more_than"), (res.up_to, "up_to")):
        p = pset.match(words, i)
        if p and i + len(p) < len(words):
            num = _number_at(words, i + len(p), res)
            if num:
                low, high, n = num
                if kind == "more_than" and low == high:
                    low = high = low + 1
                return low, high, i, i + len(p) + n
    num = _number_at(words, i, res)
    if num:
        return num[0], num[1], i, i + num[2]
    return None


def _is_count(words: Sequence[str], end: int, res: CodingResources, *, adjacent: bool) -> bool:
    if end < len(words) and words[end] in NOT_COUNTS:
        return False
    if adjacent:
        return True
    return any(res.victim_nouns.match(words, j) for j in range(end, min(end + NOUN_GAP, len(words))))


def casualties(words: Sequence[str], trigger: int, res: CodingResources, *, side: str = "both",
               lo: int = 0, hi: int | None = None) -> dict[str, int] | None:
    """The casualty count nearest to ``words[trigger]`` on ``side`` (left, right or both).

    ``lo``/``hi`` bound the search (the sentence); numbers must be followed by a
    victim noun unless they touch the trigger ("killing 6").
    """
    hi = len(words) if hi is None else hi
    order: list[int] = []
    left = list(range(trigger - 1, max(lo, trigger - WINDOW) - 1, -1))
    right = list(range(trigger + 1, min(hi, trigger + WINDOW + 1)))
    if side in ("left", "both"):
        order += left
    if side in ("right", "both"):
        order += right
    if side == "left":
        order += right[:3]
    for i in order:
        q = _qualified(words, i, res)
        if q is None:
            continue
        low, high, start, end = q
        if start > 0 and DIGITS_RE.match(words[start - 1] or ""):
            continue
        if 0 < start and words[start - 1] == "(" and end < len(words) and words[end] == ")":
            continue  # "Iyah (60)": an age
        adjacent = end == trigger or start == trigger + 1
        # a number before a unit or a month ("3 Oktober", "20 persen") is never a count
        if not _is_count(words, end, res, adjacent=adjacent) or not (0 < low <= high <= MAX_COUNT):
            continue
        for more in (_and_more(words, end, hi, res), _and_before(words, start, lo, res)):
            if more:
                low, high = low + more[0], high + more[1]
        return {"low": low, "high": high}
    return None


def _and_more(words: Sequence[str], end: int, hi: int, res: CodingResources) -> tuple[int, int] | None:
    """(low, high) of a second count joined to the one ending at ``end``: "seorang tentara AS dan 11
    lainnya", "six soldiers and two civilians" — ACLED counts the dead of one event together."""
    for k in range(end, min(end + AND_GAP, hi)):
        w = words[k]
        if w in AND_WORDS and k + 1 < hi:
            q = _qualified(words, k + 1, res)
            if q is None or q[3] > hi:
                return None
            low, high, _, after = q
            others = after < hi and words[after] in OTHERS
            return (low, high) if others or _is_count(words, after, res, adjacent=False) else None
        if w in res.clause_breaks or not w.isalpha():
            return None
    return None


def _and_before(words: Sequence[str], start: int, lo: int, res: CodingResources) -> tuple[int, int] | None:
    """(low, high) of a count joined before the one starting at ``start``: "enam tentara dan dua warga sipil
    tewas" (the nearest count is read first)."""
    if start - 1 <= lo or words[start - 1] not in AND_WORDS:
        return None
    for k in range(start - 2, max(lo, start - 2 - AND_GAP) - 1, -1):
        q = _qualified(words, k, res)
        if q is not None and q[3] <= start - 1:
            between = words[q[3]:start - 1]
            if all(w.isalpha() and w not in res.clause_breaks for w in between) and \
                    _is_count(words, q[3], res, adjacent=False):
                return q[0], q[1]
            return None
        if not words[k].isalpha() or words[k] in res.clause_breaks:
            return None
    return None
