"""Benchmark task: where did the event happen (event-location, Halterman 2019; English sentences).

Each sentence goes through the public pipeline (language ``en``). The event is the warta event whose
trigger overlaps the gold VERB span. Its place is correct when one of that place's mentions overlaps the
gold LOCATION span; for a sentence whose event has no gold location, the event must have no place in
that sentence. ``accuracy_with_location`` counts only sentences with a gold location; a sentence where
warta finds no event at the verb counts as wrong. ``event_found`` is the share of verbs warta codes.

Since 2026-11-28 the sentences are split as the events task splits its data: md5(sentence text) mod 10 < 7 is
``dev`` (its errors may be read while tuning where events are placed; ``errors`` receives the dev part only),
the rest ``holdout`` (never read, reported next to the whole file).

Example:
    >>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9))
    (True, False)
"""
from __future__ import annotations

import time
from pathlib import Path

from ..core import Score
from ..readers.halterman import read_locations
from ._pipeline import run_texts
from .events import is_dev

TASK = "location"
DATASETS = ("event-location-halterman",)
FAST = False
FAST_LIMIT = 300
FILE = ("event-location-halterman", "labeled_text.train70.jsonl.gz")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    t0 = time.perf_counter()
    recs = list(read_locations(data_dir.joinpath(*FILE)))[:limit]
    ids = [f"loc-{i}" for i in range(len(recs))]
    docs, _ = run_texts([r.text for r in recs], ids, language="en")
    parts = {"train70": _Tally(), "train70-dev": _Tally(), "train70-holdout": _Tally()}
    for i, r in zip(ids, recs):
        dev = is_dev(r.text)
        doc = docs.get(i)
        ev = None
        if doc is not None:
            ev = next((e for e in doc.events if overlaps((e.evidence.trigger.start, e.evidence.trigger.end), r.verb)), None)
        ok = False
        if ev is not None:
            place = next((p for p in doc.places if p.id == ev.place), None)
            if r.location is None:
                ok = place is None
            elif place is not None:
                ok = any(overlaps((m.start, m.end), r.location) for m in place.mentions)
        for name in ("train70", "train70-dev" if dev else "train70-holdout"):
            parts[name].add(found=ev is not None, ok=ok, located=r.location is not None)
        if errors is not None and not ok and dev:
            errors.append({"dataset": "event-location-halterman", "text": r.text,
                           "verb": r.text[r.verb[0]:r.verb[1]],
                           "gold_location": r.text[r.location[0]:r.location[1]] if r.location else None,
                           "event": ev.type if ev else None})
    secs = time.perf_counter() - t0
    return [score for name, tally in parts.items() for score in tally.scores(name, secs)]


class _Tally:
    """Counts of one part of the file."""

    def __init__(self) -> None:
        self.n = self.found = self.n_loc = self.right_loc = self.right_all = 0

    def add(self, *, found: bool, ok: bool, located: bool) -> None:
        self.n += 1
        self.found += found
        self.right_all += ok
        if located:
            self.n_loc += 1
            self.right_loc += ok

    def scores(self, split: str, secs: float) -> list[Score]:
        def share(a: int, b: int) -> float:
            return a / b if b else 0.0
        name = "event-location-halterman"
        return [Score(TASK, name, split, "accuracy_with_location", share(self.right_loc, self.n_loc), self.n_loc, secs),
                Score(TASK, name, split, "accuracy_all", share(self.right_all, self.n), self.n, secs),
                Score(TASK, name, split, "event_found", share(self.found, self.n), self.n, secs)]
