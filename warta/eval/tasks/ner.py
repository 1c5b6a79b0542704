"""Benchmark task: named entities on NERGrit and NERP (Indonesian), exact span + type, and on Indonesian news.

The news row is the idner-news-2k test split with every sentence that also occurs in warta's training corpora
removed (``test-unseen``): about half of it does, through the NER-UGM / NERP copies of the same news.

Each gold sentence's tokens are joined with single spaces, the text goes through the
public API (language forced to ``id``), and the entities warta finds are compared with
the gold ones as character spans. A match needs the same start, end and class.

Classes: PERSON, ORG and one place class PLACE (warta's GPE and LOC both count as PLACE,
since the corpora do not tell them apart). Gold labels outside these (NERP's EVT, FNB)
and predictions outside them (NORP, EVENT, FAC) are left out of the count.

Example:
    >>> score_sentence([(0, 4, "PERSON")], [(0, 4, "PERSON"), (8, 12, "PLACE")]).fp
    1
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core import Score
from ..metrics import Counts, count_by_label, count_matches
from ..readers.conll import ConllSentence, read_conll

TASK = "ner"
DATASETS = ("nergrit", "nerp", "idner")
FAST = True
#: Sentences per dataset in the CI gate run (NERGrit test has 209, so it runs whole).
FAST_LIMIT = 300

LABELS = ("PERSON", "ORG", "PLACE")
#: dataset → (folder under the data dir, file, corpus label → class)
SOURCES: dict[str, tuple[str, str, dict[str, str]]] = {
    "nergrit": ("indonlu-nergrit", "test.txt", {"PERSON": "PERSON", "PLACE": "PLACE", "ORGANISATION": "ORG"}),
    "nerp": ("indonlu-nerp", "test.txt", {"PPL": "PERSON", "PLC": "PLACE", "IND": "ORG"}),
    "idner": ("idner-news-2k", "test.txt", {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}),
}
SPLIT = "test"
#: datasets scored only on the sentences that occur nowhere in the training corpora, and their split name
UNSEEN_ONLY = {"idner": "test-unseen"}
#: warta's entity labels → the benchmark classes; anything else is not scored.
PREDICTION_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
#: The stages that produce entities; nothing after them is needed for this task.
STAGES = ("language", "sentences", "analysis")
LANGUAGE = "id"

Span3 = tuple[int, int, str]


def score_sentence(gold: Iterable[Span3], pred: Iterable[Span3]) -> Counts:
    """Exact span+class counts for one sentence."""
    return count_matches(gold, pred)


def predicted_spans(entities: Iterable[Any]) -> list[Span3]:
    """warta ``Entity`` records → ``(start, end, class)``, keeping only the scored classes."""
    out = []
    for e in entities:
        cls = PREDICTION_MAP.get(e.label)
        if cls is not None:
            out.append((e.start, e.end, cls))
    return out


def evaluate(gold: list[list[Span3]], pred: list[list[Span3]]) -> tuple[Counts, dict[str, Counts]]:
    """Micro counts and per-class counts over aligned lists of sentences.

    Example:
        >>> micro, by = evaluate([[(0, 4, "ORG")], [(0, 3, "PLACE")]], [[(0, 4, "ORG")], [(0, 3, "PERSON")]])
        >>> round(micro.f1, 2), by["ORG"].f1, by["PLACE"].fn
        (0.5, 1.0, 1)
    """
    micro = Counts()
    by = {lab: Counts() for lab in LABELS}
    for g, p in zip(gold, pred, strict=True):
        micro.add(score_sentence(g, p))
        for lab, c in count_by_label(g, p, labels=LABELS).items():
            by[lab].add(c)
    return micro, by


def _predict(sentences: list[ConllSentence], dataset: str) -> tuple[list[list[Span3] | None], list[str | None]]:
    """Run the sentences through the public API; a failed article yields ``None`` and its reason."""
    from ...api import process_many
    from ...model import Article
    from ...pipeline import Failure, build_pipeline

    pipe = build_pipeline(list(STAGES))
    articles = [Article(id=f"{dataset}-{i}", text=s.text, language=LANGUAGE) for i, s in enumerate(sentences)]
    preds: list[list[Span3] | None] = [None] * len(articles)
    reasons: list[str | None] = [None] * len(articles)
    index = {a.id: i for i, a in enumerate(articles)}
    for item in process_many(articles, pipeline=pipe):
        if isinstance(item, Failure):
            reasons[index[item.article_id]] = f"stage {item.stage}: {item.message}"
        else:
            preds[index[item.article.id]] = predicted_spans(item.entities)
    return preds, reasons


def run_dataset(dataset: str, data_dir: Path, *, limit: int | None = None,
                errors: list[dict] | None = None) -> list[Score]:
    folder, filename, label_map = SOURCES[dataset]
    t0 = time.perf_counter()
    sentences = list(read_conll(data_dir / folder / filename))
    split = UNSEEN_ONLY.get(dataset, SPLIT)
    if dataset in UNSEEN_ONLY:
        from ...nlp.corpora import sentence_key

        seen = training_sentences(data_dir)
        sentences = [s for s in sentences if sentence_key(s.tokens) not in seen]
    if limit is not None:
        sentences = sentences[:limit]
    gold = [s.char_spans(label_map) for s in sentences]
    raw_pred, reasons = _predict(sentences, dataset)
    # A sentence the pipeline failed on predicts nothing: its gold entities count as misses.
    pred = [p or [] for p in raw_pred]
    micro, by = evaluate(gold, pred)
    if errors is not None:
        for i, (s, g, p, why) in enumerate(zip(sentences, gold, pred, reasons)):
            missing, spurious = sorted(set(g) - set(p)), sorted(set(p) - set(g))
            if missing or spurious or why:
                errors.append({
                    "dataset": dataset, "split": split, "index": i, "text": s.text,
                    "missing": [_show(s.text, x) for x in missing],
                    "spurious": [_show(s.text, x) for x in spurious],
                    **({"failure": why} if why else {}),
                })
    secs = time.perf_counter() - t0
    scores = [
        Score(TASK, dataset, split, "f1_micro", micro.f1, micro.support, secs),
        Score(TASK, dataset, split, "precision_micro", micro.precision, micro.support, secs),
        Score(TASK, dataset, split, "recall_micro", micro.recall, micro.support, secs),
    ]
    scores += [Score(TASK, dataset, split, f"f1_{lab.lower()}", by[lab].f1, by[lab].support, secs) for lab in LABELS]
    return scores


def training_sentences(data_dir: Path) -> set[str]:
    """Keys of every NER sentence warta's model is trained on (the merged, deduplicated corpora)."""
    from ...nlp.corpora import TRAIN_SOURCES, ner_splits

    train, _dev, _stats = ner_splits(data_dir, sources=TRAIN_SOURCES)
    return {s.key for s in train}


def _show(text: str, span: Span3) -> dict[str, Any]:
    start, end, label = span
    return {"start": start, "end": end, "label": label, "text": text[start:end]}


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    """Score every dataset; ``limit`` caps the sentences read from each."""
    scores: list[Score] = []
    for dataset in DATASETS:
        scores += run_dataset(dataset, data_dir, limit=limit, errors=errors)
    return scores
