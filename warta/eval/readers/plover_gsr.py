"""Reader: PLOVER gold-standard records (a JSON array; ``plover-gsr-cameo``).

Legacy PLOVER types are mapped to the current 16: DEMAND → REQUEST, DISAPPROVE and
INVESTIGATE → ACCUSE, FIGHT → ASSAULT (the CAMEO2PLOVER table codes CAMEO 19 "fight" as
ASSAULT); CRIME and the DOCUMENT header record are dropped.

Example:
    >>> map_legacy("DEMAND"), map_legacy("CRIME")
    ('REQUEST', None)
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...model import PLOVER_TYPES

LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
DROPPED = frozenset({"CRIME", "DOCUMENT"})


@dataclass(frozen=True)
class GsrRecord:
    id: str
    text: str
    type: str
    legacy_type: str
    event_text: str


def map_legacy(event: str) -> str | None:
    if event in DROPPED:
        return None
    event = LEGACY.get(event, event)
    return event if event in PLOVER_TYPES else None


def read_gsr(path: Path) -> Iterator[GsrRecord]:
    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)
    for r in records:
        mapped = map_legacy(str(r.get("event", "")))
        if mapped is None or not r.get("text"):
            continue
        yield GsrRecord(r["id"], r["text"].strip(), mapped, r["event"], r.get("eventText", ""))
