"""Measure language identification on news sentences drawn from ``../shared/data``.

Indonesian: sentences of CLICK-ID articles; English: sentences of PolNeAR articles;
Malay: the hand-written news-style sentences in ``tests/nlp/data/malay_sentences.txt``
(no Malay corpus is available offline). Samples are seeded, 40–400 characters.

Example::

    python -m warta.nlp.langid_bench --n 200
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from .corpora import REPO_ROOT, data_dir_default
from .segment import split_sentences

MIN_CHARS, MAX_CHARS = 40, 400
MALAY_FILE = REPO_ROOT / "tests" / "nlp" / "data" / "malay_sentences.txt"


def _sentences_from(texts: Sequence[str], n: int, seed: int) -> list[str]:
    pool = []
    for text in texts:
        for s, e in split_sentences(text):
            sent = text[s:e]
            if MIN_CHARS <= len(sent) <= MAX_CHARS:
                pool.append(sent)
    random.Random(seed).shuffle(pool)
    return pool[:n]


def indonesian_sentences(data_dir: Path, *, n: int = 200, seed: int = 0) -> list[str]:
    with gzip.open(data_dir / "indonesian-news-clickid" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [json.loads(line).get("content") or "" for line in fh]
    random.Random(seed).shuffle(texts)
    return _sentences_from(texts[:2000], n, seed)


def english_sentences(data_dir: Path, *, n: int = 200, seed: int = 0) -> list[str]:
    texts = {}
    with gzip.open(data_dir / "polnear" / "polnear.train70.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["filename"]] = rec["text"]
    return _sentences_from([texts[k] for k in sorted(texts)], n, seed)


def malay_sentences() -> list[str]:
    lines = MALAY_FILE.read_text(encoding="utf-8").splitlines()
    return [x for x in lines if x.strip() and not x.startswith("#")]


def accuracy(detect: Callable[[str], str], sents: Sequence[str], expected: str) -> dict:
    got = Counter(detect(s) for s in sents)
    return {"n": len(sents), "accuracy": got[expected] / len(sents) if sents else 0.0, "labels": dict(got)}


def _lingua_detector():
    from lingua import Language, LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_languages(Language.INDONESIAN, Language.ENGLISH, Language.MALAY).build()
    codes = {Language.INDONESIAN: "id", Language.ENGLISH: "en", Language.MALAY: "ms"}
    return lambda s: codes.get(det.detect_language_of(s), "other")


def _py3langid_raw():
    from .langid import _identifier

    return lambda s: _identifier().classify(s)[0]


def run(data_dir: Path, *, n: int = 200, seed: int = 0) -> dict:
    from .langid import detect_language

    sets = {"id": indonesian_sentences(data_dir, n=n, seed=seed), "en": english_sentences(data_dir, n=n, seed=seed),
            "ms": malay_sentences()}
    detectors = {"warta": lambda s: detect_language(s)[0], "py3langid (restricted, no Malay rule)": _py3langid_raw(),
                 "lingua (id/en/ms)": _lingua_detector()}
    return {name: {lang: accuracy(fn, sents, lang) for lang, sents in sets.items()} for name, fn in detectors.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="language-ID accuracy on news sentences")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.data or data_dir_default(), n=args.n, seed=args.seed), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
