"""Benchmark task: time expressions on IndoTimex (Indonesian TimeML) and TimeBank/MEANTIME English (XTN).

Each gold document goes through the public API (``warta.api.process`` with a pipeline of the stages
times needs) with ``published`` set to the document creation time. Metrics:

- ``value_accuracy``: over gold TIMEX3 of type DATE whose value is a fully specified calendar value
  (``ISO_LIKE``: 2014-12-28, 2014-12, 2014-W52, 2014-Q4, 2014-H1, 2014-SU, 2014-W52-WE, 2014, 194, 19 —
  no X placeholders, no clock time, no PAST_REF), the warta time that overlaps the gold span most is
  looked up; the example is correct when its value equals the gold value. A gold timex warta misses is
  wrong.
- ``span_precision`` / ``span_recall`` / ``span_f1`` (relaxed, overlap): a warta time is right when it
  overlaps any gold TIMEX3; a gold DATE or TIME timex is found when some warta time overlaps it.

Example:
    >>> g = [GoldTimex("t1", "DATE", "2014-12-28", 5, 12, "kemarin")]
    >>> from warta.model import Time
    >>> p = [Time("t1", "kemarin", 5, 12, "2014-12-28", "2014-12-28", "2014-12-28", "day")]
    >>> score_document(g, p).value_correct
    1
"""
from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..core import Score
from ..metrics import Counts
from ..readers.timeml import GoldTimex, TimemlDoc, read_timeml_dir
from ..readers.xtn import read_xtn

TASK = "timex"
DATASETS = ("indotimex", "timebank-en", "meantime-en", "meantime-es")
FAST = True
#: The stages a time needs: language and sentences (tense cues stay inside a sentence), then times.
STAGES = ("language", "sentences", "times")
#: dataset → (language, [(split, path under the data dir, reader kind)])
SOURCES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "indotimex": ("id", [("train70", "indotimex-kompas/gold_train70", "timeml")]),
    "timebank-en": ("en", [("train.train70", "xtn-timexes/timebank_en_train.train70.tsv", "xtn"),
                           ("test.train70", "xtn-timexes/timebank_en_test.train70.tsv", "xtn")]),
    "meantime-en": ("en", [("test.train70", "xtn-timexes/meantime_en_test.train70.tsv", "xtn")]),
    "meantime-es": ("es", [("test.train70", "xtn-timexes/meantime_es_test.train70.tsv", "xtn")]),
}
ISO_LIKE = re.compile(r"^\d{2,4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?$")
#: Gold types a warta time is expected to find (durations and sets are not dates).
FOUND_TYPES = ("DATE", "TIME")


@dataclass
class DocScore:
    value_total: int = 0
    value_correct: int = 0
    spans: Counts | None = None
    wrong: list[dict[str, Any]] | None = None


def is_scored(t: GoldTimex) -> bool:
    """A gold DATE with a fully specified calendar value (the value-accuracy population)."""
    return t.type == "DATE" and bool(ISO_LIKE.match(t.value))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_document(gold: Sequence[GoldTimex], pred: Sequence[Any]) -> DocScore:
    """Value accuracy counts, relaxed span counts and the wrong examples of one document."""
    out = DocScore(spans=Counts(), wrong=[])
    for g in gold:
        if not is_scored(g):
            continue
        out.value_total += 1
        best = max(pred, key=lambda p: _overlap(g.start, g.end, p.start, p.end), default=None)
        if best is not None and _overlap(g.start, g.end, best.start, best.end) == 0:
            best = None
        if best is not None and best.value == g.value:
            out.value_correct += 1
        else:
            out.wrong.append({"gold": g.text, "gold_value": g.value, "start": g.start,
                              "found": best.text if best else None, "value": best.value if best else None})
    assert out.spans is not None
    out.spans.tp = sum(1 for g in gold if g.type in FOUND_TYPES
                       and any(_overlap(g.start, g.end, p.start, p.end) for p in pred))
    out.spans.fn = sum(1 for g in gold if g.type in FOUND_TYPES) - out.spans.tp
    out.spans.fp = sum(1 for p in pred if not any(_overlap(g.start, g.end, p.start, p.end) for g in gold))
    return out


def _read(kind: str, path: Path) -> list[TimemlDoc]:
    return list(read_timeml_dir(path)) if kind == "timeml" else read_xtn(path)


def _predict(docs: Sequence[TimemlDoc], language: str) -> list[list[Any] | str]:
    """warta's times per document through the public API, or the failure reason."""
    from ...api import process_many
    from ...model import Article
    from ...pipeline import Failure, build_pipeline

    pipe = build_pipeline(list(STAGES))
    articles = [Article(id=d.doc_id, text=d.text, language=language,
                        published=date.fromisoformat(d.dct) if d.dct else None) for d in docs]
    index = {a.id: i for i, a in enumerate(articles)}
    out: list[list[Any] | str] = ["not processed"] * len(articles)
    for item in process_many(articles, pipeline=pipe):
        if isinstance(item, Failure):
            out[index[item.article_id]] = f"stage {item.stage}: {item.message}"
        else:
            out[index[item.article.id]] = list(item.times)
    return out


def run_split(dataset: str, split: str, docs: list[TimemlDoc], language: str, *,
              errors: list[dict] | None = None) -> list[Score]:
    t0 = time.perf_counter()
    preds = _predict(docs, language)
    total = correct = 0
    spans = Counts()
    for d, p in zip(docs, preds, strict=True):
        failure = p if isinstance(p, str) else None
        s = score_document(d.timexes, [] if failure else p)  # type: ignore[arg-type]
        total += s.value_total
        correct += s.value_correct
        spans.add(s.spans)  # type: ignore[arg-type]
        if errors is not None and (s.wrong or failure):
            for w in s.wrong or []:
                errors.append({"dataset": dataset, "split": split, "doc": d.doc_id, "dct": d.dct,
                               "context": d.text[max(0, w["start"] - 60):w["start"] + 60], **w,
                               **({"failure": failure} if failure else {})})
    secs = time.perf_counter() - t0
    return [
        Score(TASK, dataset, split, "value_accuracy", correct / total if total else 0.0, total, secs),
        Score(TASK, dataset, split, "span_f1", spans.f1, spans.support, secs),
        Score(TASK, dataset, split, "span_precision", spans.precision, spans.support, secs),
        Score(TASK, dataset, split, "span_recall", spans.recall, spans.support, secs),
    ]


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    """Score every dataset and split; ``limit`` caps the documents read per split."""
    scores: list[Score] = []
    for dataset in DATASETS:
        language, splits = SOURCES[dataset]
        for split, rel_path, kind in splits:
            path = Path(data_dir) / rel_path
            if not path.exists():
                continue
            docs = _read(kind, path)
            if limit is not None:
                docs = docs[:limit]
            scores += run_split(dataset, split, docs, language, errors=errors)
    return scores
