"""A small learned second signal: a multinomial naive Bayes over words and word pairs, English only.

Trained on the lead paragraph of each NGEC synthetic PLOVER story (``ngec-synthetic-plover-events``,
machine-written, labels = the prompt's PLOVER type; MIT). It never creates an event: it only re-weighs
the confidence of events the rule coder found, so the highest-confidence event is the one the words of
the sentence favour when two triggers compete. The model is a JSON table of per-type log-probabilities
for the most informative features (``warta/resources/coding/nb_en.json``); see docs/events.md for the
measured effect.

Example:
    >>> model = load_model("en")
    >>> model is None or abs(sum(model.posterior("troops opened fire on protesters").values()) - 1) < 1e-6
    True
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import PLOVER_TYPES
from .lexicon import RESOURCE_DIR

MODEL_FILE = "nb_{lang}.json"
WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
#: features kept in the shipped table (by how much they separate the types)
MAX_FEATURES = 4000
MIN_COUNT = 3
SMOOTHING = 0.5
STOPWORDS = frozenset("the a an of to in on and or for with at by from as is was were be been it its that this "
                      "their they he she his her has have had will would said says".split())


def features(text: str) -> list[str]:
    words = [w for w in WORD_RE.findall(text.lower()) if w not in STOPWORDS]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]


@dataclass
class NaiveBayes:
    types: list[str]
    table: dict[str, list[float]]  # feature → log P(feature | type) per type
    default: list[float]  # log P(unseen feature | type)

    def posterior(self, text: str) -> dict[str, float]:
        """P(type | text) with a uniform prior (the synthetic class balance is not the news balance)."""
        scores = [0.0] * len(self.types)
        for f in features(text):
            row = self.table.get(f)
            if row is None:
                continue
            for k, v in enumerate(row):
                scores[k] += v - self.default[k]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        z = sum(exps)
        return {t: e / z for t, e in zip(self.types, exps)}


def train(rows: list[tuple[str, str]]) -> NaiveBayes:
    """Fit on (text, PLOVER type) pairs and keep the MAX_FEATURES most type-specific features."""
    types = [t for t in PLOVER_TYPES if any(lab == t for _, lab in rows)]
    counts = {t: Counter() for t in types}
    for text, lab in rows:
        if lab in counts:
            counts[lab].update(set(features(text)))
    vocab = Counter()
    for c in counts.values():
        vocab.update(c)
    vocab = {f for f, n in vocab.items() if n >= MIN_COUNT}
    totals = {t: sum(counts[t][f] for f in vocab) for t in types}
    v = len(vocab)

    def logp(t: str, f: str) -> float:
        return math.log((counts[t][f] + SMOOTHING) / (totals[t] + SMOOTHING * v))

    default = [math.log(SMOOTHING / (totals[t] + SMOOTHING * v)) for t in types]
    spread = {f: max(logp(t, f) for t in types) - min(logp(t, f) for t in types) for f in vocab}
    keep = sorted(vocab, key=lambda f: (-spread[f], f))[:MAX_FEATURES]
    table = {f: [round(logp(t, f), 3) for t in types] for f in keep}
    return NaiveBayes(types, table, [round(d, 3) for d in default])


def read_ngec(path: Path) -> list[tuple[str, str]]:
    """(lead paragraph, type) pairs from the NGEC synthetic stories CSV (gzipped)."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            lead = (r.get("text") or "").strip().split("\n")[0]
            if lead and r.get("label") in PLOVER_TYPES:
                rows.append((lead, r["label"]))
    return rows


def save(model: NaiveBayes, path: Path) -> None:
    path.write_text(json.dumps({"types": model.types, "default": model.default, "table": model.table},
                               separators=(",", ":")), encoding="utf-8")


@lru_cache(maxsize=2)
def load_model(language: str) -> NaiveBayes | None:
    """The shipped model of ``language``, or None when there is none (Indonesian has none)."""
    path = RESOURCE_DIR / MODEL_FILE.format(lang=language)
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return NaiveBayes(raw["types"], raw["table"], raw["default"])


def main() -> None:  # pragma: no cover - a build step: python -m warta.coding.learned DATA_DIR
    import sys

    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
    rows = read_ngec(data / "ngec-synthetic-plover-events" / "gpt_synthetic_events_2023-10-19.train70.csv.gz")
    model = train(rows)
    save(model, RESOURCE_DIR / MODEL_FILE.format(lang="en"))
    print(f"trained on {len(rows)} leads, {len(model.table)} features")


if __name__ == "__main__":  # pragma: no cover
    main()
