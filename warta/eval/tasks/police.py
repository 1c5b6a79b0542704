"""Benchmark task: police events in IndiaPoliceEvents documents (English), detection F1 per label.

warta's PLOVER events are mapped onto the dataset's labels:
KILL ← ASSAULT with a fatality count or a killing trigger; ARREST ← COERCE mode arrest;
FORCE ← any other ASSAULT (beatings, firing, crowd control) or COERCE other than arrest;
FAIL (police failed to act) has no PLOVER counterpart: it is predicted when a COERCE or ASSAULT
event is negated ("did not arrest"), a weak proxy reported for completeness.
A document is labelled with every label one of its events maps to. The dataset labels only police
actions; warta does not filter by actor sector here, so other actors' violence counts as predicted.

Example:
    >>> f1(3, 1, 2)
    0.6667
"""
from __future__ import annotations

import time
from pathlib import Path

from ..core import Score
from ..readers.india_police import LABELS, read_police_docs
from ._pipeline import run_texts

TASK = "police"
DATASETS = ("india-police-events",)
FAST = False
FAST_LIMIT = 100
DOCS_FILE = ("india-police-events", "docs.train70.jsonl")
KILL_WORDS = ("kill", "dead", "died", "death", "murder", "shot dead", "lynch", "massacre", "tewas", "bunuh")


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def labels_of(events) -> set[str]:
    out: set[str] = set()
    for e in events:
        if e.polarity == "negative" and e.type in ("COERCE", "ASSAULT"):
            out.add("FAIL")
            continue
        if e.type == "ASSAULT":
            trig = e.trigger_text.lower()
            out.add("KILL" if e.fatalities or any(w in trig for w in KILL_WORDS) else "FORCE")
        elif e.type == "COERCE":
            out.add("ARREST" if e.mode == "arrest" else "FORCE")
    return out


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    t0 = time.perf_counter()
    docs = list(read_police_docs(data_dir.joinpath(*DOCS_FILE)))[:limit]
    out, failed = run_texts([d.text for d in docs], [d.id for d in docs], language="en")
    counts = {lab: [0, 0, 0] for lab in LABELS}
    for d in docs:
        pred = labels_of(out[d.id].events) if d.id in out else set()
        for lab in LABELS:
            g, p = lab in d.labels, lab in pred
            counts[lab][0] += g and p
            counts[lab][1] += p and not g
            counts[lab][2] += g and not p
        if errors is not None and pred != set(d.labels):
            errors.append({"dataset": "india-police-events", "id": d.id, "gold": sorted(d.labels),
                           "predicted": sorted(pred), **({"failure": failed[d.id]} if d.id in failed else {})})
    secs = time.perf_counter() - t0
    scores = [Score(TASK, "india-police-events", "train70-docs", f"f1_{lab.lower()}", f1(*counts[lab]),
                    counts[lab][0] + counts[lab][2], secs) for lab in LABELS]
    tp, fp, fn = (sum(c[k] for lab, c in counts.items() if lab != "FAIL") for k in range(3))
    scores.append(Score(TASK, "india-police-events", "train70-docs", "f1_micro_kill_arrest_force", f1(tp, fp, fn),
                        tp + fn, secs))
    return scores
