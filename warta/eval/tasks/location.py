"""Benchmark task: where did the event happen (event-location, Halterman 2019; English sentences).

Each sentence goes through the public pipeline (language ``en``). The event is the warta event whose
trigger overlaps the gold VERB span. Its place is correct when one of that place's mentions overlaps the
gold LOCATION span; for a sentence whose event has no gold location, the event must have no place in
that sentence. ``accuracy_with_location`` counts only sentences with a gold location; a sentence where
warta finds no event at the verb counts as wrong. ``event_found`` is the share of verbs warta codes.

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
    found = right_loc = n_loc = right_all = 0
    for i, r in zip(ids, recs):
        doc = docs.get(i)
        ev = None
        if doc is not None:
            ev = next((e for e in doc.events if overlaps((e.evidence.trigger.start, e.evidence.trigger.end), r.verb)), None)
        found += ev is not None
        ok = False
        if ev is not None:
            place = next((p for p in doc.places if p.id == ev.place), None)
            if r.location is None:
                ok = place is None
            elif place is not None:
                ok = any(overlaps((m.start, m.end), r.location) for m in place.mentions)
        if r.location is not None:
            n_loc += 1
            right_loc += ok
        right_all += ok
        if errors is not None and not ok:
            errors.append({"dataset": "event-location-halterman", "text": r.text,
                           "verb": r.text[r.verb[0]:r.verb[1]],
                           "gold_location": r.text[r.location[0]:r.location[1]] if r.location else None,
                           "event": ev.type if ev else None})
    secs = time.perf_counter() - t0
    n = len(recs)
    return [Score(TASK, "event-location-halterman", "train70", "accuracy_with_location", right_loc / n_loc if n_loc else 0.0, n_loc, secs),
            Score(TASK, "event-location-halterman", "train70", "accuracy_all", right_all / n if n else 0.0, n, secs),
            Score(TASK, "event-location-halterman", "train70", "event_found", found / n if n else 0.0, n, secs)]
