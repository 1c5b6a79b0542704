"""Benchmark task: attribution (who said what) on PolNeAR (English), source / cue / content F1.

Each article goes through the public pipeline (language ``en``); every warta claim gives a predicted
content span (its start/end), cue span and source span (the speaker span). Overlap rule: a predicted
span matches a gold span of the same role when their character Jaccard overlap is at least 0.5
(|A∩B| / |A∪B|); matching is one-to-one, greedy by overlap. PolNeAR also annotates non-verbal and
belief attributions ("figures", "like"), which warta does not aim to find, so recall is bounded.

Example:
    >>> jaccard((0, 10), (5, 10))
    0.5
"""
from __future__ import annotations

import time
from pathlib import Path

from ..core import Score
from ..readers.polnear import read_polnear
from ._pipeline import run_texts

TASK = "quotes"
DATASETS = ("polnear",)
FAST = False
FAST_LIMIT = 20
FILE = ("polnear", "polnear.train70.jsonl.gz")
MIN_JACCARD = 0.5
ROLES = ("source", "cue", "content")


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    """Number of one-to-one matches with Jaccard ≥ MIN_JACCARD (greedy, best overlaps first)."""
    pairs = sorted(((jaccard(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g, used_p, n = set(), set(), 0
    for score, i, j in pairs:
        if score < MIN_JACCARD:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            n += 1
    return n


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    t0 = time.perf_counter()
    arts = list(read_polnear(data_dir.joinpath(*FILE)))[:limit]
    docs, failed = run_texts([a.text for a in arts], [a.id for a in arts], language="en")
    tot = {r: [0, 0, 0] for r in ROLES}  # matched, predicted, gold
    for a in arts:
        claims = docs[a.id].claims if a.id in docs else []
        pred = {"source": [(c.speaker_span.start, c.speaker_span.end) for c in claims if c.speaker_span],
                "cue": [(c.cue_span.start, c.cue_span.end) for c in claims if c.cue_span],
                "content": [(c.start, c.end) for c in claims]}
        gold = {r: [getattr(x, r) for x in a.attributions if getattr(x, r)] for r in ROLES}
        for r in ROLES:
            m = match(gold[r], pred[r])
            tot[r][0] += m
            tot[r][1] += len(pred[r])
            tot[r][2] += len(gold[r])
        if errors is not None and a.id in failed:
            errors.append({"dataset": "polnear", "id": a.id, "failure": failed[a.id]})
    secs = time.perf_counter() - t0
    scores = []
    for r in ROLES:
        m, p, g = tot[r]
        prec, rec = (m / p if p else 0.0), (m / g if g else 0.0)
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        scores += [Score(TASK, "polnear", "train70", f"f1_{r}", f, g, secs),
                   Score(TASK, "polnear", "train70", f"precision_{r}", prec, p, secs),
                   Score(TASK, "polnear", "train70", f"recall_{r}", rec, g, secs)]
    return scores
