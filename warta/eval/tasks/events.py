"""Benchmark task: PLOVER event type of a sentence (PLOVER GSR, English) and of a snippet (CASE 2021).

Each sentence goes through the public pipeline with the language forced to ``en``; the type of the
highest-confidence event is compared with the gold type (no event = wrong). Metrics: accuracy of that
top type, and the macro-F1 over the gold types. PLOVER GSR legacy types are mapped by
``readers.plover_gsr``; CASE 2021 sub-types by ``readers.case2021.CASE_TO_PLOVER`` (sub-types outside
PLOVER are not scored).

The GSR lexicon was tuned by reading errors on a fixed part of the given file only (records whose
md5(id) mod 10 < 7, "dev"); the rest ("holdout", md5 mod 10 ≥ 7) was not looked at and is reported
separately, next to the whole file. CASE 2021 is split the same way (md5 of the snippet id). The learned
head (``warta.coding.learned``) is trained on the dev parts of both (and the NGEC stories), never on a
holdout part, so the holdout rows measure text no part of the coder was fitted to. For the same reason
``errors`` receives the wrong records of the dev parts only: a holdout error is never written out.

Example:
    >>> macro_f1(["A", "B", "A"], ["A", "A", "A"])
    0.4
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from pathlib import Path

from ..core import Score
from ..readers.case2021 import read_case
from ..readers.plover_gsr import read_gsr

TASK = "events"
DATASETS = ("plover-gsr", "case2021")
FAST = True
FAST_LIMIT = 120
LANGUAGE = "en"
GSR_FILE = ("plover-gsr-cameo", "PLOVER_GSR_CAMEO.train70.json")
CASE_FILE = ("case2021-task2-fine-grained-events", "test_set_with_labels.train70.tsv")
#: records with md5(id) % 10 below this were read while tuning the lexicon
DEV_BUCKETS = 7


def is_dev(record_id: str) -> bool:
    return int(hashlib.md5(record_id.encode()).hexdigest(), 16) % 10 < DEV_BUCKETS


def macro_f1(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """Macro-F1 over the gold labels (a missing prediction counts against recall only)."""
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def top_types(texts: Sequence[str], ids: Sequence[str]) -> tuple[list[str | None], list[dict]]:
    """The highest-confidence event type per text (None when no event), via the public pipeline."""
    from ...api import process_many
    from ...model import Article
    from ...pipeline import Failure, build_pipeline

    pipe = build_pipeline()
    arts = [Article(id=i, text=t, language=LANGUAGE) for i, t in zip(ids, texts)]
    out: dict[str, str | None] = {}
    info: dict[str, dict] = {}
    for item in process_many(arts, pipeline=pipe):
        if isinstance(item, Failure):
            out[item.article_id] = None
            info[item.article_id] = {"failure": f"stage {item.stage}: {item.message}"}
            continue
        best = max(item.events, key=lambda e: e.confidence, default=None)
        out[item.article.id] = best.type if best else None
        info[item.article.id] = {"events": [(e.type, e.trigger_text, e.confidence) for e in item.events]}
    return [out.get(i) for i in ids], [info.get(i, {}) for i in ids]


def _scores(dataset: str, split: str, gold: list[str], pred: list[str | None], secs: float) -> list[Score]:
    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / n if n else 0.0
    return [Score(TASK, dataset, split, "accuracy_top1", acc, n, secs),
            Score(TASK, dataset, split, "f1_macro", macro_f1(gold, pred), n, secs)]


def run_gsr(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    t0 = time.perf_counter()
    recs = list(read_gsr(data_dir.joinpath(*GSR_FILE)))[:limit]
    pred, info = top_types([r.text for r in recs], [r.id for r in recs])
    secs = time.perf_counter() - t0
    gold = [r.type for r in recs]
    if errors is not None:
        for r, p, i in zip(recs, pred, info):
            if p != r.type and is_dev(r.id):
                errors.append({"dataset": "plover-gsr", "id": r.id, "text": r.text, "gold": r.type,
                               "legacy": r.legacy_type, "predicted": p, **i})
    scores = _scores("plover-gsr", "train70", gold, pred, secs)
    for part, keep in (("train70-dev", True), ("train70-holdout", False)):
        idx = [k for k, r in enumerate(recs) if is_dev(r.id) == keep]
        scores += _scores("plover-gsr", part, [gold[k] for k in idx], [pred[k] for k in idx], secs)
    return scores


def run_case(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    t0 = time.perf_counter()
    snips = [s for s in read_case(data_dir.joinpath(*CASE_FILE)) if s.type is not None][:limit]
    pred, info = top_types([s.text for s in snips], [f"case-{s.id}" for s in snips])
    secs = time.perf_counter() - t0
    gold = [s.type for s in snips]
    if errors is not None:
        for s, p, i in zip(snips, pred, info):
            if p != s.type and is_dev(s.id):
                errors.append({"dataset": "case2021", "id": s.id, "text": s.text, "gold": s.type,
                               "subtype": s.subtype, "predicted": p, **i})
    scores = _scores("case2021", "train70", [str(g) for g in gold], pred, secs)
    for part, keep in (("train70-dev", True), ("train70-holdout", False)):
        idx = [k for k, s in enumerate(snips) if is_dev(s.id) == keep]
        scores += _scores("case2021", part, [str(gold[k]) for k in idx], [pred[k] for k in idx], secs)
    return scores


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    return run_gsr(data_dir, limit=limit, errors=errors) + run_case(data_dir, limit=limit, errors=errors)
