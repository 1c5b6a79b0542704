"""When an event happened (``warta.coding.when``): a date goes to the trigger it lies nearest to."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from warta.coding.when import event_time


def test_each_trigger_takes_its_own_date():
    view = SimpleNamespace(time_mentions=[(1, 2, "t1"), (6, 7, "t2")])
    assert event_time(view, 0, [0, 5], 0, 8, {}, None, "occurred") == "t1"
    assert event_time(view, 5, [0, 5], 0, 8, {}, None, "occurred") == "t2"


def test_an_expected_event_takes_no_date_before_publication():
    view = SimpleNamespace(time_mentions=[(1, 2, "past"), (9, 10, "next")])
    times = {"past": SimpleNamespace(latest="2024-10-01"), "next": SimpleNamespace(latest="2024-10-20")}
    # the trigger at 5 owns neither date (the others' triggers at 1 and 9 lie nearer to them)
    got = event_time(view, 5, [1, 5, 9], 0, 12, times, date(2024, 10, 8), "expected")
    assert got == "next"
    assert event_time(view, 5, [1, 5, 9], 0, 12, times, date(2024, 10, 8), "occurred") is None
