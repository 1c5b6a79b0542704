"""NER scoring through the real pipeline: space-joined gold sentence → warta analysis → exact spans.

Gold comes from :func:`warta.nlp.corpora.bio_to_spans`; predictions come from
:func:`predict_spans`, which runs the same code path as the ``analysis`` stage
(warta tokenizer, model, post-corrections). GPE and LOC count as one place class.

Example::

    python -m warta.nlp.score --sets nergrit/test nerp/test
    python -m warta.nlp.score --sets dev nergrit/valid --model /tmp/candidate   # model selection
    python -m warta.nlp.score --sets dev --model /tmp/seed1 --members /tmp/seed2   # an ensemble
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from .corpora import Sentence, bio_to_spans, data_dir_default, dev_sentences, read_ner
from .models import model_dir_override

#: Label classes the benchmarks count; GPE and LOC are both the place class.
EVAL_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "PLACE": "PLACE"}


def eval_class(label: str) -> str | None:
    """The benchmark class of a label (``None``: not counted, e.g. EVENT, NORP)."""
    return EVAL_CLASS.get(label)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: Iterable[Iterable[tuple[int, int, str]]],
                pred: Iterable[Iterable[tuple[int, int, str]]]) -> dict[str, Any]:
    """Micro P/R/F over exact ``(start, end, class)`` matches, overall and per class.

    Labels are mapped with :func:`eval_class` on both sides; spans of uncounted
    labels are ignored.
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g_sent, p_sent in zip(gold, pred):
        g = {(s, e, eval_class(lab)) for s, e, lab in g_sent if eval_class(lab)}
        p = {(s, e, eval_class(lab)) for s, e, lab in p_sent if eval_class(lab)}
        for x in g & p:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out: dict[str, Any] = {"micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))}
    out["per_label"] = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    return out


def predict_spans(texts: Sequence[str], *, language: str = "id") -> list[list[tuple[int, int, str]]]:
    """Entity spans for each text (one sentence each) from warta's analysis code path."""
    from ..model import Article, Document
    from ..stages.analysis import AnalysisStage
    from ..stages.sentences import SentenceStage

    # The same stages as warta.extract (language forced), so the score is the pipeline's score.
    seg, stage = SentenceStage(), AnalysisStage()
    docs = [seg(Document(article=Article(id=f"s{i}", text=text), language=language)) for i, text in enumerate(texts)]
    out = stage.pipe(docs)
    return [[(e.start, e.end, e.label) for e in d.entities] for d in out]


def score_sentences(sents: Sequence[Sentence], *, language: str = "id") -> dict[str, Any]:
    gold_pairs = [bio_to_spans(s.tokens, s.tags) for s in sents]
    pred = predict_spans([t for t, _ in gold_pairs], language=language)
    result = score_spans([g for _, g in gold_pairs], pred)
    result["sentences"] = len(sents)
    return result


def score_sets(specs: Sequence[str], *, data_dir: Path) -> dict[str, Any]:
    """``{spec: score}`` for ``"dev"`` or ``"name/split"`` specs, one summary line printed per set."""
    results = {}
    for spec in specs:
        if spec == "dev":  # the model-selection set: NERGrit valid + 300 NERP valid sentences
            res = score_sentences(dev_sentences(data_dir))
        else:
            name, split = spec.split("/")
            res = score_sentences(read_ner(data_dir, name, split))
        results[spec] = res
        per = " ".join(f"{k} {v['f']:.3f}" for k, v in res["per_label"].items())
        print(f"{spec}: micro F1 {res['micro']['f']:.4f} (P {res['micro']['p']:.3f} R {res['micro']['r']:.3f}) | {per}")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="score warta's NER on benchmark splits")
    ap.add_argument("--sets", nargs="+", default=["nergrit/test", "nerp/test"])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--model", type=Path, default=None,
                    help="score this Indonesian model folder instead of the shipped one (e.g. a training candidate)")
    ap.add_argument("--members", type=Path, nargs="*", default=(),
                    help="with --model: model folders whose NER scores add to its own (an ensemble)")
    args = ap.parse_args(argv)
    data_dir = args.data or data_dir_default()
    if args.members and args.model is None:
        ap.error("--members needs --model")
    with model_dir_override(args.model, members=args.members) if args.model is not None else nullcontext():
        results = score_sets(args.sets, data_dir=data_dir)
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
