"""Pretrain the Indonesian tok2vec on CLICK-ID article text (spaCy's characters objective).

spaCy's ``pretrain`` loop with two changes: a wall-clock cap (the machine is shared) and the floret
vectors loaded first, since warta's tok2vec reads them (``spacy pretrain`` does not load
``[initialize] vectors``). Only the tok2vec weights are written; :mod:`warta.nlp.train` loads
them through ``[initialize] init_tok2vec``. The architecture is the one in ``id_news.cfg``.

Example (run 5, not shipped; see docs/model-card-id.md)::

    python -m warta.nlp.train id --pretrain 12 --output /tmp/ner-run5
"""
from __future__ import annotations

import gzip
import json
import random
import re
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from .corpora import REPO_ROOT

PRETRAIN_CONFIG_FILE = REPO_ROOT / "training-configs" / "id_news_pretrain.cfg"
#: Default wall-clock cap of pretraining, minutes (the baseline note's single epoch took 13).
DEFAULT_PRETRAIN_MINUTES = 12.0
#: Text pieces shorter than this many tokens are skipped, longer ones cut (spaCy's JsonlCorpus defaults).
MIN_TOKENS, MAX_TOKENS = 5, 500
#: CLICK-ID joins paragraphs with ".," — split there and after sentence-final punctuation.
_PARAGRAPH = re.compile(r"(?<=[.!?\"])\s*,(?=\S)|\n+")


def with_pretraining_section(config, *, pretrain_config: Path = PRETRAIN_CONFIG_FILE):
    """``config`` with the ``[pretraining]`` block of ``pretrain_config`` merged in.

    >>> from spacy import util
    >>> from warta.nlp.train import CONFIG_FILE
    >>> with_pretraining_section(util.load_config(CONFIG_FILE))["pretraining"]["component"]
    'tok2vec'
    """
    from thinc.api import Config

    return config.merge(Config().from_disk(pretrain_config, interpolate=False))


def clickid_texts(data_dir: Path, *, seed: int) -> Iterator[str]:
    """Titles and paragraphs of the CLICK-ID articles (original case), articles in seeded order."""
    with gzip.open(data_dir / "indonesian-news-clickid" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    random.Random(seed).shuffle(records)
    for rec in records:
        if rec.get("title"):
            yield rec["title"]
        for part in _PARAGRAPH.split(rec.get("content") or ""):
            part = part.strip(" -")
            if part:
                yield part


def pretrain_tok2vec(*, data_dir: Path, vectors: Path | None, out_path: Path, config_path: Path, seed: int = 0,
                     max_minutes: float = DEFAULT_PRETRAIN_MINUTES,
                     log: Callable[[str], None] = print) -> dict[str, Any]:
    """Pretrain the tok2vec of ``config_path`` for at most one pass or ``max_minutes``; write its weights.

    Returns counts (texts, words, minutes, last loss per word). ``out_path`` can be given to
    :func:`warta.nlp.train.train_model` as ``init_tok2vec``.
    """
    from spacy import util
    from spacy.schemas import ConfigSchemaPretrain
    from spacy.training.initialize import load_vectors_into_model
    from spacy.training.pretrain import create_pretraining_model, make_update

    overrides = {"paths.vectors": str(vectors) if vectors else None, "system.seed": seed}
    config = with_pretraining_section(util.load_config(config_path, overrides=overrides, interpolate=False))
    if vectors is None:
        config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] = False
    util.fix_random_seed(seed)
    nlp = util.load_model_from_config(config, auto_fill=True)
    if vectors is not None:
        load_vectors_into_model(nlp, str(vectors))
    P = util.registry.resolve(config.interpolate()["pretraining"], schema=ConfigSchemaPretrain)
    model = create_pretraining_model(nlp, P)
    optimizer, objective = P["optimizer"], model.attrs["loss"]

    def docs() -> Iterator:
        for text in clickid_texts(data_dir, seed=seed):
            doc = nlp.make_doc(text)
            if len(doc) >= MIN_TOKENS:
                yield doc[:MAX_TOKENS].as_doc() if len(doc) > MAX_TOKENS else doc

    t0 = time.time()
    n_docs = n_words = 0
    loss = window_loss = 0.0
    window_words = 0
    for i, batch in enumerate(P["batcher"](docs())):
        loss = make_update(model, batch, optimizer, objective)
        n_docs += len(batch)
        batch_words = sum(len(d) for d in batch)
        n_words += batch_words
        window_loss += loss
        window_words += batch_words
        if i % 100 == 0:
            log(f"pretrain batch {i}: {n_words} words, loss/word {window_loss / max(window_words, 1):.3f} "
                f"[{(time.time() - t0) / 60:.1f} min]")
            window_loss, window_words = 0.0, 0
        if time.time() - t0 > max_minutes * 60:
            log(f"pretrain time budget reached after {n_words} words")
            break
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with model.use_params(optimizer.averages):
        out_path.write_bytes(model.get_ref("tok2vec").to_bytes())
    return {"texts": n_docs, "words": n_words, "minutes": round((time.time() - t0) / 60, 1),
            "objective": "characters", "max_minutes": max_minutes}
