"""Reader: event-location annotations (Halterman 2019; Prodigy JSON lines, gzipped).

Example:
    >>> rec = to_record({"text": "x", "answer": "accept", "spans": [{"start": 0, "end": 1, "label": "VERB"}]})
    >>> rec.verb, rec.location
    ((0, 1), None)
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LocationRecord:
    text: str
    verb: tuple[int, int]
    location: tuple[int, int] | None


def to_record(r: dict) -> LocationRecord | None:
    if r.get("answer") not in (None, "accept"):
        return None
    verbs = [(s["start"], s["end"]) for s in r.get("spans", []) if s.get("label") == "VERB"]
    locs = [(s["start"], s["end"]) for s in r.get("spans", []) if s.get("label") == "LOCATION"]
    if len(verbs) != 1:
        return None
    return LocationRecord(r["text"], verbs[0], locs[0] if locs else None)


def read_locations(path: Path) -> Iterator[LocationRecord]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = to_record(json.loads(line))
            if rec is not None:
                yield rec
