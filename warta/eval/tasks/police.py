"""Benchmark task: police events in IndiaPoliceEvents documents (English), detection F1 per label.

warta's PLOVER events are mapped onto the dataset's labels:
KILL ← ASSAULT with a fatality count or a killing trigger; ARREST ← COERCE mode arrest;
FORCE ← any other ASSAULT (beatings, firing, crowd control) or COERCE other than arrest;
FAIL (police failed to act) has no PLOVER counterpart: it is predicted when a COERCE or ASSAULT
event is negated ("did not arrest"), a weak proxy reported for completeness.
A document is labelled with every label one of its events maps to; a sentence with every label of the
events whose trigger lies in it (the gold sentences are found in the document text in order; split
``train70-sents``). The dataset labels only police actions; warta does not filter by actor sector
here, so other actors' violence counts as predicted.

Example:
    >>> f1(3, 1, 2)
    0.6667
"""
from __future__ import annotations

import time
from pathlib import Path

from ..core import Score
from ..readers.india_police import LABELS, PoliceDoc, read_police_docs, read_police_sentences
from ._pipeline import run_texts

TASK = "police"
DATASETS = ("india-police-events",)
FAST = False
FAST_LIMIT = 100
DOCS_FILE = ("india-police-events", "docs.train70.jsonl")
SENTS_FILE = ("india-police-events", "sents.train70.jsonl")
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
    doc_pairs = []
    for d in docs:
        pred = labels_of(out[d.id].events) if d.id in out else set()
        doc_pairs.append((d.labels, pred))
        if errors is not None and pred != set(d.labels):
            errors.append({"dataset": "india-police-events", "id": d.id, "gold": sorted(d.labels),
                           "predicted": sorted(pred), **({"failure": failed[d.id]} if d.id in failed else {})})
    sent_pairs = _sentence_pairs(data_dir, docs, out)
    secs = time.perf_counter() - t0
    return _scores("train70-docs", doc_pairs, secs) + _scores("train70-sents", sent_pairs, secs)


def _sentence_pairs(data_dir: Path, docs: list[PoliceDoc], out: dict) -> list[tuple[frozenset[str], set[str]]]:
    """(gold, predicted) labels per gold sentence of the scored documents."""
    texts = {d.id: d.text for d in docs}
    cursor: dict[str, int] = {}
    pairs = []
    for sent in read_police_sentences(data_dir.joinpath(*SENTS_FILE)):
        text = texts.get(sent.doc_id)
        if text is None:
            continue
        start = text.find(sent.text, cursor.get(sent.doc_id, 0))
        pred: set[str] = set()
        if start >= 0 and sent.doc_id in out:
            end = start + len(sent.text)
            cursor[sent.doc_id] = end
            pred = labels_of([e for e in out[sent.doc_id].events if start <= e.evidence.trigger.start < end])
        pairs.append((sent.labels, pred))
    return pairs


def _scores(split: str, pairs: list[tuple[frozenset[str], set[str]]], secs: float) -> list[Score]:
    counts = {lab: [0, 0, 0] for lab in LABELS}
    for gold, pred in pairs:
        for lab in LABELS:
            g, p = lab in gold, lab in pred
            counts[lab][0] += g and p
            counts[lab][1] += p and not g
            counts[lab][2] += g and not p
    scores = [Score(TASK, "india-police-events", split, f"f1_{lab.lower()}", f1(*counts[lab]),
                    counts[lab][0] + counts[lab][2], secs) for lab in LABELS]
    tp, fp, fn = (sum(c[k] for lab, c in counts.items() if lab != "FAIL") for k in range(3))
    scores.append(Score(TASK, "india-police-events", split, "f1_micro_kill_arrest_force", f1(tp, fp, fn), tp + fn, secs))
    return scores
