"""When an event happened: the time mention of its sentence that belongs to its trigger.

A sentence may hold several triggers and several dates ("ditangkap Senin … diperiksa Selasa"): a date goes to the
trigger it lies nearest to. A trigger with no date of its own takes the nearest other date of the sentence that fits
its status: an expected event is not dated before publication.

Example:
    >>> from types import SimpleNamespace
    >>> view = SimpleNamespace(time_mentions=[(1, 2, "t1"), (6, 7, "t2")])
    >>> event_time(view, 0, [0, 5], 0, 8, {}, None, "occurred"), event_time(view, 5, [0, 5], 0, 8, {}, None, "occurred")
    ('t1', 't2')
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any


def event_time(view: Any, ti: int, sentence_triggers: Sequence[int], lo: int, hi: int, times: Mapping[str, Any],
               published: date | None, status: str) -> str | None:
    """The id of the time mention in ``[lo, hi)`` nearest to the trigger at token ``ti`` rather than to another of
    ``sentence_triggers``; failing that, the nearest one compatible with ``status``."""
    mine, others = [], []
    for i, j, ident in view.time_mentions:
        if i < lo or j > hi:
            continue
        d = min(abs(i - k) for k in sentence_triggers) if sentence_triggers else abs(i - ti)
        (mine if abs(i - ti) <= d else others).append((abs(i - ti), ident))
    if mine:
        return min(mine)[1]
    for _, ident in sorted(others):
        t = times.get(ident)
        if status == "expected" and published and t and t.latest:
            try:
                if date.fromisoformat(t.latest) < published:
                    continue
            except ValueError:
                continue
            return ident
    return None
