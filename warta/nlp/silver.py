"""Silver NER data: unlabelled news sentences labelled by a majority vote of trained models (distillation).

Several models of one recipe trained with different seeds disagree on single spans but their
majority is right more often than any one of them (run 7, docs/model-card-id.md). Sentences the
tagger never trains on (:func:`warta.nlp.corpora.postag_unused`) are labelled by each teacher
through warta's own analysis path (:func:`warta.nlp.score.predict_spans`, post-corrections
included) and a span is kept when at least ``min_votes`` teachers return it with the same class;
a student trained on gold + silver learns the vote.

Example::

    python -m warta.nlp.train id --silver 10000 --teachers /tmp/seed0 /tmp/seed1 /tmp/seed2
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .corpora import Sentence, bio_to_spans

#: Teacher label → silver label (GPE and LOC vote as one place class; training splits them again by
#: gazetteer, as it does for gold places); labels not listed are not taught.
VOTE_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "EVENT": "EVENT"}
#: Default: a span needs a majority of three teachers.
DEFAULT_MIN_VOTES = 2


def vote(predictions: Sequence[Sequence[tuple[int, int, str]]], *, min_votes: int) -> list[tuple[int, int, str]]:
    """Spans that at least ``min_votes`` of the teachers' span lists contain with the same class.

    Example:
        >>> vote([[(0, 3, "GPE")], [(0, 3, "LOC"), (5, 9, "ORG")], [(5, 9, "PERSON")]], min_votes=2)
        [(0, 3, 'PLACE')]
    """
    counts: Counter[tuple[int, int, str]] = Counter()
    for spans in predictions:
        counts.update({(s, e, VOTE_CLASS[lab]) for s, e, lab in spans if lab in VOTE_CLASS})
    kept = [span for span, n in counts.items() if n >= min_votes]
    # Two overlapping spans can both pass only when min_votes is not a majority; keep the better-voted one.
    out: list[tuple[int, int, str]] = []
    for span in sorted(kept, key=lambda x: (-counts[x], x)):
        if all(span[1] <= o[0] or o[1] <= span[0] for o in out):
            out.append(span)
    return sorted(out)


def spans_to_bio(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[str] | None:
    """BIO tags for ``tokens`` (joined by single spaces) from character spans; None if a span cuts a token.

    Example:
        >>> spans_to_bio(["Joko", "Widodo", "ke", "Bali"], [(0, 11, "PERSON"), (15, 19, "PLACE")])
        ['B-PERSON', 'I-PERSON', 'O', 'B-PLACE']
    """
    starts, ends, pos = {}, {}, 0
    for i, tok in enumerate(tokens):
        starts[pos] = i
        ends[pos + len(tok)] = i
        pos += len(tok) + 1
    tags = ["O"] * len(tokens)
    for s, e, lab in spans:
        if s not in starts or e not in ends:
            return None
        first, last = starts[s], ends[e]
        tags[first] = f"B-{lab}"
        for j in range(first + 1, last + 1):
            tags[j] = f"I-{lab}"
    return tags


def label_sentences(sentences: Sequence[Sentence], teachers: Sequence[Path], *,
                    min_votes: int = DEFAULT_MIN_VOTES) -> tuple[list[Sentence], dict[str, int]]:
    """``sentences`` with BIO tags from the teachers' vote; sentences whose voted spans cut a token are dropped."""
    from .models import model_dir_override
    from .score import predict_spans

    texts = [" ".join(s.tokens) for s in sentences]
    per_teacher = []
    for teacher in teachers:
        with model_dir_override(teacher):
            per_teacher.append(predict_spans(texts))
    out: list[Sentence] = []
    misaligned = 0
    for i, sent in enumerate(sentences):
        tags = spans_to_bio(sent.tokens, vote([p[i] for p in per_teacher], min_votes=min_votes))
        if tags is None:
            misaligned += 1
            continue
        out.append(Sentence(list(sent.tokens), tags, "silver"))
    return out, {"silver_candidates": len(sentences), "silver_dropped_misaligned": misaligned}


def write_silver(path: Path, sentences: Sequence[Sentence]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for s in sentences:
            fh.write(json.dumps({"tokens": s.tokens, "tags": s.tags}, ensure_ascii=False) + "\n")


def read_silver(path: Path) -> list[Sentence]:
    with open(path, encoding="utf-8") as fh:
        return [Sentence(rec["tokens"], rec["tags"], "silver") for rec in map(json.loads, fh)]


def silver_stats(sentences: Sequence[Sentence]) -> dict[str, Any]:
    labels: Counter[str] = Counter(lab for s in sentences for _s, _e, lab in bio_to_spans(s.tokens, s.tags)[1])
    return {"silver": len(sentences), "silver_entities": dict(sorted(labels.items()))}


def silver_candidates(data_dir: Path, *, seed: int, n_pos_train: int, limit: int,
                      sources: Sequence[tuple[str, str]]) -> list[Sentence]:
    """Up to ``limit`` unlabelled sentences: POS-corpus sentences the tagger does not use, none of them a
    NER test, dev or training sentence (compared like the corpus merge: lowercased, space-joined)."""
    from .corpora import TEST_SETS, ner_splits, postag_unused, read_ner

    train, dev, _stats = ner_splits(data_dir, sources=sources)
    blocked = {s.key for s in train} | {s.key for s in dev}
    blocked |= {s.key for name, split in TEST_SETS for s in read_ner(data_dir, name, split)}
    out = [s for s in postag_unused(data_dir, seed=seed, n_train=n_pos_train) if s.key not in blocked]
    return out[:limit]


def build_silver(data_dir: Path, work: Path, *, teachers: Sequence[Path], seed: int, n_pos_train: int,
                 limit: int, sources: Sequence[tuple[str, str]],
                 min_votes: int = DEFAULT_MIN_VOTES, log=print) -> tuple[list[Sentence], dict[str, Any]]:
    """Silver sentences for training, labelled once and reused from ``work`` on a rerun with the same settings."""
    if not teachers:
        raise ValueError("silver data needs teacher models (--teachers DIR DIR ...)")
    if min_votes > len(teachers):
        raise ValueError(f"min_votes {min_votes} is more than the {len(teachers)} teachers")
    names = "+".join(Path(t).name for t in teachers)
    path = work / f"silver-{limit}-v{min_votes}-{names}.jsonl"
    info: dict[str, Any] = {"teachers": [str(t) for t in teachers], "min_votes": min_votes}
    if path.exists():
        sentences = read_silver(path)
        info["silver_file"] = f"{path} (reused)"
    else:
        candidates = silver_candidates(data_dir, seed=seed, n_pos_train=n_pos_train, limit=limit, sources=sources)
        log(f"silver: labelling {len(candidates)} sentences with {len(teachers)} teachers")
        sentences, counts = label_sentences(candidates, teachers, min_votes=min_votes)
        info.update(counts)
        write_silver(path, sentences)
        info["silver_file"] = str(path)
    info.update(silver_stats(sentences))
    return sentences, info
